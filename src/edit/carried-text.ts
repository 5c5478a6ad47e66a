// Rewrites the `carried:` list inside front-matter text, leaving every other byte of it as written. Pure.

import { CST, Parser, stringify } from 'yaml';
import type { FollowUp } from '../model.js';

/** The fields of a carried point in the order they are written. */
const POINT_KEYS = ['id', 'title', 'since', 'owner', 'due', 'update', 'status', 'note'] as const;

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

/** An entry of the existing block list: the text before its `-` (blank lines, comments) and the entry itself. */
interface Entry {
  id: string | undefined;
  lead: string;
  body: string;
}

/** The id written in a list entry, read from its CST without building any data. */
function entryId(value: CST.Token | undefined): string | undefined {
  if (value?.type !== 'block-map') return undefined;
  for (const item of value.items) {
    if (item.key !== undefined && item.key !== null && CST.isScalar(item.key) && item.key.source === 'id' && item.value && CST.isScalar(item.value)) {
      return CST.resolveAsScalar(item.value)?.value;
    }
  }
  return undefined;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function tokenEnd(token: CST.Token): number {
  return ('offset' in token ? token.offset : 0) + CST.stringify(token).length;
}

/**
 * Returns `yaml` (front-matter text, LF line ends) with its top-level `carried:` list replaced by `points`.
 * Entries whose id is in `points` keep their exact text, comments included; new points are written in the
 * list's own indentation; entries not in `points` are removed. Nothing outside the list changes. A missing
 * `carried` key is added at the end. Throws when the text is not a single YAML mapping.
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
      entries.push({ id: entryId(item.value), lead, body: whole.slice(lead.length) });
    }
    const start = value.offset;
    const end = tokenEnd(value);
    if (points.length === 0) {
      return `${text.slice(0, colon.offset + 1)} []\n${trailing}${text.slice(end)}`;
    }
    const column = columnOf(text, start);
    const byId = new Map(entries.filter((e) => e.id !== undefined).map((e) => [e.id, e]));
    const parts = points.map((point, i) => {
      const entry = byId.get(point.id);
      const body = entry === undefined ? renderPoint(point, column, false) : entry.body.endsWith('\n') ? entry.body : `${entry.body}\n`;
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
  const list = points.length === 0 ? ' []\n' : `\n${points.map((p) => renderPoint(p, 2)).join('')}`;
  return text.slice(0, colon.offset + 1) + list + rest;
}
