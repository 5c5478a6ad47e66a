// The text of a new meeting's files: meeting.yaml and one item file per standing item. Pure.

import { Document, isScalar, isSeq, stringify, visit } from 'yaml';
import type { FollowUp, StandingItem } from '../model.js';
import { slugify } from '../rules/carry-forward.js';
import { rewriteCarried } from './carried-text.js';

/** The facts meeting.yaml starts with; the ones not known are written as commented hints. */
export interface MeetingFacts {
  date: string;
  kind: string;
  time?: string;
  place?: string;
  host?: string;
}

/** A file to create, named relative to the meeting folder. */
export interface NewFile {
  name: string;
  text: string;
}

/** Prefixes 10, 20, 30 … leave room for items inserted between them. */
const PREFIX_STEP = 10;

/** One YAML scalar as written after `key: `, quoted only where YAML would misread it. */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** `time` is always quoted: `10:00` reads as a number of minutes to some YAML 1.1 tools. */
function quoted(value: string): string {
  return JSON.stringify(value);
}

/** A line of meeting.yaml with its comment aligned in one column; a space always parts them, or `#` would join the value. */
function line(text: string, comment: string): string {
  return `${text.padEnd(31)} # ${comment}`;
}

/** meeting.yaml for a new meeting, with Danish comments on the keys the secretariat fills in later. */
export function renderMeetingYaml(facts: MeetingFacts): string {
  const known = (key: 'time' | 'place' | 'host', example: string, comment: string): string => {
    const value = facts[key];
    if (value === undefined) return line(`# ${key}: ${example}`, comment);
    return line(`${key}: ${key === 'time' ? quoted(value) : scalar(value)}`, comment);
  };
  return [
    '# Mødets egne oplysninger. Nøglerne er beskrevet i README.md.',
    `date: ${facts.date}`,
    `kind: ${scalar(facts.kind)}`,
    known('time', '"10:00-14:00"', 'mødetid'),
    known('place', 'Teams', 'mødested'),
    known('host', 'Kommunenavn', 'vært'),
    line('status: draft', 'sæt til approved, når referatet er godkendt'),
    line(`# issued: ${facts.date}`, 'udsendelsesdato, trykkes øverst på dagsordenen'),
    line('# chair: Fornavn Efternavn', 'mødeleder'),
    line('# attachments_url: https://…', 'hvor bilagene til punkterne ligger'),
    line('# absent:', 'afbud: "Navn, Kommune" eller blot navnet fra members.yaml'),
    '#   - Fornavn Efternavn, Kommune',
    line('# remote:', 'deltog via Teams'),
    '#   - Fornavn Efternavn, Kommune',
    '',
  ].join('\n');
}

/** `10-velkomst.md`; the prefix is zero-padded to `width` digits so file managers sort like ddh does. */
export function itemFileName(prefix: number, width: number, title: string): string {
  return `${String(prefix).padStart(width, '0')}-${slugify(title)}.md`;
}

/** YAML text of plain data in the style of hand-written files: type codes as `[O, D]`, no line folding. */
export function toYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'types' && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** The front matter (without fences) of a standing item; an approval item gets `carried` last. */
export function renderItemFrontMatter(item: StandingItem, carried: readonly FollowUp[]): string {
  const data: Record<string, unknown> = { title: item.title };
  if (item.types !== undefined && item.types.length > 0) data.types = item.types;
  if (item.presenter !== undefined) data.presenter = item.presenter;
  if (item.proposal !== undefined) data.proposal = item.proposal;
  if (item.kind === 'approval') data.kind = 'approval';
  const text = toYaml(data);
  return item.kind === 'approval' ? rewriteCarried(text, carried) : text;
}

/** A whole item file: front matter, then an empty introduction and the `## Referat` heading the minutes go under. */
export function renderItemFile(item: StandingItem, carried: readonly FollowUp[]): string {
  return `---\n${renderItemFrontMatter(item, carried)}---\n\n## Referat\n\n`;
}

/**
 * All files of a new meeting: meeting.yaml and the standing items as `NN-slug.md` with prefixes 10, 20, 30 …;
 * the approval item carries `carried`.
 */
export function newMeetingFiles(facts: MeetingFacts, standingItems: readonly StandingItem[], carried: readonly FollowUp[]): NewFile[] {
  const width = Math.max(2, String(standingItems.length * PREFIX_STEP).length);
  return [
    { name: 'meeting.yaml', text: renderMeetingYaml(facts) },
    ...standingItems.map((item, i) => ({
      name: itemFileName((i + 1) * PREFIX_STEP, width, item.title),
      text: renderItemFile(item, carried),
    })),
  ];
}
