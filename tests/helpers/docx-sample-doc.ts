// A hand-built Doc shaped like a set of minutes, for the DOCX writer's tests; all its text is invented.

import { crc32, deflateSync } from 'node:zlib';
import type { Block, Doc, DocMeta, Inline } from '../../src/doc.js';

/** The characters HOSTILE-INPUTS 13–14 says must come through literally. */
export const HOSTILE_TEXT = `& < > ' " æøå ÆØÅ – ’ “ ” ▪ → {{ navn }} {{#if x}}`;

export const SAMPLE_LINK = 'https://eksempel.dk/bilag?møde=2025-03-06&side=2';

const t = (text: string, extra: { bold?: boolean; italic?: boolean } = {}): Inline => ({ type: 'text', text, ...extra });
const p = (...children: Inline[]): Block => ({ type: 'paragraph', children });
const h = (level: 1 | 2 | 3 | 4 | 5 | 6, text: string): Block => ({ type: 'heading', level, children: [t(text)] });

export function sampleMeta(overrides: Partial<DocMeta> = {}): DocMeta {
  return {
    title: 'Referat Skovbyens Borgerservice Styregruppemøde 06.03.2025',
    subject: 'Styregruppemøde 6. marts 2025',
    author: 'Skovbyens Borgerservice',
    lang: 'da-DK',
    date: '2025-03-06',
    draft: true,
    header: 'Skovbyens Borgerservice',
    font: 'Calibri',
    colour: '1F4E79',
    ...overrides,
  };
}

/** Headings on every level, emphasis, links, breaks, nested and restarted lists, a table, a rule and a page break. */
export function sampleDoc(overrides: Partial<DocMeta> = {}): Doc {
  const blocks: Block[] = [
    p(t('27. februar 2025')),
    h(1, 'Referat Skovbyens Borgerservice Styregruppemøde'),
    p(t('Mødedato: ', { bold: true }), t('06.03.2025'), { type: 'break' }, t('Mødetid: ', { bold: true }), t('Kl. 9-12'), { type: 'break' }, t('Mødested: ', { bold: true }), t('Rådhuset i Skovby')),
    h(2, 'Dagsorden'),
    {
      type: 'list',
      ordered: true,
      style: 'decimal',
      start: 1,
      items: [
        [p(t('Velkomst'))],
        [p(t('Godkendelse af dagsorden (B)'))],
        [
          p(t('Status på den nye telefonløsning (O, D)')),
          {
            type: 'list',
            ordered: true,
            style: 'lower-alpha',
            start: 1,
            items: [[p(t('Erfaringer fra de første uger (O)'))], [p(t('Næste skridt (D)'))]],
          },
        ],
        [p(t('Eventuelt'))],
      ],
    },
    p(t('(O)=orientering, (D)=drøftelse, (B)=beslutning', { italic: true })),
    p(t('Find bilag til punkterne her: '), { type: 'link', href: SAMPLE_LINK, children: [{ type: 'text', text: 'bilagsmappen' }] }),
    { type: 'rule' },
    { type: 'pageBreak' },
    h(2, 'Punkt 1: Velkomst'),
    p(t('V/ Mødeleder')),
    h(3, 'Referat:'),
    p(t('Der er afbud fra:')),
    { type: 'list', ordered: false, items: [[p(t('Birte Holm, Skovby'))], [p(t('Jens Krog, Ådal'))]] },
    h(2, `Punkt 2: Særlige tegn ${HOSTILE_TEXT}`),
    p(t(`Teksten indeholder ${HOSTILE_TEXT} og `), t('fed', { bold: true }), t(' og '), t('kursiv', { italic: true }), t(' tekst.')),
    h(3, 'Opfølgningspunkter:'),
    {
      type: 'list',
      ordered: true,
      style: 'upper-alpha',
      start: 1,
      items: [[p(t('Ny vagtplan for foråret'))], [p(t('Opdatering af hjemmesiden'))], [p(t('Kursus i den nye telefonløsning'))]],
    },
    h(4, 'Underafsnit på niveau fire'),
    p(t('En liste der fortsætter fra 4:')),
    {
      type: 'list',
      ordered: true,
      style: 'decimal',
      start: 4,
      items: [[p(t('Fjerde punkt'))], [p(t('Femte punkt'))]],
    },
    h(5, 'Niveau fem'),
    h(6, 'Niveau seks'),
    p(t('Linje et\nlinje to\tmed tabulator')),
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
  return { meta: sampleMeta(overrides), blocks };
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
