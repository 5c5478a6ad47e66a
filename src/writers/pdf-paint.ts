// Draws text runs with the right face and tags what is drawn: content for the structure tree, or an artifact.

import type { WriterWarning } from '../doc.js';
import { clusters, REPLACEMENT, type FontBook, type FontStyle } from './pdf-fonts.js';
import type { PairGlyph, PairLayout } from './pdf-metrics.js';
import { currentFont, encodeText, forEachWord, pdfNumber, subsetGlyph, type GlyphPlacement, type Pdf, type PdfFont } from './pdf-document.js';
import { StructElement } from './pdf-structure.js';

/** A structure element together with its type, which also tags its marked content. */
export interface Tag {
  element: StructElement;
  type: string;
}

/** Wraps the pdfkit document for drawing: font registration, marked content, warnings for missing characters. */
export class Painter {
  readonly warnings: WriterWarning[] = [];
  /** pdfkit's font of each face registered so far. */
  private readonly registered = new Map<string, PdfFont>();
  private readonly warned = new Set<string>();
  private readonly fillOperators = new Map<string, string>();
  private open: Tag | undefined;
  /**
   * The fill colour and the font and size that the page's content has set, as far as the painter knows: text runs
   * write them only when they change. Forgotten when the page changes and after an artifact, which may set either.
   */
  private drawn: { page: unknown; fill?: string; font?: string } = { page: undefined };

  constructor(
    readonly pdf: Pdf,
    readonly fonts: FontBook,
  ) {}

  /** Creates a structure element as the next child of `parent`; `scope` makes it a table header cell of a column. */
  child(parent: StructElement, type: string, scope?: 'Column'): Tag {
    const element = new StructElement(this.pdf, type, scope);
    parent.add(element);
    return { element, type };
  }

  /** Makes what is drawn next part of `tag`'s element, continuing its marked content while nothing else came between. */
  mark(tag: Tag): void {
    if (this.open === tag) return;
    this.close();
    tag.element.markContent();
    this.open = tag;
  }

  /** Ends the open marked content, before a page changes or an artifact is drawn. */
  close(): void {
    if (this.open === undefined) return;
    this.pdf.endMarkedContent();
    this.open = undefined;
  }

  /** Draws decoration that is not content (page furniture, rules, borders): readers skip it. */
  artifact(type: 'Pagination' | 'Layout', draw: () => void): void {
    this.close();
    this.pdf.markContent('Artifact', { type });
    draw();
    this.pdf.endMarkedContent();
    this.drawn = { page: undefined };
  }

  /**
   * Draws one run of a face at a baseline. Characters no shipped font has are drawn as replacement marks whose
   * ActualText keeps the original, and are reported once each as a warning.
   */
  run(text: string, face: string, size: number, colour: string, x: number, baseline: number, missing?: string): void {
    let font = this.registered.get(face);
    if (font === undefined) {
      this.pdf.registerFont(face, this.fonts.font(face)).font(face);
      font = currentFont(this.pdf);
      this.registered.set(face, font);
    } else if (this.pdf._font !== font) {
      // Most runs are in the face and size of the run before: pdfkit is asked only for a change.
      this.pdf.font(face);
    }
    if (this.pdf._fontSize !== size) this.pdf.fontSize(size);
    if (text === '') return;
    // Written here rather than by pdfkit's text(), which lays the same text out four times over.
    const { page } = this.pdf;
    page.fonts[font.id] ??= font.ref();
    if (this.drawn.page !== page) this.drawn = { page };
    let content = '';
    if (this.drawn.fill !== colour) {
      content += this.fillColour(colour);
      this.drawn.fill = colour;
    }
    const fontSize = `/${font.id} ${pdfNumber(size)} Tf\n`;
    const pairs = this.fonts.pairs(face);
    const shown = missing !== undefined ? undefined : pairs?.covers(text) === true ? showPairText(font, pairs, text) : showWordsOnLine(font, text);
    if (shown !== undefined) {
      // Everyday text: one text object, its matrix turning pdfkit's flipped coordinates (y down) upright.
      content += 'BT\n';
      if (this.drawn.font !== fontSize) {
        content += fontSize;
        this.drawn.font = fontSize;
      }
      this.pdf.addContent(`${content}1 0 0 -1 ${pdfNumber(x)} ${pdfNumber(baseline)} Tm\n${shown}ET`);
      return;
    }
    // Marks placed off the line, or replacement marks: inside pdfkit's coordinate flip undone, where each glyph is
    // placed upright, and poppler places ActualText with the transformation in force at its end. The font set here
    // ends with the flip.
    const { height } = page;
    const y = height - baseline;
    content += `q\n1 0 0 -1 0 ${pdfNumber(height)} cm\n`;
    // Replacement marks carry the characters they stand for as ActualText, for copy and search.
    if (missing !== undefined) {
      this.warnMissing(missing);
      content += `/Span <</ActualText <${utf16Hex(missing)}>>> BDC\n`;
    }
    content += `BT\n1 0 0 1 ${pdfNumber(x)} ${pdfNumber(y)} Tm\n${fontSize}${showGlyphs(font, text, x, y, size)}ET\n`;
    if (missing !== undefined) content += 'EMC\n';
    this.pdf.addContent(`${content}Q`);
  }

  /** The operators pdfkit's fillColor writes for a colour of six hex digits, made once per colour. */
  private fillColour(colour: string): string {
    let operators = this.fillOperators.get(colour);
    if (operators === undefined) {
      const rgb = Number.parseInt(colour, 16);
      operators = `/DeviceRGB cs\n${[rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff].map((part) => part / 255).join(' ')} scn\n`;
      this.fillOperators.set(colour, operators);
    }
    return operators;
  }

  /** Draws plain text in a style, choosing faces per character; returns its width. */
  text(text: string, style: FontStyle, size: number, colour: string, x: number, baseline: number): number {
    let at = x;
    for (const run of this.fonts.split(text, style)) {
      this.run(run.text, run.face, size, colour, at, baseline, run.missing);
      at += this.fonts.width(run.face, run.text, size);
    }
    return at - x;
  }

  /** Width of plain text in a style, as `text` would draw it. */
  width(text: string, style: FontStyle, size: number): number {
    return this.fonts.split(text, style).reduce((sum, run) => sum + this.fonts.width(run.face, run.text, size), 0);
  }

  private warnMissing(chars: string): void {
    for (const cluster of clusters(chars)) {
      if (this.warned.has(cluster)) continue;
      this.warned.add(cluster);
      const codes = [...cluster].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
      this.warnings.push({
        message: `'${cluster}' (${codes.join(' ')}) is in none of the PDF's fonts: the PDF shows ${REPLACEMENT} in its place (copying the text still gives the character)`,
        chars: cluster,
      });
    }
  }
}

/**
 * The text-showing operators for text set upright from (x, y) at a size, each line ending in a newline: runs of glyphs
 * in TJ arrays with kerning as adjustments, and a text matrix of its own for a glyph moved off the line (a mark).
 */
function showGlyphs(font: PdfFont, text: string, x: number, y: number, size: number): string {
  return showWordsOnLine(font, text) ?? showGlyphsOneByOne(font, text, x, y, size);
}

/** The TJ operator for text whose glyphs all sit on the line, or undefined when one is moved off it (a mark). */
export function showWordsOnLine(font: PdfFont, text: string): string | undefined {
  const words = wordsOnLine(font, text);
  return words === undefined ? undefined : showWords(words);
}

/**
 * Glyph codes by character code, per font, for text the pair metrics set: filled as characters are first drawn. Latin-1
 * in an array, the rest in a map: an array that one store takes far past its end ("–" is U+2013) becomes a dictionary
 * in V8, and every look-up of a character then hashes its code.
 */
const pairCodes = new WeakMap<PdfFont, { latin: string[]; other: Map<number, string> }>();

/**
 * The TJ operator for text the font's pair metrics cover, character by character: what showWords gives for it from
 * pdfkit's word runs, each glyph added to the subset when first drawn as encodeText adds it, without splitting the text
 * into words, laying each out and looking it up. Within a word (up to a space or tab) a glyph kerns with the next.
 */
export function showPairText(font: PdfFont, pairs: PairLayout, text: string): string {
  let codes = pairCodes.get(font);
  if (codes === undefined) {
    codes = { latin: new Array<string>(0x100), other: new Map() };
    pairCodes.set(font, codes);
  }
  const { latin, other } = codes;
  let array = '';
  let segment = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    let code = char < 0x100 ? latin[char] : other.get(char);
    if (code === undefined) {
      code = glyphCode(subsetGlyph(font, pairs.glyph(char) as PairGlyph));
      if (char < 0x100) latin[char] = code;
      else other.set(char, code);
    }
    segment += code;
    if (char === 0x20 || char === 0x09 || i + 1 === text.length) continue;
    const kern = pairs.kern(char, text.charCodeAt(i + 1));
    if (kern === 0) continue;
    // As pdfkit's placement gives it: the scaled advance with kerning less the scaled advance.
    const { advanceWidth } = pairs.glyph(char) as PairGlyph;
    array += `(${segment})${pdfNumber(-((advanceWidth + kern) * font.scale - advanceWidth * font.scale))}`;
    segment = '';
  }
  if (segment !== '') array += `(${segment})`;
  return array === '' ? '' : `[${array}] TJ\n`;
}

/**
 * The TJ operator for words whose glyphs all sit on the line, from their encodings (made once per word): glyph codes in
 * literal strings, kerning as adjustments between them. PDF's delimiters need no space around them.
 */
function showWords(words: readonly EncodedWord[]): string {
  let array = '';
  let segment = '';
  for (const { pieces, adjustments } of words) {
    for (let k = 0; k < adjustments.length; k += 1) {
      array += `(${segment}${pieces[k] as string})${adjustments[k] as string}`;
      segment = '';
    }
    segment += pieces[adjustments.length] as string;
  }
  if (segment !== '') array += `(${segment})`;
  return array === '' ? '' : `[${array}] TJ\n`;
}

/**
 * A subset glyph id as it stands in a literal string: two bytes (Identity-H), with PDF's string delimiters and line
 * ends escaped. Half the length of the hex pdfkit writes, and deflate packs it in half the time.
 */
function glyphCode(subsetId: number): string {
  let code = glyphCodes[subsetId];
  if (code === undefined) {
    code = stringByte(subsetId >> 8) + stringByte(subsetId & 0xff);
    glyphCodes[subsetId] = code;
  }
  return code;
}

const glyphCodes: string[] = [];

function stringByte(byte: number): string {
  switch (byte) {
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x28:
    case 0x29:
    case 0x5c:
      return `\\${String.fromCharCode(byte)}`;
    default:
      return String.fromCharCode(byte);
  }
}

/**
 * A word (as forEachWord splits text) encoded: its glyph codes in pieces, each but the last ending at a kerned glyph
 * whose adjustment, as written, is in `adjustments`; and whether every glyph sits on the line.
 */
interface EncodedWord {
  pieces: string[];
  adjustments: string[];
  onLine: boolean;
}

const NO_ADJUSTMENTS: string[] = [];
const encodedWords = new WeakMap<PdfFont, Map<string, EncodedWord>>();

/**
 * The encoded words of text in a font, or undefined when a glyph of one is moved off the line. Every word is encoded
 * (its glyphs added to the subset, in order) before the answer, so the subset grows as encodeText would grow it.
 */
function wordsOnLine(font: PdfFont, text: string): EncodedWord[] | undefined {
  let cache = encodedWords.get(font);
  if (cache === undefined) {
    cache = new Map();
    encodedWords.set(font, cache);
  }
  const words: EncodedWord[] = [];
  let onLine = true;
  forEachWord(text, (word) => {
    let encoded = cache.get(word);
    if (encoded === undefined) {
      encoded = encodeWord(font, word);
      cache.set(word, encoded);
    }
    onLine &&= encoded.onLine;
    words.push(encoded);
  });
  return onLine ? words : undefined;
}

function encodeWord(font: PdfFont, word: string): EncodedWord {
  const pieces: string[] = [];
  let adjustments = NO_ADJUSTMENTS;
  let piece = '';
  let onLine = true;
  encodeText(font, word, (subsetId, placement) => {
    if (placement.xOffset !== 0 || placement.yOffset !== 0) onLine = false;
    piece += glyphCode(subsetId);
    const kerning = placement.xAdvance - placement.advanceWidth;
    if (kerning !== 0) {
      if (adjustments === NO_ADJUSTMENTS) adjustments = [];
      pieces.push(piece);
      adjustments.push(`${pdfNumber(-kerning)}`);
      piece = '';
    }
  });
  pieces.push(piece);
  return { pieces, adjustments, onLine };
}

/** showGlyphs for text with marks: the glyphs one by one as the text is encoded, a text matrix for each moved glyph. */
function showGlyphsOneByOne(font: PdfFont, text: string, x: number, y: number, size: number): string {
  const scale = size / 1000;
  let operators = '';
  // The TJ array so far, and the glyphs since its last adjustment, which the last of them gives.
  let array = '';
  let segment = '';
  let segmentEnd: GlyphPlacement | undefined;
  let hadOffset = false;
  let at = x;
  const endSegment = (): void => {
    if (segment === '' || segmentEnd === undefined) return;
    array += `(${segment})${pdfNumber(-(segmentEnd.xAdvance - segmentEnd.advanceWidth))}`;
    segment = '';
  };
  const flush = (): void => {
    endSegment();
    if (array === '') return;
    operators += `[${array}] TJ\n`;
    array = '';
  };
  encodeText(font, text, (subsetId, placement) => {
    const code = glyphCode(subsetId);
    if (placement.xOffset !== 0 || placement.yOffset !== 0) {
      flush();
      operators += `1 0 0 1 ${pdfNumber(at + placement.xOffset * scale)} ${pdfNumber(y + placement.yOffset * scale)} Tm\n`;
      segment = code;
      segmentEnd = placement;
      flush();
      hadOffset = true;
    } else {
      if (hadOffset) {
        operators += `1 0 0 1 ${pdfNumber(at)} ${pdfNumber(y)} Tm\n`;
        hadOffset = false;
      }
      segment += code;
      segmentEnd = placement;
      if (placement.xAdvance - placement.advanceWidth !== 0) endSegment();
    }
    at += placement.xAdvance * scale;
  });
  flush();
  return operators;
}

/** A PDF text string in UTF-16BE with its byte order mark, as hex. */
function utf16Hex(text: string): string {
  let hex = 'feff';
  for (let i = 0; i < text.length; i += 1) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex;
}
