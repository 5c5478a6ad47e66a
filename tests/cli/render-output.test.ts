// `ddh render` when an output cannot be written: a folder in the way, a file locked by Word; the rest is written and listed.

import { renameSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { copyExample, ddh } from '../helpers/cli.js';

vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>();
  return { ...original, renameSync: vi.fn(original.renameSync) };
});

const AGENDA = 'DDH-dagsorden_28.04.2026';

describe('ddh render with an output that cannot be written', () => {
  it('names a folder that stands where the DOCX goes, exits 1, writes and lists the PDF, and leaves no temporary file', async () => {
    const root = await copyExample();
    await mkdir(path.join(root, 'out', `${AGENDA}.docx`), { recursive: true });
    const r = await ddh(root, 'render', 'agenda', '2026-04-28', '--out', 'out');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^out/${AGENDA}\\.docx:1:1 {2}error {2}cannot write the file: a folder of that name is in the way$`, 'm'));
    expect(r.stderr).not.toContain('unexpected');
    expect(r.stdout).toBe(`wrote out/${AGENDA}.pdf`);
    expect((await readdir(path.join(root, 'out'))).sort()).toEqual([`${AGENDA}.docx`, `${AGENDA}.pdf`]);
    expect(await readdir(path.join(root, 'out', `${AGENDA}.docx`))).toEqual([]);
  });

  it.each(['EBUSY', 'EPERM'])('lists the outputs it wrote beside one that is locked (%s)', async (code) => {
    const root = await copyExample();
    const real = vi.mocked(renameSync).getMockImplementation()!;
    // Word holds the DOCX open: renaming onto it fails, every other rename goes through.
    vi.mocked(renameSync).mockImplementation((from, to) => {
      if (String(to).endsWith('.docx')) throw Object.assign(new Error(`${code}: resource busy or locked`), { code });
      return real(from, to);
    });
    const r = await ddh(root, 'render', 'agenda', '2026-04-28', '--format', 'docx,pdf,md', '--out', 'out').finally(() => vi.mocked(renameSync).mockImplementation(real));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^out/${AGENDA}\\.docx:1:1 {2}error {2}cannot replace the file \\(${code}\\)`, 'm'));
    expect(r.stdout.split('\n').sort()).toEqual([`wrote out/${AGENDA}.md`, `wrote out/${AGENDA}.pdf`]);
    expect((await readdir(path.join(root, 'out'))).sort()).toEqual([`${AGENDA}.md`, `${AGENDA}.pdf`]);
  });
});
