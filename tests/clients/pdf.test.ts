// The PDF writer's output read by real PDF tools: poppler extracts its text and facts, qpdf checks its structure.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Doc } from '../../src/doc.js';
import { writePdf } from '../../src/writers/pdf.js';
import { findClients } from '../helpers/clients.js';
import { FJORDLAND, h, HOSTILE, link, p, sampleMeta, severalPagesDoc, solidPng, t } from '../helpers/sample-doc.js';

const clients = findClients('PDF writer', [['qpdf'], ['pdftotext'], ['pdfinfo'], ['pdffonts']]);

describe.runIf(clients.ready)('the PDF in poppler and qpdf', () => {
  let dir: string;
  const run = (tool: string, ...args: string[]): string => execFileSync(tool, args, { encoding: 'utf8' });
  const save = async (name: string, doc: Doc, logo?: Uint8Array): Promise<string> => {
    const file = path.join(dir, name);
    const result = await writePdf(doc, logo === undefined ? {} : { logo });
    await writeFile(file, result.bytes);
    return file;
  };
  /** The non-empty lines pdftotext gives for one page. */
  const pageLines = (file: string, page: number): string[] =>
    run('pdftotext', '-f', String(page), '-l', String(page), file, '-')
      .split('\n')
      .map((line) => line.replace(/\f/g, '').trimEnd())
      .filter((line) => line !== '');

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ddh-pdf-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives back text of more than 92 different characters in one face, whose glyph codes need escaping in the content', async () => {
    // Glyph codes are literal strings: subset ids 10, 13, 40, 41 and 92 are a line end, a parenthesis or a backslash.
    const chars = Array.from({ length: 0x17f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i)).filter((c) => /\p{L}|\p{N}|\p{P}|\p{S}/u.test(c));
    expect(chars.length).toBeGreaterThan(200);
    const lines = Array.from({ length: Math.ceil(chars.length / 40) }, (_, i) => chars.slice(i * 40, i * 40 + 40).join(''));
    const file = await save('many-glyphs.pdf', { meta: sampleMeta(FJORDLAND), blocks: lines.map((line) => p(t(line))) });
    const text = pageLines(file, 1);
    for (const line of lines) expect(text).toContain(line);
  });

  it('gives back the text exactly, hostile characters, ligature pairs and page numbers included', async () => {
    const blocks: Block[] = [
      h(1, 'Dagsorden Fjordlandets Borgerhjælp'),
      p(t(HOSTILE)),
      p(t('Officielle filer fra flyveren: fif, ffl og ffi.')),
      p(t('Kursiv', { italic: true }), t(' og '), t('fed', { bold: true }), t(' og '), link('https://eksempel.dk/a?b=1&c=2', 'et link'), t('.')),
      { type: 'pageBreak' },
      h(2, 'Punkt 1: Velkomst (O)'),
      p(t('Sidste side.')),
    ];
    const file = await save('text.pdf', { meta: sampleMeta(FJORDLAND), blocks });
    const one = pageLines(file, 1);
    const two = pageLines(file, 2);
    for (const line of [
      'Dagsorden Fjordlandets Borgerhjælp',
      HOSTILE,
      'Officielle filer fra flyveren: fif, ffl og ffi.',
      'Kursiv og fed og et link.',
      'Side 1 af 2',
      'Fjordlandets Borgerhjælp',
      'UDKAST',
    ]) {
      expect(one).toContain(line);
    }
    expect(one.indexOf(HOSTILE)).toBeGreaterThan(one.indexOf('Dagsorden Fjordlandets Borgerhjælp'));
    expect(two).toContain('Punkt 1: Velkomst (O)');
    expect(two).toContain('Sidste side.');
    expect(two).toContain('Side 2 af 2');
  });

  it('leaves out UDKAST when the minutes are approved', async () => {
    const file = await save('approved.pdf', { meta: sampleMeta(FJORDLAND, { draft: false }), blocks: [p(t('Godkendt referat.'))] });
    const lines = pageLines(file, 1);
    expect(lines).toContain('Godkendt referat.');
    expect(lines).not.toContain('UDKAST');
  });

  it('gives back characters no font has through ActualText', async () => {
    const file = await save('missing.pdf', { meta: sampleMeta(FJORDLAND), blocks: [p(t('Tegn: 中 og ᚠ.'))] });
    expect(pageLines(file, 1)).toContain('Tegn: 中 og ᚠ.');
  });

  it('is tagged A4 with every font embedded, and passes qpdf --check', async () => {
    const file = await save('sample.pdf', severalPagesDoc(), solidPng(2, 2));
    const info = run('pdfinfo', file);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(info).toMatch(/^Title:\s+Referat Fjordlandets Borgerhjælp Styregruppemøde 13\.03\.2025$/m);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pageLines(file, pages)).toContain(`Side ${pages} af ${pages}`);

    const fonts = run('pdffonts', file).split('\n').slice(2).filter((line) => line.trim() !== '');
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const line of fonts) expect(line, line).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);

    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });
});
