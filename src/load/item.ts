// One agenda item file: front matter checked and normalised, the body split into introduction and minutes. Pure.

import { DdhError, hasErrors, type Diagnostic } from '../diagnostics.js';
import { TYPE_CODES, type AgendaItem, type Attachment, type TypeCode } from '../model.js';
import type { ItemFrontMatter } from './schema-types.js';
import { splitFrontMatter } from './source.js';
import type { ParsedYaml } from './yaml.js';
import { checkYaml } from './yaml-file.js';

/** An item as read from its text, before the meeting numbers it and checks its attachment files. */
export interface ParsedItem {
  item?: Omit<AgendaItem, 'number'>;
  /** For placing later findings (attachments, carried points) in the front matter. */
  parsed?: ParsedYaml;
  diagnostics: Diagnostic[];
}

/** `03-budget.md` → 3; undefined for names that are not `NN-slug.md`. */
export function itemPrefix(fileName: string): number | undefined {
  const m = /^(\d+)-[^/\\]+\.md$/.exec(fileName);
  return m ? Number(m[1]) : undefined;
}

/** Types in the printed order O, D, B. */
export function sortTypes(types: readonly TypeCode[] | undefined): TypeCode[] {
  return TYPE_CODES.filter((t) => types?.includes(t));
}

/** Parses an item file's text (already decoded). `file` is its repository-relative name, used in messages. */
export function parseItem(text: string, file: string, prefix: number): ParsedItem {
  let front;
  try {
    front = splitFrontMatter(text, file);
  } catch (error) {
    if (error instanceof DdhError) return { diagnostics: error.diagnostics };
    throw error;
  }
  const checked = checkYaml<ItemFrontMatter>(front.yaml, file, 'item', front.yamlLine);
  const data = checked.data;
  if (data === undefined || hasErrors(checked.diagnostics)) return { ...(checked.parsed ? { parsed: checked.parsed } : {}), diagnostics: checked.diagnostics };
  const body = splitBody(front.body, front.bodyLine);
  const item: Omit<AgendaItem, 'number'> = {
    file,
    prefix,
    title: data.title,
    types: sortTypes(data.types),
    attachments: (data.attachments ?? []).map((a): Attachment => (typeof a === 'string' ? { title: a } : { ...a })),
    proposal: data.proposal === undefined ? [] : typeof data.proposal === 'string' ? [data.proposal] : [...data.proposal],
    subitems: (data.subitems ?? []).map((s) => ({ ...s, types: sortTypes(s.types) })),
    followups: (data.followups ?? []).map((f) => ({ ...f })),
    closed: data.closed ?? false,
    kind: data.kind ?? 'item',
    carried: (data.carried ?? []).map((c) => ({ ...c })),
    ...body,
  };
  if (data.presenter !== undefined) item.presenter = data.presenter;
  if (data.decision !== undefined) item.decision = data.decision;
  if (data.track !== undefined) item.track = data.track;
  return { item, ...(checked.parsed ? { parsed: checked.parsed } : {}), diagnostics: checked.diagnostics };
}

// Tested on the line with its end trimmed, and with no two blank runs side by side: no backtracking on long blank runs.
const MINUTES_HEADING = /^ {0,3}##[ \t]+referat(?:[ \t]*:)?(?:[ \t]+#+)?$/i;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** Splits the Markdown body at its first `## Referat` heading outside fenced code. */
export function splitBody(body: string, bodyLine: number): Pick<AgendaItem, 'introduction' | 'minutes' | 'introductionLine' | 'minutesLine'> {
  const lines = body.split('\n');
  let fence: string | undefined;
  let heading = -1;
  for (const [i, line] of lines.entries()) {
    const open = FENCE_OPEN.exec(line)?.[1];
    if (fence === undefined && open !== undefined) fence = open;
    else if (fence !== undefined && open !== undefined && open[0] === fence[0] && open.length >= fence.length && line.trim() === open) fence = undefined;
    else if (fence === undefined && MINUTES_HEADING.test(line.trimEnd())) {
      heading = i;
      break;
    }
  }
  const part = (from: number, to: number): { text: string; line: number } => {
    let start = from;
    while (start < to && (lines[start] ?? '').trim() === '') start++;
    return { text: lines.slice(start, to).join('\n').trimEnd(), line: bodyLine + start };
  };
  const intro = part(0, heading < 0 ? lines.length : heading);
  const minutes = heading < 0 ? { text: '', line: bodyLine + lines.length } : part(heading + 1, lines.length);
  return { introduction: intro.text, introductionLine: intro.line, minutes: minutes.text, minutesLine: minutes.line };
}
