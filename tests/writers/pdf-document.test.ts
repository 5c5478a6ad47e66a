// The PDF writer collects what pdfkit writes as text: the file it gives must be the one pdfkit itself would write.

import * as fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { collectBytes, currentFont, encodeText, type GlyphPlacement, type Pdf, type PdfFont } from '../../src/writers/pdf-document.js';
import { FontBook, type FontStyle } from '../../src/writers/pdf-fonts.js';

/** A tagged document of several buffered pages, drawn after the fact as the writer's header and footer are. */
function draw(pdf: Pdf): void {
  const doc = pdf as unknown as PDFKit.PDFDocument;
  for (let page = 1; page <= 3; page++) {
    pdf.addPage();
    const paragraph = doc.struct('P');
    doc.addStructure(paragraph);
    doc.font('Helvetica').fontSize(11).fillColor('#1F4E79').text(`Side ${page}: Grønne æbler & “citater” – ${'ord '.repeat(40)}`, 72, 72, { width: 400 });
    doc.rect(72, 300, 200, 20).fill('#F2F2F2');
    doc.moveTo(72, 340).lineTo(300, 340).stroke('#A6A6A6');
  }
  const { start, count } = pdf.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    pdf.switchToPage(start + i);
    doc.fontSize(9).fillColor('#595959').text(`Side ${i + 1} af ${count}`, 250, 800, { lineBreak: false });
  }
  pdf.end();
}

function newDocument(): Pdf {
  const date = new Date('2026-03-12T00:00:00Z');
  return new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    tagged: true,
    lang: 'da-DK',
    info: { Title: 'Prøve', CreationDate: date, ModDate: date },
  } as PDFKit.PDFDocumentOptions) as unknown as Pdf;
}

/** The file as pdfkit streams it, chunk by chunk. */
function pdfkitsOwn(): Promise<Uint8Array> {
  const pdf = newDocument();
  const chunks: Uint8Array[] = [];
  (pdf as unknown as PDFKit.PDFDocument).on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  draw(pdf);
  return done;
}

describe('collectBytes', () => {
  it('gives the bytes pdfkit writes itself, for buffered pages drawn into again', async () => {
    const expected = await pdfkitsOwn();
    const pdf = newDocument();
    const collected = collectBytes(pdf);
    draw(pdf);
    const actual = await collected;
    expect(Buffer.from(actual).toString('latin1').startsWith('%PDF-')).toBe(true);
    expect(actual.length).toBeGreaterThan(2000);
    expect(Buffer.compare(Buffer.from(actual), Buffer.from(expected))).toBe(0);
  });

  it('refuses a pdfkit without the internals it relies on, rather than write a broken file', () => {
    const pdf = newDocument();
    Object.assign(pdf, { _write: undefined });
    expect(() => collectBytes(pdf)).toThrow(/this pdfkit has no _write/);
  });
});

describe('encodeText', () => {
  it("gives the glyphs and positions pdfkit's own encode gives, and fills each font's subset, widths and characters alike", async () => {
    const fonts = await FontBook.open();
    const pieces = fc.oneof(
      fc.constantFrom('Grønne æbler', ' ', '  ', '\t', 'fi', 'ffl', 'AV', 'To.', 'Å', '“citat”', '→', '▪', '—', '😀', 'e\u0301', '\u0627\u0644', 'x '),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    );
    const style = fc.constantFrom<FontStyle>('regular', 'bold', 'italic', 'boldItalic');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(pieces, { minLength: 1, maxLength: 6 }), style), { minLength: 1, maxLength: 8 }), (texts) => {
        const ours = newDocument().addPage();
        const theirs = newDocument().addPage();
        const used = new Map<string, [PdfFont, PdfFont]>();
        for (const [parts, textStyle] of texts) {
          for (const run of fonts.split(parts.join(''), textStyle)) {
            if (!used.has(run.face)) {
              for (const pdf of [ours, theirs]) pdf.registerFont(run.face, fonts.font(run.face));
            }
            const mine = currentFont(ours.font(run.face));
            const pdfkits = theirs.font(run.face)._font as PdfFont & { encode(text: string): unknown };
            used.set(run.face, [mine, pdfkits]);
            const encoded: [string[], GlyphPlacement[]] = [[], []];
            encodeText(mine, run.text, (subsetId, placement) => {
              // pdfkit gives the ids in hex, as it writes them.
              encoded[0].push(subsetId.toString(16).padStart(4, '0'));
              encoded[1].push(placement);
            });
            expect(encoded, run.text).toEqual(pdfkits.encode(run.text));
          }
        }
        for (const [mine, pdfkits] of used.values()) {
          expect(mine.subset).toMatchObject({ glyphs: (pdfkits.subset as unknown as { glyphs: number[] }).glyphs });
          expect(mine.widths).toEqual(pdfkits.widths);
          expect(mine.unicode).toEqual(pdfkits.unicode);
        }
      }),
      { numRuns: 150, seed: 20261201 },
    );
  });

  it("refuses a pdfkit whose fonts lack the internals it relies on", () => {
    const pdf = newDocument().addPage();
    Object.assign(pdf, { _font: { id: 'F1', ref: () => ({}) } });
    expect(() => currentFont(pdf)).toThrow(/this pdfkit's fonts have no layoutCached, subset.includeGlyph, scale, widths, unicode/);
  });
});
