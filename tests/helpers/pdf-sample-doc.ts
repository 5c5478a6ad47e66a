// Hand-built Doc objects for the PDF writer's tests, shaped like an agenda with minutes; all text is invented.

import { crc32, deflateSync } from 'node:zlib';
import type { Block, Doc, DocMeta, Inline } from '../../src/doc.js';

/** HOSTILE-INPUTS 13–14: characters that must come through literally and extractably. */
export const HOSTILE = `& < > ' " æøå ÆØÅ – ’ “ ” ▪ → {{ navn }} {{#if x}}`;
export const LINK_PLAN = 'https://eksempel.dk/moeder/plan?aar=2025&side=2';
export const LINK_BILAG = 'https://eksempel.dk/bilag/fjord-2025-03-13';

export const t = (text: string, extra: { bold?: boolean; italic?: boolean } = {}): Inline => ({ type: 'text', text, ...extra });
export const p = (...children: Inline[]): Block => ({ type: 'paragraph', children });
export const h = (level: 1 | 2 | 3 | 4 | 5 | 6, text: string): Block => ({ type: 'heading', level, children: [t(text)] });
export const link = (href: string, text: string): Inline => ({ type: 'link', href, children: [{ type: 'text', text }] });

export function meta(overrides: Partial<DocMeta> = {}): DocMeta {
  return {
    title: 'Referat Fjordlandets Borgerhjælp Styregruppemøde 13.03.2025',
    subject: 'Styregruppemøde 13. marts 2025',
    author: 'Fjordlandets Borgerhjælp',
    lang: 'da-DK',
    date: '2025-03-13',
    draft: true,
    header: 'Fjordlandets Borgerhjælp',
    font: 'Calibri',
    colour: '1F4E79',
    ...overrides,
  };
}

const FILLER =
  'Styregruppen gennemgik status for telefontiderne i vinterperioden og drøftede, hvordan ventetiden om ' +
  'mandagen kan nedbringes, uden at kvaliteten af svarene falder. Sekretariatet samler erfaringerne i et kort notat.';

/** The agenda items' titles, each a level-2 heading "Punkt N: …". */
export const ITEM_TITLES = [
  'Velkomst',
  'Godkendelse af dagsorden (B)',
  'Godkendelse af referat og opfølgning (B)',
  'Kvalitet i besvarelserne (O, D)',
  'Ny aftale om åbningstider (D, B)',
  `Særlige tegn ${HOSTILE}`,
  'Eventuelt',
];

/** An agenda with minutes over several pages: every block type, nested lists, links, a table and a page break. */
export function sampleDoc(overrides: Partial<DocMeta> = {}): Doc {
  const items: Block[] = ITEM_TITLES.flatMap((title, i): Block[] => [
    h(2, `Punkt ${i + 1}: ${title}`),
    p(t('V/ Mødeleder')),
    h(3, 'Introduktion:'),
    p(t(FILLER)),
    ...(i === 2
      ? [
          h(3, 'Opfølgningspunkter:'),
          {
            type: 'list',
            ordered: true,
            style: 'upper-alpha',
            start: 1,
            items: [[p(t('Nye vagtskemaer til foråret'))], [p(t('Skiltning ved indgangen'))], [p(t('Kursus for nye medarbejdere'))]],
          } satisfies Block,
        ]
      : []),
    ...(i === 5 ? [p(t(`Teksten rummer ${HOSTILE} og `), t('fed', { bold: true }), t(' og '), t('kursiv', { italic: true }), t(' skrift.'))] : []),
    h(3, 'Referat:'),
    p(t('Drøftet. '), t('Beslutning:', { bold: true }), t(' Indstillingen blev godkendt.')),
  ]);
  const blocks: Block[] = [
    p(t('6. marts 2025')),
    h(1, 'Referat Fjordlandets Borgerhjælp Styregruppemøde'),
    p(t('Mødedato: ', { bold: true }), t('13.03.2025'), { type: 'break' }, t('Mødetid: ', { bold: true }), t('Kl. 9-12'), { type: 'break' }, t('Mødested: ', { bold: true }), t('Havnehuset, Fjordby')),
    h(2, 'Dagsorden'),
    {
      type: 'list',
      ordered: true,
      style: 'decimal',
      start: 1,
      items: ITEM_TITLES.map((title, i) =>
        i === 3
          ? [p(t(title)), { type: 'list', ordered: true, style: 'lower-alpha', start: 1, items: [[p(t('Tal fra januar (O)'))], [p(t('Mål for resten af året (D)'))]] }]
          : [p(t(title))],
      ),
    },
    p(t('(O)=orientering, (D)=drøftelse, (B)=beslutning', { italic: true })),
    p(t('Find bilag til punkterne her: '), link(LINK_BILAG, 'bilag til mødet')),
    { type: 'rule' },
    { type: 'pageBreak' },
    h(2, 'Der er afbud fra'),
    { type: 'list', ordered: false, items: [[p(t('Karen Holt, Fjordby'))], [p(t('Søren Vig, Næsby')), { type: 'list', ordered: false, items: [[p(t('deltog via Teams'))]] }]] },
    ...items,
    h(2, 'Næste styregruppemøder og repræsentantskabsmøder'),
    {
      type: 'table',
      header: [[t('Dato')], [t('Mødetype')], [t('Sted og vært')], [t('Tid')]],
      rows: [
        [[t('10.04.2025')], [t('Styregruppemøde')], [t('Teams')], [t('Kl. 9-12')]],
        [[t('22.05.2025')], [t('Repræsentantskabsmøde')], [t('Kulturhuset, store sal / Næsby Kommune')], [t('Kl. 10-15')]],
        [[t('19.06.2025')], [t('Styregruppemøde')], [t('Rådhuset, mødelokale 2 / Fjordby Kommune')], [t('Kl. 9-12')]],
      ],
    },
    p(t('Mødeplanen ligger også på '), link(LINK_PLAN, 'mødeplanen for 2025'), t('.')),
  ];
  return { meta: meta(overrides), blocks };
}

/** A 2×2 PNG in the organisation's colours, for the header logo. */
export function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.from([0, 31, 78, 121, 255, 255, 255, 0, 255, 255, 255, 31, 78, 121]);
  return new Uint8Array(
    Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]),
  );
}
