// The meeting pack read by real PDF tools: qpdf checks its structure, poppler extracts its text and page facts.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DdhError } from '../../src/diagnostics.js';
import { writePack, type PackPart } from '../../src/writers/pack.js';
import { encryptPdf, makeAgenda, makePdf } from '../helpers/make-pdf.js';
import { findClients } from '../helpers/clients.js';

const clients = findClients('pack writer', [['qpdf'], ['pdftotext'], ['pdfinfo']]);

const META = { title: 'Bilagspakke DDH Styregruppemøde 28.01.2025', date: '2025-01-28', lang: 'da-DK' };

function part(n: number, bytes: Uint8Array, stamp = `Bilag til punkt ${n}: Økonomi – “status” på året`): PackPart {
  return { bookmark: `Punkt ${n} – Økonomi: bilag ${n}`, stamp, bytes, itemFile: `meetings/2025-01-28/0${n}-okonomi.md`, attachment: `bilag/${n}.pdf` };
}

describe.runIf(clients.ready)('the pack in qpdf and poppler', () => {
  let dir: string;
  let packFile: string;

  const run = (tool: string, ...args: string[]): string => execFileSync(tool, args, { encoding: 'utf8' });
  const pageText = (page: number): string => run('pdftotext', '-f', String(page), '-l', String(page), packFile, '-');

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ddh-pack-'));
    // An attachment as other tools write it: object streams and a linearized layout.
    const plain = path.join(dir, 'plain.pdf');
    const packed = path.join(dir, 'packed.pdf');
    await writeFile(plain, await makePdf(['Budget', { text: 'Bred tabel', rotate: 90 }, 'Noter']));
    execFileSync('qpdf', ['--object-streams=generate', '--linearize', plain, packed]);
    const parts = [part(3, await makePdf(['Kvartalsrapport'])), part(5, new Uint8Array(await readFile(packed))), part(6, await makeAgenda(2))];
    packFile = path.join(dir, 'pack.pdf');
    await writeFile(packFile, (await writePack(await makeAgenda(2), parts, META)).bytes);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes qpdf --check', () => {
    const result = spawnSync('qpdf', ['--check', packFile], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('No syntax or stream encoding errors found');
    expect(result.status).toBe(0);
  });

  it('has every page, its title and its tagging in pdfinfo', () => {
    const info = run('pdfinfo', packFile);
    expect(info).toMatch(/^Pages:\s+8$/m);
    expect(info).toMatch(/^Title:\s+Bilagspakke DDH Styregruppemøde 28\.01\.2025$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^CreationDate:\s+Tue Jan 28 00:00:00 2025 UTC$/m);
  });

  it('shows the stamp as text on every attachment page, also the turned one, and not on the agenda', () => {
    const stamp = (n: number) => `Bilag til punkt ${n}: Økonomi – “status” på året`;
    expect(pageText(1)).not.toContain('Bilag til punkt');
    expect(pageText(2)).not.toContain('Bilag til punkt');
    expect(pageText(3)).toContain(stamp(3));
    expect(pageText(3)).toContain('Kvartalsrapport');
    for (const page of [4, 5, 6]) expect(pageText(page)).toContain(stamp(5));
    expect(pageText(5)).toContain('Bred tabel');
    for (const page of [7, 8]) expect(pageText(page)).toContain(stamp(6));
  });

  it('lists the bookmarks with their pages in qpdf', () => {
    const json = JSON.parse(run('qpdf', '--json', '--json-key=outlines', packFile)) as {
      outlines: { title: string; destpageposfrom1: number; kids: unknown[] }[];
    };
    expect(json.outlines.map((o) => [o.title, o.destpageposfrom1, o.kids.length])).toEqual([
      ['Dagsorden', 1, 2],
      ['Punkt 3 – Økonomi: bilag 3', 3, 0],
      ['Punkt 5 – Økonomi: bilag 5', 4, 0],
      ['Punkt 6 – Økonomi: bilag 6', 7, 0],
    ]);
  });

  it.each([
    ['with a user password', 'hemmelig', []],
    ['that opens without a password, in object streams', '', ['--object-streams=generate']],
  ])('refuses an attachment encrypted %s, with the qpdf --decrypt hint', async (_name, user, extra) => {
    const encrypted = await encryptPdf(await makePdf(['Fortroligt']), user, extra);
    const error = await writePack(await makeAgenda(1), [part(4, encrypted)], META).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DdhError);
    const [d] = (error as DdhError).diagnostics;
    expect(d).toMatchObject({ file: 'meetings/2025-01-28/04-okonomi.md', field: 'attachments' });
    expect(d!.message).toBe("attachment 'bilag/4.pdf' is encrypted (password protected)");
    expect(d!.hint).toBe('decrypt it first, e.g. `qpdf --decrypt in.pdf out.pdf`');
  });
});
