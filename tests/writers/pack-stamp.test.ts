import { describe, expect, it } from 'vitest';
import { fitText, normaliseRotation, placeStamp, toFontText } from '../../src/writers/pack-stamp.js';

// Latin-1 plus the WinAnsi extras the tests use: what Helvetica can show.
const winAnsi = (c: number): boolean => (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || [0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026].includes(c);

describe('toFontText', () => {
  it('keeps what the font shows, composing decomposed letters first', () => {
    expect(toFontText('Bilag til punkt 4: A\u0308rsplan – “godkendt” a\u030a', winAnsi)).toEqual({
      text: 'Bilag til punkt 4: Ärsplan – “godkendt” å',
      replaced: '',
    });
  });

  it('drops a combining mark that composes with nothing, and says so', () => {
    expect(toFontText('o\u0338le', winAnsi)).toEqual({ text: 'ole', replaced: '\u0338' });
  });

  it('turns whitespace and control characters into single spaces', () => {
    expect(toFontText('  Punkt\t4:\r\nKPI\u0007 og\u00a0kvalitet ', winAnsi)).toEqual({ text: 'Punkt 4: KPI og kvalitet', replaced: '' });
  });

  it('uses stand-ins, then the unaccented letter, then ? and lists what it replaced once', () => {
    expect(toFontText('a → b ▪ c ≥ d ő ő 😀 Ω', winAnsi)).toEqual({ text: 'a -> b - c >= d o o ? ?', replaced: '→▪≥ő😀Ω' });
  });
});

describe('fitText', () => {
  const width = (s: string): number => [...s].length;

  it('leaves text that fits and cuts longer text at a character with an ellipsis', () => {
    expect(fitText('kort', 4, width)).toBe('kort');
    expect(fitText('lidt for lang', 10, width)).toBe('lidt for…');
    expect(fitText('æøå😀æøå', 5, width)).toBe('æøå😀…');
    expect(fitText('ingenting', 0, width)).toBe('…');
  });
});

describe('normaliseRotation', () => {
  it('gives the clockwise quarter turn in 0..270', () => {
    expect([0, 90, 180, 270, 360, -90, -180, 450, 89].map(normaliseRotation)).toEqual([0, 90, 180, 270, 0, 270, 180, 90, 90]);
  });
});

describe('placeStamp', () => {
  it('centres the baseline under the top edge of an upright page, in the box', () => {
    expect(placeStamp({ x: 100, y: 200, width: 400, height: 600 }, 0, 100, 14)).toEqual({ x: 250, y: 786, rotate: 0 });
  });
});
