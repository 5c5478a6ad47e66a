// Text set from measured pair metrics gets exactly the glyphs and positions fontkit's full layout gives it.

import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import * as fontkit from 'fontkit';
import { describe, expect, test } from 'vitest';
import { CARLITO_FACES, carlitoWoff, sfntOf } from '../../src/writers/pdf-fonts.js';
import { layoutFeatures, measurePairs, PairLayout, type PairMetrics } from '../../src/writers/pdf-metrics.js';

const primaries = CARLITO_FACES.filter((face) => face.primary);
const files = new Map(primaries.map((face) => [face.name, sfntOf(readFileSync(carlitoWoff(face)))]));
const fontOf = (name: string): fontkit.Font => fontkit.create(files.get(name) as Uint8Array);
const measured = new Map<string, PairMetrics>(primaries.map((face) => [face.name, measurePairs(fontOf(face.name))]));

/** What a run says about each glyph: id, characters, advance and position. */
function describeRun(run: fontkit.GlyphRun): unknown[] {
  return run.glyphs.map((glyph, i) => {
    const { xAdvance, yAdvance, xOffset, yOffset } = run.positions[i] as fontkit.GlyphPosition;
    return [glyph.id, glyph.codePoints, glyph.advanceWidth, xAdvance, yAdvance, xOffset, yOffset];
  });
}

describe('measurePairs', () => {
  test('keeps what Danish text is made of and leaves out the fraction slash, which fontkit shapes with its neighbours', () => {
    for (const metrics of measured.values()) {
      for (const c of 'abcæøåÆØÅé ÄÖÜß0123456789.,;:!?-–—‘’“”«»()/%&€§@') expect(metrics.chars).toContain(c);
      expect(metrics.chars).not.toContain('\u2044');
      expect(metrics.chars).not.toMatch(/\p{M}|\p{C}/u);
      expect(metrics.glyphs).toHaveLength(metrics.chars.length);
      expect(metrics.kerning.length % 3).toBe(0);
    }
  });
});

describe('PairLayout', () => {
  test.each(primaries.map((face) => face.name))('%s: any text of measured characters is set as fontkit sets it', (name) => {
    const metrics = measured.get(name) as PairMetrics;
    const pairs = new PairLayout(metrics);
    const chars = [...metrics.chars];
    // Runs of a few characters that kern against each other often, so most pairs in a run are kerned ones.
    const text = fc.array(fc.constantFrom(...chars, ...'AVTWYLoeay .,'), { maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        // A fresh font each time, so that no glyph object is shared with an earlier run.
        const expected = fontOf(name).layout(t, layoutFeatures());
        const actual = pairs.layout(t);
        expect(actual).toBeDefined();
        expect(describeRun(actual as fontkit.GlyphRun)).toEqual(describeRun(expected));
        expect(actual?.advanceWidth).toBe(expected.advanceWidth);
        // The advance measured without a run is the run's.
        expect(pairs.advance(t)).toBe(expected.advanceWidth);
      }),
      { seed: 20261123, numRuns: 150 },
    );
  });

  test.each(primaries.map((face) => face.name))('%s: covers a text exactly when each of its UTF-16 units is a measured character', (name) => {
    const pairs = new PairLayout(measured.get(name) as PairMetrics);
    const measuredUnits: number[] = [];
    for (let code = 0; code < 0x10000; code += 1) {
      const unit = String.fromCharCode(code);
      expect(pairs.covers(unit), `U+${code.toString(16)}`).toBe(pairs.glyph(code) !== undefined);
      if (pairs.glyph(code) !== undefined) measuredUnits.push(code);
    }
    // Ranges of neighbouring characters, both ends, and an unmeasured unit anywhere in a text.
    const all = String.fromCharCode(...measuredUnits);
    expect(pairs.covers(all)).toBe(true);
    expect(pairs.covers('')).toBe(true);
    expect(pairs.covers(`${all}\u0301`)).toBe(false);
    expect(pairs.covers(`\ud83d${all}`)).toBe(false);
  });

  test('kerns as the font does', () => {
    const pairs = new PairLayout(measured.get('carlito-latin-400-normal') as PairMetrics);
    const av = pairs.layout('AV');
    const plain = (pairs.layout('A')?.advanceWidth ?? 0) + (pairs.layout('V')?.advanceWidth ?? 0);
    expect(av?.advanceWidth).toBeLessThan(plain);
  });

  test('sets nothing it has not measured: combining marks, other scripts, characters outside the font', () => {
    const pairs = new PairLayout(measured.get('carlito-latin-400-normal') as PairMetrics);
    for (const text of ['e\u0301', 'Ωμέγα', '½⁄3', 'x😀', 'ab\u00adcd', 'Ǆ']) {
      expect(pairs.covers(text)).toBe(false);
      expect(pairs.layout(text)).toBeUndefined();
      expect(pairs.advance(text)).toBeUndefined();
    }
    expect(pairs.covers('Grønne æbler, 12 €')).toBe(true);
    expect(pairs.layout('')?.glyphs).toEqual([]);
  });
});
