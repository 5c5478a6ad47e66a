// Rewrites the `carried:` list inside front-matter text, leaving every other byte of it as written. Pure.

import { CST, Parser, stringify, type Scalar } from 'yaml';
import type { FollowUp } from '../model.js';

/** The fields of a carried point in the order they are written. */
const POINT_KEYS = ['id', 'title', 'since', 'owner', 'due', 'update', 'status', 'note'] as const;

/** The fields the previous meeting decides for a point it hands on; a kept entry's other fields are the meeting's own text. */
const FACT_KEYS = ['title', 'since', 'owner', 'due'] as const;

/** A point as plain data with its keys in the written order and absent fields left out. */
function pointData(point: FollowUp): Record<string, string> {
  const data: Record<string, string> = {};
  for (const key of POINT_KEYS) {
    const value = point[key];
    if (value !== undefined) data[key] = value;
  }
  return data;
}

/**
 * One list entry as YAML lines: `- id: …` and the other keys under it, every line indented by `column` spaces.
 * The first line's indentation is left out when `indentFirst` is false (the text before it already indents it).
 */
export function renderPoint(point: FollowUp, column: number, indentFirst = true): string {
  const lines = stringify(pointData(point), { lineWidth: 0 }).replace(/\n$/, '').split('\n');
  const pad = ' '.repeat(column);
  return lines
    .map((line, i) => {
      const text = i === 0 ? `- ${line}` : line === '' ? '' : `  ${line}`;
      return i === 0 && !indentFirst ? text : text === '' ? '' : pad + text;
    })
    .join('\n')
    .concat('\n');
}

/** An entry of the existing block list: the text before its `-` (blank lines, comments), the entry and its CST. */
interface Entry {
  id: string | undefined;
  lead: string;
  body: string;
  item: CST.BlockSequence['items'][number];
  /** The column its keys start at, when it is a block map. */
  keyColumn: number | undefined;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function tokenEnd(token: CST.Token): number {
  return ('offset' in token ? token.offset : 0) + CST.stringify(token).length;
}

/** The key of a map pair when it is a plain scalar, as nearly every key is. */
function keyName(pair: CST.BlockMap['items'][number]): string | undefined {
  return pair.key !== undefined && pair.key !== null && pair.key.type === 'scalar' ? pair.key.source : undefined;
}

/** The scalar values written in a block-map entry by key, read from its CST; undefined when a key or value is not a plain scalar, or a key is written twice. */
function entryValues(value: CST.Token | undefined): Map<string, string | undefined> | undefined {
  if (value?.type !== 'block-map') return undefined;
  const values = new Map<string, string | undefined>();
  for (const pair of value.items) {
    const key = keyName(pair);
    if (key === undefined || values.has(key)) return undefined;
    if (pair.value === undefined || pair.value === null) values.set(key, undefined);
    else if (CST.isScalar(pair.value)) values.set(key, CST.resolveAsScalar(pair.value)?.value || undefined);
    else return undefined;
  }
  return values;
}

/** The id written in a list entry, read from its CST without building any data. */
function entryId(value: CST.Token | undefined): string | undefined {
  if (value?.type !== 'block-map') return undefined;
  for (const pair of value.items) {
    if (keyName(pair) === 'id' && pair.value && CST.isScalar(pair.value)) return CST.resolveAsScalar(pair.value)?.value;
  }
  return undefined;
}

/** How to write a new value: in the quotes the old one had, else plain unless YAML would misread it (`2027`, `ja: nej`). */
function scalarType(value: string, old?: CST.Token): Scalar.Type {
  if (old?.type === 'double-quoted-scalar' || (old?.type === 'single-quoted-scalar' && !value.includes('\n'))) {
    return old.type === 'double-quoted-scalar' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
  }
  const first = stringify(value, { lineWidth: 0 })[0];
  return first === '"' || first === "'" ? 'QUOTE_DOUBLE' : first === '|' || first === '>' ? 'BLOCK_LITERAL' : 'PLAIN';
}

/** A new `key: value` line for a block map whose keys start at `column`. */
function newPair(key: string, value: string, column: number): CST.BlockMap['items'][number] {
  return {
    start: [{ type: 'space', offset: -1, indent: 0, source: ' '.repeat(column) }],
    key: { type: 'scalar', offset: -1, indent: column, source: key },
    sep: [
      { type: 'map-value-ind', offset: -1, indent: column, source: ':' },
      { type: 'space', offset: -1, indent: column, source: ' ' },
    ],
    value: CST.createScalarToken(value, { indent: column + 2, type: scalarType(value) }),
  };
}

/**
 * Edits a block-map entry in place so that its title, since, owner and due read as `point`'s: values that differ are
 * set (keeping their quoting and trailing comments), keys the point lacks are removed, keys it adds are inserted after
 * the key before them in the written order. Returns false when the entry's shape is one it does not edit (then the map
 * may be half edited).
 */
function editEntry(map: CST.BlockMap, point: FollowUp, column: number): boolean {
  for (const key of FACT_KEYS) {
    const names = map.items.map(keyName);
    const at = names.indexOf(key);
    const pair = map.items[at];
    const wanted = point[key];
    if (pair === undefined) {
      if (wanted === undefined) continue;
      const after = Math.max(...POINT_KEYS.slice(0, POINT_KEYS.indexOf(key)).map((k) => names.indexOf(k)));
      if (after < 0) return false;
      map.items.splice(after + 1, 0, newPair(key, wanted, column));
    } else if (wanted === undefined) {
      if (pair.value === undefined || pair.value === null) continue;
      // The first pair sits right after the `- `; removing it would leave the next pair's indentation there.
      if (at === 0) return false;
      map.items.splice(at, 1);
    } else if (pair.value === undefined || pair.value === null || !CST.isScalar(pair.value)) {
      return false;
    } else if (CST.resolveAsScalar(pair.value)?.value !== wanted) {
      CST.setScalarValue(pair.value, wanted, { afterKey: true, type: scalarType(wanted, pair.value) });
    }
  }
  return true;
}

/** True when the title, since, owner and due an entry's text resolves to are the point's (an empty value reads as absent). */
function hasFacts(values: Map<string, string | undefined> | undefined, point: FollowUp): boolean {
  return values !== undefined && FACT_KEYS.every((key) => values.get(key) === point[key]);
}

/** True when the two entries' values agree on every key but the facts. */
function sameText(a: Map<string, string | undefined>, b: Map<string, string | undefined>): boolean {
  const keys = new Set([...a.keys(), ...b.keys()].filter((key) => !(FACT_KEYS as readonly string[]).includes(key)));
  return [...keys].every((key) => a.get(key) === b.get(key));
}

/**
 * The text of a kept entry, from its `-` on, with the title, since, owner and due of `point`: its own text when it
 * already has them; else edited in place, so that its update, status, note, comments and the look of every value not
 * changed stay; else, for an entry too unusual to edit, `point` written anew.
 */
function keptBody(entry: Entry, point: FollowUp, column: number): string {
  const body = entry.body.endsWith('\n') ? entry.body : `${entry.body}\n`;
  const written = entryValues(entry.item.value);
  if (hasFacts(written, point)) return body;
  const item = structuredClone(entry.item);
  const map = item.value;
  if (map?.type === 'block-map' && entry.keyColumn !== undefined && editEntry(map, point, entry.keyColumn)) {
    const edited = CST.stringify(item).slice(entry.lead.length);
    // Parsed back on its own, indented as in the list: the edit must give the point's facts and keep the rest, or it is not used.
    const check = [...new Parser().parse(' '.repeat(column) + edited)].find((t): t is CST.Document => t.type === 'document')?.value;
    const values = entryValues(check?.type === 'block-seq' && check.items.length === 1 ? check.items[0]?.value : undefined);
    if (written !== undefined && values !== undefined && hasFacts(values, point) && sameText(values, written)) {
      return edited.endsWith('\n') ? edited : `${edited}\n`;
    }
  }
  return renderPoint(point, column, false);
}

/**
 * The comment written on the `carried:` line itself (`carried: []   # tom endnu`), with the spaces before it; '' when
 * there is none. `tokens` are those that can hold it: the pair's separator and the end of a flow or scalar value.
 */
function keyLineComment(text: string, colonOffset: number, tokens: readonly CST.SourceToken[]): string {
  const lineEnd = text.indexOf('\n', colonOffset);
  const comment = tokens.find((t) => t.type === 'comment' && t.offset > colonOffset && (lineEnd < 0 || t.offset < lineEnd));
  if (comment === undefined) return '';
  // `]# x` reads as a comment to the parser, but `carried:# x` would not be one.
  const spaces = /[ \t]*$/.exec(text.slice(0, comment.offset))?.[0] || ' ';
  return spaces + comment.source;
}

/**
 * Returns `yaml` (front-matter text, LF line ends) with its top-level `carried:` list replaced by `points`.
 * Entries whose id is in `points` keep their exact text, comments included, but take the point's title, since, owner
 * and due: when one differs (the previous meeting changed it) only those values are edited in place, and the entry's
 * update, status and note stay as written. New points are written in the list's own indentation; entries not in
 * `points` are removed. Nothing outside the list changes. A missing `carried` key is added at the end. Throws when
 * the text is not a single YAML mapping.
 */
export function rewriteCarried(yaml: string, points: readonly FollowUp[]): string {
  const text = yaml === '' || yaml.endsWith('\n') ? yaml : `${yaml}\n`;
  const docs = [...new Parser().parse(text)].filter((t): t is CST.Document => t.type === 'document');
  const map = docs[0]?.value;
  if (docs.length > 1 || (map !== undefined && map.type !== 'block-map')) throw new Error('front matter is not a single YAML mapping');
  const pair = map?.items.find((item) => item.key !== undefined && item.key !== null && CST.isScalar(item.key) && item.key.source === 'carried');

  if (pair === undefined) {
    const list = points.length === 0 ? ' []\n' : `\n${points.map((p) => renderPoint(p, 2)).join('')}`;
    return `${text}carried:${list}`;
  }

  const colon = pair.sep?.find((t) => t.type === 'map-value-ind');
  if (colon === undefined) throw new Error('carried: has no value indicator');
  const value = pair.value;
  const valueEnd = value !== undefined && 'end' in value && Array.isArray(value.end) ? value.end : [];
  const comment = keyLineComment(text, colon.offset, [...(pair.sep ?? []), ...valueEnd]);

  if (value?.type === 'block-seq' && value.items.some((item) => item.start.some((t) => t.type === 'seq-item-ind'))) {
    const entries: Entry[] = [];
    let trailing = '';
    for (const item of value.items) {
      const indicator = item.start.findIndex((t) => t.type === 'seq-item-ind');
      const whole = CST.stringify(item);
      if (indicator < 0) {
        // Comment lines after the last entry belong to no entry: they stay at the end.
        trailing += whole;
        continue;
      }
      const lead = item.start.slice(0, indicator).map((t) => t.source).join('');
      const firstKey = item.value?.type === 'block-map' ? item.value.items[0]?.key : undefined;
      const keyColumn = firstKey !== undefined && firstKey !== null && 'offset' in firstKey ? columnOf(text, firstKey.offset) : undefined;
      entries.push({ id: entryId(item.value), lead, body: whole.slice(lead.length), item, keyColumn });
    }
    const start = value.offset;
    const end = tokenEnd(value);
    if (points.length === 0) {
      // Comment lines between the key and the first entry stay, under the empty list.
      const keyLineEnd = text.indexOf('\n', colon.offset) + 1;
      const commentLines = text.slice(keyLineEnd, Math.max(keyLineEnd, text.lastIndexOf('\n', start - 1) + 1));
      return `${text.slice(0, colon.offset + 1)} []${comment}\n${commentLines}${trailing}${text.slice(end)}`;
    }
    const column = columnOf(text, start);
    const byId = new Map(entries.filter((e) => e.id !== undefined).map((e) => [e.id, e]));
    const parts = points.map((point, i) => {
      const entry = byId.get(point.id);
      const body = entry === undefined ? renderPoint(point, column, false) : keptBody(entry, point, column);
      // The first entry sits right after the text that already indents it; the others bring their own lead.
      if (i === 0) return (entry?.lead.replace(/^\s+/, '') ?? '') + body;
      return (entry === undefined || entry.lead === '' ? ' '.repeat(column) : entry.lead) + body;
    });
    return text.slice(0, start) + parts.join('') + trailing + text.slice(end);
  }

  // An empty value ends with its own line: comment lines after it stay where they are.
  const lineEnd = pair.sep?.find((t) => t.type === 'newline' && t.offset > colon.offset);
  const end = value !== undefined ? tokenEnd(value) : lineEnd !== undefined ? tokenEnd(lineEnd) : Math.max(...(pair.sep ?? []).map(tokenEnd));
  const rest = text.slice(end);
  const list = points.length === 0 ? ` []${comment}\n` : `${comment}\n${points.map((p) => renderPoint(p, 2)).join('')}`;
  return text.slice(0, colon.offset + 1) + list + rest;
}
