// Line breaking, face choice, list labels and table column widths of the PDF writer, without making a PDF.

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { clusters, FontBook, REPLACEMENT } from '../../src/writers/pdf-fonts.js';
import { breakLines, breakSpans, LINE_BREAK, naturalWidths, type Line, type Span } from '../../src/writers/pdf-lines.js';
import { columnWidths, listLabel } from '../../src/writers/pdf.js';

let fonts: FontBook;
beforeAll(async () => {
  fonts = await FontBook.open();
});

const span = (text: string, extra: Partial<Span> = {}): Span => ({ text, style: 'regular', size: 11, colour: '000000', ...extra });
const lineText = (line: Line): string => line.fragments.map((f) => f.text).join('');

describe('FontBook', () => {
  it('sets Danish text in Carlito and falls back to DejaVu Sans per character', () => {
    expect(fonts.split('Blåbærgrød – “citat”', 'regular')).toEqual([{ text: 'Blåbærgrød – “citat”', face: 'carlito:regular:latin' }]);
    expect(fonts.split('a → b ▪', 'bold')).toEqual([
      { text: 'a ', face: 'carlito:bold:latin' },
      { text: '→', face: 'dejavu:bold' },
      { text: ' b ', face: 'carlito:bold:latin' },
      { text: '▪', face: 'dejavu:bold' },
    ]);
    expect(fonts.split('Łódź', 'italic').map((r) => r.face)).toEqual(['carlito:italic:latin-ext', 'carlito:italic:latin', 'carlito:italic:latin-ext']);
  });

  it('marks clusters no font has, keeping the original characters', () => {
    expect(fonts.split('x中🦄y', 'regular')).toEqual([
      { text: 'x', face: 'carlito:regular:latin' },
      { text: `${REPLACEMENT}${REPLACEMENT}`, face: 'dejavu:regular', missing: '中🦄' },
      { text: 'y', face: 'carlito:regular:latin' },
    ]);
  });

  it('lays out "fi", "ffl" and "ffi" as separate letters, so extraction and search find them', () => {
    const font = fonts.font('carlito:regular:latin');
    expect(font.layout('fi').glyphs).toHaveLength(2);
    expect(font.layout('office ffl').glyphs.map((g) => g.codePoints)).toEqual([...'office ffl'].map((c) => [c.codePointAt(0)]));
  });

  it('splits text into user-perceived characters', () => {
    expect(clusters('Blå')).toEqual(['B', 'l', 'å']);
    expect(clusters('Ble\u0301 👍🏽!')).toEqual(['B', 'l', 'e\u0301', ' ', '👍🏽', '!']);
    expect(clusters('🇩🇰x')).toEqual(['🇩🇰', 'x']);
  });

  it('measures like Calibri: 11 pt lines of 1.22 em', () => {
    expect(fonts.metrics('regular').height).toBeCloseTo(1.2207, 3);
    expect(fonts.width('carlito:regular:latin', 'fi', 11)).toBeCloseTo(fonts.width('carlito:regular:latin', 'f', 11) + fonts.width('carlito:regular:latin', 'i', 11), 5);
  });
});

describe('breakLines', () => {
  it('breaks at spaces only, never inside a word or after a hyphen', () => {
    const lines = breakLines([span('styregruppe-møde om telefon-tider og vagt-planer')], 90, fonts);
    expect(lines.map(lineText)).toEqual(['styregruppe-møde', 'om telefon-tider og', 'vagt-planer']);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(90);
  });

  it('keeps a word that changes style whole, and forced breaks', () => {
    const lines = breakLines([span('en '), span('fed', { style: 'bold' }), span('tekst her'), LINE_BREAK, span('ny linje')], 1000, fonts);
    expect(lines.map(lineText)).toEqual(['en fedtekst her', 'ny linje']);
    expect(lines[0]?.fragments.map((f) => f.face)).toEqual(['carlito:regular:latin', 'carlito:bold:latin', 'carlito:regular:latin']);
  });

  it('starts a new fragment within a span where the face changes and around characters no font has', () => {
    const [line] = breakLines([span('a → b ▪ c x中y →中 中→ d')], 1000, fonts);
    expect(line?.fragments.map((f) => [f.text, f.face, f.missing])).toEqual([
      ['a ', 'carlito:regular:latin', undefined],
      ['→', 'dejavu:regular', undefined],
      [' b ', 'carlito:regular:latin', undefined],
      ['▪', 'dejavu:regular', undefined],
      [' c x', 'carlito:regular:latin', undefined],
      [REPLACEMENT, 'dejavu:regular', '中'],
      ['y ', 'carlito:regular:latin', undefined],
      ['→', 'dejavu:regular', undefined],
      [REPLACEMENT, 'dejavu:regular', '中'],
      [' ', 'carlito:regular:latin', undefined],
      [REPLACEMENT, 'dejavu:regular', '中'],
      ['→', 'dejavu:regular', undefined],
      [' d', 'carlito:regular:latin', undefined],
    ]);
  });

  it('breaks a word wider than the line between characters', () => {
    const lines = breakLines([span('https://eksempel.dk/en/meget/lang/adresse/uden/mellemrum')], 60, fonts);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.map(lineText).join('')).toBe('https://eksempel.dk/en/meget/lang/adresse/uden/mellemrum');
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(60.01);
  });

  it('loses no word and overfills no line, for any text and width', () => {
    const word = fc.stringMatching(/^[a-zæøåA-ZÆØÅ0-9–’“”&<>'"{}→▪.,-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.integer({ min: 40, max: 400 }), (words, width) => {
        const lines = breakLines([span(words.join(' '))], width, fonts);
        expect(lines.map(lineText).join(' ').split(/ +/).join('')).toBe(words.join(''));
        for (const line of lines) {
          const oneCluster = line.fragments.length === 1 && [...(line.fragments[0]?.text ?? '')].length === 1;
          if (!oneCluster) expect(line.width).toBeLessThanOrEqual(width + 0.01);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('places fragments left to right and keeps one link id across its words', () => {
    const target = { href: 'https://eksempel.dk', id: 7 };
    const [line] = breakLines([span('Se '), span('vores side', { link: target, underline: true, colour: '0563C1' }), span(' her')], 1000, fonts);
    expect(line?.fragments.map((f) => [f.text, f.link?.id])).toEqual([
      ['Se ', undefined],
      ['vores side', 7],
      [' her', undefined],
    ]);
    const xs = line?.fragments.map((f) => f.x) ?? [];
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('breaks one span in its main face into the very lines the general breaking gives, widths to the last bit', () => {
    const words = fc.constantFrom('styregruppen', 'drøftede', 'Å', 'AV', 'To.', 'kontaktcentrets-ventetid', '“citat”', '12 €', 'x'.repeat(60));
    const gaps = fc.constantFrom(' ', '  ', '\t', ' \n ');
    const text = fc.array(fc.tuple(words, gaps), { maxLength: 30 }).map((parts) => parts.flat().join(''));
    const style = fc.constantFrom<Span['style']>('regular', 'bold', 'italic');
    // Text in a style's main face throughout is plain, as with the build's pair metrics, which the sources run without.
    const plain = Object.assign(Object.create(fonts) as FontBook, {
      plainFace(t: string, textStyle: Span['style']): string | undefined {
        const runs = fonts.split(t, textStyle);
        return t !== '' && runs.length === 1 && runs[0]?.missing === undefined && runs[0]?.face === fonts.primary(textStyle) ? runs[0].face : undefined;
      },
    });
    let plainSpans = 0;
    fc.assert(
      fc.property(text, fc.boolean(), style, fc.integer({ min: 20, max: 500 }), (t, lead, textStyle, width) => {
        const spans = [span(lead ? ` ${t}` : t, { style: textStyle, underline: width % 2 === 0 })];
        if (plain.plainFace(spans[0]?.text.replace(/\s/g, ' ') ?? '', textStyle) !== undefined) plainSpans += 1;
        expect(breakLines(spans, width, plain)).toEqual(breakSpans(spans, width, plain));
      }),
      { numRuns: 300, seed: 20261206 },
    );
    expect(plainSpans).toBeGreaterThan(200);
  });

  it('reports natural widths: the longest word and the unbroken line', () => {
    const { min, max } = naturalWidths([span('Kulturhuset, store sal')], fonts);
    expect(min).toBeCloseTo(fonts.width('carlito:regular:latin', 'Kulturhuset,', 11), 5);
    expect(max).toBeCloseTo(fonts.width('carlito:regular:latin', 'Kulturhuset, store sal', 11), 0);
  });
});

describe('listLabel', () => {
  const ordered = (style: 'decimal' | 'lower-alpha' | 'upper-alpha', start: number) => ({ type: 'list' as const, ordered: true as const, style, start, items: [] });
  it('numbers from the start in the list style', () => {
    expect(listLabel(ordered('decimal', 4), 0, 0)).toBe('4.');
    expect(listLabel(ordered('decimal', 1), 9, 0)).toBe('10.');
    expect(listLabel(ordered('lower-alpha', 1), 1, 1)).toBe('b.');
    expect(listLabel(ordered('upper-alpha', 3), 0, 0)).toBe('C.');
    expect(listLabel(ordered('upper-alpha', 1), 26, 0)).toBe('AA.');
    expect(listLabel(ordered('upper-alpha', 1), 27, 0)).toBe('BB.');
    expect(listLabel(ordered('lower-alpha', 1), 52, 0)).toBe('aaa.');
  });
  it('varies bullets by depth', () => {
    const bullets = { type: 'list' as const, ordered: false as const, items: [] };
    expect([0, 1, 2, 3].map((depth) => listLabel(bullets, 0, depth))).toEqual(['•', '◦', '▪', '•']);
  });
});

describe('columnWidths', () => {
  it('fills the width in proportion when everything fits', () => {
    const widths = columnWidths([{ min: 40, max: 60 }, { min: 80, max: 100 }], 400);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(400, 6);
    expect(widths[1]).toBeGreaterThan(widths[0] ?? 0);
  });
  it('gives each column at least its longest word when the table is tight', () => {
    const widths = columnWidths([{ min: 50, max: 300 }, { min: 90, max: 90 }], 300);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(300, 6);
    expect(widths[1]).toBeGreaterThanOrEqual(90 + 10.8);
    expect(widths[0]).toBeGreaterThanOrEqual(50 + 10.8);
  });
});
