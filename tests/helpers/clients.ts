// Finds the real client programs (LibreOffice, poppler, qpdf) that client tests drive, and says when they are missing.

import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The first of `names` found as an executable on PATH. */
export function onPath(...names: string[]): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '')) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not in this folder; try the next
      }
    }
  }
  return undefined;
}

/**
 * Looks up the programs a client test file needs (each entry: alternative names of one program).
 * Missing ones are announced so `npm test` says which client tests did not run; with
 * DDH_CLIENT_TESTS=1 (CI) a missing program fails the run instead.
 */
export function findClients(label: string, programs: readonly (readonly string[])[]): { ready: boolean; tool: (name: string) => string } {
  const found = new Map(programs.map((names) => [names[0]!, onPath(...names)]));
  const missing = [...found].filter(([, where]) => where === undefined).map(([name]) => name);
  if (process.env.DDH_CLIENT_TESTS === '1') {
    describe(`${label}: client programs`, () => {
      it('are installed', () => expect(missing).toEqual([]));
    });
  } else if (missing.length > 0) {
    console.warn(`${label}: client tests did not run (${missing.join(', ')} not on PATH)`);
  }
  return {
    ready: missing.length === 0,
    tool: (name) => found.get(name) ?? name,
  };
}
