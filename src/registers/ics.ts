// The meeting plan as an iCalendar file (RFC 5545) that Outlook and Google Calendar import. Pure and deterministic.

import type { Config, PlanEntry } from '../model.js';
import { slugify } from '../rules/carry-forward.js';
import { parseTimeSpan, type Clock } from '../rules/dates.js';
import { kindLabel, planEntryKind } from '../rules/kinds.js';

const TZID = 'Europe/Copenhagen';

/** Danish time since 1996: CET in winter, CEST from the last Sunday of March to the last Sunday of October. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  `X-LIC-LOCATION:${TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT values: backslash, semicolon, comma and line breaks escaped; control characters other than tab dropped. */
export function escapeText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** Folds a content line at 75 octets of UTF-8, continuing with a space, never inside a character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    // Continuation lines start with a space, which counts towards their 75 octets.
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

const compact = (iso: string): string => iso.replace(/-/g, '');

function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

const hhmmss = ({ hours, minutes }: Clock): string => `${String(hours).padStart(2, '0')}${String(minutes).padStart(2, '0')}00`;

/** "09:00-12:00", "9.30-12", "10-14" or "10:00" as local times HHMMSS; undefined when not a time of day. */
function parseTime(time: string): { start: string; end?: string } | undefined {
  const span = parseTimeSpan(time);
  if (span === undefined) return undefined;
  return span.end === undefined ? { start: hhmmss(span.start) } : { start: hhmmss(span.start), end: hhmmss(span.end) };
}

function event(config: Config, entry: PlanEntry, uid: string): string[] {
  const kind = planEntryKind(config, entry);
  const label = kindLabel(config, kind);
  const lines = ['BEGIN:VEVENT', `UID:${uid}`, `DTSTAMP:${compact(entry.date)}T000000Z`];
  const time = entry.time === undefined ? undefined : parseTime(entry.time);
  if (time === undefined) {
    lines.push(`DTSTART;VALUE=DATE:${compact(entry.date)}`, `DTEND;VALUE=DATE:${compact(nextDay(entry.date))}`);
  } else {
    lines.push(`DTSTART;TZID=${TZID}:${compact(entry.date)}T${time.start}`);
    if (time.end !== undefined) {
      const endDate = time.end > time.start ? entry.date : nextDay(entry.date);
      lines.push(`DTEND;TZID=${TZID}:${compact(endDate)}T${time.end}`);
    }
  }
  lines.push(`SUMMARY:${escapeText(`${config.short} ${label}`)}`);
  if (entry.place !== undefined) lines.push(`LOCATION:${escapeText(entry.place)}`);
  const description = [
    entry.host === undefined ? undefined : `Vært: ${entry.host}`,
    entry.time !== undefined && time === undefined ? `Tid: ${entry.time}` : undefined,
  ].filter((s) => s !== undefined);
  if (description.length > 0) lines.push(`DESCRIPTION:${escapeText(description.join('\n'))}`);
  lines.push('TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

/**
 * The plan as one VCALENDAR with a VTIMEZONE for Europe/Copenhagen and one VEVENT per entry. Timed entries
 * ("09:00-12:00") are local Danish time; entries without a readable time are all-day events (the time as written
 * goes into the description). UIDs come from date, kind and organisation, so a re-import updates the same events;
 * nothing depends on the clock. Lines end CRLF and are folded at 75 octets.
 */
export function planToIcs(config: Config, plan: readonly PlanEntry[]): string {
  const used = new Map<string, number>();
  const events = plan.flatMap((entry) => {
    const base = `${entry.date}-${slugify(planEntryKind(config, entry))}@${slugify(config.short)}.ddh`;
    const seen = (used.get(base) ?? 0) + 1;
    used.set(base, seen);
    return event(config, entry, seen === 1 ? base : base.replace('@', `-${seen}@`));
  });
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ddh//Meeting plan//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`${config.short} mødeplan`)}`,
    `X-WR-TIMEZONE:${TZID}`,
    ...VTIMEZONE,
    ...events,
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
