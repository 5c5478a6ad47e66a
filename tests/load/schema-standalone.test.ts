// The standalone validators the build generates (scripts/build-validators.mjs) find exactly what ajv compiled at run time finds.

import { createRequire, Module } from 'node:module';
import vm from 'node:vm';
import type { ValidateFunction } from 'ajv';
import { describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { validatorModule } from '../../scripts/build-validators.mjs';
import { AJV_OPTIONS, compileSchema, SCHEMA_NAMES, schemaSource, type SchemaName } from '../../src/load/schema.js';
import { formatField } from '../../src/load/yaml.js';
import { allSchemaFields } from '../helpers/schema-fields.js';

interface Generated {
  sources: Record<SchemaName, string>;
  validators: Record<SchemaName, ValidateFunction>;
}

const sources = Object.fromEntries(SCHEMA_NAMES.map((name) => [name, schemaSource(name)])) as Record<SchemaName, string>;
// Run as the CommonJS module the build writes, requiring ajv's runtime helpers from this package.
const module = { exports: {} as Generated };
const wrapped = vm.runInThisContext(Module.wrap(validatorModule(AJV_OPTIONS, sources))) as (...args: unknown[]) => void;
wrapped(module.exports, createRequire(import.meta.url), module);
const generated = module.exports;

/** Valid and invalid documents of every schema, touching every keyword the schemas use. */
const SAMPLES: [SchemaName, string, 'valid' | 'invalid'][] = [
  ['ddh', 'organisation: Solby Netværk\nshort: SN\nkinds: {temamøde: Temamøde}\ntracks: {ai: SN AI}\nstyle: {font: Calibri, colour: 1f4e79}\n', 'valid'],
  ['ddh', 'organisation: [x]\nshort: ""\nkinds: [a]\nstyle: {colour: blå}\nfiles: {agenda: "a/b"}\nunknown: 1\n', 'invalid'],
  ['ddh', 'standing_items:\n  - types: [X, O, O]\n    kind: special\n    proposal: 3\n', 'invalid'],
  ['plan', '- date: 2025-03-04\n  kind: styregruppemøde\n  place: Teams\n  time: "10:00-12:00"\n- date: 2025-05-06\n', 'valid'],
  ['plan', '- date: 4. marts\n  plac: Teams\n- 7\n', 'invalid'],
  ['members', '- name: Anne Bech\n  org: Solby Kommune\n  role: formand\n', 'valid'],
  ['members', '- name: ""\n- org: Solby\n  __proto__: x\n', 'invalid'],
  ['meeting', 'date: 2025-01-28\ntime: 10:00-14:00\nplace: Rådhuset\nabsent: ["Bo Holm, Åby", {name: Eva Lund, org: Solby}]\nstatus: approved\nattachments_url: https://example.org/bilag\n', 'valid'],
  ['meeting', 'date: 2025-1-28\nstatus: done\nabsent: [{org: Solby}, 3]\nattachments_url: ftp://x\nchair: true\n', 'invalid'],
  ['item', 'title: Budget\ntypes: [D, O, B]\nattachments: [Oversigt, {title: Budget, file: bilag/b.pdf}]\nsubitems: [{title: Drift, types: [O]}]\nfollowups: [{title: Ny plan, due: 2025-03-01}]\nkind: approval\ncarried: [{id: vagtplan-2026, title: Vagtplan, since: 2024-12-05, status: open}]\n', 'valid'],
  ['item', 'types: [D, D]\nattachments: [{file: x.pdf}]\nsubitems: [{types: [Q]}]\ncarried: [{id: Not A Slug, status: maybe}]\nclosed: ja\ntitel: x\n', 'invalid'],
];

/** The standalone validator gives `verdict` for `yaml`, as ajv compiling the schema now does, with the same findings. */
function expectSameAsAjv(name: SchemaName, yaml: string, verdict: 'valid' | 'invalid'): void {
  const value: unknown = YAML.parse(yaml);
  const compiled = compileSchema(sources[name]);
  const standalone = generated.validators[name];
  expect(standalone(value)).toBe(verdict === 'valid');
  expect(compiled(value)).toBe(verdict === 'valid');
  expect(standalone.errors ?? null).toEqual(compiled.errors ?? null);
}

/** Every field the schemas declare, with a valid and an invalid document each (as in tests/load/schema.test.ts). */
const FIELD_SAMPLES = allSchemaFields().flatMap((f) => [
  [f.schema, formatField(f.path), f.valid, 'valid'] as const,
  [f.schema, formatField(f.path), f.invalid, 'invalid'] as const,
]);

describe('standalone validators', () => {
  test('carry the schema text they were compiled from', () => {
    expect(generated.sources).toEqual(sources);
  });

  test.each(SAMPLES)('%s: %j is %s, with the same findings as ajv at run time', (name, yaml, verdict) => {
    expectSameAsAjv(name, yaml, verdict);
  });

  test.each(FIELD_SAMPLES)('%s %s: %j is %s, with the same findings as ajv at run time', (name, _, yaml, verdict) => {
    expectSameAsAjv(name, yaml, verdict);
  });
});
