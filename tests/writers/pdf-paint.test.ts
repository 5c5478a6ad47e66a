// Text the pair metrics set is shown character by character: the same operators, subset, widths and characters as
// showing it word by word from pdfkit's word runs.

import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { currentFont, type Pdf, type PdfFont } from '../../src/writers/pdf-document.js';
import { FontBook, type FontStyle } from '../../src/writers/pdf-fonts.js';
import { measurePairs, PairLayout } from '../../src/writers/pdf-metrics.js';
import { showPairText, showWordsOnLine } from '../../src/writers/pdf-paint.js';

/** A page of a new document with the face registered and chosen, and that face's font as the painter sees it. */
function fontOn(fonts: FontBook, face: string): PdfFont {
  const pdf = (new PDFDocument({ autoFirstPage: false }) as unknown as Pdf).addPage();
  pdf.registerFont(face, fonts.font(face));
  return currentFont(pdf.font(face));
}

describe('showPairText', () => {
  it('shows what showWordsOnLine shows, and fills the subset, widths and characters alike', async () => {
    const fonts = await FontBook.open();
    const pieces = fc.constantFrom('Grønne æbler', ' ', '  ', 'AV', 'To.', 'Å', '“citat”', 'fi', 'ffl', 'Tå', 'x ', 'W.', '12 €');
    // The build's pair metrics, measured here: the sources run without the built files.
    const styles: FontStyle[] = ['regular', 'bold'];
    const measured = new Map(styles.map((style) => [style, new PairLayout(measurePairs(fonts.font(fonts.primary(style))))]));
    fc.assert(
      fc.property(fc.constantFrom(...styles), fc.array(fc.array(pieces, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }), (textStyle, runs) => {
        const face = fonts.primary(textStyle);
        const pairs = measured.get(textStyle) as PairLayout;
        const [byChar, byWord] = [fontOn(fonts, face), fontOn(fonts, face)];
        for (const parts of runs) {
          const text = parts.join('');
          expect(pairs.covers(text)).toBe(true);
          expect(showPairText(byChar, pairs, text), text).toBe(showWordsOnLine(byWord, text));
        }
        expect(byChar.subset).toMatchObject({ glyphs: (byWord.subset as unknown as { glyphs: number[] }).glyphs });
        expect(byChar.widths).toEqual(byWord.widths);
        expect(byChar.unicode).toEqual(byWord.unicode);
      }),
      { numRuns: 100, seed: 20261206 },
    );
  });
});
