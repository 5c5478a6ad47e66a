// Lint: warnings about meetings that are valid but probably wrong (missing minutes, stale points, secrets in text).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { problem, type Diagnostic } from '../diagnostics.js';
import type { AgendaItem, Meeting, Repository } from '../model.js';
import { lastUpdates, pointKey } from '../rules/carry-forward.js';
import { DANISH_MONTHS, daysBetween, formatDateShort, isCalendarDate } from '../rules/dates.js';
import { compareText } from '../rules/order.js';

export interface LintOptions {
  /** A follow-up point carried to more than this many meetings since its last update is reported. Default 3. */
  staleAfter?: number;
  /** The meeting dates to report on (the others serve as history); default every meeting given. */
  dates?: readonly string[];
  /**
   * Reads a repository file (path relative to the root, forward slashes) to find the line of a finding;
   * undefined when it cannot. Default: read from the repository folder.
   */
  readSource?: (file: string) => string | undefined;
}

/** A piece of text a rule looks at, with the field it came from and, for body text, the line it starts on. */
interface Text {
  file: string;
  field: string;
  text: string;
  startLine?: number;
}

/** Finds lines of findings by searching the source text; falls back to what the model knows. */
class Locator {
  private readonly cache = new Map<string, string[] | undefined>();
  constructor(private readonly read: (file: string) => string | undefined) {}

  private lines(file: string): string[] | undefined {
    if (!this.cache.has(file)) this.cache.set(file, this.read(file)?.split(/\r?\n/));
    return this.cache.get(file);
  }

  /** The first line of `file` at or after line `from` matching `pattern`, else `fallback`. */
  line(file: string, pattern: RegExp | string, fallback = 1, from = 1): number {
    const lines = this.lines(file) ?? [];
    const matches = (l: string): boolean => (typeof pattern === 'string' ? l.includes(pattern) : pattern.test(l));
    const index = lines.findIndex((l, i) => i >= from - 1 && matches(l));
    return index < 0 ? fallback : index + 1;
  }

  /**
   * The line of a match at `index` inside a text: the file's line holding the match's own line (body text is searched
   * from where it starts), else counted from the start of the text or the field's key.
   */
  lineOfMatch(t: Text, index: number): number {
    const before = t.text.slice(0, index);
    const lineStart = before.lastIndexOf('\n') + 1;
    const lineEnd = t.text.indexOf('\n', index);
    const ownLine = t.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim();
    const counted = t.startLine === undefined ? this.line(t.file, keyPattern(t.field)) : t.startLine + before.split('\n').length - 1;
    return ownLine === '' ? counted : this.line(t.file, ownLine, counted, t.startLine);
  }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `proposal[1]` → a pattern for the line of the `proposal:` key. */
const keyPattern = (field: string): RegExp => new RegExp(`^[\\s-]*${escapeRegExp(field.replace(/\[.*$/, '').split('.')[0] ?? field)}\\s*:`);

const warn = (file: string, line: number, rule: string, message: string, details: { field?: string; hint: string }): Diagnostic =>
  problem(file, message, { rule: `lint/${rule}`, severity: 'warning', line, ...details });

function itemTexts(item: AgendaItem): Text[] {
  const file = item.file;
  const texts: Text[] = [
    { file, field: 'title', text: item.title },
    { file, field: 'introduction', text: item.introduction, startLine: item.introductionLine },
    { file, field: 'minutes', text: item.minutes, startLine: item.minutesLine },
    ...item.proposal.map((text, i) => ({ file, field: `proposal[${i}]`, text })),
    ...item.subitems.map((s, i) => ({ file, field: `subitems[${i}].title`, text: s.title })),
    ...item.attachments.flatMap((a, i) => [
      { file, field: `attachments[${i}].title`, text: a.title },
      ...(a.url === undefined ? [] : [{ file, field: `attachments[${i}].url`, text: a.url }]),
    ]),
    ...item.followups.map((f, i) => ({ file, field: `followups[${i}].title`, text: f.title })),
    ...item.carried.flatMap((p, i) =>
      (['title', 'update', 'note'] as const).flatMap((k) => (p[k] === undefined ? [] : [{ file, field: `carried[${i}].${k}`, text: p[k] }])),
    ),
  ];
  if (item.decision !== undefined) texts.push({ file, field: 'decision', text: item.decision });
  return texts;
}

function meetingTexts(meeting: Meeting): Text[] {
  const file = `${meeting.relDir}/meeting.yaml`;
  const fields: [string, string | undefined][] = [
    ['place', meeting.place],
    ['host', meeting.host],
    ['chair', meeting.chair],
    ['attachments_url', meeting.attachmentsUrl],
  ];
  return fields.flatMap(([field, text]) => (text === undefined ? [] : [{ file, field, text }]));
}

const WORD_START = '(?<![\\p{L}\\p{N}])';
const KEYWORD = '(adgangskoden?|kodeord(?:et)?|password|passwd|pwd|pin(?:koden?)?|koden?)(?![\\p{L}\\p{N}])';
/** "kode: X", "koden er: X", "password=X"; and "koden er X" without a colon. */
const SECRET_COLON = new RegExp(`${WORD_START}${KEYWORD}(?:\\s+(?:er|is))?\\s*[:=]\\s*([^\\s,;)]+)`, 'giu');
const SECRET_SENTENCE = new RegExp(`${WORD_START}${KEYWORD}\\s+(?:er|is)\\s+([^\\s,;)]+)`, 'giu');

/** A value that reads like a password rather than a word of a sentence: it has a digit, a sign or a capital inside. */
const passwordLike = (value: string): boolean => value.length >= 4 && /[\p{N}\p{S}\p{P}]|.\p{Lu}/u.test(value.replace(/[.!?]$/, ''));

/**
 * DDMMYY-XXXX, or the ten digits without the dash; a phone number has no such shape (8 digits, in pairs or fours, or
 * 10 with the country code 45, which no day has). Not within a longer number, a path or a decimal.
 */
const CPR = /(?<![\p{N}\-–‐‑/.])(\d{2})(\d{2})\d{2}[-–‐‑]?(\d{4})(?![\p{N}]|[-–‐‑]\p{N})/gu;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Every password finding holds one of these words and every CPR finding a digit: most texts hold neither, and
// these plain searches (with the same case folding) rule them out far faster than the patterns with lookarounds.
const MAY_HOLD_PASSWORD = /kode|pass|pwd|pin/iu;
const MAY_HOLD_CPR = /\d{6}[-–‐‑]?\d{4}/;

function secretFindings(t: Text, at: Locator): Diagnostic[] {
  const found: Diagnostic[] = [];
  const password = MAY_HOLD_PASSWORD.test(t.text);
  if (!password && !MAY_HOLD_CPR.test(t.text)) return found;
  const passwordHint =
    'remove it and share it another way: the documents are sent out and git keeps every version; if it was committed, change the password';
  const seen = new Set<number>();
  for (const pattern of password ? [SECRET_COLON, SECRET_SENTENCE] : []) {
    for (const m of t.text.matchAll(pattern)) {
      if (seen.has(m.index) || !passwordLike(m[2] ?? '')) continue;
      seen.add(m.index);
      found.push(warn(t.file, at.lineOfMatch(t, m.index), 'password', `text looks like a password ("${m[1]} …")`, { field: t.field, hint: passwordHint }));
    }
  }
  for (const m of t.text.matchAll(CPR)) {
    const [day, month] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) continue;
    found.push(
      warn(t.file, at.lineOfMatch(t, m.index), 'cpr', `text looks like a CPR number (${m[0].slice(0, 6)}-****)`, {
        field: t.field,
        hint: 'remove the CPR number: minutes are shared and git keeps every version; write the name or an initial instead',
      }),
    );
  }
  return found;
}

const MONTH_NAMES = DANISH_MONTHS.join('|');
const DATE_IN_TEXT = new RegExp(
  `(\\d{4})-(\\d{2})-(\\d{2})|(?<!\\d)(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})(?!\\d)|(?<!\\d)(\\d{1,2})\\.\\s*(${MONTH_NAMES})\\s+(\\d{4})`,
  'giu',
);

/** Dates written in a line of text, as YYYY-MM-DD, with where they stand. */
function datesIn(line: string): { iso: string; index: number }[] {
  const two = (n: string | number): string => String(n).padStart(2, '0');
  return [...line.matchAll(DATE_IN_TEXT)].flatMap((m) => {
    const month = m[8] === undefined ? undefined : DANISH_MONTHS.indexOf(m[8].toLowerCase()) + 1;
    const iso =
      m[1] !== undefined ? `${m[1]}-${m[2]}-${m[3]}` : m[6] !== undefined ? `${m[6]}-${two(m[5] ?? '')}-${two(m[4] ?? '')}` : `${m[9]}-${two(month ?? 0)}-${two(m[7] ?? '')}`;
    return isCalendarDate(iso) ? [{ iso, index: m.index }] : [];
  });
}

/** In the approval item, a line that mentions the minutes (referat) and names a date other than the previous meeting's. */
function referatDateFindings(item: AgendaItem, previous: string, at: Locator): Diagnostic[] {
  const texts = itemTexts(item).filter((t) => !t.field.startsWith('carried') && !t.field.startsWith('followups'));
  const found: Diagnostic[] = [];
  for (const t of texts) {
    let offset = 0;
    for (const line of t.text.split('\n')) {
      if (/referat/i.test(line)) {
        for (const d of datesIn(line).filter((d) => d.iso !== previous)) {
          found.push(
            warn(t.file, at.lineOfMatch(t, offset + d.index), 'referat-date', `refers to the minutes of ${formatDateShort(d.iso)}, but the previous meeting was ${formatDateShort(previous)}`, {
              field: t.field,
              hint: `write the date of the previous meeting, ${formatDateShort(previous)}`,
            }),
          );
        }
      }
      offset += line.length + 1;
    }
  }
  return found;
}

/** Open points of `meeting` carried to more than `limit` meetings since they were created or last updated. */
function staleFindings(repo: Repository, meeting: Meeting, history: readonly Meeting[], limit: number, at: Locator): Diagnostic[] {
  const approval = meeting.items.find((i) => i.kind === 'approval');
  if (approval === undefined) return [];
  const lastUpdate = lastUpdates(history, meeting.date);
  return approval.carried.flatMap((p) => {
    if (p.status === 'closed') return [];
    const from = lastUpdate.get(pointKey(p)) ?? p.since;
    const carried = repo.meetingDates.filter((d) => d > from && d <= meeting.date).length;
    if (carried <= limit) return [];
    const since = from === p.since ? `since it was agreed on ${formatDateShort(p.since)}` : `since the update at ${formatDateShort(from)}`;
    return [
      warn(approval.file, at.line(approval.file, new RegExp(`\\bid\\s*:\\s*["']?${escapeRegExp(p.id)}\\b`)), 'stale-followup', `follow-up point '${p.id}' has been carried to ${carried} meetings without an update ${since}`, {
        field: `carried[${approval.carried.indexOf(p)}]`,
        hint: 'write an update (Opfølgning), or close the point at the meeting (status: closed)',
      }),
    ];
  });
}

/** Plan dates in the order written: a date earlier than the one before it, or a gap of more than a year, suggests a year typo. */
function planFindings(repo: Repository, read: (file: string) => string | undefined): Diagnostic[] {
  const file = 'meetings/plan.yaml';
  const source = read(file);
  const written =
    source === undefined
      ? repo.plan.map((e) => ({ date: e.date, line: 1 }))
      : source.split(/\r?\n/).flatMap((l, i) => {
          const m = /\bdate\s*:\s*["']?(\d{4}-\d{2}-\d{2})/.exec(l);
          return m?.[1] !== undefined && isCalendarDate(m[1]) ? [{ date: m[1], line: i + 1 }] : [];
        });
  const found: Diagnostic[] = [];
  const inOrder: typeof written = [];
  for (const entry of written) {
    const before = inOrder.at(-1);
    if (before !== undefined && entry.date < before.date) {
      found.push(
        warn(file, entry.line, 'plan-order', `plan date ${entry.date} comes after ${before.date}: the dates are out of order`, {
          hint: 'check the year of both dates; list the meetings in date order',
        }),
      );
    } else inOrder.push(entry);
  }
  for (const [i, entry] of inOrder.entries()) {
    const before = inOrder[i - 1];
    if (before === undefined) continue;
    const gap = daysBetween(before.date, entry.date);
    if (gap > 366) {
      found.push(
        warn(file, entry.line, 'plan-order', `plan date ${entry.date} comes ${gap} days after ${before.date}`, {
          hint: 'check the year of both dates: a year typo?',
        }),
      );
    }
  }
  return found;
}

/**
 * Warnings about meetings that load and validate but are probably not what the secretariat meant. All have severity
 * 'warning' and a rule `lint/…`: `no-referat` (an item without minutes in a meeting that is approved or has a
 * successor), `referat-date` (the approval item names other minutes than the previous meeting's), `password` and
 * `cpr` (secrets and CPR numbers in any text), `no-proposal` (a B item without a proposal), `plan-order` (plan dates
 * out of order or a year apart), `stale-followup` (an open point carried too long without an update; checked at the
 * latest meeting reported on). Plan findings come only when every meeting is reported on.
 */
export function lintRepository(repo: Repository, meetings: readonly Meeting[], options: LintOptions = {}): Diagnostic[] {
  const read = options.readSource ?? fileReader(repo.root);
  const at = new Locator(read);
  const limit = options.staleAfter ?? 3;
  const reported = meetings
    .filter((m) => options.dates === undefined || options.dates.includes(m.date))
    .sort((a, b) => compareText(a.date, b.date));
  const found: Diagnostic[] = [];
  for (const meeting of reported) {
    const dueForApproval = meeting.status === 'approved' || repo.meetingDates.some((d) => d > meeting.date);
    const previous = repo.meetingDates.filter((d) => d < meeting.date).at(-1);
    for (const t of meetingTexts(meeting)) found.push(...secretFindings(t, at));
    for (const item of meeting.items) {
      for (const t of itemTexts(item)) found.push(...secretFindings(t, at));
      if (dueForApproval && item.minutes.trim() === '') {
        found.push(
          warn(item.file, item.minutesLine > 0 ? item.minutesLine : 1, 'no-referat', `Punkt ${item.number} "${item.title}" has no minutes (Referat)`, {
            hint: 'write the minutes under the `## Referat` heading before the minutes are approved',
          }),
        );
      }
      if (item.types.includes('B') && item.proposal.every((p) => p.trim() === '')) {
        found.push(
          warn(item.file, at.line(item.file, keyPattern('types')), 'no-proposal', `Punkt ${item.number} "${item.title}" is for decision (B) but has no proposal`, {
            field: 'proposal',
            hint: 'add `proposal:` (the indstilling) to the front matter, or remove B from types',
          }),
        );
      }
      if (item.kind === 'approval' && previous !== undefined) found.push(...referatDateFindings(item, previous, at));
    }
  }
  const latest = reported.at(-1);
  if (latest !== undefined) found.push(...staleFindings(repo, latest, meetings, limit, at));
  if (options.dates === undefined) found.push(...planFindings(repo, read));
  return found;
}

/** Reads repository files for line numbers; a file that cannot be read gives no line, never an error. */
function fileReader(root: string): (file: string) => string | undefined {
  return (file) => {
    try {
      return readFileSync(path.join(root, ...file.split('/')), 'utf8');
    } catch {
      return undefined;
    }
  };
}
