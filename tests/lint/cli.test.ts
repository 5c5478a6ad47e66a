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
});
