// Reading one meeting folder: meeting.yaml and every item file, with every problem of every file collected.

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DdhError, hasErrors, problem, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { AgendaItem, Meeting, Member, Person, Repository } from '../model.js';
import { isCalendarDate } from '../rules/dates.js';
import { compareText } from '../rules/order.js';
import { itemPrefix, parseItem, type ParsedItem } from './item.js';
import { resolveContainedFile } from './paths.js';
import { relativeName, unknownKind } from './repository.js';
import type { MeetingFile, PersonEntry } from './schema-types.js';
import { readSourceText } from './source.js';
import { readYamlFile } from './yaml-file.js';

/** A meeting as loaded: `meeting` is set only when no file of it has an error; warnings are in `diagnostics` either way. */
export interface LoadedMeeting {
  meeting?: Meeting;
  /** The items that could be read, in agenda order, also when other files of the meeting have errors. */
  items: Omit<AgendaItem, 'number'>[];
  /** Item files that could not be read; their errors are in `diagnostics`. */
  unreadItems: string[];
  diagnostics: Diagnostic[];
}

/** Loads the meeting of `date`, collecting all problems of all its files, sorted by file and line. */
export async function loadMeeting(repo: Repository, date: string): Promise<LoadedMeeting> {
  const dir = path.join(repo.root, 'meetings', date);
  const relDir = relativeName(repo.root, dir);
  const diagnostics: Diagnostic[] = [];
  if (!isCalendarDate(date)) {
    diagnostics.push(problem(`${relDir}/meeting.yaml`, `folder name ${date} is not a day in the calendar`, { rule: 'date', hint: 'rename the folder to the real meeting date' }));
  }
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    names = readdirSync(dir);
  } catch {
    return { items: [], unreadItems: [], diagnostics: [problem('', `meeting folder ${relDir} not found`, { rule: 'meeting', hint: `create it with \`ddh new-meeting ${date}\`` })] };
  }

  const facts = await readMeetingFile(repo, dir, relDir, date, names.includes('meeting.yaml'));
  diagnostics.push(...facts.diagnostics);
  const items = await readItems(repo, dir, relDir, names);
  diagnostics.push(...items.diagnostics);
  diagnostics.push(...crossItemProblems(items.parsed));

  const sorted = sortDiagnostics(diagnostics);
  const read = items.parsed.flatMap((p) => (p.item ? [p.item] : []));
  const partial = { items: read, unreadItems: items.unread, diagnostics: sorted };
  if (hasErrors(sorted) || facts.meeting === undefined) return partial;
  return { ...partial, meeting: { ...facts.meeting, items: read.map((item, i) => ({ ...item, number: i + 1 }) satisfies AgendaItem) } };
}

/** Loads a meeting and throws DdhError listing every problem when any is an error. */
export async function readMeeting(repo: Repository, date: string): Promise<{ meeting: Meeting; warnings: Diagnostic[] }> {
  const loaded = await loadMeeting(repo, date);
  if (loaded.meeting === undefined) throw new DdhError(loaded.diagnostics);
  return { meeting: loaded.meeting, warnings: loaded.diagnostics };
}

async function readMeetingFile(
  repo: Repository,
  dir: string,
  relDir: string,
  date: string,
  present: boolean,
): Promise<{ meeting?: Omit<Meeting, 'items'>; diagnostics: Diagnostic[] }> {
  const file = `${relDir}/meeting.yaml`;
  if (!present) {
    return { diagnostics: [problem(file, 'meeting.yaml is missing', { rule: 'meeting', hint: `add it with at least \`date: ${date}\`` })] };
  }
  const checked = await readYamlFile<MeetingFile>(path.join(dir, 'meeting.yaml'), file, 'meeting');
  const diagnostics = [...checked.diagnostics];
  // The folder and kind checks run on whatever parsed, so one run reports every problem of the file.
  const loose = (checked.parsed?.value ?? {}) as Partial<Record<keyof MeetingFile, unknown>>;
  const at = (p: (string | number)[]) => checked.parsed?.locate(p);
  if (typeof loose.date === 'string' && loose.date !== date) {
    diagnostics.push(problem(file, `date ${loose.date} is not the folder's date ${date}`, { rule: 'date', field: 'date', ...at(['date']), hint: `write date: ${date}, or rename the folder` }));
  }
  const kind = typeof loose.kind === 'string' ? loose.kind : Object.keys(repo.config.kinds)[0] ?? 'styregruppemøde';
  if (!repo.unreadSettings?.includes('kinds') && !Object.hasOwn(repo.config.kinds, kind)) diagnostics.push(unknownKind(file, kind, repo.config, at(['kind']), 'kind'));
  const data = checked.data;
  if (data === undefined || hasErrors(diagnostics)) return { diagnostics };
  const people = (list: PersonEntry[] | undefined): Person[] => (list ?? []).map((p) => toPerson(p, repo.members));
  const meeting: Omit<Meeting, 'items'> = {
    date,
    dir,
    relDir,
    kind,
    absent: people(data.absent),
    remote: people(data.remote),
    guests: people(data.guests),
    status: data.status ?? 'draft',
  };
  if (data.time !== undefined) meeting.time = data.time;
  if (data.place !== undefined) meeting.place = data.place;
  if (data.host !== undefined) meeting.host = data.host;
  if (data.issued !== undefined) meeting.issued = data.issued;
  if (data.chair !== undefined) meeting.chair = data.chair;
  if (data.attachments_url !== undefined) meeting.attachmentsUrl = data.attachments_url;
  return { meeting, diagnostics };
}

/** "Navn, Kommune" splits at the last comma; a name alone takes its organisation from members.yaml when listed. */
export function toPerson(entry: PersonEntry, members: readonly Member[]): Person {
  if (typeof entry !== 'string') return entry.org === undefined ? { name: entry.name } : { name: entry.name, org: entry.org };
  const comma = entry.lastIndexOf(',');
  if (comma >= 0) {
    const name = entry.slice(0, comma).trim();
    const org = entry.slice(comma + 1).trim();
    if (name !== '' && org !== '') return { name, org };
  }
  const name = entry.trim();
  const member = members.find((m) => m.name.toLocaleLowerCase('da') === name.toLocaleLowerCase('da'));
  return member ? { name, org: member.org } : { name };
}

async function readItems(repo: Repository, dir: string, relDir: string, names: string[]): Promise<{ parsed: ParsedItem[]; unread: string[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const files: { name: string; prefix: number }[] = [];
  for (const name of names) {
    if (!name.toLowerCase().endsWith('.md')) continue;
    const prefix = itemPrefix(name);
    if (prefix === undefined) {
      diagnostics.push(
        problem(`${relDir}/${name}`, `'${name}' is not named like an item file`, {
          rule: 'item-name',
          hint: 'item files are named NN-slug.md, e.g. 05-budget.md; the number sorts the items',
        }),
      );
    } else {
      files.push({ name, prefix });
    }
  }
  files.sort((a, b) => a.prefix - b.prefix || compareText(a.name, b.name));
  for (const [i, { name, prefix }] of files.entries()) {
    const before = files[i - 1];
    if (before?.prefix !== prefix) continue;
    diagnostics.push(
      problem(`${relDir}/${name}`, `'${before.name}' and '${name}' have the same number ${prefix}: they are ordered by the rest of the file name`, {
        rule: 'item-order',
        severity: 'warning',
        hint: 'give each item file its own number, e.g. 15-slug.md between 10- and 20-',
      }),
    );
  }

  const parsed: ParsedItem[] = [];
  const unread: string[] = [];
  for (const { name, prefix } of files) {
    const file = `${relDir}/${name}`;
    let result: ParsedItem;
    try {
      const source = await readSourceText(path.join(dir, name), file);
      result = parseItem(source.text, file, prefix);
      result.diagnostics.unshift(...source.warnings);
    } catch (error) {
      if (!(error instanceof DdhError)) throw error;
      result = { diagnostics: error.diagnostics };
    }
    if (result.item) result.diagnostics.push(...(await itemFileProblems(repo, dir, result)));
    else unread.push(file);
    parsed.push(result);
    diagnostics.push(...result.diagnostics);
  }
  return { parsed, unread, diagnostics };
}

/** Attachment files that are missing or lead outside the repository, and tracks ddh.yaml does not declare. */
async function itemFileProblems(repo: Repository, dir: string, { item, parsed }: ParsedItem): Promise<Diagnostic[]> {
  if (!item) return [];
  const out: Diagnostic[] = [];
  const at = (p: (string | number)[]) => parsed?.locate(p);
  for (const [i, attachment] of item.attachments.entries()) {
    if (attachment.file === undefined) continue;
    const resolved = await resolveContainedFile(repo.root, dir, attachment.file);
    if ('path' in resolved) {
      attachment.path = resolved.path;
    } else {
      const field = `attachments[${i}].file`;
      // Control characters are shown escaped so the message itself stays printable.
      const shown = /[\u0000-\u001f\u007f]/.test(attachment.file) ? JSON.stringify(attachment.file) : attachment.file;
      out.push(problem(item.file, `${field} ${shown} ${resolved.problem} (attachment '${attachment.title}')`, { rule: 'attachment', field, ...at(['attachments', i, 'file']), hint: resolved.hint }));
    }
  }
  if (item.track !== undefined && !repo.unreadSettings?.includes('tracks') && !Object.hasOwn(repo.config.tracks, item.track)) {
    const known = Object.keys(repo.config.tracks);
    out.push(
      problem(item.file, `track '${item.track}' is not declared in ddh.yaml`, {
        rule: 'track',
        field: 'track',
        ...at(['track']),
        hint: known.length > 0 ? `use one of ${known.join(', ')}, or add it under tracks in ddh.yaml` : 'declare it under tracks in ddh.yaml, e.g. `tracks: {ai: DDH AI Services}`',
      }),
    );
  }
  return out;
}

/** Rules across the items of one meeting: one approval item, carried points only there and with unique ids. */
function crossItemProblems(items: readonly ParsedItem[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let approval: string | undefined;
  for (const { item, parsed } of items) {
    if (!item) continue;
    const at = (p: (string | number)[], key = false) => parsed?.locate(p, { key });
    if (item.kind === 'approval') {
      if (approval !== undefined) {
        out.push(problem(item.file, `a second approval item: ${approval} is already the approval item`, { rule: 'approval', field: 'kind', ...at(['kind']), hint: 'a meeting has at most one item with kind: approval' }));
      }
      approval ??= item.file;
    } else if (item.carried.length > 0) {
      out.push(problem(item.file, 'carried points belong on the approval item only', { rule: 'carried', field: 'carried', ...at(['carried'], true), hint: 'add `kind: approval` to this item, or move the points to the approval item' }));
    }
    const seen = new Set<string>();
    for (const [i, point] of item.carried.entries()) {
      if (seen.has(point.id)) {
        out.push(problem(item.file, `carried[${i}].id '${point.id}' is used twice`, { rule: 'carried', field: `carried[${i}].id`, ...at(['carried', i, 'id']), hint: 'each follow-up point needs its own id' }));
      }
      seen.add(point.id);
    }
  }
  return out;
}
