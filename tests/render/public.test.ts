// Public versions leak nothing: the content of a closed item reaches no output, in any format or part, at its own
// meeting or later, where the follow-up points agreed under it are carried.

import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, ddh } from '../helpers/cli.js';
import { findClients } from '../helpers/clients.js';
import { readDocx } from '../helpers/docx-read.js';
import { makePdf } from '../helpers/make-pdf.js';
import { readPdfFacts } from '../helpers/pdf-read.js';
import { writeFiles } from '../helpers/temp-repo.js';

const TITLE = 'Fortrolig sag om leverandør';
/** The meeting with the closed item, the next one (which carries its follow-up point) and one created after that. */
const CLOSED_AT = '2026-03-12';
const CARRIED_AT = '2026-04-28';
const CARRIED_AGAIN_AT = '2026-05-21';

const CLOSED_ITEM = `---
title: ${TITLE}
types: [D, B]
presenter: Oplægsholder Zeta
closed: true
attachments:
  - title: Notat Omega
    file: bilag/notat-omega.pdf
  - title: Analyse Delta
    url: https://example.org/fortrolig/ypsilon-rapport
proposal: Indstilling Kappa om at opsige aftalen
decision: Beslutning Lambda om at opsige aftalen
subitems:
  - title: Underpunkt Sigma
    presenter: Underpunktsansvarlig Beta
followups:
  - title: Opfølgning Theta hos leverandøren
    owner: Ansvarlig Iota
    due: 2026-07-09
---
Introduktion Epsilon med fortrolige oplysninger, se [Linktekst Orkan](https://example.org/fortrolig/tornado-notat).

## Referat

Referat Gamma: leverandøren har ikke overholdt aftalen.
`;

type Document = 'agenda' | 'minutes' | 'pack';

/** Each distinctive word of the closed matter, and the internal documents that print it. */
const SECRETS: Record<string, Partial<Record<string, readonly Document[]>>> = {
  Zeta: { [CLOSED_AT]: ['agenda', 'minutes', 'pack'] },
  Omega: { [CLOSED_AT]: ['agenda', 'minutes', 'pack'] },
  Omikron: { [CLOSED_AT]: ['pack'] },
  Delta: { [CLOSED_AT]: ['agenda', 'minutes', 'pack'] },
  'ypsilon-rapport': { [CLOSED_AT]: ['agenda', 'minutes', 'pack'] },
  Kappa: { [CLOSED_AT]: ['agenda', 'minutes', 'pack'] },
  Lambda: { [CLOSED_AT]: ['minutes'] },
  Sigma: { [CLOSED_AT]: ['agenda', 'minutes', 'pack'] },
  Beta: { [CLOSED_AT]: ['agenda', 'minutes', 'pack'] },
  Epsilon: { [CLOSED_AT]: ['agenda', 'minutes', 'pack'] },
  Orkan: { [CLOSED_AT]: ['agenda', 'minutes', 'pack'] },
  'tornado-notat': { [CLOSED_AT]: ['agenda', 'minutes', 'pack'] },
  Gamma: { [CLOSED_AT]: ['minutes'] },
  '09.07.2026': { [CLOSED_AT]: ['minutes'] },
  Theta: { [CLOSED_AT]: ['minutes'], [CARRIED_AT]: ['agenda', 'minutes', 'pack'], [CARRIED_AGAIN_AT]: ['agenda', 'minutes', 'pack'] },
  Iota: { [CLOSED_AT]: ['minutes'], [CARRIED_AT]: ['agenda', 'minutes', 'pack'], [CARRIED_AGAIN_AT]: ['agenda', 'minutes', 'pack'] },
  Monsun: { [CARRIED_AT]: ['agenda', 'minutes', 'pack'] },
  Passat: { [CARRIED_AT]: ['minutes'] },
};

const poppler = findClients('public versions (PDF text)', [['pdftotext']]);

interface Output {
  file: string;
  date: string;
  document: Document;
}

/** What an output file is, from its name: DDH-referat_28.04.2026_offentlig.pdf. */
function outputOf(file: string): Output {
  const m = /-(dagsorden|referat|bilagspakke)_(\d\d)\.(\d\d)\.(\d{4})/.exec(path.basename(file));
  if (m === null) throw new Error(`unexpected output ${file}`);
  const document = ({ dagsorden: 'agenda', referat: 'minutes', bilagspakke: 'pack' } as const)[m[1] as 'dagsorden' | 'referat' | 'bilagspakke'];
  return { file, date: `${m[4]}-${m[3]}-${m[2]}`, document };
}

/**
 * Everything a tool gets out of an output without client programs: the Markdown; every part of the DOCX, unzipped;
 * of a PDF its Info dictionary, XMP, every bookmark at any depth, the link targets and the raw bytes.
 */
async function structure(file: string): Promise<string> {
  const bytes = await readFile(file);
  if (file.endsWith('.md')) return bytes.toString('utf8');
  if (file.endsWith('.docx')) {
    const docx = await readDocx(bytes);
    return [...docx.xml.values(), ...[...docx.binary.values()].map((b) => Buffer.from(b).toString('latin1'))].join('\n');
  }
  const facts = await readPdfFacts(bytes);
  return [...facts.info, facts.xmp ?? '', ...facts.bookmarks, ...facts.links.flat(), bytes.toString('latin1')].join('\n');
}

/** The text of a PDF as poppler extracts it. */
const pdfText = (file: string): string => execFileSync(poppler.tool('pdftotext'), [file, '-'], { encoding: 'utf8' });

/** The secrets an internal output prints. */
const printedIn = (o: Output): string[] => Object.keys(SECRETS).filter((word) => SECRETS[word]?.[o.date]?.includes(o.document) === true);

describe('--public', () => {
  let root: string;
  const outputs = async (dir: string): Promise<Output[]> => {
    const dates = await readdir(path.join(root, dir));
    return (await Promise.all(dates.map(async (d) => (await readdir(path.join(root, dir, d))).map((name) => outputOf(path.join(root, dir, d, name)))))).flat();
  };

  beforeAll(async () => {
    root = await copyExample();
    await writeFiles(root, {
      [`meetings/${CLOSED_AT}/65-fortrolig-sag.md`]: CLOSED_ITEM,
      [`meetings/${CLOSED_AT}/bilag/notat-omega.pdf`]: await makePdf(['Bilagstekst Omikron: fortroligt']),
    });
    // The secretariat's workflow: carry the new point into the next meeting, write its status, start the meeting after.
    expect((await ddh(root, 'carry', CARRIED_AT)).code).toBe(0);
    const approval = path.join(root, 'meetings', CARRIED_AT, '30-godkendelse-af-referat-og-opfoelgning.md');
    const before = await readFile(approval, 'utf8');
    const after = before.replace('    owner: Ansvarlig Iota\n', '    owner: Ansvarlig Iota\n    update: Status Monsun fra leverandøren.\n    note: Bemærkning Passat om forhandlingen.\n');
    expect(after).not.toBe(before);
    await writeFile(approval, after);
    const created = await ddh(root, 'new-meeting', CARRIED_AGAIN_AT);
    expect(created.code).toBe(0);
    const validated = await ddh(root, 'validate');
    expect(validated.stderr.split('\n').filter((l) => l.includes('  error  '))).toEqual([]);

    for (const [dir, extra] of [['public', ['--public']], ['internal', []]] as const) {
      for (const date of [CLOSED_AT, CARRIED_AT, CARRIED_AGAIN_AT]) {
        for (const document of ['agenda', 'minutes']) {
          const r = await ddh(root, 'render', document, date, '--format', 'docx,pdf,md', '--out', `${dir}/${date}`, ...extra);
          expect(r.stderr.split('\n').filter((l) => l.includes('  error  '))).toEqual([]);
          expect(r.code).toBe(0);
        }
        expect((await ddh(root, 'render', 'pack', date, '--out', `${dir}/${date}`, ...extra)).code).toBe(0);
      }
    }
  }, 60_000);

  it('writes every format of agenda, minutes and pack', async () => {
    expect((await readdir(path.join(root, 'public', CLOSED_AT))).sort()).toEqual([
      'DDH-bilagspakke_12.03.2026_offentlig.pdf',
      'DDH-dagsorden_12.03.2026_offentlig.docx',
      'DDH-dagsorden_12.03.2026_offentlig.md',
      'DDH-dagsorden_12.03.2026_offentlig.pdf',
      'DDH-referat_12.03.2026_offentlig.docx',
      'DDH-referat_12.03.2026_offentlig.md',
      'DDH-referat_12.03.2026_offentlig.pdf',
    ]);
    expect(await outputs('public')).toHaveLength(21);
  });

  it('the internal Markdown and DOCX hold every secret where it is printed, so the scans below can find it', async () => {
    for (const o of (await outputs('internal')).filter((o) => !o.file.endsWith('.pdf'))) {
      const text = await structure(o.file);
      for (const secret of printedIn(o)) expect(text.includes(secret), `${secret} in ${path.basename(o.file)}`).toBe(true);
    }
  });

  it.runIf(poppler.ready)('the internal PDFs and packs hold every secret where it is printed, in their text or link targets', async () => {
    for (const o of (await outputs('internal')).filter((o) => o.file.endsWith('.pdf'))) {
      const text = `${pdfText(o.file)}\n${await structure(o.file)}`;
      for (const secret of printedIn(o)) expect(text.includes(secret), `${secret} in ${path.basename(o.file)}`).toBe(true);
    }
  });

  it('no secret reaches the structure of any public output: DOCX parts, Markdown, PDF metadata, XMP, bookmarks, links, bytes', async () => {
    for (const o of await outputs('public')) {
      const text = await structure(o.file);
      for (const secret of Object.keys(SECRETS)) expect(text.includes(secret), `${secret} in ${path.basename(o.file)}`).toBe(false);
    }
  });

  it.runIf(poppler.ready)('no secret reaches the text of any public PDF or pack', async () => {
    for (const o of (await outputs('public')).filter((o) => o.file.endsWith('.pdf'))) {
      const text = pdfText(o.file);
      expect(text).toContain(o.document === 'minutes' ? 'Referat' : 'Dagsorden');
      for (const secret of Object.keys(SECRETS)) expect(text.includes(secret), `${secret} in ${path.basename(o.file)}`).toBe(false);
    }
  });

  it('keeps the closed item as its number and title, marked Lukket punkt', async () => {
    const md = await readFile(path.join(root, 'public', CLOSED_AT, 'DDH-referat_12.03.2026_offentlig.md'), 'utf8');
    expect(md).toMatch(new RegExp(`## Punkt 7: ${TITLE}[^\\n]*\\n+[^\\n]*Lukket punkt`));
  });

  it('keeps the other carried points in the public minutes of the next meeting', async () => {
    const md = await readFile(path.join(root, 'public', CARRIED_AT, 'DDH-referat_28.04.2026_offentlig.md'), 'utf8');
    for (const title of ['Plan for evaluering af chatbot-piloten', 'Spørgeramme til tilfredshedsmålingen 2026', 'Beskrivelse af onboardingforløb for nye agenter']) {
      expect(md.split(title).length - 1, title).toBe(2);
    }
  });

  it('leaves the closed item’s attachment out of the pack', async () => {
    const pages = async (name: string) => (await readPdfFacts(await readFile(path.join(root, name)))).pages;
    const agenda = await pages(`public/${CLOSED_AT}/DDH-dagsorden_12.03.2026_offentlig.pdf`);
    expect(await pages(`public/${CLOSED_AT}/DDH-bilagspakke_12.03.2026_offentlig.pdf`)).toBe(agenda);
    expect(await pages(`internal/${CLOSED_AT}/DDH-bilagspakke_12.03.2026.pdf`)).toBe((await pages(`internal/${CLOSED_AT}/DDH-dagsorden_12.03.2026.pdf`)) + 1);
  });
});
