import { renameSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeFileAtomic, writeFilesAtomic } from '../src/atomic-write.js';
import { DdhError, formatDiagnostic } from '../src/diagnostics.js';
import { makeRepo } from './helpers/temp-repo.js';

vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>();
  return { ...original, renameSync: vi.fn(original.renameSync) };
});

const busy = (code: string) => () => {
  throw Object.assign(new Error(`${code}: resource busy or locked`), { code });
};

/** What a call throws, or undefined. */
function thrown(call: () => void): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('atomic writing', () => {
  it('writes the file and leaves no temporary file', async () => {
    const dir = await makeRepo();
    writeFileAtomic({ path: path.join(dir, 'out', 'a.docx'), bytes: 'indhold' });
    expect(await readFile(path.join(dir, 'out', 'a.docx'), 'utf8')).toBe('indhold');
    expect(await readdir(path.join(dir, 'out'))).toEqual(['a.docx']);
  });

  it.each(['EBUSY', 'EPERM'])('names a locked target (%s), keeps it intact and leaves no temporary file', async (code) => {
    const dir = await makeRepo();
    const target = path.join(dir, 'referat.docx');
    await writeFile(target, 'gammel version');
    vi.mocked(renameSync).mockImplementationOnce(busy(code));
    const error = thrown(() => writeFileAtomic({ path: target, bytes: 'ny version', display: 'out/referat.docx' }));
    expect(error).toBeInstanceOf(DdhError);
    expect(formatDiagnostic((error as DdhError).diagnostics[0]!)).toMatch(
      new RegExp(`^out/referat\\.docx:1:1 {2}error {2}cannot replace the file \\(${code}\\): it is open in another program`),
    );
    expect(await readFile(target, 'utf8')).toBe('gammel version');
    expect(await readdir(dir)).toEqual(['referat.docx']);
  });

  it('names a folder that stands at the target, as bad input, and leaves the folder and no temporary file', async () => {
    const dir = await makeRepo({ 'referat.docx/indhold.txt': 'en mappe' });
    const error = thrown(() => writeFileAtomic({ path: path.join(dir, 'referat.docx'), bytes: 'ny version', display: 'out/referat.docx' }));
    expect(error).toBeInstanceOf(DdhError);
    expect((error as DdhError).exitCode).toBe(1);
    expect(formatDiagnostic((error as DdhError).diagnostics[0]!)).toMatch(/^out\/referat\.docx:1:1 {2}error {2}cannot write the file: a folder of that name is in the way/);
    expect(await readdir(dir)).toEqual(['referat.docx']);
    expect(await readdir(path.join(dir, 'referat.docx'))).toEqual(['indhold.txt']);
  });

  it('writes the other outputs when one is locked, then reports the locked one', async () => {
    const dir = await makeRepo();
    vi.mocked(renameSync).mockImplementationOnce(busy('EBUSY'));
    const files = ['a.docx', 'a.pdf', 'a.md'].map((n) => ({ path: path.join(dir, n), bytes: n, display: n }));
    const error = thrown(() => writeFilesAtomic(files));
    expect((error as DdhError).diagnostics.map((d) => d.file)).toEqual(['a.docx']);
    expect((await readdir(dir)).sort()).toEqual(['a.md', 'a.pdf']);
  });
});

describe('after a crash', () => {
  it('removes the temporary file a killed run left and keeps the earlier output until the new one is complete', async () => {
    const dir = await makeRepo({ 'a.pdf': 'tidligere', '.a.pdf.tmp-2147483646-deadbeef': 'halvt skrevet' });
    writeFileAtomic({ path: path.join(dir, 'a.pdf'), bytes: 'ny' });
    expect(await readdir(dir)).toEqual(['a.pdf']);
    expect(await readFile(path.join(dir, 'a.pdf'), 'utf8')).toBe('ny');
  });
});

describe('beside another render', () => {
  it('leaves the temporary file of a writer that still runs', async () => {
    const live = `.a.pdf.tmp-${process.ppid}-cafebabe`;
    const dir = await makeRepo({ [live]: 'skrives lige nu' });
    writeFileAtomic({ path: path.join(dir, 'a.pdf'), bytes: 'ny' });
    expect((await readdir(dir)).sort()).toEqual([live, 'a.pdf']);
  });
});
