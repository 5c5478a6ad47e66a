import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, ddh, PROJECT_ROOT } from '../helpers/cli.js';
import { makeRepo } from '../helpers/temp-repo.js';

async function folderHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (d: string): Promise<void> => {
    for (const entry of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, entry.name);
      hash.update(p);
      if (entry.isDirectory()) await walk(p);
      else hash.update(await readFile(p)).update(String((await stat(p)).mtimeMs));
    }
  };
  await walk(dir);
  return hash.digest('hex');
}

describe('ddh --help', () => {
  it('lists the commands', async () => {
    const r = await ddh(PROJECT_ROOT, '--help');
    expect(r.code).toBe(0);
    for (const c of ['init', 'new-meeting', 'carry', 'validate', 'list', 'render']) expect(r.stdout).toContain(c);
  });
  it.each(['init', 'new-meeting', 'carry', 'validate', 'list', 'render'])('%s --help shows an example', async (command) => {
    const r = await ddh(PROJECT_ROOT, command, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Examples:\\n\\s+\\$ ddh ${command}`));
  });
  it('refuses an unknown command with exit code 1', async () => {
    const r = await ddh(PROJECT_ROOT, 'rendr');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown command 'rendr'");
  });
});

describe('ddh validate', () => {
  it('passes on the example repository and says what it checked', async () => {
    const r = await ddh(PROJECT_ROOT, 'validate');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Checked \d+ meetings and \d+ items: no errors\.$/);
  });

  it('prints every mistake as path:line:col  error  message and exits 1', async () => {
    const root = await makeRepo({
      'meetings/2026-01-27/meeting.yaml': 'date: 2026-01-28\nkind: styregruppemøde\n',
      'meetings/2026-01-27/10-velkomst.md': '---\ntitle: Velkomst\ntypes: [O, X]\n---\nHej.\n',
      'meetings/2026-01-27/20-kpi.md': '---\ntitel: KPI\n---\n',
    });
    const r = await ddh(root, 'validate');
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => /\s{2}error\s{2}/.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).toMatch(/^meetings\/2026-01-27\/[\w.-]+:\d+:\d+ {2}error {2}\S/);
    expect(r.stderr).toMatch(/meetings\/2026-01-27\/10-velkomst\.md:3:\d+ {2}error {2}.*types\[1\]/);
    expect(r.stderr).toMatch(/meetings\/2026-01-27\/meeting\.yaml:1:\d+ {2}error {2}.*2026-01-27/);
    // Both item files were checked, the meeting failing or not.
    expect(r.stderr).toMatch(/\n\d+ errors and 0 warnings in 1 meeting and 2 items$/);
  });

  it('reports problems in ddh.yaml, plan.yaml and members.yaml and goes on to check the meetings', async () => {
    const root = await makeRepo({
      'ddh.yaml': 'kinds: {temamøde: Temamøde}\ntracks: {ai: AI}\nstyle: {colour: blå}\n',
      'meetings/plan.yaml': '- date: 2026-13-01\n',
      'meetings/members.yaml': '- name: Bo\n',
      'meetings/2026-01-27/meeting.yaml': 'date: 2026-01-27\nkind: temamøde\n',
      'meetings/2026-01-27/10-ai.md': '---\ntitle: AI\ntrack: ai\ntypes: [X]\n---\n',
      'meetings/2026-01-27/20-kpi.md': '---\ntitle: KPI\n---\n',
    });
    const r = await ddh(root, 'validate');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.includes('  error  '))).toEqual([
      'ddh.yaml:3:17  error  style.colour must be six hexadecimal digits without #, e.g. 1F4E79',
      'meetings/2026-01-27/10-ai.md:4:9  error  types[0] must be one of O, D, B',
      'meetings/members.yaml:1:3  error  [0].org is required',
      'meetings/plan.yaml:1:9  error  [0].date 2026-13-01 is not a day in the calendar',
    ]);
    expect(r.stderr).toMatch(/\n4 errors and 0 warnings in 1 meeting and 2 items$/);
  });

  it('with a ddh.yaml that cannot be read at all, leaves out only the checks of kinds and tracks', async () => {
    const root = await makeRepo({
      'ddh.yaml': 'kinds: {temamøde: Temamøde}\n  tracks: x\n',
      'meetings/2026-01-27/meeting.yaml': 'date: 2026-01-28\nkind: temamøde\n',
      'meetings/2026-01-27/10-ai.md': '---\ntitle: AI\ntrack: ai\n---\n',
    });
    const r = await ddh(root, 'validate');
    expect(r.code).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.includes('  error  '));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^ddh\.yaml:2:\d+ {2}error {2}/);
    expect(errors[1]).toBe("meetings/2026-01-27/meeting.yaml:1:7  error  date 2026-01-28 is not the folder's date 2026-01-27");
  });

  it('prints every kind of finding with a line and a column', async () => {
    const utf16 = Buffer.from('\ufeff---\ntitle: A\n---\n', 'utf16le');
    const root = await makeRepo({
      'meetings/arkiv/x.md': '',
      'meetings/2025-02-30/meeting.yaml': 'date: 2025-02-30\n',
      'meetings/2026-01-27/meeting.yaml': 'date: 2026-01-27\n',
      'meetings/2026-01-27/10-kpi.md': '---\ntitle: KPI\nfollowups: [{title: Ny plan}]\n---\n',
      'meetings/2026-01-27/20-tegn.md': '---\ntitle: "A\\u0001"\n---\n',
      'meetings/2026-03-12/meeting.yaml': 'date: 2026-03-12\n',
      'meetings/2026-03-12/10-velkomst.md': '---\ntitle: Velkomst\n---\n',
      'meetings/2026-03-12/20-utf16.md': utf16,
      'meetings/2026-03-12/noter.md': '',
    });
    const r = await ddh(root, 'validate');
    expect(r.code).toBe(1);
    const findings = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('    hint: ') && !/^\d+ errors? and/.test(l));
    expect(findings.length).toBeGreaterThanOrEqual(6);
    for (const line of findings) expect(line).toMatch(/^\S+:\d+:\d+ {2}(error|warning|note) {2}\S/);
    for (const file of ['meetings/arkiv', 'meetings/2025-02-30/meeting.yaml', 'meetings/2026-01-27/20-tegn.md', 'meetings/2026-03-12/20-utf16.md', 'meetings/2026-03-12/noter.md']) {
      expect(findings.some((l) => l.startsWith(`${file}:`))).toBe(true);
    }
  });

  it('says when there is no minutes repository', async () => {
    const root = await makeRepo({ 'notes.txt': 'x' });
    const r = await ddh(root, 'validate');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ddh init/);
  });
});

describe('ddh new-meeting', () => {
  it('creates a meeting that validates, and refuses to create it twice without touching it', async () => {
    const root = await copyExample();
    const created = await ddh(root, 'new-meeting', '2026-12-08');
    expect(created.stderr.split('\n').filter((l) => l.includes('  error  '))).toEqual([]);
    expect(created.code).toBe(0);
    expect((await ddh(root, 'validate')).code).toBe(0);
    const before = await folderHash(path.join(root, 'meetings', '2026-12-08'));
    const again = await ddh(root, 'new-meeting', '2026-12-08');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(await folderHash(path.join(root, 'meetings', '2026-12-08'))).toBe(before);
  });
});

describe('ddh render', () => {
  it('writes the agenda as Markdown into --out', async () => {
    const root = await copyExample();
    const r = await ddh(root, 'render', 'agenda', '--format', 'md', '--out', 'preview');
    expect(r.code).toBe(0);
    const written = r.stdout.split('\n').filter((l) => l.startsWith('wrote ')).map((l) => l.slice(6));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^preview[\\/]DDH-dagsorden_\d\d\.\d\d\.\d{4}\.md$/);
    expect(await readFile(path.join(root, written[0]!), 'utf8')).toContain('Dagsorden');
  });

  it('refuses an unknown format and writes nothing', async () => {
    const root = await copyExample();
    const r = await ddh(root, 'render', 'agenda', '--format', 'docx,odt', '--out', 'o');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown output format 'odt'");
    await expect(stat(path.join(root, 'o'))).rejects.toThrow();
  });

  it('writes byte-identical DOCX and PDF files on a second render', async () => {
    const root = await copyExample();
    const first = await ddh(root, 'render', 'minutes', '--out', 'a');
    expect(first.code).toBe(0);
    const second = await ddh(root, 'render', 'minutes', '--out', 'b');
    expect(second.code).toBe(0);
    const names = (await readdir(path.join(root, 'a'))).sort();
    expect(names.some((n) => n.endsWith('.docx'))).toBe(true);
    expect(names.some((n) => n.endsWith('.pdf'))).toBe(true);
    for (const name of names) {
      expect(Buffer.compare(await readFile(path.join(root, 'a', name)), await readFile(path.join(root, 'b', name)))).toBe(0);
    }
  });
});

describe('arguments that do not fit', () => {
  it('says when the folder given to -C does not exist', async () => {
    const r = await ddh(PROJECT_ROOT, '-C', 'findes-ikke', 'validate');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ddh {2}error {2}the folder .*findes-ikke does not exist/);
  });
  it('refuses another format for the pack, which is always a PDF', async () => {
    const r = await ddh(PROJECT_ROOT, 'render', 'pack', '--format', 'docx', '--out', 'ikke-skrevet');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the meeting pack is always one PDF');
  });
  it('refuses meetings and --track for the decision register', async () => {
    const r = await ddh(PROJECT_ROOT, 'render', 'decisions', '2026-03-12', '--track', 'ai');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('meetings, --track cannot be used with it');
  });
});

describe('ddh list', () => {
  it('lists the example meetings with status and counts, as a table or as JSON', async () => {
    const table = await ddh(PROJECT_ROOT, 'list');
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^date\s+kind\s+status\s+items\s+open points\s+place$/);
    const json = JSON.parse((await ddh(PROJECT_ROOT, 'list', '--format', 'json')).stdout) as { date: string; status: string; items: number }[];
    expect(json.map((r) => r.date)).toEqual(['2026-01-27', '2026-03-12', '2026-04-28']);
    expect(json.map((r) => r.status)).toEqual(['godkendt', 'godkendt', 'udkast']);
    expect(json.every((r) => r.items > 0)).toBe(true);
  });
  it('shows a meeting that cannot be read as invalid, and lists the others', async () => {
    const root = await copyExample();
    await writeFile(path.join(root, 'meetings', '2026-03-12', 'meeting.yaml'), 'date: 2026-03-13\n');
    const r = await ddh(root, 'list', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2026-03-12,,invalid \(1 error: ddh validate 2026-03-12\)/);
    expect(r.stdout).toContain('2026-04-28,Styregruppemøde,udkast');
  });
});
