// `ddh render decisions`: the decision register of the example, written as DOCX and PDF and read back.

import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, ddh } from '../helpers/cli.js';
import { findClients } from '../helpers/clients.js';
import { paragraphsOf, readDocx } from '../helpers/docx-read.js';
import { readPdfFacts } from '../helpers/pdf-read.js';
import { writeFiles } from '../helpers/temp-repo.js';

/** A meeting of the year before the example's, so that --year has something to leave out. */
const EARLIER = {
  'meetings/2025-11-18/meeting.yaml': 'date: 2025-11-18\nkind: styregruppemøde\nplace: Teams\nstatus: approved\n',
  'meetings/2025-11-18/10-vagtplan-for-julen.md':
    '---\ntitle: Vagtplan for julen\ntypes: [B]\nproposal: Det indstilles, at vagtplanen godkendes.\ndecision: Vagtplanen for julen blev godkendt.\n---\n\n## Referat\n\nVagtplanen blev gennemgået.\n',
};

/** The decisions of the example's meetings in 2026: meeting heading, then each item heading and decision. */
const DECISIONS_2026: [string, [string, string][]][] = [
  [
    'Styregruppemøde 27. januar 2026',
    [
      ['Punkt 2: Godkendelse af dagsorden', 'Dagsordenen blev godkendt.'],
      ['Punkt 3: Godkendelse af referat og opfølgning', 'Referatet fra 4. december 2025 blev godkendt. Punktet om helligdagsvagtplanen udgår af listen.'],
      ['Punkt 4: KPI’er for 4. kvartal 2025', 'Rapporten blev taget til efterretning; målet på 85 % fastholdes.'],
      ['Punkt 5: Chatbot: pilotforløb i tre kommuner', 'Ballerup, Næstved og Vejle Kommune er pilotkommuner fra 1. april 2026.'],
    ],
  ],
  [
    'Styregruppemøde 12. marts 2026',
    [
      ['Punkt 2: Godkendelse af dagsorden', 'Dagsordenen blev godkendt.'],
      ['Punkt 3: Godkendelse af referat og opfølgning', 'Referatet blev godkendt. To punkter udgår af opfølgningslisten.'],
      ['Punkt 4: Tilfredshedsmåling blandt borgere 2026', 'Undersøgelsen gennemføres i uge 38 med spørgerammen fra 2025 og højst fem nye spørgsmål.'],
    ],
  ],
];
const DECISIONS_2025: typeof DECISIONS_2026 = [['Styregruppemøde 18. november 2025', [['Punkt 1: Vagtplan for julen', 'Vagtplanen for julen blev godkendt.']]]];

/** The register as a reader sees it: the title, then each meeting's heading, each decision's heading and its text. */
const lines = (title: string, register: typeof DECISIONS_2026): string[] => [
  title,
  'Den Digitale Hotline',
  ...register.flatMap(([meeting, decisions]) => [meeting, ...decisions.flat()]),
];

const poppler = findClients('decision register (PDF text)', [['pdftotext']]);

describe('ddh render decisions', () => {
  let root: string;

  beforeAll(async () => {
    root = await copyExample();
    await writeFiles(root, EARLIER);
    for (const args of [[], ['--year', '2026'], ['--year', '2025']]) {
      const r = await ddh(root, 'render', 'decisions', ...args);
      expect(r.stderr.split('\n').filter((l) => l.includes('  error  '))).toEqual([]);
      expect(r.code).toBe(0);
    }
  }, 60_000);

  it('writes DOCX and PDF into out/, named by the year or alle', async () => {
    expect((await readdir(path.join(root, 'out'))).sort()).toEqual([
      'DDH-beslutningsprotokol_2025.docx',
      'DDH-beslutningsprotokol_2025.pdf',
      'DDH-beslutningsprotokol_2026.docx',
      'DDH-beslutningsprotokol_2026.pdf',
      'DDH-beslutningsprotokol_alle.docx',
      'DDH-beslutningsprotokol_alle.pdf',
    ]);
  });

  it.each([
    ['2026', lines('Beslutningsprotokol DDH 2026', DECISIONS_2026)],
    ['2025', lines('Beslutningsprotokol DDH 2025', DECISIONS_2025)],
    ['alle', lines('Beslutningsprotokol DDH', [...DECISIONS_2025, ...DECISIONS_2026])],
  ])('the DOCX of %s holds each meeting, item number and decision, as headings Word navigates and their text', async (year, expected) => {
    const docx = await readDocx(await readFile(path.join(root, 'out', `DDH-beslutningsprotokol_${year}.docx`)));
    const body = paragraphsOf(docx.part('word/document.xml')).filter((p) => p.text.trim() !== '');
    expect(body.map((p) => p.text)).toEqual(expected);
    const headings = body.filter((p) => p.style?.startsWith('Heading'));
    expect(headings.map((p) => [p.style, p.text])).toEqual(
      expected.flatMap((text) => {
        if (text.startsWith('Beslutningsprotokol')) return [['Heading1', text]];
        if (text.startsWith('Styregruppemøde')) return [['Heading2', text]];
        return text.startsWith('Punkt ') ? [['Heading3', text]] : [];
      }),
    );
  });

  it.each([
    ['2026', lines('Beslutningsprotokol DDH 2026', DECISIONS_2026)],
    ['2025', lines('Beslutningsprotokol DDH 2025', DECISIONS_2025)],
  ])('the PDF of %s has the title, a bookmark for each meeting and below it one for each decision', async (year, expected) => {
    const facts = await readPdfFacts(await readFile(path.join(root, 'out', `DDH-beslutningsprotokol_${year}.pdf`)));
    expect(facts.title).toBe(`Beslutningsprotokol DDH ${year}`);
    expect(facts.lang).toBe('da-DK');
    // The PDF writer bookmarks level-2 headings, and the level-3 ones below them, as it does an agenda's items.
    expect(facts.outlineTitles).toEqual(expected.filter((l) => l.startsWith('Styregruppemøde')));
    expect(facts.bookmarks).toEqual(expected.filter((l) => l.startsWith('Styregruppemøde') || l.startsWith('Punkt ')));
  });

  it.runIf(poppler.ready)('the PDF text holds each meeting, item number and decision, in order', () => {
    for (const [year, expected] of [
      ['2026', lines('Beslutningsprotokol DDH 2026', DECISIONS_2026)],
      ['2025', lines('Beslutningsprotokol DDH 2025', DECISIONS_2025)],
    ] as const) {
      const text = execFileSync(poppler.tool('pdftotext'), [path.join(root, 'out', `DDH-beslutningsprotokol_${year}.pdf`), '-'], { encoding: 'utf8' });
      const shown = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && l !== 'Den Digitale Hotline' && !/^Side \d+ af \d+$/.test(l));
      expect(shown).toEqual(expected.filter((l) => l !== 'Den Digitale Hotline'));
    }
  });
});
