// One YAML source checked end to end: parsed safely, validated against its schema, dates checked against the calendar.

import { readFileSync } from 'node:fs';
import { DdhError, hasErrors, problem, type Diagnostic } from '../diagnostics.js';
import { isCalendarDate } from '../rules/dates.js';
import { validateAgainstSchema, type SchemaName } from './schema.js';
import { decodeSource } from './source.js';
import { formatField, parseYaml, type ParsedYaml } from './yaml.js';

/** Checked YAML: `data` is set only when there were no errors, and then matches the schema's generated type. */
export interface CheckedYaml<T> {
  data?: T;
  parsed?: ParsedYaml;
  diagnostics: Diagnostic[];
}

/** Which top-level shape each schema's file has. */
const SHAPES: Record<SchemaName, 'mapping' | 'list'> = { ddh: 'mapping', plan: 'list', members: 'list', meeting: 'mapping', item: 'mapping' };

/** Date-valued keys in any of the files: their values must be real calendar days. */
const DATE_KEYS = new Set(['date', 'issued', 'since', 'due']);

/** Parses and checks YAML text that starts at `firstLine` of `file`. Pure. */
export function checkYaml<T>(text: string, file: string, schema: SchemaName, firstLine = 1): CheckedYaml<T> {
  const parsed = parseYaml(text, file, { firstLine, expect: SHAPES[schema] });
  const diagnostics = [...parsed.diagnostics];
  if (parsed.value === undefined) return { parsed, diagnostics };
  diagnostics.push(...validateAgainstSchema(schema, parsed.value, parsed, file));
  diagnostics.push(...calendarProblems(parsed.value, [], parsed, file));
  return hasErrors(diagnostics) ? { parsed, diagnostics } : { data: parsed.value as T, parsed, diagnostics };
}

/** Reads, decodes and checks a YAML file; an undecodable file becomes a diagnostic, not an exception. */
export async function readYamlFile<T>(absPath: string, file: string, schema: SchemaName): Promise<CheckedYaml<T>> {
  let source;
  try {
    source = decodeSource(readFileSync(absPath), file);
  } catch (error) {
    if (error instanceof DdhError) return { diagnostics: error.diagnostics };
    throw error;
  }
  const checked = checkYaml<T>(source.text, file, schema);
  return { ...checked, diagnostics: [...source.warnings, ...checked.diagnostics] };
}

/** `date: 2024-02-30` is well formed but no day: YAML 1.1 would roll it into March, we refuse it. */
function calendarProblems(value: unknown, path: (string | number)[], parsed: ParsedYaml, file: string): Diagnostic[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => calendarProblems(v, [...path, i], parsed, file));
  if (value === null || typeof value !== 'object') return [];
  const out: Diagnostic[] = [];
  for (const [key, v] of Object.entries(value)) {
    const here = [...path, key];
    if (DATE_KEYS.has(key) && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !isCalendarDate(v)) {
      out.push(
        problem(file, `${formatField(here)} ${v} is not a day in the calendar`, {
          rule: 'date',
          field: formatField(here),
          ...parsed.locate(here),
          hint: 'check the month and day, e.g. 2024-02-29',
        }),
      );
    } else {
      out.push(...calendarProblems(v, here, parsed, file));
    }
  }
  return out;
}
