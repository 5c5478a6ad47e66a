// Validation of parsed YAML against schema/*.json with ajv, and ajv's findings turned into positioned diagnostics.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type AjvModule from 'ajv';
import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import { problem, type Diagnostic } from '../diagnostics.js';
// The validators the build compiled to standalone code, with the schema text each was compiled from; imported, not
// read at run time, so that the bundle holds them and its code cache covers them. Using them skips loading ajv and
// compiling the schemas, the largest start-up cost of `ddh validate`.
import prebuiltValidators from './schema-validators.cjs';
import { formatField, parseInstancePath, type ParsedYaml } from './yaml.js';

/** The schema files, by the name of the file they describe. */
export type SchemaName = 'ddh' | 'plan' | 'members' | 'meeting' | 'item';

/** Every schema name, in a fixed order. */
export const SCHEMA_NAMES: readonly SchemaName[] = ['ddh', 'plan', 'members', 'meeting', 'item'];

/** How the schemas are compiled: here at run time, and by scripts/build-validators.mjs into standalone code. */
export const AJV_OPTIONS: Options = { allErrors: true, verbose: true, allowUnionTypes: true, strict: true };

const require = createRequire(import.meta.url);
let ajv: InstanceType<typeof AjvModule.default> | undefined;
const validators = new Map<SchemaName, ValidateFunction>();

/** The text of a schema file: src/load and dist/load both sit two folders below the package root, next to schema/. */
export function schemaSource(name: SchemaName): string {
  return readFileSync(new URL(`../../schema/${name}.schema.json`, import.meta.url), 'utf8');
}

/** A schema compiled at run time; ajv itself is loaded only then. */
export function compileSchema(source: string): ValidateFunction {
  // ajv is CommonJS: required, its export is the class under `default`.
  ajv ??= new (require('ajv') as typeof AjvModule).default(AJV_OPTIONS);
  return ajv.compile(JSON.parse(source) as object);
}

/** The validator of one schema: the build's standalone one when it was compiled from the schema as it is now, else compiled on first use. */
function validator(name: SchemaName): ValidateFunction {
  const known = validators.get(name);
  if (known) return known;
  const source = schemaSource(name);
  const compiled = (prebuiltValidators?.sources[name] === source ? prebuiltValidators.validators[name] : undefined) ?? compileSchema(source);
  validators.set(name, compiled);
  return compiled;
}

/** Checks `value` against a schema; returns one diagnostic per finding, placed at the node in the YAML source. */
export function validateAgainstSchema(name: SchemaName, value: unknown, parsed: ParsedYaml, file: string): Diagnostic[] {
  const validate = validator(name);
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    const d = describe(e, parsed, file);
    const key = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  boolean: 'true or false',
  number: 'a number',
  integer: 'a whole number',
  null: 'empty',
};

const PATTERN_WORDS: Record<string, string> = {
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': 'must be a date written YYYY-MM-DD, e.g. 2025-01-28',
  '^[0-9A-Fa-f]{6}$': 'must be six hexadecimal digits without #, e.g. 1F4E79',
  '^https?://\\S+$': 'must be a web address starting with https://',
  '^[a-z0-9]+(-[a-z0-9]+)*$': 'must be lowercase letters, digits and single hyphens, e.g. vagtplan-for-2026',
  '^[^/\\\\:*?"<>|]+$': 'must not contain / \\ : * ? " < > |',
};

function describe(e: ErrorObject, parsed: ParsedYaml, file: string): Diagnostic {
  const path = parseInstancePath(e.instancePath);
  const subject = (p: (string | number)[]): string => (p.length === 0 ? 'the file' : formatField(p));
  const at = (p: (string | number)[], key = false) => ({ field: formatField(p), ...parsed.locate(p, { key }) });
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type': {
      const words = String(params.type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
      const quote = typeof e.data === 'boolean' && String(params.type).includes('string');
      return problem(file, `${subject(path)} must be ${words}`, {
        rule: 'schema',
        ...at(path),
        ...(quote ? { hint: `put the value in quotes: "${String(e.data)}"` } : {}),
      });
    }
    case 'required': {
      const full = [...path, String(params.missingProperty)];
      return problem(file, `${formatField(full)} is required`, { rule: 'schema', ...at(full, true) });
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const full = [...path, key];
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const near = nearest(key, allowed);
      const hint = (near ? `did you mean '${near}'? ` : '') + (allowed.length > 0 ? `allowed keys: ${allowed.join(', ')}` : '');
      return problem(file, `${formatField(full)} is not a known key`, {
        rule: 'schema',
        ...at(full, true),
        ...(hint ? { hint } : {}),
      });
    }
    case 'enum':
      return problem(file, `${subject(path)} must be one of ${(params.allowedValues as unknown[]).join(', ')}`, { rule: 'schema', ...at(path) });
    case 'uniqueItems': {
      // ajv reports the earlier copy as `i` and the later, repeated one as `j`.
      const j = Number(params.j);
      const full = [...path, j];
      return problem(file, `${formatField(full)} repeats ${JSON.stringify((e.data as unknown[])[j])}`, { rule: 'schema', ...at(full), hint: 'write each value once' });
    }
    case 'minLength':
      return problem(file, `${subject(path)} must not be empty`, { rule: 'schema', ...at(path) });
    case 'pattern':
      return problem(file, `${subject(path)} ${PATTERN_WORDS[String(params.pattern)] ?? `must match ${String(params.pattern)}`}`, {
        rule: 'schema',
        ...at(path),
      });
    default:
      return problem(file, `${subject(path)} ${e.message ?? 'is not valid'}`, { rule: 'schema', ...at(path) });
  }
}

/** The allowed key closest to a misspelt one, when it is close enough to be a likely typo. */
export function nearest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = candidate.toLowerCase() === key.toLowerCase() ? 0 : levenshtein(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(key.length / 3)) ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
