// Every field the JSON Schemas in schema/ declare, read from the schema files, with a valid and an invalid document for each.

import YAML from 'yaml';
import { SCHEMA_NAMES, schemaSource, type SchemaName } from '../../src/load/schema.js';

/** The part of JSON Schema the schema files use; a keyword outside it stops the walk, so no field goes unseen. */
interface Node {
  type?: string | string[];
  properties?: Record<string, Node>;
  additionalProperties?: boolean | Node;
  items?: Node;
  required?: string[];
  enum?: string[];
  pattern?: string;
  minLength?: number;
  uniqueItems?: boolean;
  $ref?: string;
  definitions?: Record<string, Node>;
}

const KNOWN_KEYWORDS = new Set(['type', 'properties', 'additionalProperties', 'items', 'required', 'enum', 'pattern', 'minLength', 'uniqueItems', '$ref', 'definitions', '$schema', 'title', 'description']);

/** Values a pattern accepts and refuses: the schema states the rule, not an example. A new pattern needs a row here. */
export const PATTERN_EXAMPLES: Record<string, { valid: string; invalid: string }> = {
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': { valid: '2025-01-28', invalid: '28.01.2025' },
  '^[0-9A-Fa-f]{6}$': { valid: '1f4e79', invalid: '#1F4E79' },
  '^https?://\\S+$': { valid: 'https://example.org/bilag', invalid: 'example.org/bilag' },
  '^[a-z0-9]+(-[a-z0-9]+)*$': { valid: 'plan-for-2026', invalid: 'Plan for 2026' },
  '^[^/\\\\:*?"<>|]+$': { valid: '{short}-dagsorden_{date}', invalid: 'ud/dagsorden' },
};

/** The key written for an entry of a free-form mapping (kinds, tracks). */
const MAP_KEY = 'nøgle';
/** The text every invalid value carries, so that the line it is written on can be found in the document. */
const MARK = 'ugyldig';

export interface SchemaField {
  schema: SchemaName;
  /** Concrete path of the field: list entries at index 0, free-form mapping entries under MAP_KEY. */
  path: (string | number)[];
  /** The document with a valid value at `path`, and the same document with an invalid one, as YAML. */
  valid: string;
  invalid: string;
  /** The text of the invalid value, found on the line where it is written. */
  mark: string;
  /** What is wrong with the invalid value. */
  fault: 'type' | 'enum' | 'pattern';
}

function typesOf(node: Node): string[] {
  return node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
}

function resolver(root: Node): (node: Node) => Node {
  return (node) => {
    for (const key of Object.keys(node)) if (!KNOWN_KEYWORDS.has(key)) throw new Error(`the schema walk does not know the keyword '${key}': teach tests/helpers/schema-fields.ts`);
    if (node.$ref === undefined) return node;
    const name = /^#\/definitions\/(.+)$/.exec(node.$ref)?.[1];
    const target = name === undefined ? undefined : root.definitions?.[name];
    if (target === undefined) throw new Error(`unresolved $ref ${node.$ref}`);
    return target;
  };
}

/** Reads every field of one schema: each property, list entry and free-form mapping entry, nested ones included. */
export function schemaFields(schema: SchemaName): SchemaField[] {
  const root = JSON.parse(schemaSource(schema)) as Node;
  const resolve = resolver(root);

  const validValue = (raw: Node): unknown => {
    const node = resolve(raw);
    if (node.enum !== undefined) return node.enum[0];
    if (node.pattern !== undefined) return patternExample(node.pattern).valid;
    const type = typesOf(node)[0];
    if (type === 'string') return 'Tekst';
    if (type === 'boolean') return true;
    if (type === 'array') return node.items === undefined ? [] : [validValue(node.items)];
    if (type === 'object') return minimalObject(node);
    throw new Error(`no valid value for a schema of type ${String(type)}`);
  };
  // A mapping with its required keys only.
  const minimalObject = (node: Node): Record<string, unknown> =>
    Object.fromEntries((node.required ?? []).map((key) => [key, validValue(node.properties?.[key] ?? {})]));

  /** The smallest valid document with `value` at `path`. */
  const place = (raw: Node, path: (string | number)[], value: unknown): unknown => {
    const node = resolve(raw);
    const [head, ...rest] = path;
    if (head === undefined) return value;
    if (typeof head === 'number') return [place(node.items ?? {}, rest, value)];
    const child = node.properties?.[head] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : {});
    return { ...minimalObject(node), [head]: place(child, rest, value) };
  };

  const invalidValue = (node: Node): { value: unknown; mark: string; fault: SchemaField['fault'] } => {
    if (node.enum !== undefined) return { value: MARK, mark: MARK, fault: 'enum' };
    if (node.pattern !== undefined) {
      const { invalid } = patternExample(node.pattern);
      return { value: invalid, mark: invalid, fault: 'pattern' };
    }
    // A value of the first YAML type the field does not allow.
    const types = typesOf(node);
    const candidates: [string, unknown][] = [['array', [MARK]], ['object', { [MARK]: MARK }], ['string', MARK]];
    const wrong = candidates.find(([type]) => !types.includes(type));
    if (wrong === undefined) throw new Error(`no wrong type for a schema of types ${types.join(', ')}`);
    return { value: wrong[1], mark: MARK, fault: 'type' };
  };

  const text = (value: unknown) => YAML.stringify(value, { lineWidth: 0 });
  const out: SchemaField[] = [];
  const walk = (raw: Node, path: (string | number)[]): void => {
    const node = resolve(raw);
    if (path.length > 0) {
      const bad = invalidValue(node);
      out.push({ schema, path, valid: text(place(root, path, validValue(node))), invalid: text(place(root, path, bad.value)), mark: bad.mark, fault: bad.fault });
    }
    for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, [...path, key]);
    if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, [...path, MAP_KEY]);
    if (node.items !== undefined) walk(node.items, [...path, 0]);
  };
  walk(root, []);
  return out;
}

function patternExample(pattern: string): { valid: string; invalid: string } {
  const example = PATTERN_EXAMPLES[pattern];
  if (example === undefined) throw new Error(`no example for the pattern ${pattern}: add one to PATTERN_EXAMPLES`);
  return example;
}

/** The fields of every schema in schema/. */
export function allSchemaFields(): SchemaField[] {
  return SCHEMA_NAMES.flatMap(schemaFields);
}
