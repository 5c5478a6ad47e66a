// `ddh render pack` run in-process on copies of the example repository: the pack's properties, and what it refuses.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { copyExample, ddh } from '../helpers/cli.js';
import { loadPdf } from '../helpers/pdf-read.js';

/** The example meeting whose item has a PDF in bilag/. */
const DATE = '2026-01-27';

async function xmpOf(bytes: Uint8Array): Promise<string> {
  const pdf = await loadPdf(bytes);
  const stream = pdf.context.lookup(pdf.catalog.get(PDFName.of('Metadata')));
  if (!(stream instanceof PDFRawStream)) throw new Error('the pack has no XMP metadata stream');
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8');
}

describe('ddh render pack', () => {
  it('titles the pack as a meeting pack, in the Info dictionary and in the XMP, an extract with its track', async () => {
    const root = await copyExample();
    for (const [out, args, title] of [
      ['whole', [], 'Mødepakke DDH Styregruppemøde 27.01.2026'],
      ['extract', ['--track', 'kontaktcenter'], 'Mødepakke DDH Styregruppemøde 27.01.2026 – Uddrag: DDH Kontaktcenter'],
    ] as const) {
      const r = await ddh(root, 'render', 'pack', DATE, '--out', out, ...args);
      expect(r.code, r.stderr).toBe(0);
      const [file, ...more] = await readdir(path.join(root, out));
      expect(more).toEqual([]);
      const bytes = new Uint8Array(await readFile(path.join(root, out, file!)));
      expect((await loadPdf(bytes)).getTitle()).toBe(title);
      expect(await xmpOf(bytes)).toContain(`<rdf:li xml:lang="x-default">${title}</rdf:li>`);
    }
  });

  it('warns when the meeting has no PDF attachments, and still writes the agenda as the pack', async () => {
    const root = await copyExample();
    const alone = await ddh(root, 'render', 'pack', '2026-04-28', '--out', 'alone');
    expect(alone.code, alone.stderr).toBe(0);
    expect(alone.stderr).toMatch(/^meetings\/2026-04-28 {2}warning {2}no PDF attachments; the pack is the agenda alone$/m);
    expect(alone.stdout).toBe('wrote alone/DDH-bilagspakke_28.04.2026.pdf');
    expect((await loadPdf(new Uint8Array(await readFile(path.join(root, 'alone', 'DDH-bilagspakke_28.04.2026.pdf'))))).getPageCount()).toBeGreaterThan(0);
    const withPdf = await ddh(root, 'render', 'pack', DATE, '--out', 'with');
    expect(withPdf.code, withPdf.stderr).toBe(0);
    expect(withPdf.stderr).not.toContain('no PDF attachments');
  });
});
