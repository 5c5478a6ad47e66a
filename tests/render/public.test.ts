// Public versions leak nothing: the content of a closed item reaches no output, in any format or part.

import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, ddh } from '../helpers/cli.js';
import { findClients } from '../helpers/clients.js';
import { makePdf } from '../helpers/make-pdf.js';
import { readPdfFacts } from '../helpers/pdf-read.js';
import { writeFiles } from '../helpers/temp-repo.js';

const SECRETS = ['Zeta', 'Omega', 'Kappa', 'Lambda', 'Sigma', 'Theta', 'Iota', 'Epsilon', 'Gamma'];
const TITLE = 'Fortrolig sag om leverandør';
const MEETING = 'meetings/2026-03-12';

const CLOSED_ITEM = `---
title: ${TITLE}
types: [D, B]
presenter: Oplægsholder Zeta
closed: true
attachments:
  - title: Notat Omega
    file: bilag/notat-omega.pdf
proposal: Indstilling Kappa om at opsige aftalen
decision: Beslutning Lambda om at opsige aftalen
subitems:
  - title: Underpunkt Sigma
followups:
  - title: Opfølgning Theta hos leverandøren
    owner: Ansvarlig Iota
---
Introduktion Epsilon med fortrolige oplysninger.

## Referat

Referat Gamma: leverandøren har ikke overholdt aftalen.
`;

const poppler = findClients('public versions (PDF text)', [['pdftotext']]);

/** Everything a reader or a tool could get out of one output file, as text. */
async function readable(file: string): Promise<string> {
  const bytes = await readFile(file);
  if (file.endsWith('.md')) return bytes.toString('utf8');
  if (file.endsWith('.docx')) {
    const zip = await JSZip.loadAsync(bytes);
    const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
    return parts.join('\n');
  }
  const facts = await readPdfFacts(bytes);
  const text = poppler.ready ? execFileSync(poppler.tool('pdftotext'), [file, '-'], { encoding: 'utf8' }) : '';
  // The raw bytes hold the Info dictionary and XMP metadata uncompressed.
  return [facts.title ?? '', ...facts.outlineTitles, text, bytes.toString('latin1')].join('\n');
}

describe('--public', () => {
  let root: string;
  const outputs = async (dir: string) => (await readdir(path.join(root, dir))).map((name) => path.join(root, dir, name));

  beforeAll(async () => {
    root = await copyExample();
    await writeFiles(root, {
      [`${MEETING}/65-fortrolig-sag.md`]: CLOSED_ITEM,
      [`${MEETING}/bilag/notat-omega.pdf`]: await makePdf(['Bilagstekst Omega: fortroligt']),
    });
    for (const [dir, extra] of [['public', ['--public']], ['internal', []]] as const) {
      for (const document of ['agenda', 'minutes']) {
        const r = await ddh(root, 'render', document, '2026-03-12', '--format', 'docx,pdf,md', '--out', dir, ...extra);
        expect(r.stderr.split('\n').filter((l) => l.includes('  error  '))).toEqual([]);
        expect(r.code).toBe(0);
      }
      const pack = await ddh(root, 'render', 'pack', '2026-03-12', '--out', dir, ...extra);
      expect(pack.code).toBe(0);
    }
  });

  it('writes every format of agenda, minutes and pack', async () => {
    expect((await outputs('public')).map((f) => path.basename(f)).sort()).toEqual([
      'DDH-bilagspakke_12.03.2026_offentlig.pdf',
      'DDH-dagsorden_12.03.2026_offentlig.docx',
      'DDH-dagsorden_12.03.2026_offentlig.md',
      'DDH-dagsorden_12.03.2026_offentlig.pdf',
      'DDH-referat_12.03.2026_offentlig.docx',
      'DDH-referat_12.03.2026_offentlig.md',
      'DDH-referat_12.03.2026_offentlig.pdf',
    ]);
  });

  it('the internal versions do hold the closed text, so the scan below can find it', async () => {
    const text = (await Promise.all((await outputs('internal')).map(readable))).join('\n');
    for (const secret of SECRETS) expect(text).toContain(secret);
  });

  it('no closed text reaches any public output: DOCX parts, PDF text, outline and metadata, Markdown, pack', async () => {
    for (const file of await outputs('public')) {
      const text = await readable(file);
      for (const secret of SECRETS) expect(text.includes(secret), `${secret} in ${path.basename(file)}`).toBe(false);
    }
  });

  it('keeps the closed item as its number and title, marked Lukket punkt', async () => {
    const md = await readFile(path.join(root, 'public', 'DDH-referat_12.03.2026_offentlig.md'), 'utf8');
    expect(md).toMatch(new RegExp(`## Punkt 7: ${TITLE}[^\\n]*\\n+[^\\n]*Lukket punkt`));
  });

  it('leaves the closed item’s attachment out of the pack', async () => {
    const pages = async (name: string) => (await readPdfFacts(await readFile(path.join(root, name)))).pages;
    const agenda = await pages('public/DDH-dagsorden_12.03.2026_offentlig.pdf');
    expect(await pages('public/DDH-bilagspakke_12.03.2026_offentlig.pdf')).toBe(agenda);
    expect(await pages('internal/DDH-bilagspakke_12.03.2026.pdf')).toBe((await pages('internal/DDH-dagsorden_12.03.2026.pdf')) + 1);
  });
});
