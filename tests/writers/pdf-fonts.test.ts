// Fonts shipped as WOFF are unwrapped to plain TrueType before fontkit reads them, with nothing about them changed.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, test } from 'vitest';
import { sfntOf } from '../../src/writers/pdf-fonts.js';

const require = createRequire(import.meta.url);
const carlito = path.join(path.dirname(require.resolve('@fontsource/carlito')), 'files');
const TEXT = 'Æbleskiver, øl & “citater” – 1.234,56 kr. fi fl ÅÄÖ ÿ';

describe('sfntOf', () => {
  test.each(['latin-400-normal', 'latin-700-normal', 'latin-400-italic', 'latin-ext-700-italic', 'greek-400-normal'])(
    'carlito-%s.woff reads as the same font unwrapped',
    (variant) => {
      const woff = readFileSync(path.join(carlito, `carlito-${variant}.woff`));
      const sfnt = sfntOf(woff);
      expect(Buffer.from(sfnt.subarray(0, 4)).toString('hex')).toBe('00010000');
      const a = fontkit.create(woff);
      const b = fontkit.create(sfnt);
      expect(b.postscriptName).toBe(a.postscriptName);
      expect([b.unitsPerEm, b.ascent, b.descent, b.lineGap]).toEqual([a.unitsPerEm, a.ascent, a.descent, a.lineGap]);
      const run = (font: fontkit.Font) => font.layout(TEXT, { liga: false });
      expect(run(b).advanceWidth).toBe(run(a).advanceWidth);
      expect(run(b).glyphs.map((g) => [g.id, g.path.commands])).toEqual(run(a).glyphs.map((g) => [g.id, g.path.commands]));
    },
  );

  test('leaves a TrueType file as it is', () => {
    const ttf = readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    expect(sfntOf(ttf)).toBe(ttf);
  });
});
