// Track extracts through the CLI: `ddh render agenda|minutes|pack --track ai` on the example, DOCX and PDF read back.

import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findRepository, readMeeting } from '../../src/load/index.js';
import type { AgendaItem, Meeting } from '../../src/model.js';
import { typeCodes } from '../../src/rules/numbering.js';
import { copyExample, ddh } from '../helpers/cli.js';
import { findClients } from '../helpers/clients.js';
import { paragraphsOf, readDocx } from '../helpers/docx-read.js';
import { readPdfFacts } from '../helpers/pdf-read.js';

/** The example meeting with items of both tracks of ddh.yaml, and items with none. */
const DATE = '2026-01-27';
const TRACK = 'ai';
const LABEL = 'DDH AI Services';

const poppler = findClients('track extracts (PDF text)', [['pdftotext']]);
const heading = (item: AgendaItem): string => `Punkt ${item.number}: ${item.title}${item.types.length > 0 ? ` ${typeCodes(item.types)}` : ''}`;
/** Text that only this item prints: its title and proposal, and in the minutes its decision. */
const ownText = (item: AgendaItem, minutes: boolean): string[] => [item.title, ...item.proposal, ...(minutes && item.decision !== undefined ? [item.decision] : [])];

describe(`--track ${TRACK}`, () => {
  let root: string;
  let meeting: Meeting;
  let kept: AgendaItem[];
  let left: AgendaItem[];
  const file = (name: string): string => path.join(root, 'out', name);

  beforeAll(async () => {
    root = await copyExample();
    meeting = (await readMeeting(await findRepository(root), DATE)).meeting;
    kept = meeting.items.filter((item) => item.track === undefined || item.track === TRACK);
    left = meeting.items.filter((item) => !kept.includes(item));
    for (const document of ['agenda', 'minutes', 'pack']) {
      for (const extra of [['--track', TRACK], []]) {
        const r = await ddh(root, 'render', document, DATE, '--out', 'out', ...extra);
        expect(r.stderr.split('\n').filter((l) => l.includes('  error  '))).toEqual([]);
        expect(r.code).toBe(0);
      }
    }
  }, 60_000);

  it('the example meeting has items of this track, of another track and of none', () => {
    expect(kept.some((item) => item.track === TRACK)).toBe(true);
    expect(kept.some((item) => item.track === undefined)).toBe(true);
    expect(left.length).toBeGreaterThan(0);
  });

  it('writes the extracts under their own names', async () => {
    expect((await readdir(path.join(root, 'out'))).filter((n) => n.includes('_uddrag-')).sort()).toEqual([
      'DDH-bilagspakke_27.01.2026_uddrag-ai.pdf',
      'DDH-dagsorden_27.01.2026_uddrag-ai.docx',
      'DDH-dagsorden_27.01.2026_uddrag-ai.pdf',
      'DDH-referat_27.01.2026_uddrag-ai.docx',
      'DDH-referat_27.01.2026_uddrag-ai.pdf',
    ]);
  });

  it.each([
    ['agenda', 'DDH-dagsorden_27.01.2026', 'Dagsorden'],
    ['minutes', 'DDH-referat_27.01.2026', 'Referat'],
  ])('the %s DOCX is titled Uddrag and holds the kept items under their own numbers, and nothing of the others', async (document, base, label) => {
    const others = left.flatMap((item) => ownText(item, document === 'minutes'));
    const paragraphs = paragraphsOf((await readDocx(await readFile(file(`${base}_uddrag-ai.docx`)))).part('word/document.xml'));
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([`${label} DDH Styregruppemøde – Uddrag: ${LABEL}`]);
    expect(paragraphs.filter((p) => p.style === 'Heading2' && p.text.startsWith('Punkt ')).map((p) => p.text)).toEqual(kept.map(heading));
    const text = paragraphs.map((p) => p.text).join('\n');
    for (const words of others) expect(text, words).not.toContain(words);

    const whole = paragraphsOf((await readDocx(await readFile(file(`${base}.docx`)))).part('word/document.xml'));
    expect(whole.filter((p) => p.style === 'Heading2' && p.text.startsWith('Punkt ')).map((p) => p.text)).toEqual(meeting.items.map(heading));
    for (const words of others) expect(whole.map((p) => p.text).join('\n'), words).toContain(words);
  });

  it.each([
    ['agenda', 'DDH-dagsorden_27.01.2026', 'Dagsorden'],
    ['minutes', 'DDH-referat_27.01.2026', 'Referat'],
    ['pack', 'DDH-bilagspakke_27.01.2026', 'Bilagspakke'],
  ])('the %s PDF is titled Uddrag and bookmarks the kept items under their own numbers', async (_document, base, label) => {
    const facts = await readPdfFacts(await readFile(file(`${base}_uddrag-ai.pdf`)));
    expect(facts.title).toBe(`${label} DDH Styregruppemøde 27.01.2026 – Uddrag: ${LABEL}`);
    expect(facts.bookmarks.filter((t) => t.startsWith('Punkt '))).toEqual(kept.map(heading));
  });

  it('the pack leaves out the attachments of the other track', async () => {
    const pages = async (name: string) => (await readPdfFacts(await readFile(file(name)))).pages;
    const attachments = left.flatMap((item) => item.attachments.filter((a) => a.file?.endsWith('.pdf') === true));
    expect(attachments.length).toBeGreaterThan(0);
    expect(await pages('DDH-bilagspakke_27.01.2026_uddrag-ai.pdf')).toBe(await pages('DDH-dagsorden_27.01.2026_uddrag-ai.pdf'));
    expect(await pages('DDH-bilagspakke_27.01.2026.pdf')).toBeGreaterThan(await pages('DDH-dagsorden_27.01.2026.pdf'));
  });

  it.runIf(poppler.ready)('the PDF text holds the title, the kept items under their own numbers, and nothing of the others', () => {
    for (const [base, label] of [
      ['DDH-dagsorden_27.01.2026', 'Dagsorden'],
      ['DDH-referat_27.01.2026', 'Referat'],
      ['DDH-bilagspakke_27.01.2026', 'Dagsorden'],
    ] as const) {
      const others = left.flatMap((item) => ownText(item, label === 'Referat'));
      const text = execFileSync(poppler.tool('pdftotext'), [file(`${base}_uddrag-ai.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(`${label} DDH Styregruppemøde – Uddrag: ${LABEL}`);
      const found = [...text.matchAll(/Punkt (\d+): /g)].map((m) => Number(m[1]));
      expect([...new Set(found)]).toEqual(kept.map((item) => item.number));
      for (const item of kept) expect(text).toContain(heading(item));
      for (const words of others) expect(text, `${words} in ${base}`).not.toContain(words.replace(/\s+/g, ' '));
    }
  });
});

describe('--track and the follow-up points carried in', () => {
  // The meeting after: its approval item carries a point agreed under a kontaktcenter item of 27 January, one agreed
  // under an ai item, and one from a meeting with no folder here.
  const NEXT = '2026-03-12';
  const KONTAKTCENTER_POINT = 'Opgørelse af ventetid i spidsbelastning';
  const AI_POINT = 'Plan for evaluering af chatbot-piloten';
  const OLDER_POINT = 'Afklaring af databehandleraftaler for chatbotten';
  let root: string;
  const text = async (name: string): Promise<string> =>
    paragraphsOf((await readDocx(await readFile(path.join(root, 'out', name)))).part('word/document.xml'))
      .map((p) => p.text)
      .join('\n');

  beforeAll(async () => {
    root = await copyExample();
    const carried = (await readMeeting(await findRepository(root), NEXT)).meeting.items.find((item) => item.kind === 'approval')?.carried;
    expect(carried?.map((p) => p.title)).toEqual(expect.arrayContaining([KONTAKTCENTER_POINT, AI_POINT, OLDER_POINT]));
    for (const extra of [['--track', 'ai'], ['--track', 'kontaktcenter'], []]) {
      for (const document of ['agenda', 'minutes']) {
        const r = await ddh(root, 'render', document, NEXT, '--format', 'docx', '--out', 'out', ...extra);
        expect(r.code).toBe(0);
      }
    }
  }, 60_000);

  it.each([
    ['ai', [AI_POINT, OLDER_POINT], KONTAKTCENTER_POINT],
    ['kontaktcenter', [KONTAKTCENTER_POINT, OLDER_POINT], AI_POINT],
  ])('an extract of %s keeps the points of its track and of no track, and leaves out the other track’s', async (track, keptPoints, leftPoint) => {
    for (const base of ['DDH-dagsorden_12.03.2026', 'DDH-referat_12.03.2026']) {
      const extract = await text(`${base}_uddrag-${track}.docx`);
      for (const point of keptPoints) expect(extract, `${point} in ${base}`).toContain(point);
      expect(extract, base).not.toContain(leftPoint);
    }
  });

  it('the whole documents keep every point', async () => {
    for (const base of ['DDH-dagsorden_12.03.2026', 'DDH-referat_12.03.2026']) {
      const whole = await text(`${base}.docx`);
      for (const point of [KONTAKTCENTER_POINT, AI_POINT, OLDER_POINT]) expect(whole, `${point} in ${base}`).toContain(point);
    }
  });
});
