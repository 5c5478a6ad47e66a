// Generates src/load/schema-types.ts from schema/*.json, so the load stage's types never drift from the schemas.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Schema file to the name of its root type. */
const SCHEMAS = [
  ['ddh.schema.json', 'DdhFile'],
  ['plan.schema.json', 'PlanFile'],
  ['members.schema.json', 'MembersFile'],
  ['meeting.schema.json', 'MeetingFile'],
  ['item.schema.json', 'ItemFrontMatter'],
];

export const OUTPUT = path.join(root, 'src', 'load', 'schema-types.ts');

/** The text of src/load/schema-types.ts as the schemas define it now. */
export async function generateTypes() {
  const parts = [
    '// Types of the YAML files as schema/*.json define them: generated, do not edit. Run `npm run gen:types`.\n',
  ];
  for (const [file, name] of SCHEMAS) {
    const schema = JSON.parse(await readFile(path.join(root, 'schema', file), 'utf8'));
    // The root title is prose for the secretariat; the type takes its name from the table above.
    delete schema.title;
    const ts = await compile(schema, name, {
      bannerComment: '',
      additionalProperties: false,
      strictIndexSignatures: true,
      format: true,
      style: { singleQuote: true, printWidth: 120 },
    });
    parts.push(`// ${file}\n${ts.trim()}\n`);
  }
  return parts.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeFile(OUTPUT, await generateTypes());
  console.log(`wrote ${path.relative(root, OUTPUT)}`);
}
