// Hand-built Doc objects for the writers' tests: inline and block builders, two sample minutes and a PNG maker; all text is invented.

import { crc32, deflateSync } from 'node:zlib';
import type { Block, Doc, DocMeta, Inline } from '../../src/doc.js';

/** HOSTILE-INPUTS 13–14: characters that must come through literally, and in a PDF extractably. */
export const HOSTILE = `& < > ' " æøå ÆØÅ – ’ “ ” ▪ → {{ navn }} {{#if x}}`;

export const t = (text: string, extra: { bold?: boolean; italic?: boolean } = {}): Inline => ({ type: 'text', text, ...extra });
export const p = (...children: Inline[]): Block => ({ type: 'paragraph', children });
export const h = (level: 1 | 2 | 3 | 4 | 5 | 6, text: string): Block => ({ type: 'heading', level, children: [t(text)] });
export const link = (href: string, text: string): Inline => ({ type: 'link', href, children: [{ type: 'text', text }] });

/** An invented steering-group meeting: what a sample document's meta and first page are made of. */
export interface SampleMeeting {
  organisation: string;
  /** YYYY-MM-DD. */
  date: string;
  /** The date as a Danish reader says it, e.g. "6. marts 2025". */
  day: string;
  /** The day the agenda went out, printed above the title. */
  issued: string;
  place: string;
  /** The link to the attachments folder, the first page's only link. */
  attachments: { href: string; text: string };
}

/** The meeting of `everyBlockDoc`. */
export const SKOVBY: SampleMeeting = {
  organisation: 'Skovbyens Borgerservice',
  date: '2025-03-06',
  day: '6. marts 2025',
  issued: '27. februar 2025',
  place: 'Rådhuset i Skovby',
  attachments: { href: 'https://eksempel.dk/bilag?møde=2025-03-06&side=2', text: 'bilagsmappen' },
};

/** The meeting of `severalPagesDoc`. */
export const FJORDLAND: SampleMeeting = {
  organisation: 'Fjordlandets Borgerhjælp',
  date: '2025-03-13',
  day: '13. marts 2025',
  issued: '6. marts 2025',
  place: 'Havnehuset, Fjordby',
  attachments: { href: 'https://eksempel.dk/bilag/fjord-2025-03-13', text: 'bilag til mødet' },
};

/** The second link of `severalPagesDoc`, on its last page. */
export const PLAN_LINK = 'https://eksempel.dk/moeder/plan?aar=2025&side=2';

/** The 06.03.2025 form of a YYYY-MM-DD date. */
const dotted = (date: string): string => date.split('-').reverse().join('.');

/** The meta of `meeting`'s draft minutes; `overrides` set what a test is about. */
export function sampleMeta(meeting: SampleMeeting, overrides: Partial<DocMeta> = {}): DocMeta {
  return {
    title: `Referat ${meeting.organisation} Styregruppemøde ${dotted(meeting.date)}`,
    subject: `Styregruppemøde ${meeting.day}`,
    author: meeting.organisation,
    lang: 'da-DK',
    date: meeting.date,
    draft: true,
    header: meeting.organisation,
    font: 'Calibri',
    colour: '1F4E79',
    ...overrides,
  };
}

/** The first page: issue date, title, the meeting's facts with line breaks, the agenda as a list, the legend and the attachments link. */
function firstPage(meeting: SampleMeeting, agenda: Block[][]): Block[] {
  return [
    p(t(meeting.issued)),
    h(1, `Referat ${meeting.organisation} Styregruppemøde`),
    p(t('Mødedato: ', { bold: true }), t(dotted(meeting.date)), { type: 'break' }, t('Mødetid: ', { bold: true }), t('Kl. 9-12'), { type: 'break' }, t('Mødested: ', { bold: true }), t(meeting.place)),
    h(2, 'Dagsorden'),
    { type: 'list', ordered: true, style: 'decimal', start: 1, items: agenda },
    p(t('(O)=orientering, (D)=drøftelse, (B)=beslutning', { italic: true })),
    p(t('Find bilag til punkterne her: '), link(meeting.attachments.href, meeting.attachments.text)),
    { type: 'rule' },
    { type: 'pageBreak' },
  ];
}

const nested = (...texts: string[]): Block => ({ type: 'list', ordered: true, style: 'lower-alpha', start: 1, items: texts.map((text) => [p(t(text))]) });

const FOLLOW_UPS: Block[] = [
  h(3, 'Opfølgningspunkter:'),
  {
    type: 'list',
    ordered: true,
    style: 'upper-alpha',
    start: 1,
    items: [[p(t('Ny vagtplan for foråret'))], [p(t('Opdatering af hjemmesiden'))], [p(t('Kursus i den nye telefonløsning'))]],
  },
];

const EMPHASIS = p(t(`Teksten indeholder ${HOSTILE} og `), t('fed', { bold: true }), t(' og '), t('kursiv', { italic: true }), t(' tekst.'));

/** The last heading, and a table with a header row and three rows. */
const MEETING_PLAN: Block[] = [
  h(2, 'Næste styregruppemøder og repræsentantskabsmøder'),
  {
    type: 'table',
    header: [[t('Dato')], [t('Mødetype')], [t('Sted og vært')], [t('Tid')]],
    rows: [
      [[t('10.04.2025')], [t('Styregruppemøde')], [t('Teams')], [t('Kl. 9-12')]],
      [[t('22.05.2025')], [t('Repræsentantskabsmøde')], [t('Kulturhuset, den store sal / Ådal Kommune')], [t('Kl. 10.30-15')]],
      [[t('19.06.2025')], [t('Styregruppemøde')], [t('Rådhuset i Skovby, mødelokale 2 / Skovby Kommune')], [t('Kl. 9-12')]],
    ],
  },
];

/** Minutes with headings on every level, emphasis, one link, breaks, nested and restarted lists, a table, a rule and a page break. */
export function everyBlockDoc(overrides: Partial<DocMeta> = {}): Doc {
  const agenda = [
    [p(t('Velkomst'))],
    [p(t('Godkendelse af dagsorden (B)'))],
    [p(t('Status på den nye telefonløsning (O, D)')), nested('Erfaringer fra de første uger (O)', 'Næste skridt (D)')],
    [p(t('Eventuelt'))],
  ];
  const blocks: Block[] = [
    ...firstPage(SKOVBY, agenda),
    h(2, 'Punkt 1: Velkomst'),
    p(t('V/ Mødeleder')),
    h(3, 'Referat:'),
    p(t('Der er afbud fra:')),
    { type: 'list', ordered: false, items: [[p(t('Birte Holm, Skovby'))], [p(t('Jens Krog, Ådal'))]] },
    h(2, `Punkt 2: Særlige tegn ${HOSTILE}`),
    EMPHASIS,
    ...FOLLOW_UPS,
    h(4, 'Underafsnit på niveau fire'),
    p(t('En liste der fortsætter fra 4:')),
    { type: 'list', ordered: true, style: 'decimal', start: 4, items: [[p(t('Fjerde punkt'))], [p(t('Femte punkt'))]] },
    h(5, 'Niveau fem'),
    h(6, 'Niveau seks'),
    p(t('Linje et\nlinje to\tmed tabulator')),
    ...MEETING_PLAN,
  ];
  return { meta: sampleMeta(SKOVBY, overrides), blocks };
}

const FILLER =
  'Styregruppen gennemgik status for telefontiderne i vinterperioden og drøftede, hvordan ventetiden om ' +
  'mandagen kan nedbringes, uden at kvaliteten af svarene falder. Sekretariatet samler erfaringerne i et kort notat.';

/** The agenda items' titles in `severalPagesDoc`, each a level-2 heading "Punkt N: …". */
export const ITEM_TITLES = [
  'Velkomst',
  'Godkendelse af dagsorden (B)',
  'Godkendelse af referat og opfølgning (B)',
  'Kvalitet i besvarelserne (O, D)',
  'Ny aftale om åbningstider (D, B)',
  `Særlige tegn ${HOSTILE}`,
  'Eventuelt',
];

/** Minutes over several pages with level-1 to 3 headings only: seven items, nested lists, a link on the first page and one on the last, a table. */
export function severalPagesDoc(overrides: Partial<DocMeta> = {}): Doc {
  const agenda = ITEM_TITLES.map((title, i) => (i === 3 ? [p(t(title)), nested('Tal fra januar (O)', 'Mål for resten af året (D)')] : [p(t(title))]));
  const items: Block[] = ITEM_TITLES.flatMap((title, i): Block[] => [
    h(2, `Punkt ${i + 1}: ${title}`),
    p(t('V/ Mødeleder')),
    h(3, 'Introduktion:'),
    p(t(FILLER)),
    ...(i === 2 ? FOLLOW_UPS : []),
    ...(i === 5 ? [EMPHASIS] : []),
    h(3, 'Referat:'),
    p(t('Drøftet. '), t('Beslutning:', { bold: true }), t(' Indstillingen blev godkendt.')),
  ]);
  const blocks: Block[] = [
    ...firstPage(FJORDLAND, agenda),
    h(2, 'Der er afbud fra'),
    { type: 'list', ordered: false, items: [[p(t('Karen Holt, Fjordby'))], [p(t('Søren Vig, Næsby')), { type: 'list', ordered: false, items: [[p(t('deltog via Teams'))]] }]] },
    ...items,
    ...MEETING_PLAN,
    p(t('Mødeplanen ligger også på '), link(PLAN_LINK, 'mødeplanen for 2025'), t('.')),
  ];
  return { meta: sampleMeta(FJORDLAND, overrides), blocks };
}

/** A valid RGB PNG of one colour, built with node:zlib so tests need no image files. */
export function solidPng(width: number, height: number, rgb: [number, number, number] = [31, 78, 121]): Uint8Array {
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}
