import { describe, expect, test } from 'vitest';
import { DdhError } from '../../src/diagnostics.js';
import type { Block, Doc } from '../../src/doc.js';
import { parseMarkdown } from '../../src/markdown/index.js';
import type { AgendaItem, Meeting, Repository } from '../../src/model.js';
import { pointKey } from '../../src/rules/carry-forward.js';
import { renderMarkdown, type RenderOptions } from '../../src/templates/index.js';
import { blockTexts, docText, headings, inlineText } from '../markdown/doc-text.js';
import { item, meeting, repository } from '../helpers/meeting-builder.js';

interface Rendered {
  markdown: string;
  doc: Doc;
  text: string;
}

async function render(m: Meeting, options: RenderOptions, repo: Repository = repository({ plan: PLAN })): Promise<Rendered> {
  const markdown = await renderMarkdown(repo, m, options);
  const doc = parseMarkdown(markdown);
  return { markdown, doc, text: docText(doc) };
}

const PLAN: Repository['plan'] = [
  { date: '2026-01-13', place: 'Teams' },
  { date: '2026-02-10', place: 'Mødecenter Lindehøj' },
  { date: '2026-03-24', place: 'Teams', time: '08:30-12:00' },
  { date: '2026-05-19', kind: 'repræsentantskabsmøde', place: 'Byrådssalen', host: 'Egeby Kommune', time: '13:00-16:00' },
];

const APPROVAL = item({
  title: 'Godkendelse af referat og opfølgning',
  kind: 'approval',
  types: ['B'],
  presenter: 'Mødeleder',
  carried: [
    { id: 'vagtplan', title: 'Vagtplan for vinterferien', since: '2025-11-18', status: 'closed', update: 'Vagtplanen er lagt.' },
    { id: 'skilte', title: 'Nye skilte i borgerservice', since: '2025-11-18', status: 'open', owner: 'Sekretariatet' },
    { id: 'aarshjul', title: 'Årshjul for styregruppen', since: '2026-01-13', status: 'closed', update: 'Udkast vedlagt.', note: 'Genoptages efter sommerferien.' },
  ],
  proposal: ['Det indstilles, at referatet godkendes.'],
  minutes: 'Referatet blev godkendt.',
});

const KPI = item({
  title: 'Nøgletal for januar',
  types: ['D', 'O'],
  presenter: 'Driftschefen',
  attachments: [{ title: 'Nøgletal januar 2026', file: 'bilag/noegletal.pdf' }, { title: 'Instrumentbræt', url: 'https://example.org/tal?uge=5' }],
  subitems: [{ title: 'Ventetider', types: ['O'] }, { title: 'Svarprocent', types: ['D', 'B'], presenter: 'Analytikeren' }],
  introduction: 'Tallene for januar viser færre opkald.',
  proposal: ['Det indstilles, at nøgletallene tages til efterretning.', 'Det indstilles, at målet fastholdes.'],
  minutes: 'HEMMELIGT-REFERAT: styregruppen drøftede tallene.',
  decision: 'BESLUTNINGSTEKST: taget til efterretning.',
  followups: [{ title: 'Opgørelse pr. time', owner: 'Driftschefen', due: '2026-03-24' }],
});

const STANDARD = (): Meeting =>
  meeting('2026-02-10', [item({ title: 'Velkomst', presenter: 'Mødeleder' }), APPROVAL, KPI, item({ title: 'Eventuelt' })], {
    issued: '2026-02-03',
    chair: 'Hanne Lund',
    attachmentsUrl: 'https://example.org/bilag/2026-02-10',
    absent: [{ name: 'Ib Holm', org: 'Egeby Kommune' }],
    remote: [{ name: 'Sara Krog', org: 'Lindehøj Kommune' }],
    guests: [{ name: 'Bo Rask' }],
  });

function listsIn(blocks: readonly Block[]): Extract<Block, { type: 'list' }>[] {
  return blocks.flatMap((b) => (b.type === 'list' ? [b, ...b.items.flatMap((it) => listsIn(it))] : []));
}

/** The blocks after the heading `title` (or the first one starting with it), up to the next heading of level 2 or less. */
function section(doc: Doc, title: string): Block[] {
  const headingText = (b: Block): string => (b.type === 'heading' ? inlineText(b.children) : '');
  const exact = doc.blocks.findIndex((b) => headingText(b) === title);
  const start = exact >= 0 ? exact : doc.blocks.findIndex((b) => headingText(b).startsWith(title));
  expect(start, `no heading ${title}`).toBeGreaterThanOrEqual(0);
  const rest = doc.blocks.slice(start + 1);
  const end = rest.findIndex((b) => b.type === 'heading' && b.level <= 2);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('the agenda', () => {
  test('has the header, the numbered agenda, the legend, the separator and the attachments link in the order of the seeds', async () => {
    const { doc } = await render(STANDARD(), { document: 'agenda' });
    const texts = blockTexts(doc.blocks);
    const order = [
      '3. februar 2026',
      'Dagsorden FBL Styregruppemøde',
      'Mødedato: 10.02.2026',
      'Mødetid: Kl. 9.30-13',
      'Mødested: Mødecenter Lindehøj',
      'Vært: Lindehøj Kommune',
      'Mødeleder: Hanne Lund',
      'Dagsorden',
      'Velkomst',
      'Godkendelse af referat og opfølgning (B)',
      'Nøgletal for januar (O, D)',
      'Ventetider (O)',
      'Svarprocent (D, B)',
      'Eventuelt',
      '(O)=orientering, (D)=drøftelse, (B)=beslutning',
      'Oplæg til dagsordenens punkter:',
      'OBS! Find bilag til punkterne her: https://example.org/bilag/2026-02-10',
      'Punkt 1: Velkomst',
    ];
    const positions = order.map((t) => texts.indexOf(t));
    expect(positions.every((p) => p >= 0), `missing: ${order.filter((_, i) => positions[i] === -1).join(' | ')}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(doc.blocks[0]).toEqual({ type: 'paragraph', children: [{ type: 'text', text: '3. februar 2026' }] });
  });

  test('numbers the items and letters their sub-items', async () => {
    const { doc } = await render(STANDARD(), { document: 'agenda' });
    const [overview] = listsIn(section(doc, 'Dagsorden'));
    expect(overview).toMatchObject({ ordered: true, style: 'decimal', start: 1 });
    expect(overview?.items).toHaveLength(4);
    const sub = listsIn(overview?.items[2] ?? [])[0];
    expect(sub).toMatchObject({ ordered: true, style: 'lower-alpha', start: 1 });
    expect(blockTexts(sub?.items.flat() ?? [])).toEqual(['Ventetider (O)', 'Svarprocent (D, B)']);
  });

  test('gives each item a level-2 heading with its number, title and type codes', async () => {
    const { doc } = await render(STANDARD(), { document: 'agenda' });
    expect(headings(doc)).toEqual([
      '1 Dagsorden FBL Styregruppemøde',
      '2 Dagsorden',
      '2 Punkt 1: Velkomst',
      '2 Punkt 2: Godkendelse af referat og opfølgning (B)',
      '2 Punkt 3: Nøgletal for januar (O, D)',
      '2 Punkt 4: Eventuelt',
      '2 Næste styregruppemøder og repræsentantskabsmøder',
    ]);
  });

  test('prints an item’s presenter, sub-items, attachments, introduction and proposal', async () => {
    const { doc } = await render(STANDARD(), { document: 'agenda' });
    const kpi = section(doc, 'Punkt 3:');
    expect(blockTexts(kpi)).toEqual([
      'V/ Driftschefen',
      'Ventetider (O)',
      'Svarprocent (D, B), V/ Analytikeren',
      'Bilag til punktet:',
      'Nøgletal januar 2026',
      'Instrumentbræt',
      'Introduktion:',
      'Tallene for januar viser færre opkald.',
      'Indstilling:',
      'Det indstilles, at nøgletallene tages til efterretning.',
      'Det indstilles, at målet fastholdes.',
    ]);
    const attachments = listsIn(kpi).find((l) => !l.ordered);
    expect(attachments?.items[1]?.[0]).toEqual({
      type: 'paragraph',
      children: [{ type: 'link', href: 'https://example.org/tal?uge=5', children: [{ type: 'text', text: 'Instrumentbræt' }] }],
    });
  });

  test('letters the carried follow-up points and their updates A, B, C by position', async () => {
    const { doc } = await render(STANDARD(), { document: 'agenda' });
    const approval = section(doc, 'Punkt 2:');
    expect(blockTexts(approval).slice(0, 4)).toEqual(['V/ Mødeleder', 'Opfølgningspunkter:', 'Vagtplan for vinterferien', 'Nye skilte i borgerservice (ansvarlig: Sekretariatet)']);
    const lists = listsIn(approval).filter((l) => l.ordered);
    // The points A–C, then the updates of A and C: two lists, so C keeps its letter.
    expect(lists.map((l) => (l.ordered ? `${l.style}@${l.start}:${l.items.length}` : ''))).toEqual(['upper-alpha@1:3', 'upper-alpha@1:1', 'upper-alpha@3:1']);
    expect(blockTexts(lists[2]?.items[0] ?? [])).toEqual(['Udkast vedlagt.']);
  });

  test('holds no minutes text, decision, outcome, new follow-ups or draft marking', async () => {
    const { text, doc } = await render(STANDARD(), { document: 'agenda' });
    for (const absent of ['HEMMELIGT-REFERAT', 'BESLUTNINGSTEKST', 'Referatet blev godkendt', 'Referat:', 'Beslutning:', 'UDKAST', 'fjernes fra opfølgningslisten', 'Genoptages efter sommerferien', 'Opgørelse pr. time', 'Opfølgningspunkter efter mødet', 'Der er afbud fra']) {
      expect(text).not.toContain(absent);
    }
    expect(doc.meta.draft).toBe(false);
  });

  test('lists the planned meetings after this one', async () => {
    const { doc } = await render(STANDARD(), { document: 'agenda' });
    const [table] = section(doc, 'Næste styregruppemøder');
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    expect(table.header.map(inlineText)).toEqual(['Dato', 'Møde', 'Sted/Vært', 'Tid']);
    expect(table.rows.map((row) => row.map(inlineText))).toEqual([
      ['24.03.2026', 'Styregruppemøde', 'Teams', 'Kl. 8.30-12'],
      ['19.05.2026', 'Repræsentantskabsmøde', 'Byrådssalen / Egeby Kommune', 'Kl. 13-16'],
    ]);
  });

  test('leaves out what the meeting does not give: issue date, host, attachments link, next meetings', async () => {
    const bare = meeting('2026-02-10', [item({ title: 'Velkomst' })], { host: undefined, time: undefined });
    const { text, doc } = await render(bare, { document: 'agenda' }, repository());
    expect(doc.blocks[0]).toMatchObject({ type: 'heading', level: 1 });
    expect(text).not.toMatch(/Vært|Mødetid|Find bilag|Næste styregruppemøder|Mødeleder/);
  });
});

describe('the minutes', () => {
  test('add attendance, minutes text, decisions and the approval outcome', async () => {
    const { doc } = await render(STANDARD(), { document: 'minutes' });
    const texts = blockTexts(doc.blocks);
    // The issue date is the agenda's: printed at the top of the minutes it would be read as their date.
    expect(texts.slice(0, 2)).toEqual(['Referat FBL Styregruppemøde', 'UDKAST']);
    expect(texts).not.toContain('3. februar 2026');
    for (const expected of ['Der er afbud fra:', 'Ib Holm, Egeby Kommune', 'Deltog via Teams:', 'Sara Krog, Lindehøj Kommune', 'Gæster:', 'Bo Rask']) {
      expect(texts).toContain(expected);
    }
    expect(texts.indexOf('Der er afbud fra:')).toBeLessThan(texts.indexOf('Dagsorden'));
    expect(blockTexts(section(doc, 'Punkt 3:')).slice(-7)).toEqual([
      'Det indstilles, at målet fastholdes.',
      'Referat:',
      'HEMMELIGT-REFERAT: styregruppen drøftede tallene.',
      'Beslutning:',
      'BESLUTNINGSTEKST: taget til efterretning.',
      'Nye opfølgningspunkter:',
      'Opgørelse pr. time (ansvarlig: Driftschefen) – frist 24.03.2026',
    ]);
    const approval = blockTexts(section(doc, 'Punkt 2:'));
    expect(approval.slice(approval.indexOf('Referat:'))).toEqual([
      'Referat:',
      'Referatet blev godkendt.',
      'Punkt A og C fjernes fra opfølgningslisten.',
      'Punkt B fortsætter på opfølgningslisten.',
      'Genoptages efter sommerferien.',
    ]);
    const noteList = listsIn(section(doc, 'Punkt 2:')).at(-1);
    expect(noteList).toMatchObject({ ordered: true, style: 'upper-alpha', start: 3 });
  });

  test('close with the follow-up points open after the meeting, lettered as the approval item letters them', async () => {
    const { doc } = await render(STANDARD(), { document: 'minutes' });
    const [table] = section(doc, 'Opfølgningspunkter efter mødet');
    if (table?.type !== 'table') throw new Error('no table of open points');
    expect(table.rows.map((row) => row.map(inlineText))).toEqual([
      // "Punkt B fortsætter": B stays B; the new point follows the carried list's last letter, C.
      ['B', 'Nye skilte i borgerservice', 'Sekretariatet', '18.11.2025'],
      ['D', 'Opgørelse pr. time', 'Driftschefen', '10.02.2026'],
    ]);
  });

  test('approved minutes carry no draft marking', async () => {
    const draft = await render(STANDARD(), { document: 'minutes' });
    expect(draft.doc.meta.draft).toBe(true);
    const approved = await render({ ...STANDARD(), status: 'approved' }, { document: 'minutes' });
    expect(approved.text).not.toContain('UDKAST');
    expect(approved.doc.meta.draft).toBe(false);
  });
});

describe('front matter', () => {
  test('carries the metadata; the date is the meeting’s, never the render day', async () => {
    const repo = repository({ root: '/srv/fbl', config: { ...repository().config, style: { font: 'Carlito', colour: '003366', logo: 'grafik/logo.png' } } });
    const { doc, markdown } = await render(STANDARD(), { document: 'agenda' }, repo);
    expect(markdown.startsWith('---\n')).toBe(true);
    expect(doc.meta).toEqual({
      title: 'Dagsorden FBL Styregruppemøde 10.02.2026',
      subject: 'Styregruppemøde 10. februar 2026',
      author: 'Fælles Borgerlinje',
      lang: 'da-DK',
      date: '2026-02-10',
      draft: false,
      header: 'Fælles Borgerlinje',
      logo: 'grafik/logo.png',
      font: 'Carlito',
      colour: '003366',
    });
  });

  test('is written as data: a title full of YAML and Markdown syntax survives', async () => {
    const repo = repository({ config: { ...repository().config, short: 'A: "b" #c {{d}}\n---' } });
    const { doc } = await render(STANDARD(), { document: 'minutes' }, repo);
    expect(doc.meta.title).toBe('Referat A: "b" #c {{d}}\n--- Styregruppemøde 10.02.2026');
    expect(headings(doc)[0]).toBe('1 Referat A: "b" #c {{d}} --- Styregruppemøde');
  });

  test('the same meeting renders byte for byte the same', async () => {
    const first = await render(STANDARD(), { document: 'minutes' });
    const second = await render(STANDARD(), { document: 'minutes' });
    expect(second.markdown).toBe(first.markdown);
  });
});

describe('hostile text', () => {
  const NASTY = `{{#if x}}ja{{/if}} {{ y }} {{{z}}} & < > ' " æøå – ’ “ ” ▪ → \\ * _ [a](b) <b>fed</b> &amp; \`kode\` | ~~x~~ # h`;

  test('prints literally in every plain-text field', async () => {
    const m = meeting(
      '2026-02-10',
      [
        item({
          title: NASTY,
          presenter: NASTY,
          attachments: [{ title: NASTY, url: 'https://example.org/a b(c)<d>' }, { title: NASTY, file: 'bilag/x.pdf' }],
          subitems: [{ title: NASTY, types: [], presenter: NASTY }],
        }),
        item({ title: 'Godkendelse', kind: 'approval', carried: [{ id: 'x', title: NASTY, since: '2026-01-13', status: 'open', owner: NASTY }] }),
      ],
      { place: NASTY, host: NASTY, chair: NASTY, absent: [{ name: NASTY, org: NASTY }] },
    );
    const { doc } = await render(m, { document: 'minutes' });
    const texts = blockTexts(doc.blocks);
    for (const expected of [
      `Punkt 1: ${NASTY}`,
      `Mødested: ${NASTY}`,
      `Vært: ${NASTY}`,
      `Mødeleder: ${NASTY}`,
      `V/ ${NASTY}`,
      `${NASTY}, ${NASTY}`,
      `${NASTY}, V/ ${NASTY}`,
      `${NASTY} (ansvarlig: ${NASTY})`,
    ]) {
      expect(texts).toContain(expected);
    }
    expect(texts.filter((t) => t === NASTY).length).toBeGreaterThanOrEqual(3);
    const link = listsIn(section(doc, 'Punkt 1:')).flatMap((l) => l.items.flat()).find((b) => b.type === 'paragraph' && b.children[0]?.type === 'link');
    expect(link).toMatchObject({ children: [{ type: 'link', href: 'https://example.org/a%20b(c)%3Cd%3E' }] });
  });

  test('prints template syntax and special characters literally in Markdown fields', async () => {
    const body = `Tekst med {{#if x}}ja{{/if}} og {{ y }} og {{> partial}}: & < > ' " æøå – ’ “ ” ▪ →`;
    const m = meeting('2026-02-10', [item({ title: 'Punkt', introduction: body, proposal: [body], minutes: body, decision: body })]);
    const { doc } = await render(m, { document: 'minutes' });
    expect(blockTexts(section(doc, 'Punkt 1:')).filter((t) => t === body)).toHaveLength(4);
  });

  test('a title that looks like Markdown stays one plain line', async () => {
    const title = '# 1. **Ikke fed** og _ikke kursiv_\n- ikke en liste';
    const { doc } = await render(meeting('2026-02-10', [item({ title: title, presenter: '2) Ikke nummereret' })]), { document: 'agenda' });
    const flat = '# 1. **Ikke fed** og _ikke kursiv_ - ikke en liste';
    expect(headings(doc)).toContain(`2 Punkt 1: ${flat}`);
    expect(blockTexts(section(doc, 'Punkt 1:'))).toEqual(['V/ 2) Ikke nummereret']);
    const [overview] = listsIn(section(doc, 'Dagsorden'));
    expect(overview?.items).toHaveLength(1);
    expect(blockTexts(overview?.items[0] ?? [])).toEqual([flat]);
  });

  test('an unclosed code fence or HTML comment in one item cannot swallow the next', async () => {
    const m = meeting('2026-02-10', [
      item({ title: 'Første', introduction: 'Før koden\n\n```\nkode uden slut' }),
      item({ title: 'Anden', introduction: 'Tekst\n\n<!-- en kommentar uden slut\n\nmere tekst' }),
      item({ title: 'Tredje', introduction: '<div>\nhtml-blok' }),
      item({ title: 'Fjerde' }),
    ]);
    const { doc } = await render(m, { document: 'agenda' });
    expect(headings(doc).filter((h) => h.startsWith('2 Punkt'))).toEqual(['2 Punkt 1: Første', '2 Punkt 2: Anden', '2 Punkt 3: Tredje', '2 Punkt 4: Fjerde']);
    expect(blockTexts(section(doc, 'Punkt 1:'))).toEqual(['Introduktion:', 'Før koden', 'kode uden slut']);
    expect(blockTexts(section(doc, 'Punkt 2:'))).toEqual(['Introduktion:', 'Tekst', '<!-- en kommentar uden slut', 'mere tekst']);
    expect(blockTexts(section(doc, 'Punkt 3:'))).toEqual(['Introduktion:', '<div> html-blok']);
  });
});

describe('the Danish date trap', () => {
  const dated = (text: string): AgendaItem =>
    item({ title: '6. marts 2025 – evaluering', introduction: text, proposal: [text], minutes: text, decision: text });

  test('a paragraph starting with a date is text, not a list starting at 6', async () => {
    const text = '6. marts 2025 holdt arbejdsgruppen sit første møde.';
    const { doc } = await render(meeting('2026-02-10', [dated(text)]), { document: 'minutes' });
    const body = section(doc, 'Punkt 1:');
    expect(blockTexts(body).filter((t) => t === text)).toHaveLength(4);
    expect(listsIn(body).filter((l) => l.ordered)).toEqual([]);
    expect(headings(doc)).toContain('2 Punkt 1: 6. marts 2025 – evaluering');
  });

  test('also on a continuation line, in a capitalised month and inside a bullet', async () => {
    const text = 'Fristen er\n1. januar 2026 for alle.\n\n- 31. December er sidste dag\n\n12. maj';
    const { doc } = await render(meeting('2026-02-10', [item({ title: 'Frister', introduction: text })]), { document: 'agenda' });
    const body = section(doc, 'Punkt 1:');
    expect(blockTexts(body)).toEqual(['Introduktion:', 'Fristen er 1. januar 2026 for alle.', '31. December er sidste dag', '12. maj']);
    expect(listsIn(body).filter((l) => l.ordered)).toEqual([]);
  });

  test('real ordered lists and dates in code stay as they are', async () => {
    const text = '1. Første punkt\n2. Andet punkt\n\n```\n6. marts 2025\n```';
    const { doc, markdown } = await render(meeting('2026-02-10', [item({ title: 'Lister', introduction: text })]), { document: 'agenda' });
    const body = section(doc, 'Punkt 1:');
    expect(listsIn(body)).toMatchObject([{ ordered: true, start: 1, items: [[{}], [{}]] }]);
    expect(blockTexts(body).at(-1)).toBe('6. marts 2025');
    expect(markdown).toContain('```\n6. marts 2025\n```');
  });
});

describe('headings in item text', () => {
  test('move below the item heading, capped at level 6; code is left alone', async () => {
    const text = '# Baggrund\n\ntekst\n\n## Detaljer\n\nUnderpunkt\n-----------\n\n##### Fem\n\n###### Seks\n\n```\n# ikke en overskrift\n```';
    const { doc } = await render(meeting('2026-02-10', [item({ title: 'Overskrifter', introduction: text })]), { document: 'agenda' });
    expect(headings(doc).filter((h) => !/^[12] /.test(h))).toEqual(['3 Baggrund', '4 Detaljer', '4 Underpunkt', '6 Fem', '6 Seks']);
    expect(blockTexts(section(doc, 'Punkt 1:'))).toContain('# ikke en overskrift');
  });
});

describe('extracts and public versions', () => {
  const TRACKED = (): Meeting =>
    meeting('2026-02-10', [
      item({ title: 'Velkomst' }),
      item({ title: 'Telefontider', track: 'linje', introduction: 'Om telefonen.' }),
      item({ title: 'Robotens ordforråd', track: 'robot', introduction: 'ROBOTTEKST', followups: [{ title: 'Robotopgave' }] }),
      item({ title: 'Robotens drift', track: 'robot' }),
      item({ title: 'Eventuelt' }),
    ]);

  test('a track keeps its items and those without a track, with their original numbers', async () => {
    const { doc, text } = await render(TRACKED(), { document: 'minutes', track: 'linje' });
    expect(headings(doc).filter((h) => h.startsWith('2 Punkt'))).toEqual(['2 Punkt 1: Velkomst', '2 Punkt 2: Telefontider', '2 Punkt 5: Eventuelt']);
    expect(headings(doc)[0]).toBe('1 Referat FBL Styregruppemøde – Uddrag: FBL Telefonlinje');
    expect(doc.meta.title).toBe('Referat FBL Styregruppemøde 10.02.2026 – Uddrag: FBL Telefonlinje');
    const overview = listsIn(section(doc, 'Dagsorden'));
    expect(overview.map((l) => (l.ordered ? `${l.start}:${l.items.length}` : ''))).toEqual(['1:2', '5:1']);
    expect(text).not.toContain('ROBOTTEKST');
    expect(text).not.toContain('Robotopgave');
  });

  test('an unknown track is a DdhError naming the known ones', async () => {
    const attempt = render(TRACKED(), { document: 'agenda', track: 'fax' });
    await expect(attempt).rejects.toThrow(DdhError);
    await expect(attempt).rejects.toThrow(/--track 'fax' is not a track in ddh.yaml[\s\S]*linje, robot/);
  });

  test('a public version shows only number and title of a closed item', async () => {
    const closed = item({
      title: 'Personalesag',
      closed: true,
      types: ['O', 'B'],
      presenter: 'FORTROLIG-OPLÆGSHOLDER',
      attachments: [{ title: 'FORTROLIGT-BILAG', file: 'bilag/sag.pdf' }],
      subitems: [{ title: 'FORTROLIGT-UNDERPUNKT', types: [] }],
      introduction: 'FORTROLIG-INTRO',
      proposal: ['FORTROLIG-INDSTILLING'],
      minutes: 'FORTROLIGT-REFERAT',
      decision: 'FORTROLIG-BESLUTNING',
      followups: [{ title: 'FORTROLIGT-OPFØLGNINGSPUNKT' }],
    });
    const m = meeting('2026-02-10', [item({ title: 'Velkomst' }), closed, item({ title: 'Eventuelt', followups: [{ title: 'Åbent punkt' }] })]);
    const { doc, text } = await render(m, { document: 'minutes', public: true });
    expect(text).not.toContain('FORTROLIG');
    expect(headings(doc)).toContain('2 Punkt 2: Personalesag');
    expect(blockTexts(section(doc, 'Punkt 2:'))).toEqual(['Lukket punkt.']);
    expect(blockTexts(section(doc, 'Dagsorden'))).toContain('Personalesag – lukket punkt');
    expect(blockTexts(section(doc, 'Opfølgningspunkter efter mødet'))).toContain('Åbent punkt');

    const internal = await render(m, { document: 'minutes' });
    expect(internal.text).toContain('FORTROLIGT-REFERAT');
    expect(blockTexts(section(internal.doc, 'Punkt 2:'))[0]).toBe('Lukket punkt');
  });

  test('a public version leaves out carried points agreed under a closed item, and letters the rest anew', async () => {
    const approval = item({
      ...APPROVAL,
      carried: [
        { id: 'skilte', title: 'Nye skilte i borgerservice', since: '2025-11-18', status: 'open', update: 'Bestilt.' },
        { id: 'opsigelse', title: 'FORTROLIG-OPSIGELSE', since: '2026-01-13', owner: 'FORTROLIG-ANSVARLIG', status: 'open', update: 'FORTROLIG-STATUS' },
        { id: 'aarshjul', title: 'Årshjul for styregruppen', since: '2026-01-13', status: 'closed', update: 'Udkast vedlagt.' },
      ],
    });
    const m = meeting('2026-02-10', [item({ title: 'Velkomst' }), approval, item({ title: 'Eventuelt' })]);
    const closedOrigin = new Set([pointKey({ id: 'opsigelse', since: '2026-01-13' })]);
    const { doc, text } = await render(m, { document: 'minutes', public: true, closedOrigin });
    expect(text).not.toContain('FORTROLIG');
    expect(blockTexts(section(doc, 'Punkt 2:'))).toEqual(
      expect.arrayContaining(['Nye skilte i borgerservice', 'Årshjul for styregruppen', 'Punkt B fjernes fra opfølgningslisten.', 'Punkt A fortsætter på opfølgningslisten.']),
    );
    expect(blockTexts(section(doc, 'Opfølgningspunkter efter mødet'))).toContain('Nye skilte i borgerservice');

    const internal = await render(m, { document: 'minutes', closedOrigin });
    expect(internal.text).toContain('FORTROLIG-OPSIGELSE');
    expect(internal.text).toContain('FORTROLIG-STATUS');
    expect(blockTexts(section(internal.doc, 'Punkt 2:'))).toContain('Punkt C fjernes fra opfølgningslisten.');
    expect(blockTexts(section(internal.doc, 'Opfølgningspunkter efter mødet'))).toContain('FORTROLIG-OPSIGELSE');
  });
});
