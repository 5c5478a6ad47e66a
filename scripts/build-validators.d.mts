// Types of scripts/build-validators.mjs, for the tests that check what it generates.

/** The text of schema-validators.cjs: standalone validators of the given schema texts, compiled with `options`. */
export function validatorModule(options: object, sources: Record<string, string>): string;
