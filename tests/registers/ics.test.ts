import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/load/repository.js';
import type { PlanEntry } from '../../src/model.js';
import { planToIcs } from '../../src/registers/ics.js';

const config = { ...defaultConfig(), short: 'DDH' };
const plan: PlanEntry[] = [
  { date: '2026-01-27', kind: 'styregruppemøde', place: 'Teams', host: 'Vejle Kommune', time: '10:00-14:00' },
  { date: '2026-06-02', place: 'Rådhuset, mødelokale 2; indgang C\\B', host: 'Odder Kommune', time: '9.30-12' },
  { date: '2026-10-29', kind: 'repræsentantskabsmøde', place: 'Ø'.repeat(60), host: 'Silkeborg Kommune' },
  { date: '2026-12-31', kind: 'repræsentantskabsmøde', time: 'efter aftale' },
];

/** Unfolds physical lines into content lines (RFC 5545 3.1). */
function unfold(text: string): string[] {
  return text
    .slice(0, -2)
    .split('\r\n')
    .reduce<string[]>((lines, l) => (l.startsWith(' ') ? [...lines.slice(0, -1), `${lines.at(-1)}${l.slice(1)}`] : [...lines, l]), []);
}

const unescape = (s: string): string => s.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));

/** The VEVENTs as maps of property (with parameters) to value. */
function events(text: string): Map<string, string>[] {
  const result: Map<string, string>[] = [];
  let current: Map<string, string> | undefined;
  for (const line of unfold(text)) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT') {
      result.push(current!);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      current.set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  return result;
}

describe('planToIcs', () => {
  const ics = planToIcs(config, plan);

  it('ends every line with CRLF and folds at 75 octets without splitting a character', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = ics.slice(0, -2).split('\r\n');
    for (const line of physical) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(true);
      expect(line).not.toMatch(/\uFFFD/);
    }
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    expect(events(ics)[2]!.get('LOCATION')).toBe('Ø'.repeat(60));
  });

  it('has the calendar properties and a VTIMEZONE for Europe/Copenhagen', () => {
    const lines = unfold(ics);
    expect(lines.slice(0, 7)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//ddh//Meeting plan//DA',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:DDH mødeplan',
      'X-WR-TIMEZONE:Europe/Copenhagen',
    ]);
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('TZID:Europe/Copenhagen');
    for (const b of ['VTIMEZONE', 'STANDARD', 'DAYLIGHT']) {
      expect(lines.filter((l) => l === `BEGIN:${b}`)).toHaveLength(1);
      expect(lines.filter((l) => l === `END:${b}`)).toHaveLength(1);
    }
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(plan.length);
  });

  it('gives each event the required properties and stable, unique UIDs', () => {
    const list = events(ics);
    for (const e of list) for (const key of ['UID', 'DTSTAMP', 'SUMMARY']) expect(e.has(key)).toBe(true);
    const uids = list.map((e) => e.get('UID'));
    expect(new Set(uids).size).toBe(plan.length);
    expect(planToIcs(config, plan)).toBe(ics);
    expect(events(planToIcs(config, [plan[1]!]))[0]!.get('UID')).toBe(uids[1]);
    expect(list[0]!.get('DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('writes timed events in Danish local time with TZID, winter and summer alike', () => {
    const [winter, summer] = events(ics);
    expect(winter!.get('DTSTART;TZID=Europe/Copenhagen')).toBe('20260127T100000');
    expect(winter!.get('DTEND;TZID=Europe/Copenhagen')).toBe('20260127T140000');
    expect(summer!.get('DTSTART;TZID=Europe/Copenhagen')).toBe('20260602T093000');
    expect(summer!.get('DTEND;TZID=Europe/Copenhagen')).toBe('20260602T120000');
  });

  it('has a VTIMEZONE whose rules give the same UTC offset as the time zone database every day of 2025-2027', () => {
    const lines = unfold(ics);
    const observance = (name: string): { month: number; hour: number; offset: number } => {
      const start = lines.indexOf(`BEGIN:${name}`);
      const get = (key: string): string => lines.slice(start).find((l) => l.startsWith(`${key}:`))!.split(':')[1]!;
      expect(get('RRULE')).toMatch(/^FREQ=YEARLY;BYMONTH=\d+;BYDAY=-1SU$/);
      const to = get('TZOFFSETTO');
      return { month: Number(/BYMONTH=(\d+)/.exec(get('RRULE'))![1]), hour: Number(get('DTSTART').slice(9, 11)), offset: Number(to.slice(0, 3)) };
    };
    const daylight = observance('DAYLIGHT');
    const standard = observance('STANDARD');
    const lastSunday = (year: number, month: number): number => {
      const last = new Date(Date.UTC(year, month, 0));
      return last.getUTCDate() - last.getUTCDay();
    };
    const offsetByRules = (y: number, m: number, d: number, h: number): number => {
      const t = [m, d, h];
      const from = [daylight.month, lastSunday(y, daylight.month), daylight.hour];
      const until = [standard.month, lastSunday(y, standard.month), standard.hour];
      const cmp = (a: number[], b: number[]): number => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
      return cmp(t, from) >= 0 && cmp(t, until) < 0 ? daylight.offset : standard.offset;
    };
    const zone = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Copenhagen', timeZoneName: 'longOffset' });
    for (let day = Date.UTC(2025, 0, 1); day < Date.UTC(2028, 0, 1); day += 86_400_000) {
      const instant = new Date(day + 11 * 3_600_000);
      const offset = Number(/GMT([+-]\d{2})/.exec(zone.format(instant))![1]);
      const local = new Date(instant.getTime() + offset * 3_600_000);
      expect(offsetByRules(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours())).toBe(offset);
    }
  });

  it('makes entries without a readable time all-day events ending the next day', () => {
    const [, , noTime, unreadable] = events(ics);
    expect(noTime!.get('DTSTART;VALUE=DATE')).toBe('20261029');
    expect(noTime!.get('DTEND;VALUE=DATE')).toBe('20261030');
    expect(unreadable!.get('DTSTART;VALUE=DATE')).toBe('20261231');
    expect(unreadable!.get('DTEND;VALUE=DATE')).toBe('20270101');
    expect(unescape(unreadable!.get('DESCRIPTION')!)).toBe('Tid: efter aftale');
  });

  it('writes summary, location and host, escaped', () => {
    const [winter, summer, rep] = events(ics);
    expect(winter!.get('SUMMARY')).toBe('DDH Styregruppemøde');
    expect(rep!.get('SUMMARY')).toBe('DDH Repræsentantskabsmøde');
    expect(summer!.get('LOCATION')).toBe('Rådhuset\\, mødelokale 2\\; indgang C\\\\B');
    expect(unescape(summer!.get('LOCATION')!)).toBe(plan[1]!.place);
    expect(unescape(winter!.get('DESCRIPTION')!)).toBe('Vært: Vejle Kommune');
  });

  it('gives two entries of the same date and kind different UIDs', () => {
    const twice = events(planToIcs(config, [plan[0]!, { ...plan[0]!, time: '15:00-16:00' }]));
    expect(twice[0]!.get('UID')).not.toBe(twice[1]!.get('UID'));
  });
});
