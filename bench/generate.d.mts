// Types of bench/generate.mjs, for the tests that use its repositories.

/** The closing paragraph of a huge item of `bytes` bytes. */
export function hugeItemEnd(bytes: number): string;

/** Writes a generated minutes repository into `dir` and returns its meeting dates. */
export function generateRepository(
  dir: string,
  options?: { items?: number; scale?: number; meetings?: number; huge?: number },
): Promise<[string, ...string[]]>;
