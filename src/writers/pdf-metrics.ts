// Pair metrics of a font, measured once at build time, that set everyday text without fontkit's OpenType layout.

import type { Font, Glyph, GlyphPosition, GlyphRun } from 'fontkit';

/**
 * The characters of a font that fontkit sets one glyph each, moved only by pair kerning, and the kerning between
 * them: what `measurePairs` finds and `PairLayout` sets text from. Stored as JSON beside the built font.
 */
export interface PairMetrics {
  /** Every such character, once each, all in the Basic Multilingual Plane. */
  chars: string;
  /** Each character's glyph id and advance width in font units, in the order of `chars`. */
  glyphs: number[];
  advances: number[];
  /** Nonzero kerning as flat triples: first character's code, second character's code, adjustment in font units. */
  kerning: number[];
}

/** The layout features the PDF writer uses: fontkit's defaults without ligatures ("fi" as one glyph breaks search). */
export function layoutFeatures(): Record<string, boolean> {
  // fontkit writes its defaults into the features object it is given, so each call gets a fresh one.
  return { liga: false, clig: false };
}

// Letters, digits, punctuation, symbols and spaces; marks, controls and format characters take part in shaping.
const CANDIDATE = /^[\p{L}\p{N}\p{P}\p{S}\p{Zs}]$/u;

/**
 * Measures which characters fontkit sets as their own glyph with nothing but pair kerning, and that kerning, by
 * laying out every pair. Characters that take part in more (fontkit turns digits around U+2044 into a fraction) are
 * left out, and the rest measured again without them, so text of kept characters gets exactly fontkit's layout.
 * Slow (a few hundred ms a round): run at build time.
 */
export function measurePairs(font: Font): PairMetrics {
  let chars = font.characterSet
    .filter((cp) => cp < 0xd800 && CANDIDATE.test(String.fromCharCode(cp)) && font.glyphForCodePoint(cp).id !== 0)
    .map((cp) => String.fromCharCode(cp));
  for (;;) {
    const { kerning, bad } = measureRound(font, chars);
    if (bad.length === 0) {
      const flat: number[] = [];
      for (const [pair, value] of kerning) if (value !== 0) flat.push(pair.charCodeAt(0), pair.charCodeAt(1), value);
      const glyphs = chars.map((c) => font.glyphForCodePoint(c.charCodeAt(0)));
      return { chars: chars.join(''), glyphs: glyphs.map((g) => g.id), advances: glyphs.map((g) => g.advanceWidth), kerning: flat };
    }
    // Pairs that misbehave on their own point at the culprits; the others only misbehaved next to one of them.
    const alone = bad.filter((pair) => !plain(font, pair, font.layout(pair, layoutFeatures())));
    const dropped = cover(alone.length > 0 ? alone : bad);
    chars = chars.filter((c) => !dropped.has(c));
  }
}

/** Whether a run of text is its characters' own glyphs, moved only in advance. */
function plain(font: Font, text: string, run: GlyphRun, from = 0, to = text.length): boolean {
  if (run.glyphs.length !== text.length) return false;
  for (let i = from; i < to; i += 1) {
    const position = run.positions[i] as GlyphPosition;
    if (run.glyphs[i]?.id !== font.glyphForCodePoint(text.charCodeAt(i)).id) return false;
    if (position.xOffset !== 0 || position.yOffset !== 0 || position.yAdvance !== 0) return false;
  }
  return true;
}

/** One layout per character `a` covers its pairs with every later character c, both ways: "a c₁ a c₂ … a". */
function measureRound(font: Font, chars: readonly string[]): { kerning: Map<string, number>; bad: string[] } {
  const kerning = new Map<string, number>();
  const bad: string[] = [];
  chars.forEach((a, k) => {
    const text = a + chars.slice(k).map((c) => c + a).join('');
    const run = font.layout(text, layoutFeatures());
    for (let i = 0; i + 1 < text.length; i += 1) {
      const pair = text.slice(i, i + 2);
      if (plain(font, text, run, i, i + 2)) kerning.set(pair, (run.positions[i] as GlyphPosition).xAdvance - (run.glyphs[i] as Glyph).advanceWidth);
      else bad.push(pair);
    }
  });
  return { kerning, bad };
}

/** Characters that cover every pair, picked greedily: the one in the most pairs first. */
function cover(pairs: readonly string[]): Set<string> {
  const dropped = new Set<string>();
  for (;;) {
    const count = new Map<string, number>();
    for (const pair of pairs) {
      if (dropped.has(pair.charAt(0)) || dropped.has(pair.charAt(1))) continue;
      for (const c of new Set(pair)) count.set(c, (count.get(c) ?? 0) + 1);
    }
    const worst = [...count].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
    if (worst === undefined) return dropped;
    dropped.add(worst[0]);
  }
}

/** The part of a glyph that pdfkit reads from a run: its id, advance and characters. */
export interface PairGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** A glyph run as fontkit's layout returns it: the total advance is summed when asked, as pdfkit scales positions first. */
class PairRun {
  constructor(
    readonly glyphs: PairGlyph[],
    readonly positions: GlyphPosition[],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

/** Sets text from measured pair metrics, the same glyphs and positions as fontkit's layout gives for it. */
export class PairLayout {
  /**
   * The measured characters' glyphs, and for every UTF-16 unit the place of its glyph there plus one (0: not
   * measured): a look-up in an array per character, where a map's was most of the time `covers` and `layout` took.
   */
  private readonly glyphs: PairGlyph[] = [];
  private readonly glyphOf = new Uint16Array(0x10000);
  /** Kerning between two Latin-1 characters, by first × 256 + second; the few other pairs in a map. */
  private readonly latinKerning = new Int16Array(0x10000);
  private readonly kerning = new Map<number, number>();
  /** Any UTF-16 unit that is not a measured character: `covers` scans natively for one, not unit by unit in script. */
  private readonly unmeasured: RegExp;

  constructor(metrics: PairMetrics) {
    // Glyphs of their own rather than fontkit's, whose advance makes fontkit decode the outline for vertical metrics.
    // The characters are all in the Basic Multilingual Plane: one UTF-16 unit each.
    const codes: number[] = [];
    for (let i = 0; i < metrics.chars.length; i += 1) {
      const code = metrics.chars.charCodeAt(i);
      this.glyphs.push({ id: metrics.glyphs[i] ?? 0, advanceWidth: metrics.advances[i] ?? 0, codePoints: [code] });
      this.glyphOf[code] = this.glyphs.length;
      codes.push(code);
    }
    const { kerning } = metrics;
    // Thousands of triples per face, read as the writer starts: plain reads, not a destructured array each.
    for (let i = 0; i + 2 < kerning.length; i += 3) {
      const first = kerning[i] as number;
      const second = kerning[i + 1] as number;
      const value = kerning[i + 2] as number;
      if (first < 0x100 && second < 0x100) this.latinKerning[first * 0x100 + second] = value;
      else this.kerning.set(first * 0x10000 + second, value);
    }
    this.unmeasured = new RegExp(`[^${codeRanges(codes)}]`);
  }

  /** The glyph of a measured character, by its code; undefined for any other. */
  glyph(code: number): PairGlyph | undefined {
    const place = this.glyphOf[code] as number;
    return place === 0 ? undefined : this.glyphs[place - 1];
  }

  /** Kerning between two measured characters, in font units. */
  kern(first: number, second: number): number {
    return first < 0x100 && second < 0x100 ? (this.latinKerning[first * 0x100 + second] as number) : (this.kerning.get(first * 0x10000 + second) ?? 0);
  }

  /**
   * The advance of text (from `start` to `end`) in font units, as its run from `layout` sums it, or undefined when the
   * text is not made of measured characters only. Measured afresh each time: cheaper than looking the text up.
   */
  advance(text: string, start = 0, end = text.length): number | undefined {
    let units = 0;
    for (let i = start; i < end; i += 1) {
      const code = text.charCodeAt(i);
      const glyph = this.glyph(code);
      if (glyph === undefined) return undefined;
      units += glyph.advanceWidth + (i + 1 < end ? this.kern(code, text.charCodeAt(i + 1)) : 0);
    }
    return units;
  }

  /** Whether the text is made of measured characters only, which the font sets one glyph each. */
  covers(text: string): boolean {
    return !this.unmeasured.test(text);
  }

  /** The run for text made of measured characters only, else undefined: the caller then needs the full layout. */
  layout(text: string): GlyphRun | undefined {
    const n = text.length;
    const glyphs: PairGlyph[] = new Array(n);
    for (let i = 0; i < n; i += 1) {
      const glyph = this.glyph(text.charCodeAt(i));
      if (glyph === undefined) return undefined;
      glyphs[i] = glyph;
    }
    const positions: GlyphPosition[] = new Array(n);
    for (let i = 0; i < n; i += 1) {
      const kern = i + 1 < n ? this.kern(text.charCodeAt(i), text.charCodeAt(i + 1)) : 0;
      // A fresh position each time: pdfkit scales them in place.
      positions[i] = { xAdvance: (glyphs[i] as PairGlyph).advanceWidth + kern, yAdvance: 0, xOffset: 0, yOffset: 0 };
    }
    return new PairRun(glyphs, positions) as unknown as GlyphRun;
  }
}

/** Character codes as the ranges of a regular expression's character class (`\u0041-\u005a…`). */
function codeRanges(codes: readonly number[]): string {
  const sorted = [...codes].sort((a, b) => a - b);
  const hex = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;
  let ranges = '';
  for (let i = 0; i < sorted.length; i += 1) {
    const first = sorted[i] as number;
    while (i + 1 < sorted.length && (sorted[i + 1] as number) <= (sorted[i] as number) + 1) i += 1;
    const last = sorted[i] as number;
    ranges += first === last ? hex(first) : `${hex(first)}-${hex(last)}`;
  }
  return ranges;
}
