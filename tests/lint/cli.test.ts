import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, ddh, PROJECT_ROOT } from '../helpers/cli.js';

/** Adds a line to the minutes of the last item file of a meeting of the example; returns its file and line. */
async function addToMinutes(root: string, date: string, text: string): Promise<{ file: string; line: number }> {
  const dir = path.join(root, 'meetings', date);
  const { readdir } = await import('node:fs/promises');
  const name = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort().at(-1)!;
  const file = path.join(dir, name);
  const before = await readFile(file, 'utf8');
  const body = before.includes('## Referat') ? before : `${before.replace(/\n*$/, '\n')}\n## Referat\n`;
  const after = `${body.replace(/\n*$/, '\n')}\n${text}\n`;
  await writeFile(file, after);
  return { file: `meetings/${date}/${name}`, line: after.split('\n').length - 1 };
}

describe('ddh lint', () => {
  it('shows an example in --help', async () => {
    const r = await ddh(PROJECT_ROOT, 'lint', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n\s+\$ ddh lint/);
  });

  it('has nothing to report on the example repository', async () => {
    const r = await ddh(PROJECT_ROOT, 'lint');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Linted \d+ meetings: nothing to report\.$/);
  });

  it('prints a finding as file:line:col  warning and exits 0, or 1 with --strict', async () => {
    const root = await copyExample();
    const { file, line } = await addToMinutes(root, '2026-03-12', 'Bilagene ligger på portalen (koden er: Styre2026).');
    const r = await ddh(root, 'lint');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${file}:${line}:1  warning  minutes: text looks like a password ("koden …")\n    hint: remove it and share it another way: the documents are sent out and git keeps every version; if it was committed, change the password`);
    expect(r.stdout).toMatch(/: 1 warning\.$/);
    const strict = await ddh(root, 'lint', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('1 warning in');
  });

  it('lints only the meetings named', async () => {
    const root = await copyExample();
    await addToMinutes(root, '2026-03-12', 'CPR 120380-1234 må ikke stå her.');
    expect((await ddh(root, 'lint', '2026-03-12')).stderr).toMatch(/warning {2}minutes: text looks like a CPR number \(120380-\*{4}\)/);
    const other = await ddh(root, 'lint', '2026-01-27');
    expect(other.stderr).toBe('');
    expect(other.stdout).toBe('Linted 1 meeting: nothing to report.');
  });

  it('refuses a --stale-after that is not a number', async () => {
    const r = await ddh(PROJECT_ROOT, 'lint', '--stale-after', 'tre');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--stale-after tre is not a whole number');
  });

  it('reports a point carried without an update with --stale-after 0', async () => {
    const r = await ddh(PROJECT_ROOT, 'lint', '--stale-after', '0');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ {2}warning {2}carried\[\d+\]: follow-up point '[\w-]+' has been carried to \d+ meetings without an update/);
  });

  it.each(['validate', 'lint'])('%s MEETING looks back over every meeting and reports only on the one named', async (command) => {
    const root = await copyExample();
    for (const date of ['2026-05-21', '2026-06-16', '2026-09-03']) expect((await ddh(root, 'new-meeting', date)).code).toBe(0);
    await addToMinutes(root, '2026-03-12', 'CPR 120380-1234 må ikke stå her.');
    const r = await ddh(root, command, '2026-09-03');
    expect(r.code).toBe(0);
    const stale = r.stderr.split('\n').filter((l) => l.includes('stale') || l.includes('without an update'));
    // Updated at 2026-04-28, three meetings ago: not stale. Never updated since 2026-03-12, four meetings ago: stale.
    expect(stale).toEqual([
      "meetings/2026-09-03/30-godkendelse-af-referat-og-opfoelgning.md:19:1  warning  carried[2]: follow-up point 'beskrivelse-af-onboardingforloeb-for-nye-agenter' has been carried to 4 meetings without an update since it was agreed on 12.03.2026",
    ]);
    expect(r.stderr).not.toContain('CPR');
    expect(r.stderr).not.toContain('meetings/2026-04-28/');
    expect((await ddh(root, command)).stderr).toContain('CPR number');
  });

  it('validate prints lint findings as warnings: exit 0, or 1 with --strict', async () => {
    const root = await copyExample();
    const { file, line } = await addToMinutes(root, '2026-03-12', 'Bilagene ligger på portalen (koden er: Styre2026).');
    const finding = `${file}:${line}:1  warning  minutes: text looks like a password ("koden …")`;
    const r = await ddh(root, 'validate');
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => /^\S+ {2}(warning|error) {2}/.test(l))).toEqual([finding]);
    expect(r.stdout).toMatch(/^Checked 3 meetings and \d+ items: no errors, 1 warning\.$/);
    const strict = await ddh(root, 'validate', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(finding);
    expect(strict.stderr).toMatch(/\n0 errors and 1 warning in 3 meetings and \d+ items$/);
    expect(strict.stdout).toBe('');
    expect((await ddh(PROJECT_ROOT, 'validate', '--strict')).code).toBe(0);
  });
});
