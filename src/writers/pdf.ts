// The PDF writer: sets a Doc on A4 pages the way Word would, tagged for screen readers, with bookmarks and live links.

import type { Block, Doc, DocMeta, Inline, WriterResult, WriterWarning } from '../doc.js';
import { openPdf, A4, type Pdf, type PdfImage } from './pdf-document.js';
import { FontBook, type FontStyle } from './pdf-fonts.js';
import { breakLines, LINE_BREAK, naturalWidths, type Line, type LinkTarget, type Span } from './pdf-lines.js';
import { decoratePages, drawWatermark, MARGIN } from './pdf-page.js';
import { Outline } from './pdf-outline.js';
import { Painter, type Tag } from './pdf-paint.js';
import { checkStructureInternals, StructElement, writeParentTreeItself } from './pdf-structure.js';
import { letter } from '../rules/numbering.js';

interface TextStyle {
  style: FontStyle;
  size: number;
  colour: string;
  /** Multiple of the font's line height. */
  spacing: number;
}

interface Area {
  x: number;
  width: number;
}

type ListBlock = Extract<Block, { type: 'list' }>;
type TableBlock = Extract<Block, { type: 'table' }>;
type HeadingLevel = Extract<Block, { type: 'heading' }>['level'];

// The DOCX writer's values, so both documents set the same text: 11 pt, line 1.1, 6 pt after a paragraph.
const BODY: TextStyle = { style: 'regular', size: 11, colour: '000000', spacing: 1.1 };
const PARAGRAPH_AFTER = 6;
const LINK_COLOUR = '0563C1';
const DEFAULT_HEADING_COLOUR = '1F4E79';
// Word's Heading 1–3 sizes (16, 13, 12 pt); Word sets them in Calibri Light, which Carlito has no twin of.
const HEADINGS: Record<HeadingLevel, { size: number; style: FontStyle; before: number; after: number }> = {
  1: { size: 18, style: 'bold', before: 0, after: 12 },
  2: { size: 14, style: 'bold', before: 18, after: 6 },
  3: { size: 12, style: 'bold', before: 12, after: 6 },
  4: { size: 11, style: 'bold', before: 12, after: 6 },
  5: { size: 11, style: 'boldItalic', before: 12, after: 6 },
  6: { size: 11, style: 'italic', before: 12, after: 6 },
};
// Word's list indents: label at 0.63 cm, text at 1.27 cm, each level nested under the text of the one above.
const LIST_LABEL = 18;
const LIST_TEXT = 36;
const BULLETS = ['•', '◦', '▪'] as const;
// Word's Table Grid: 0.5 pt borders, 0.19 cm cell margins left and right, single line spacing.
const CELL = { padX: 5.4, padY: 2, border: 0.5, headerFill: '#F2F2F2' } as const;
const RULE = { before: 4, after: 12, width: 0.75, colour: '#A6A6A6' } as const;
const EMPTY_LINE: Line = { fragments: [], width: 0 };

/**
 * Writes a Doc as a tagged A4 PDF (PDF/UA identification, Danish language, bookmarks for every level-2 heading),
 * with Carlito as the body font and DejaVu Sans for characters Carlito lacks. Characters in neither font are
 * shown as � and reported as warnings. Equal input gives byte-identical output.
 */
export async function writePdf(doc: Doc, assets: { logo?: Uint8Array } = {}): Promise<WriterResult> {
  const fonts = await FontBook.open();
  const { pdf, bytes } = await openPdf(doc);
  const painter = new Painter(pdf, fonts);
  const warnings: WriterWarning[] = [];
  if (!/^(calibri|carlito)$/i.test(doc.meta.font.trim())) {
    warnings.push({
      message: `font '${doc.meta.font}' is not available for PDF: the PDF uses Carlito, which has the metrics of Calibri`,
    });
  }
  const logo = openLogo(pdf, assets.logo, warnings);
  new Layout(painter, doc.meta).document(doc.blocks);
  decoratePages(painter, doc.meta, logo);
  pdf.end();
  return { bytes: await bytes, warnings: [...warnings, ...painter.warnings] };
}

function openLogo(pdf: Pdf, logo: Uint8Array | undefined, warnings: WriterWarning[]): PdfImage | undefined {
  if (logo === undefined) return undefined;
  try {
    return pdf.openImage(Buffer.from(logo));
  } catch {
    warnings.push({ message: 'the logo is not a PNG or JPEG image that the PDF writer can read: the PDF header shows no logo' });
    return undefined;
  }
}

/** Lays the blocks out top to bottom, page by page, and builds the structure tree as it draws. */
class Layout {
  private readonly pdf: Pdf;
  private readonly root: StructElement;
  private readonly headingColour: string;
  private readonly bottom = A4.height - MARGIN.bottom;
  private y: number = MARGIN.top;
  /** Space after the previous block, owed before the next unless a page begins. */
  private pending = 0;
  /** A list label waiting for the first line of its item. */
  private label: { text: string; x: number; tag: Tag } | undefined;
  /** The link being drawn: one structure element per link and page, one annotation per line. */
  private link: { target: LinkTarget; tag: Tag; from?: number; to?: number } | undefined;
  private nextLinkId = 0;
  /** Lines measured for keeping blocks together and not yet drawn, by content, with the style and width they fit. */
  private readonly measured = new WeakMap<readonly Inline[], { style: TextStyle; width: number; lines: Line[] }>();
  private readonly outline: Outline;

  constructor(
    private readonly painter: Painter,
    private readonly meta: DocMeta,
  ) {
    this.pdf = painter.pdf;
    checkStructureInternals(this.pdf);
    writeParentTreeItself(this.pdf);
    this.root = new StructElement(this.pdf, 'Document');
    this.pdf.addStructure(this.root);
    this.outline = new Outline(this.pdf);
    this.headingColour = /^[0-9a-f]{6}$/i.test(meta.colour) ? meta.colour.toUpperCase() : DEFAULT_HEADING_COLOUR;
  }

  document(blocks: readonly Block[]): void {
    this.newPage();
    this.blocks(blocks, { x: MARGIN.left, width: A4.width - MARGIN.left - MARGIN.right }, this.root, 0);
    this.painter.close();
  }

  private blocks(blocks: readonly Block[], area: Area, parent: StructElement, depth: number): void {
    blocks.forEach((block, index) => {
      switch (block.type) {
        case 'heading':
          this.heading(blocks, index, block.level, block.children, area, parent);
          break;
        case 'paragraph':
          this.paragraph(block.children, area, parent, depth > 0 ? 0 : PARAGRAPH_AFTER, block.keepWithNext === true ? { blocks, index } : undefined);
          break;
        case 'list':
          this.list(block, area, parent, depth);
          break;
        case 'table':
          this.table(block, area, parent);
          break;
        case 'rule':
          this.rule(area);
          break;
        case 'pageBreak':
          if (!this.atTop()) this.newPage();
          break;
      }
    });
  }

  private heading(blocks: readonly Block[], index: number, level: HeadingLevel, children: Inline[], area: Area, parent: StructElement): void {
    const { before, after, ...font } = HEADINGS[level];
    const style: TextStyle = { ...font, colour: this.headingColour, spacing: BODY.spacing };
    const lines = this.lines(children, style, area.width);
    if (lines.length === 0) return;
    this.place(before, this.withNext(blocks, index, lines.length * this.lineHeight(style) + after, area.width));
    const tag = this.painter.child(parent, `H${level}`);
    if (level === 2 || level === 3) this.bookmark(plainText(children), level === 3);
    this.drawLines(lines, area.x, style, tag);
    tag.element.end();
    this.pending = after;
  }

  /** A paragraph; `keep` names it in its block list when it is kept with the block after it. */
  private paragraph(children: Inline[], area: Area, parent: StructElement, after: number, keep?: { blocks: readonly Block[]; index: number }): void {
    const lines = this.lines(children, BODY, area.width);
    if (lines.length === 0 && this.label === undefined) return;
    const own = lines.length * this.lineHeight(BODY) + after;
    // A kept paragraph needs room for itself and the first lines after it; any other for one line, as drawLines breaks
    // the rest with widow and orphan control.
    this.place(0, keep === undefined ? this.lineHeight(BODY) : this.withNext(keep.blocks, keep.index, own, area.width));
    const tag = this.painter.child(parent, 'P');
    this.drawLines(lines.length === 0 ? [EMPTY_LINE] : lines, area.x, BODY, tag);
    tag.element.end();
    this.pending = after;
  }

  private list(block: ListBlock, area: Area, parent: StructElement, depth: number): void {
    const list = this.painter.child(parent, 'L');
    const inner: Area = { x: area.x + LIST_TEXT, width: area.width - LIST_TEXT };
    block.items.forEach((item, index) => {
      const li = this.painter.child(list.element, 'LI');
      const label = this.painter.child(li.element, 'Lbl');
      const body = this.painter.child(li.element, 'LBody');
      this.label = { text: listLabel(block, index, depth), x: area.x + LIST_LABEL, tag: label };
      this.blocks(item, inner, body.element, depth + 1);
      if (this.label !== undefined) this.paragraph([], inner, body.element, 0);
      label.element.end();
      body.element.end();
      li.element.end();
    });
    list.element.end();
    this.pending = depth === 0 ? PARAGRAPH_AFTER : 0;
  }

  private table(block: TableBlock, area: Area, parent: StructElement): void {
    const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
    if (columns === 0) return;
    const headStyle: TextStyle = { ...BODY, style: 'bold', spacing: 1 };
    const cellStyle: TextStyle = { ...BODY, spacing: 1 };
    const widths = columnWidths(
      Array.from({ length: columns }, (_, c) => {
        const natural = [
          naturalWidths(this.spans(block.header[c] ?? [], headStyle), this.painter.fonts),
          ...block.rows.map((row) => naturalWidths(this.spans(row[c] ?? [], cellStyle), this.painter.fonts)),
        ];
        return { min: Math.max(...natural.map((n) => n.min)), max: Math.max(...natural.map((n) => n.max)) };
      }),
      area.width,
    );
    const header = block.header.length === 0 ? undefined : this.rowLayout(block.header, widths, headStyle);
    const rows = block.rows.map((row) => this.rowLayout(row, widths, cellStyle));
    this.place(0, (header?.height ?? 0) + (rows[0]?.height ?? 0));
    const table = this.painter.child(parent, 'Table');
    if (header !== undefined) this.row(header, widths, area.x, table, 'TH');
    for (const row of rows) {
      if (this.y + row.height > this.bottom && !this.atTop()) {
        this.newPage();
        // The header row repeats on each page, as Word's "repeat as header row"; only its first drawing is content.
        if (header !== undefined) this.row(header, widths, area.x, undefined, 'TH');
      }
      this.row(row, widths, area.x, table, 'TD');
    }
    table.element.end();
    this.pending = PARAGRAPH_AFTER;
  }

  private rowLayout(cells: Inline[][], widths: number[], style: TextStyle): { cells: Line[][]; style: TextStyle; height: number } {
    const lines = widths.map((width, c) => this.lines(cells[c] ?? [], style, width - 2 * CELL.padX));
    const tallest = Math.max(1, ...lines.map((l) => l.length));
    return { cells: lines, style, height: tallest * this.lineHeight(style) + 2 * CELL.padY };
  }

  /** Draws a table row; without a table to belong to, the row is a repeated header and drawn as an artifact. */
  private row(row: { cells: Line[][]; style: TextStyle; height: number }, widths: number[], x: number, table: Tag | undefined, cellType: 'TH' | 'TD'): void {
    const top = this.y;
    const lh = this.lineHeight(row.style);
    const ascent = this.painter.fonts.metrics(row.style.style).ascent * row.style.size;
    const total = widths.reduce((a, b) => a + b, 0);
    if (cellType === 'TH') this.painter.artifact('Layout', () => this.pdf.rect(x, top, total, row.height).fill(CELL.headerFill));
    const drawCells = (tr: Tag | undefined): void => {
      let cx = x;
      row.cells.forEach((lines, c) => {
        const cell = tr === undefined ? undefined : this.painter.child(tr.element, cellType, cellType === 'TH' ? 'Column' : undefined);
        lines.forEach((line, i) => this.drawLine(line, cx + CELL.padX, top + CELL.padY + i * lh, ascent, lh, cell));
        this.endLink();
        cell?.element.end();
        cx += widths[c] ?? 0;
      });
    };
    if (table === undefined) {
      this.painter.artifact('Pagination', () => drawCells(undefined));
    } else {
      const tr = this.painter.child(table.element, 'TR');
      drawCells(tr);
      tr.element.end();
    }
    this.painter.artifact('Layout', () => {
      this.pdf.save().lineWidth(CELL.border);
      let cx = x;
      for (const width of widths) {
        this.pdf.rect(cx, top, width, row.height);
        cx += width;
      }
      this.pdf.stroke('#000000').restore();
    });
    this.y = top + row.height;
  }

  private rule(area: Area): void {
    this.place(RULE.before, RULE.width);
    const y = this.y + RULE.width / 2;
    this.painter.artifact('Layout', () => {
      this.pdf.save().lineWidth(RULE.width).moveTo(area.x, y).lineTo(area.x + area.width, y).stroke(RULE.colour).restore();
    });
    this.y += RULE.width;
    this.pending = RULE.after;
  }

  /** Adds the owed space and `before`, or starts a new page when `need` more points would not fit below. */
  private place(before: number, need: number): void {
    if (this.atTop()) return;
    const space = this.pending + before;
    if (this.y + space + need > this.bottom) this.newPage();
    else this.y += space;
  }

  private atTop(): boolean {
    return this.y <= MARGIN.top + 0.01;
  }

  private newPage(): void {
    this.endLink();
    this.painter.close();
    this.pdf.addPage();
    this.y = MARGIN.top;
    this.pending = 0;
    if (this.meta.draft) drawWatermark(this.painter);
  }

  /**
   * Keep with next, for headings and for paragraphs that ask for it: the room the block at `index`, `height` high with
   * the space after it, needs below so that it moves to a new page unless the first lines of what follows fit under it.
   */
  private withNext(blocks: readonly Block[], index: number, height: number, width: number): number {
    return height + this.lead(blocks, index + 1, width);
  }

  /** Height of the first lines of the block at `index` that a heading (or a kept paragraph) above it must stay with. */
  private lead(blocks: readonly Block[], index: number, width: number): number {
    const block = blocks[index];
    if (block === undefined) return 0;
    switch (block.type) {
      case 'heading': {
        const { before, after, ...font } = HEADINGS[block.level];
        const style: TextStyle = { ...font, colour: this.headingColour, spacing: BODY.spacing };
        const lines = this.lines(block.children, style, width, true).length;
        return before + lines * this.lineHeight(style) + after + this.lead(blocks, index + 1, width);
      }
      case 'paragraph': {
        const lines = this.lines(block.children, BODY, width, true).length;
        // A kept paragraph brings what it is kept with, as a heading does.
        return block.keepWithNext === true
          ? this.withNext(blocks, index, lines * this.lineHeight(BODY) + PARAGRAPH_AFTER, width)
          : Math.min(2, lines) * this.lineHeight(BODY);
      }
      case 'list':
        return block.items[0] === undefined ? 0 : this.lead(block.items[0], 0, width - LIST_TEXT);
      case 'table':
        return 2 * (this.lineHeight({ ...BODY, spacing: 1 }) + 2 * CELL.padY);
      default:
        return 0;
    }
  }

  /** Draws lines at the left edge `x`, breaking pages with Word's widow and orphan control (no single line alone). */
  private drawLines(lines: readonly Line[], x: number, style: TextStyle, tag: Tag): void {
    const lh = this.lineHeight(style);
    const ascent = this.painter.fonts.metrics(style.style).ascent * style.size;
    let next = 0;
    while (next < lines.length) {
      const remaining = lines.length - next;
      const room = Math.floor((this.bottom - this.y + 0.01) / lh);
      let take = Math.min(room, remaining);
      if (take < remaining) {
        if (remaining - take < 2) take = remaining - 2;
        if (take < 2) take = 0;
        if (take === 0 && this.atTop()) take = Math.max(1, room);
      }
      if (take === 0) {
        this.newPage();
        continue;
      }
      for (const line of lines.slice(next, next + take)) {
        this.drawLine(line, x, this.y, ascent, lh, tag);
        this.y += lh;
      }
      next += take;
      if (next < lines.length) this.newPage();
    }
    this.endLink();
  }

  /** Draws one line below `top`; without a tag, the caller has opened an artifact and links stay inert. */
  private drawLine(line: Line, x: number, top: number, ascent: number, lh: number, tag: Tag | undefined): void {
    const baseline = top + ascent;
    if (this.label !== undefined && tag !== undefined) {
      this.painter.mark(this.label.tag);
      this.painter.text(this.label.text, 'regular', BODY.size, BODY.colour, this.label.x, baseline);
      this.label = undefined;
    }
    for (const fragment of line.fragments) {
      if (tag !== undefined) {
        if (fragment.link?.id !== this.link?.target.id) {
          this.annotateLink(top, lh);
          this.endLink();
          if (fragment.link !== undefined) this.link = { target: fragment.link, tag: this.painter.child(tag.element, 'Link') };
        }
        this.painter.mark(this.link?.tag ?? tag);
      }
      const fx = x + fragment.x;
      this.painter.run(fragment.text, fragment.face, fragment.size, fragment.colour, fx, baseline, fragment.missing);
      if (fragment.underline) {
        const thickness = fragment.size * 0.06;
        const y = baseline + fragment.size * 0.12;
        this.pdf.save().lineWidth(thickness).moveTo(fx, y).lineTo(fx + fragment.width, y).stroke(`#${fragment.colour}`).restore();
      }
      if (this.link !== undefined) {
        this.link.from ??= fx;
        this.link.to = fx + fragment.width;
      }
    }
    this.annotateLink(top, lh);
  }

  /** Adds the link annotation for the part of the current link drawn on this line. */
  private annotateLink(top: number, height: number): void {
    const link = this.link;
    if (link?.from === undefined || link.to === undefined) return;
    // pdfkit writes JS strings as PDF names; a String object becomes a PDF text string.
    const contents = new String(link.target.href);
    this.pdf.link(link.from, top, link.to - link.from, height, link.target.href, { structParent: link.tag.element, Contents: contents });
    delete link.from;
    delete link.to;
  }

  private endLink(): void {
    if (this.link === undefined) return;
    this.painter.close();
    this.link.tag.element.end();
    this.link = undefined;
  }

  /** Items (level 2) at the top level of the outline, the headings within them (level 3) below them. */
  private bookmark(title: string, below: boolean): void {
    this.outline.add(title, A4.height - this.y, { below });
  }

  private lineHeight(style: TextStyle): number {
    return this.painter.fonts.metrics(style.style).height * style.size * style.spacing;
  }

  /**
   * The lines of inline content in a style and width. Keeping a heading or label with what follows measures the next
   * block's lines (`measuring`), which are kept until that block is drawn, so they are broken once; drawn lines are
   * not kept, so that a long document's lines are not all held at once.
   */
  private lines(children: readonly Inline[], style: TextStyle, width: number, measuring = false): Line[] {
    // Compared field by field rather than through a key made of them: a key string per block cost more than a lookup.
    const known = this.measured.get(children);
    if (known !== undefined && known.width === width && breaksAlike(known.style, style)) {
      if (!measuring) this.measured.delete(children);
      return known.lines;
    }
    const lines = breakLines(this.spans(children, style), width, this.painter.fonts);
    if (measuring) this.measured.set(children, { style, width, lines });
    return lines;
  }

  private spans(children: readonly Inline[], style: TextStyle): (Span | typeof LINE_BREAK)[] {
    const spans: (Span | typeof LINE_BREAK)[] = [];
    for (const inline of children) {
      if (inline.type === 'break') {
        spans.push(LINE_BREAK);
      } else if (inline.type === 'text') {
        spans.push({ text: inline.text, style: combine(style.style, inline), size: style.size, colour: style.colour });
      } else {
        const link = { href: inline.href, id: this.nextLinkId++ };
        for (const run of inline.children) {
          spans.push({ text: run.text, style: combine(style.style, run), size: style.size, colour: LINK_COLOUR, underline: true, link });
        }
      }
    }
    return spans;
  }
}

/**
 * Whether text breaks into the same lines in either style: the same face, size and colour (spacing sets lines apart,
 * not where they break).
 */
function breaksAlike(a: TextStyle, b: TextStyle): boolean {
  return a.style === b.style && a.size === b.size && a.colour === b.colour;
}

function combine(base: FontStyle, emphasis: { bold?: boolean; italic?: boolean }): FontStyle {
  const bold = emphasis.bold === true || base === 'bold' || base === 'boldItalic';
  const italic = emphasis.italic === true || base === 'italic' || base === 'boldItalic';
  return bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';
}

function plainText(children: readonly Inline[]): string {
  return children
    .map((inline) => (inline.type === 'text' ? inline.text : inline.type === 'link' ? inline.children.map((c) => c.text).join('') : ' '))
    .join('');
}

/** "1.", "a.", "A." from the list's style and start, or a bullet by nesting depth. */
export function listLabel(block: ListBlock, index: number, depth: number): string {
  if (!block.ordered) return BULLETS[depth % BULLETS.length] ?? '•';
  const n = block.start + index;
  if (block.style === 'decimal' || n < 1) return `${n}.`;
  // Lettered as Word letters (… Z, AA, BB), the same rule the templates use for "Punkt AA".
  return `${letter(n, block.style === 'upper-alpha')}.`;
}

/** Column widths that fill the line: natural widths when they fit, else shrunk towards each column's longest word. */
export function columnWidths(natural: readonly { min: number; max: number }[], total: number): number[] {
  const pad = 2 * CELL.padX;
  const min = natural.map((n) => n.min + pad);
  const max = natural.map((n, i) => Math.max(n.max + pad, min[i] ?? 0));
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumMax = max.reduce((a, b) => a + b, 0);
  if (sumMax <= total) return max.map((w) => (w * total) / sumMax);
  if (sumMin <= total) return min.map((m, i) => m + (((max[i] ?? m) - m) * (total - sumMin)) / (sumMax - sumMin));
  return min.map((m) => (m * total) / sumMin);
}
