import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { findRepository, validateRepository } from '../../src/load/index.js';
import { decisionRegister } from '../../src/registers/decisions.js';
import { followUpRegister } from '../../src/registers/followups.js';
import { copyExample, ddh, PROJECT_ROOT } from '../helpers/cli.js';

async function exampleMeetings(root = PROJECT_ROOT) {
  const repo = await findRepository(root);
  return { repo, meetings: (await validateRepository(repo)).meetings };
}

/** CSV as a spreadsheet reads it: RFC 4180 records ended by CRLF, the header naming the fields. */
const readCsv = (text: string): Record<string, string>[] => parse(text, { columns: true, record_delimiter: '\r\n' });

/** A register cell as the CSV writes it: numbers as digits, booleans yes/no, missing values empty. */
const cell = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value));

describe.each(['followups', 'decisions', 'plan'])('ddh %s --help', (command) => {
  it('shows an example', async () => {
    const r = await ddh(PROJECT_ROOT, command, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Examples:\\n\\s+\\$ ddh ${command}`));
  });
});

describe('ddh followups', () => {
  it('prints the register of the example repository as JSON, row for row', async () => {
    const { meetings } = await exampleMeetings();
    const expected = followUpRegister(meetings, { asOf: '2026-05-01' });
    expect(expected.length).toBeGreaterThan(0);
    const r = await ddh(PROJECT_ROOT, 'followups', '--format', 'json', '--as-of', '2026-05-01');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.map((row) => row.id)).toEqual(expected.map((row) => row.id));
    const { status, ...first } = expected[0]!;
    expect(status).toBe('open');
    expect(rows[0]).toEqual({ lastUpdate: null, due: null, owner: null, ...first });
  });

  it('adds the closed points with --all, as CSV with CRLF records', async () => {
    const { meetings } = await exampleMeetings();
    const expected = followUpRegister(meetings, { all: true, asOf: '2026-05-01' });
    const r = await ddh(PROJECT_ROOT, 'followups', '--all', '--format', 'csv', '--as-of', '2026-05-01');
    expect(r.code).toBe(0);
    expect(r.rawStdout).toMatch(/[^\r\n]\r\n$/);
    expect(r.rawStdout.split('\r\n')[0]).toBe('id,title,owner,since,due,meetings,days,overdue,last update,status,closed');
    expect(readCsv(r.rawStdout)).toEqual(
      expected.map((row) => ({
        id: row.id,
        title: row.title,
        owner: cell(row.owner),
        since: row.since,
        due: cell(row.due),
        meetings: cell(row.ageMeetings),
        days: cell(row.ageDays),
        overdue: cell(row.overdue),
        'last update': cell(row.lastUpdate),
        status: row.status,
        closed: cell(row.closedAt),
      })),
    );
    expect(expected.some((row) => row.status === 'closed')).toBe(true);
  });

  it('prints an aligned table by default', async () => {
    const r = await ddh(PROJECT_ROOT, 'followups', '--as-of', '2026-05-01');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^id +title +owner +since +due +meetings +days +overdue +last update$/);
    expect(lines[1]).toMatch(/^-+( +-+)+$/);
  });

  it('refuses an as-of date that is not in the calendar', async () => {
    const r = await ddh(PROJECT_ROOT, 'followups', '--as-of', '2026-02-30');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--as-of 2026-02-30 is not a date');
  });

  it('refuses an unknown format', async () => {
    const r = await ddh(PROJECT_ROOT, 'followups', '--format', 'xml');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Allowed choices are table, md, csv, json/);
  });

  it('names the broken meeting instead of printing a register with rows missing', async () => {
    const root = await copyExample();
    await writeFile(path.join(root, 'meetings', '2026-03-12', '25-nyt.md'), '---\ntitel: Uden titel\n---\n');
    const r = await ddh(root, 'decisions');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('needs every meeting to load');
    expect(r.stderr).toMatch(/meetings\/2026-03-12\/25-nyt\.md:\d+(:\d+)? {2}error/);
  });
});

describe('ddh decisions', () => {
  it('prints every decision of the example as a Markdown table', async () => {
    const { meetings } = await exampleMeetings();
    const expected = decisionRegister(meetings);
    const r = await ddh(PROJECT_ROOT, 'decisions', '--format', 'md');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(expected.length + 2);
    expect(lines[0]).toBe('| date | item | title | decision | file |');
  });

  it('filters with --from, --to and --grep', async () => {
    const { meetings } = await exampleMeetings();
    const withDecision = decisionRegister(meetings);
    const target = withDecision.at(-1)!;
    const word = target.title.split(/\s+/).find((w) => w.length > 5) ?? target.title;
    const expected = decisionRegister(meetings, { from: target.date, to: target.date, grep: word.toUpperCase() });
    const r = await ddh(PROJECT_ROOT, 'decisions', '--from', target.date, '--to', target.date, '--grep', word.toUpperCase(), '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { date: string; number: number }[];
    expect(rows.map((row) => [row.date, row.number])).toEqual(expected.map((row) => [row.date, row.number]));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('writes CSV that a CSV parser reads back row for row, quotes, commas and line breaks included', async () => {
    const root = await copyExample();
    const item = path.join(root, 'meetings', '2026-04-28', '36-forberedelse-af-repraesentantskabsmoedet.md');
    const decision = 'decision: |-\n  Udkastet godkendes med "to rettelser", og kontingentet fastholdes.\n  Sekretariatet sender det ud, senest 30. april.\n';
    await writeFile(item, (await readFile(item, 'utf8')).replace('proposal:\n', `${decision}proposal:\n`));
    const { meetings } = await exampleMeetings(root);
    const expected = decisionRegister(meetings);
    expect(expected.at(-1)?.decision).toContain('"to rettelser",');
    const r = await ddh(root, 'decisions', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.rawStdout).toMatch(/[^\r\n]\r\n$/);
    expect(readCsv(r.rawStdout)).toEqual(expected.map((row) => ({ date: row.date, item: String(row.number), title: row.title, decision: row.decision, file: row.file })));
  });

  it('says so when nothing matches', async () => {
    const r = await ddh(PROJECT_ROOT, 'decisions', '--grep', 'ingen beslutning hedder sådan');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No decisions found.');
  });

  it('refuses a --from date that is not a date', async () => {
    const r = await ddh(PROJECT_ROOT, 'decisions', '--from', '2026-1-1');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--from 2026-1-1 is not a date');
  });
});

describe('ddh plan', () => {
  it('writes the plan as an .ics file with --out, one event per plan entry', async () => {
    const root = await copyExample();
    const repo = await findRepository(root);
    const r = await ddh(root, 'plan', '--ics', '--out', 'moedeplan.ics');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote moedeplan.ics (${repo.plan.length} meetings)`);
    const ics = await readFile(path.join(root, 'moedeplan.ics'), 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(repo.plan.length);
    const again = await ddh(root, 'plan', '--ics');
    expect(again.rawStdout).toBe(ics);
  });

  it('prints the plan as a table with kind labels', async () => {
    const repo = await findRepository(PROJECT_ROOT);
    const r = await ddh(PROJECT_ROOT, 'plan');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(repo.plan.length + 2);
    expect(lines[2]).toContain(repo.plan[0]!.date);
    expect(r.stdout).toMatch(/Styregruppemøde/);
  });

  it('shows a typo in the year through lint', async () => {
    const root = await copyExample();
    await appendFile(path.join(root, 'meetings', 'plan.yaml'), '\n- date: 2025-11-25\n  place: Teams\n');
    const r = await ddh(root, 'lint');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^meetings\/plan\.yaml:\d+:1 {2}warning {2}plan date 2025-11-25 comes after \d{4}-\d{2}-\d{2}/m);
  });
});
