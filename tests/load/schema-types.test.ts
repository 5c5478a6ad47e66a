// The committed src/load/schema-types.ts is exactly what scripts/gen-types.mjs makes from schema/*.json.

import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { generateTypes, OUTPUT } from '../../scripts/gen-types.mjs';

test('generated types match the schemas (run `npm run gen:types` after changing a schema)', async () => {
  const committed = await readFile(OUTPUT as string, 'utf8');
  expect(committed.startsWith('// Types of the YAML files as schema/*.json define them: generated, do not edit.')).toBe(true);
  expect(await (generateTypes as () => Promise<string>)()).toBe(committed);
});
