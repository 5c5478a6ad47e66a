// The PDF writer's fonts: Carlito (Calibri's metric twin) first, DejaVu Sans for what Carlito lacks, parsed once per process.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import type { Font } from 'fontkit';
import { layoutFeatures, PairLayout, type PairMetrics } from './pdf-metrics.js';

/** The four faces of a family that the document model can ask for. */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** A stretch of text that one font face sets, or that no shipped face can set. */
export interface FaceRun {
  text: string;
  /** Key of the face, also its pdfkit registration name. */
  face: string;
  /** The original characters when no shipped face has them; `text` is then a replacement mark. */
  missing?: string;
}

// Carlito comes from @fontsource split by Unicode range; the subsets share metrics, so a chain of them acts as one font.
const CARLITO_SUBSETS = ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'] as const;
const CARLITO_VARIANT: Record<FontStyle, string> = {
  regular: '400-normal',
  bold: '700-normal',
  italic: '400-italic',
  boldItalic: '700-italic',
};
const DEJAVU_FILE: Record<FontStyle, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
};

/** Shown in place of characters that no shipped font has; the PDF keeps the original as ActualText. */
export const REPLACEMENT = '\uFFFD';

/**
 * The font as the writer sets text with it: ligatures off unless features are given (fontkit applies them by default,
 * and "fi" as one glyph breaks text extraction and search in some readers), and text that pair metrics cover set from
 * them rather than by fontkit's OpenType layout, which gives the same result many times slower. Wrapping the font
 * rather than passing features to pdfkit keeps pdfkit's per-word layout cache, which it skips whenever features are
 * passed.
 */
function writerFont(font: Font, pairs: PairLayout | undefined): Font {
  const layout = (text: string, features?: Record<string, boolean>): ReturnType<Font['layout']> =>
    features === undefined ? (pairs?.layout(text) ?? font.layout(text, layoutFeatures())) : font.layout(text, features);
  return Object.create(font, { layout: { value: layout } }) as Font;
}

/** A parsed face: the font as the writer sets text with it, and its pair metrics when the build measured them. */
interface Face {
  font: Font;
  pairs: PairLayout | undefined;
  unitsPerEm: number;
  metrics: VerticalMetrics;
}

/** A face's vertical metrics in ems: what Word uses for line height and baseline. */
export interface VerticalMetrics {
  ascent: number;
  descent: number;
  height: number;
}

const require = createRequire(import.meta.url);
const parsedFaces = new Map<string, Face>();
let fontkitModule: Promise<typeof import('fontkit')> | undefined;

/**
 * Where the build puts Carlito unwrapped to TrueType (NAME.ttf) and the pair metrics of its main faces (NAME.json):
 * dist/fonts, seen from dist/writers and from the bundle in dist/bundle. The sources run without them.
 */
export const BUILT_FONTS = fileURLToPath(new URL('../fonts/', import.meta.url));

/** One of Carlito's faces: its key and file name, without extension. */
export interface CarlitoFace {
  key: string;
  name: string;
  /** A main face, whose text is mostly Latin: the build measures its pair metrics. */
  primary: boolean;
}

/** Every Carlito face the writer may use. */
export const CARLITO_FACES: readonly CarlitoFace[] = (Object.keys(CARLITO_VARIANT) as FontStyle[]).flatMap((style) =>
  CARLITO_SUBSETS.map((subset) => ({
    key: `carlito:${style}:${subset}`,
    name: `carlito-${subset}-${CARLITO_VARIANT[style]}`,
    primary: subset === 'latin',
  })),
);

/** The WOFF file of a Carlito face, as @fontsource ships it. */
export function carlitoWoff(face: CarlitoFace): string {
  return path.join(path.dirname(require.resolve('@fontsource/carlito')), 'files', `${face.name}.woff`);
}

/** The contents of a built file, or undefined when there is none. */
function built(name: string): Buffer | undefined {
  try {
    return readFileSync(path.join(BUILT_FONTS, name));
  } catch {
    return undefined;
  }
}

/** Reads and parses a face, from the build's files when there are some. */
function openFace(fontkit: typeof import('fontkit'), key: string): Face {
  const [family, style] = key.split(':') as [string, FontStyle];
  let font: Font;
  let pairs: PairLayout | undefined;
  if (family === 'carlito') {
    const face = CARLITO_FACES.find((f) => f.key === key);
    if (face === undefined) throw new Error(`PDF writer: no font file for face '${key}'`);
    font = fontkit.create(built(`${face.name}.ttf`) ?? sfntOf(readFileSync(carlitoWoff(face))));
    const metrics = face.primary ? built(`${face.name}.json`) : undefined;
    if (metrics !== undefined) pairs = new PairLayout(JSON.parse(metrics.toString('utf8')) as PairMetrics);
  } else {
    const dir = path.dirname(require.resolve('dejavu-fonts-ttf/package.json'));
    font = fontkit.create(readFileSync(path.join(dir, 'ttf', DEJAVU_FILE[style])));
  }
  const { unitsPerEm } = font;
  const ascent = font.ascent / unitsPerEm;
  const descent = -font.descent / unitsPerEm;
  const metrics = { ascent, descent, height: ascent + descent + font.lineGap / unitsPerEm };
  return { font: writerFont(font, pairs), pairs, unitsPerEm, metrics };
}

/** The main face of each style, Carlito's Latin subset: the first tried, and the one whose metrics set line heights. */
const PRIMARY: Record<FontStyle, string> = {
  regular: 'carlito:regular:latin',
  bold: 'carlito:bold:latin',
  italic: 'carlito:italic:latin',
  boldItalic: 'carlito:boldItalic:latin',
};

/** The faces tried in order for a style: every Carlito subset, then DejaVu Sans. */
function chainFor(style: FontStyle): string[] {
  return [...CARLITO_SUBSETS.map((subset) => `carlito:${style}:${subset}`), `dejavu:${style}`];
}

const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

/**
 * A WOFF 1.0 file as the plain TrueType/OpenType file it wraps; other files as they are. fontkit reads a WOFF font by
 * inflating a table, in JavaScript, each time it reads from it (the whole glyph table once per glyph), which made the
 * fonts the slowest part of a PDF render; inflating each table once with node:zlib takes a millisecond.
 */
export function sfntOf(file: Uint8Array): Uint8Array {
  const input = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (input.length < WOFF_HEADER || input.toString('latin1', 0, 4) !== 'wOFF') return file;
  const count = input.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = WOFF_HEADER + i * WOFF_ENTRY;
    const offset = input.readUInt32BE(at + 4);
    const compressed = input.readUInt32BE(at + 8);
    const length = input.readUInt32BE(at + 12);
    const stored = input.subarray(offset, offset + compressed);
    return {
      tag: input.readUInt32BE(at),
      checksum: input.readUInt32BE(at + 16),
      data: compressed < length ? inflateSync(stored) : stored,
    };
  });
  const padded = (n: number): number => (n + 3) & ~3;
  let size = SFNT_HEADER + count * SFNT_ENTRY;
  for (const table of tables) size += padded(table.data.length);
  const out = Buffer.alloc(size);
  // The search fields are derived from the table count, as the OpenType specification defines them.
  const entrySelector = Math.floor(Math.log2(Math.max(count, 1)));
  const searchRange = 2 ** entrySelector * SFNT_ENTRY;
  out.writeUInt32BE(input.readUInt32BE(4), 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(count * SFNT_ENTRY - searchRange, 10);
  let offset = SFNT_HEADER + count * SFNT_ENTRY;
  for (const [i, table] of tables.entries()) {
    const at = SFNT_HEADER + i * SFNT_ENTRY;
    out.writeUInt32BE(table.tag, at);
    out.writeUInt32BE(table.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(table.data.length, at + 12);
    out.set(table.data, offset);
    offset += padded(table.data.length);
  }
  return out;
}

// Made on first use: creating a segmenter takes several milliseconds, and most text never needs one.
let segmenter: Intl.Segmenter | undefined;

// Marks, joiners, variation selectors, astral characters and Hangul jamo can join clusters; without them every
// UTF-16 unit is its own cluster, and segmenting (slow on big texts) can be skipped.
const MAY_JOIN = /[\p{M}\u200c\u200d\ufe00-\ufe0f\u1100-\u11ff\u{10000}-\u{10ffff}\ud800-\udfff]/u;

/** The user-perceived characters of a text: a letter with its accents, an emoji with its modifiers. */
export function clusters(text: string): string[] {
  if (!MAY_JOIN.test(text)) return text.split('');
  segmenter ??= new Intl.Segmenter('da', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * The fonts of one render: picks a face per character cluster and measures text. Parsed font files are shared
 * by every render in the process; the caches here belong to one document.
 */
export class FontBook {
  private readonly faceOf = new Map<string, string | null>();
  private readonly widths = new Map<string, Map<string, number>>();

  private constructor(private readonly fontkit: typeof import('fontkit')) {}

  /** Loads fontkit on first use (start-up time matters for commands that make no PDF). */
  static async open(): Promise<FontBook> {
    fontkitModule ??= import('fontkit');
    return new FontBook(await fontkitModule);
  }

  /** The parsed font for a face key, read from its package on first use. */
  font(key: string): Font {
    return this.face(key).font;
  }

  /** A face's pair metrics, when the build measured them. */
  pairs(key: string): PairLayout | undefined {
    return this.face(key).pairs;
  }

  /** The main face of a style: the one whose metrics set line heights. */
  primary(style: FontStyle): string {
    return PRIMARY[style];
  }

  /** Vertical metrics of a style's main face in ems: what Word uses for line height and baseline. */
  metrics(style: FontStyle): VerticalMetrics {
    return this.face(PRIMARY[style]).metrics;
  }

  /**
   * The main face of a style when it sets all of the text plainly (every character its own, from the pair metrics),
   * else undefined. Such text needs no look at clusters, and any part of it is the main face's too.
   */
  plainFace(text: string, style: FontStyle): string | undefined {
    const primary = PRIMARY[style];
    return text !== '' && this.face(primary).pairs?.covers(text) === true ? primary : undefined;
  }

  /** Splits text into runs that one face can set, in order; clusters no face has become REPLACEMENT runs. */
  split(text: string, style: FontStyle): FaceRun[] {
    const plain = this.plainFace(text, style);
    if (plain !== undefined) return [{ text, face: plain }];
    const runs: FaceRun[] = [];
    for (const segment of clusters(text)) {
      const face = this.faceFor(segment, style);
      const last = runs[runs.length - 1];
      if (face === null) {
        if (last?.missing !== undefined) {
          last.text += REPLACEMENT;
          last.missing += segment;
        } else {
          runs.push({ text: REPLACEMENT, face: this.faceFor(REPLACEMENT, style) ?? this.primary(style), missing: segment });
        }
      } else if (last !== undefined && last.missing === undefined && last.face === face) {
        last.text += segment;
      } else {
        runs.push({ text: segment, face });
      }
    }
    return runs;
  }

  /** Advance width of text (from `start` to `end`) set in one face at a size, ligatures off, kerning on. */
  width(face: string, text: string, size: number, start = 0, end = text.length): number {
    const { font, pairs, unitsPerEm } = this.face(face);
    // Text the pair metrics cover is measured from them; other text once by the font's layout, then looked up.
    const units = pairs?.advance(text, start, end);
    if (units !== undefined) return (units / unitsPerEm) * size;
    const piece = start === 0 && end === text.length ? text : text.slice(start, end);
    let ofFace = this.widths.get(face);
    if (ofFace === undefined) {
      ofFace = new Map();
      this.widths.set(face, ofFace);
    }
    let em = ofFace.get(piece);
    if (em === undefined) {
      em = font.layout(piece).advanceWidth / unitsPerEm;
      ofFace.set(piece, em);
    }
    return em * size;
  }

  private face(key: string): Face {
    let face = parsedFaces.get(key);
    if (face === undefined) {
      face = openFace(this.fontkit, key);
      parsedFaces.set(key, face);
    }
    return face;
  }

  private faceFor(cluster: string, style: FontStyle): string | null {
    const cacheKey = `${style}\u0000${cluster}`;
    let face = this.faceOf.get(cacheKey);
    if (face === undefined) {
      const codePoints = [...cluster].map((c) => c.codePointAt(0) ?? 0);
      face = chainFor(style).find((key) => codePoints.every((cp) => this.font(key).hasGlyphForCodePoint(cp))) ?? null;
      this.faceOf.set(cacheKey, face);
    }
    return face;
  }
}
