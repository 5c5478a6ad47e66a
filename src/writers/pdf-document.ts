// Opens and finishes the pdfkit document: A4, tagged, Danish, with dates taken from the Doc, never the clock, and an ID digested from the file.

import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Font } from 'fontkit';
import type { Doc, DocMeta } from '../doc.js';
import { xmpDescriptions } from '../pdf-metadata.js';
import type { StructElement } from './pdf-structure.js';

/** Where pdfkit's font encoding places a glyph: its own advance and the advance and offset it gets in the line. */
export interface GlyphPlacement {
  advanceWidth: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** The part of pdfkit's embedded font (EmbeddedFont) that encoding text reads and fills in. */
export interface PdfFont {
  id: string;
  /** Font units to thousandths of an em. */
  scale: number;
  /** Advance and characters of each glyph in the subset, by subset id: what the font's widths and ToUnicode map say. */
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  subset: { includeGlyph(glyphId: number): number };
  /** One word's run, laid out (by the writer's font) on first use and cached; its positions already scaled. */
  layoutCached(text: string): { glyphs: readonly { id: number; advanceWidth: number; codePoints: number[] }[]; positions: readonly GlyphPlacement[] };
  ref(): object;
}

/** Text as pdfkit's fonts lay it out and cache it, word by word: each word ends after a space or a tab. */
export function forEachWord(text: string, visit: (word: string) => void): void {
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit !== 0x20 && unit !== 0x09 && i !== text.length - 1) continue;
    visit(text.slice(start, i + 1));
    start = i + 1;
  }
}

/**
 * Hands over, glyph by glyph, what pdfkit's EmbeddedFont.encode gives for text (each glyph's subset id and its
 * placement), adding the same glyphs to the subset in the same order, without its costs: it concatenated the arrays
 * of every word into new ones and checked each character against a new array. The words are pdfkit's own and come
 * from its layout cache; a test holds the result and the subset to pdfkit's.
 */
export function encodeText(font: PdfFont, text: string, glyph: (subsetId: number, placement: GlyphPlacement) => void): void {
  forEachWord(text, (word) => {
    const { glyphs, positions } = font.layoutCached(word);
    for (let g = 0; g < glyphs.length; g += 1) glyph(subsetGlyph(font, glyphs[g] as (typeof glyphs)[number]), positions[g] as GlyphPlacement);
  });
}

/** Adds a glyph to the font's subset, with its width and characters, as pdfkit's encode does; gives its subset id. */
export function subsetGlyph(font: PdfFont, glyph: { id: number; advanceWidth: number; codePoints: number[] }): number {
  const gid = font.subset.includeGlyph(glyph.id);
  font.widths[gid] ??= glyph.advanceWidth * font.scale;
  font.unicode[gid] ??= glyph.codePoints;
  return gid;
}

/** pdfkit's current font, checked for the internals encodeText uses, so that another pdfkit fails here rather than write wrong text. */
export function currentFont(pdf: Pdf): PdfFont {
  const font = pdf._font;
  // Each font once: the writer asks for every run of text.
  if (checkedFonts.has(font)) return font;
  const missing = [
    ...(['layoutCached', 'ref'] as const).filter((name) => typeof font[name] !== 'function'),
    ...(typeof font.subset?.includeGlyph === 'function' ? [] : ['subset.includeGlyph']),
    ...(typeof font.scale === 'number' ? [] : ['scale']),
    ...(Array.isArray(font.widths) && Array.isArray(font.unicode) ? [] : ['widths', 'unicode']),
  ];
  if (missing.length > 0) throw new Error(`PDF writer: this pdfkit's fonts have no ${missing.join(', ')}`);
  checkedFonts.add(font);
  return font;
}

const checkedFonts = new WeakSet<PdfFont>();

/** An image opened once and placed on many pages. */
export interface PdfImage {
  width: number;
  height: number;
}

/** The part of pdfkit's document that the writer uses; @types/pdfkit lacks the structure and outline internals. */
export interface Pdf {
  page: PdfPage;
  /** The current font: its id names it in page resources; encodeText sets text in it. */
  _font: PdfFont;
  /** The current font size, as fontSize sets it. */
  _fontSize: number;
  /** pdfkit's outline: its root, whose entries the writer's Outline fills in. */
  outline: { dictionary: PdfRef; outlineData: Record<string, unknown> };
  /** Ends the outline as the document ends: pdfkit writes the root and, if it has items, the catalogue's entries. */
  endOutline(): void;
  /** The document catalogue. */
  _root: PdfRef;
  addPage(): Pdf;
  switchToPage(index: number): unknown;
  bufferedPageRange(): { start: number; count: number };
  registerFont(name: string, font: Font): Pdf;
  font(name: string): Pdf;
  fontSize(size: number): Pdf;
  fillColor(colour: string): Pdf;
  strokeColor(colour: string): Pdf;
  lineWidth(width: number): Pdf;
  save(): Pdf;
  /** A new indirect object, written to the file when it ends. */
  ref(data?: Record<string, unknown>): PdfRef;
  /** Appends a line to the page's content. */
  addContent(content: string): Pdf;
  restore(): Pdf;
  translate(x: number, y: number): Pdf;
  rotate(angle: number): Pdf;
  scale(x: number, y: number): Pdf;
  moveTo(x: number, y: number): Pdf;
  lineTo(x: number, y: number): Pdf;
  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): Pdf;
  bezierCurveTo(cp1x: number, cp1y: number, cp2x: number, cp2y: number, x: number, y: number): Pdf;
  closePath(): Pdf;
  rect(x: number, y: number, width: number, height: number): Pdf;
  fill(colour?: string): Pdf;
  stroke(colour?: string): Pdf;
  openImage(bytes: Buffer): PdfImage;
  image(image: PdfImage, x: number, y: number, options: { width: number; height: number }): Pdf;
  link(x: number, y: number, width: number, height: number, url: string, options: object): Pdf;
  addStructure(element: StructElement): Pdf;
  markContent(tag: string, options?: Record<string, unknown>): Pdf;
  /** The structure tree's parent tree: by page, the element of each MCID; by annotation, its element. */
  getStructParentTree(): { get(key: number): unknown; add(key: number, value: unknown): unknown };
  createStructParentTreeNextKey(): number;
  endMarkedContent(): Pdf;
  appendXML(xml: string): void;
  on(event: 'end' | 'error', listener: (error?: unknown) => void): Pdf;
  read(): Uint8Array | null;
  resume(): Pdf;
  end(): void;
  /** Where pdfkit writes a line (a string) or bytes of the file; `_offset` counts the bytes written. */
  _write(data: string | Uint8Array): void;
  _offset: number;
  /** Told of each object written, by its reference; the file ends once every object has. */
  _refEnd(ref: PdfRef): void;
  /** Writes the cross-reference table and the trailer, whose /ID is `_id`. */
  _finalize(): void;
  _id: Uint8Array;
}

/**
 * An indirect object of pdfkit's (PDFReference): its dictionary, and bytes written to it, which become its stream,
 * compressed when it ends; `offset` is where it starts in the file.
 */
export interface PdfRef {
  id: number;
  gen: number;
  data: Record<string, unknown>;
  offset?: number;
  /** Whether pdfkit deflates the stream when it ends, and the bytes written to it so far. */
  compress: boolean;
  buffer: Uint8Array[];
  write(chunk: Uint8Array): void;
  end(): void;
}

/** A page: pdfkit writes its content through `write` (lines or bytes) and finishes it with `end`. */
interface PdfPage {
  dictionary: PdfRef;
  /** The page's key in the structure tree's parent tree. */
  structParentTreeKey: number;
  /** The marked content open on the page, innermost last, as pdfkit's markContent records it. */
  markings: object[];
  width: number;
  height: number;
  fonts: Record<string, object>;
  content: PdfRef;
  write(chunk: string | Uint8Array): void;
  end(): void;
}

/** A number as pdfkit writes it, in content and in objects: rounded to millionths. */
export function pdfNumber(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** An indirect reference, as pdfkit writes one. */
export function reference(ref: PdfRef): string {
  return `${ref.id} ${ref.gen} R`;
}

/** Writes an object that has no stream, as pdfkit's PDFReference.finalize does, with the text of its dictionary. */
export function writeObject(pdf: Pdf, ref: PdfRef, dictionary: string): void {
  ref.offset = pdf._offset;
  // pdfkit's three lines, in one write.
  pdf._write(`${ref.id} ${ref.gen} obj\n${dictionary}\nendobj`);
  pdf._refEnd(ref);
}

/** A4 in points, as pdfkit and Word have it. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** The meeting date at midnight UTC: the document's creation and modification date. */
export function documentDate(meta: DocMeta): Date {
  const date = new Date(`${meta.date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.date) || Number.isNaN(date.getTime())) {
    throw new Error(`PDF writer: meta.date must be YYYY-MM-DD, got '${meta.date}'`);
  }
  return date;
}

const CREATOR = 'ddh';
const PRODUCER = 'ddh (PDFKit)';

/** A new tagged A4 document with no pages yet, its bytes collected in memory; pdfkit loads here, not at start-up. */
export async function openPdf(doc: Doc): Promise<{ pdf: Pdf; bytes: Promise<Uint8Array> }> {
  const { default: PDFDocument } = await import('pdfkit');
  const { meta } = doc;
  const date = documentDate(meta);
  const options = {
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    tagged: true,
    lang: meta.lang === '' ? 'da-DK' : meta.lang,
    displayTitle: true,
    // No default font: pdfkit would otherwise load Helvetica, which a PDF/UA file may not use unembedded.
    font: null,
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Author: meta.author,
      Creator: CREATOR,
      Producer: PRODUCER,
      CreationDate: date,
      ModDate: date,
    },
  };
  const pdf = new PDFDocument(options as unknown as PDFKit.PDFDocumentOptions) as unknown as Pdf;
  // pdfkit derives the ID from the info dictionary only; ours follows the content. Its own XMP inserts the title
  // unescaped, which breaks on "&" or "<"; ours escapes it.
  const xmp = { title: meta.title, author: meta.author, subject: meta.subject, lang: options.lang, date, creator: CREATOR, producer: PRODUCER };
  Object.assign(pdf, { _addInfo: () => pdf.appendXML(xmpDescriptions(xmp)) });
  const bytes = collectBytes(pdf, { idFromContent: true });
  endContentOnLeave(pdf);
  return { pdf, bytes };
}

/**
 * The bytes of a new pdfkit document (with no pages yet), once it has ended. pdfkit turns every line it writes, into a
 * page's content or into the file, into a typed array of its own: hundreds of thousands of small arrays for a long
 * document, much of its time and most of its memory. Lines are collected here as text instead and become bytes a
 * chunk at a time for pages and once for the file; the bytes are the same (a test holds them to pdfkit's own).
 *
 * With `idFromContent`, the trailer's /ID is a digest of the file up to its cross-reference table, so equal sources
 * give equal bytes and any change in what the file holds gives another ID. pdfkit's own digests the info dictionary.
 */
export function collectBytes(pdf: Pdf, { idFromContent = false } = {}): Promise<Uint8Array> {
  // The pdfkit internals relied on, checked so that another pdfkit fails here rather than writing a broken file.
  const missing = [
    ...(['_write', '_finalize', 'read', 'resume', 'addPage'] as const).filter((name) => typeof pdf[name] !== 'function'),
    ...(typeof pdf._offset === 'number' ? [] : ['_offset']),
  ];
  if (missing.length > 0) throw new Error(`PDF writer: this pdfkit has no ${missing.join(', ')}`);
  const file = collectFile(pdf, idFromContent);
  const addPage = pdf.addPage.bind(pdf);
  pdf.addPage = () => {
    addPage();
    collectPageContent(pdf.page);
    return pdf;
  };
  return new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('end', () => resolve(file()));
    pdf.on('error', reject);
  });
}

/** A page's content text becomes bytes at about this length: held as text until its page ended, a long document's content was most of what garbage collection copied. */
const CONTENT_CHUNK = 16 * 1024;

/** Writes what a page collected of its content so far into its content stream. */
const pendingContent = new WeakMap<PdfPage, () => void>();

/** Collects a page's content lines as text, written to its content stream as bytes a chunk at a time and when the page ends. */
function collectPageContent(page: PdfPage): void {
  if (typeof page.write !== 'function' || typeof page.end !== 'function' || typeof page.content?.write !== 'function') {
    throw new Error('PDF writer: this pdfkit has pages without write, end or content');
  }
  const lines: string[] = [];
  let length = 0;
  const flush = (): void => {
    if (lines.length === 0) return;
    page.content.write(Buffer.from(lines.join(''), 'latin1'));
    lines.length = 0;
    length = 0;
  };
  pendingContent.set(page, flush);
  const end = page.end.bind(page);
  page.write = (chunk) => {
    const line = typeof chunk === 'string' ? `${chunk}\n` : Buffer.from(chunk).toString('latin1');
    lines.push(line);
    length += line.length;
    if (length >= CONTENT_CHUNK) flush();
  };
  page.end = () => {
    flush();
    end();
  };
}

/**
 * Ends a page's content stream when the next page begins, so that only its compressed bytes are kept, and gives the
 * page a second stream for what is drawn on it later: header and footer, once the page count is known. pdfkit keeps
 * every page open until the document ends for them, and holding all of their content was most of the memory a long
 * document took.
 */
function endContentOnLeave(pdf: Pdf): void {
  const addPage = pdf.addPage.bind(pdf);
  pdf.addPage = () => {
    // pdfkit's page is null until the first one.
    const left = pdf.page as PdfPage | null;
    if (left !== null) {
      pendingContent.get(left)?.();
      const drawn = left.content;
      drawn.end();
      const later = pdf.ref();
      deflateFaster(later);
      // Never an empty object: the page's second stream exists even if nothing is drawn on it later.
      later.write(new Uint8Array(0));
      left.dictionary.data.Contents = [drawn, later];
      left.content = later;
    }
    addPage();
    deflateFaster(pdf.page.content);
    return pdf;
  };
}

/**
 * zlib's level for page content, rather than its default of 6 that pdfkit uses: on the 57 pages of a 130-item agenda,
 * deflating took 43 % less time for 9 % more bytes of content (2 % of the file, with its fonts).
 */
const CONTENT_LEVEL = 3;

/** Has a content stream deflated at CONTENT_LEVEL when it ends, and written as deflated (its filter pdfkit has set). */
function deflateFaster(content: PdfRef): void {
  const end = content.end.bind(content);
  content.end = () => {
    if (content.compress && content.buffer.length > 0) {
      content.buffer = [deflateSync(Buffer.concat(content.buffer), { level: CONTENT_LEVEL })];
      content.compress = false;
    }
    end();
  };
}

/**
 * Collects what pdfkit writes of the file, in order; the returned function joins it into the file's bytes. With
 * `idFromContent`, what is collected is digested as it comes, and the digest becomes the ID before pdfkit writes the
 * cross-reference table and the trailer.
 */
function collectFile(pdf: Pdf, idFromContent: boolean): () => Uint8Array {
  // The file's header, which pdfkit wrote while it was made.
  const head = pdf.read() as Buffer | null;
  const chunks: Buffer[] = [];
  // Until the ID is made: what follows (the cross-reference table and the trailer) is not digested.
  let digest = idFromContent ? createHash('md5') : undefined;
  const push = (chunk: Buffer): void => {
    chunks.push(chunk);
    digest?.update(chunk);
  };
  if (head !== null) push(head);
  let lines: string[] = [];
  const flushLines = (): void => {
    if (lines.length > 0) push(Buffer.from(lines.join(''), 'latin1'));
    lines = [];
  };
  pdf._write = (data) => {
    if (typeof data === 'string') {
      const line = `${data}\n`;
      lines.push(line);
      pdf._offset += line.length;
    } else {
      flushLines();
      push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      pdf._offset += data.byteLength;
    }
  };
  if (digest !== undefined) {
    const hash = digest;
    const finalize = pdf._finalize.bind(pdf);
    pdf._finalize = () => {
      flushLines();
      pdf._id = new Uint8Array(hash.digest());
      digest = undefined;
      finalize();
    };
  }
  // Nothing is pushed into pdfkit's stream any more; flowing, it still ends when pdfkit finishes the file.
  pdf.resume();
  return () => {
    flushLines();
    return new Uint8Array(Buffer.concat(chunks));
  };
}
