// The DOCX writer: turns a Doc into a Word document with the docx library; the same Doc always gives the same bytes.

import type * as Docx from 'docx';
import type { Block, Doc, DocMeta, Inline, ListStyle, TextRun as DocText, WriterResult, WriterWarning } from '../doc.js';
import { readImageInfo } from './docx-image.js';
import { packDeterministic, type PackageParts } from './docx-package.js';
import { cleanXmlText, describeChars } from './docx-text.js';

/** Binary inputs the pipeline reads for the writer, which touches no files. */
export interface DocxAssets {
  /** The bytes of the file `doc.meta.logo` names: a PNG or JPEG shown at the right of the page header. */
  logo?: Uint8Array;
}

type Lib = typeof Docx;
type Child = Docx.Paragraph | Docx.Table;
type RunChild = Docx.ParagraphChild;

/** A4 in twentieths of a point, with margins of 2.5 cm at the top and 2 cm elsewhere. */
const PAGE = { width: 11906, height: 16838, top: 1418, right: 1134, bottom: 1134, left: 1134, header: 567, footer: 567 };
const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const LIST_INDENT = 567;
/** A generous average width of a bold 11 pt character, in twips, for sizing table columns before Word lays them out. */
const CHAR_WIDTH = 125;
const CELL_MARGIN = 100;
/** Left and right cell margins plus room for rounding. */
const CELL_PADDING = 2 * CELL_MARGIN + 60;
const LIST_HANGING = 397;
const DRAFT_LABEL = 'UDKAST';
const DRAFT_COLOUR = 'C00000';
const MUTED_COLOUR = '595959';
const BORDER_COLOUR = 'A6A6A6';
const BULLETS = ['•', '–', '▪'];
const BULLET_REFERENCE = 'bullets';
/** Word's built-in heading style ids, which its navigation pane and tables of contents follow. */
const HEADING_LEVELS = ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6'] as const;
const DEFAULT_HEADING_COLOUR = '1F4E79';
const LOGO_MAX = { width: 180, height: 48 };
/** Half-point sizes of headings 1–6. */
const HEADING_SIZES = [36, 28, 24, 22, 22, 22];
const LIST_FORMATS: Record<ListStyle, 'decimal' | 'lowerLetter' | 'upperLetter'> = {
  decimal: 'decimal',
  'lower-alpha': 'lowerLetter',
  'upper-alpha': 'upperLetter',
};

/**
 * Writes `doc` as a DOCX file: A4, Word's built-in heading styles (Doc level n is "Heading n"), real lists, tables,
 * external hyperlinks, the organisation (and logo) in the header, "Side X af Y" in the footer, UDKAST in the header of
 * every page of a draft, Danish as the document language. Characters XML cannot hold are removed, each with a warning.
 */
export async function writeDocx(doc: Doc, assets: DocxAssets = {}): Promise<WriterResult> {
  const lib = await import('docx');
  const writer = new DocxBuilder(lib, doc);
  const file = writer.build(assets);
  const bytes = packDeterministic(compileParts(lib, file), doc.meta.date, [{ path: 'docProps/core.xml', data: writer.coreProperties() }]);
  return { bytes, warnings: writer.warnings };
}

/**
 * The package's parts, uncompressed, from the compiler that `Packer` zips with. Zipping them once here, rather than
 * unzipping and rezipping what `Packer` gives, halves the deflate work. The compiler is a private static of the pinned
 * docx version; the DOCX tests read every part back, so a change to it cannot go unnoticed.
 */
function compileParts(lib: Lib, file: Docx.File): PackageParts {
  const packer = lib.Packer as unknown as { compiler: { compile(file: Docx.File): PackageParts } };
  return packer.compiler.compile(file);
}

/** Holds what one document's conversion accumulates: warnings and the numbering definition of each list. */
class DocxBuilder {
  readonly warnings: WriterWarning[] = [];
  private readonly lists: Docx.INumberingOptions['config'][number][] = [];
  /** The document's meta with its texts cleaned once, so each bad character is warned about once. */
  private readonly meta: DocMeta;

  constructor(
    private readonly lib: Lib,
    private readonly doc: Doc,
  ) {
    const { title, subject, author, header, font, lang } = doc.meta;
    this.meta = {
      ...doc.meta,
      title: this.clean(title),
      subject: this.clean(subject),
      author: this.clean(author),
      header: this.clean(header),
      font: this.clean(font),
      lang: this.clean(lang),
    };
  }

  build(assets: DocxAssets): Docx.File {
    const { lib, meta } = this;
    // The body's draft marking is the document's own text (the templates print it), so both writers show it once.
    const body: Child[] = this.blocks(this.doc.blocks, 0);
    // Word expects a body to hold at least one paragraph.
    if (body.length === 0) body.push(new lib.Paragraph({}));
    return new lib.Document({
      title: meta.title,
      subject: meta.subject,
      creator: meta.author,
      lastModifiedBy: meta.author,
      styles: this.styles(),
      numbering: { config: [this.bulletNumbering(), ...this.lists] },
      sections: [
        {
          properties: {
            page: {
              size: { width: PAGE.width, height: PAGE.height, orientation: lib.PageOrientation.PORTRAIT },
              margin: { top: PAGE.top, right: PAGE.right, bottom: PAGE.bottom, left: PAGE.left, header: PAGE.header, footer: PAGE.footer },
            },
          },
          headers: { default: new lib.Header({ children: [this.pageHeader(assets.logo)] }) },
          footers: { default: new lib.Footer({ children: [this.pageFooter()] }) },
          children: body,
        },
      ],
    });
  }

  /** docProps/core.xml written here, as the library stamps the render time and has no language. */
  coreProperties(): string {
    const meta = this.meta;
    const stamp = `${meta.date}T00:00:00Z`;
    const element = (name: string, value: string): string => `<${name}>${escapeXml(value)}</${name}>`;
    return [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
      ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
      ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
      element('dc:title', meta.title),
      element('dc:subject', meta.subject),
      element('dc:creator', meta.author),
      element('cp:lastModifiedBy', meta.author),
      element('dc:language', meta.lang),
      `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>`,
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`,
      '</cp:coreProperties>',
    ].join('');
  }

  private styles(): Docx.IStylesOptions {
    const { font, lang } = this.meta;
    const colour = this.colour();
    const heading = (level: number): Docx.IBaseParagraphStyleOptions => ({
      run: {
        font,
        size: HEADING_SIZES[level - 1] ?? 22,
        bold: level <= 5,
        italics: level >= 5,
        color: colour,
      },
      paragraph: {
        keepNext: true,
        keepLines: true,
        outlineLevel: level - 1,
        spacing: { before: level === 1 ? 0 : level === 2 ? 360 : 240, after: level === 1 ? 240 : 120 },
      },
    });
    return {
      default: {
        document: {
          // Word's own Danish defaults: the East Asian and complex-script languages only matter for such text.
          run: { font, size: 22, language: { value: lang, eastAsia: lang, bidirectional: 'ar-SA' } },
          paragraph: { spacing: { after: 120, line: 264 } },
        },
        heading1: heading(1),
        heading2: heading(2),
        heading3: heading(3),
        heading4: heading(4),
        heading5: heading(5),
        heading6: heading(6),
        // List items sit close together; the space after the list is the body's.
        listParagraph: { paragraph: { spacing: { after: 120 }, contextualSpacing: true } },
      },
      characterStyles: [
        {
          id: 'Hyperlink',
          name: 'Hyperlink',
          basedOn: 'DefaultParagraphFont',
          uiPriority: 99,
          unhideWhenUsed: true,
          run: { color: '0563C1', underline: { type: this.lib.UnderlineType.SINGLE, color: '0563C1' } },
        },
      ],
    };
  }

  private colour(): string {
    if (/^[0-9A-Fa-f]{6}$/.test(this.meta.colour)) return this.meta.colour.toUpperCase();
    this.warnings.push({ message: `the heading colour "${this.meta.colour}" is not six hex digits; using ${DEFAULT_HEADING_COLOUR}` });
    return DEFAULT_HEADING_COLOUR;
  }

  private pageHeader(logo: Uint8Array | undefined): Docx.Paragraph {
    const { lib } = this;
    const children: RunChild[] = [new lib.TextRun({ text: this.meta.header, color: MUTED_COLOUR, size: 18 })];
    if (this.meta.draft) {
      children.push(new lib.TextRun({ children: [new lib.Tab(), DRAFT_LABEL], bold: true, color: DRAFT_COLOUR, size: 24 }));
    }
    const image = logo === undefined ? undefined : this.logo(logo);
    if (image !== undefined) {
      if (!this.meta.draft) children.push(new lib.TextRun({ children: [new lib.Tab()] }));
      children.push(new lib.TextRun({ children: [new lib.Tab()] }), image);
    }
    return new lib.Paragraph({
      tabStops: [
        { type: lib.TabStopType.CENTER, position: Math.round(CONTENT_WIDTH / 2) },
        { type: lib.TabStopType.RIGHT, position: CONTENT_WIDTH },
      ],
      border: { bottom: { style: lib.BorderStyle.SINGLE, size: 4, color: BORDER_COLOUR, space: 4 } },
      spacing: { after: 0 },
      children,
    });
  }

  private logo(bytes: Uint8Array): Docx.ImageRun | undefined {
    const info = readImageInfo(bytes);
    if (info === undefined) {
      this.warnings.push({ message: 'the logo is not a PNG or JPEG image whose size can be read; the header shows the name only' });
      return undefined;
    }
    const scale = Math.min(1, LOGO_MAX.width / info.width, LOGO_MAX.height / info.height);
    return new this.lib.ImageRun({
      type: info.type,
      data: bytes,
      transformation: { width: Math.max(1, Math.round(info.width * scale)), height: Math.max(1, Math.round(info.height * scale)) },
      // An explicit id: the library's default comes from a counter shared by every document in the process.
      altText: { id: '1', name: 'Logo', title: 'Logo', description: this.meta.header },
    });
  }

  private pageFooter(): Docx.Paragraph {
    const { lib } = this;
    return new lib.Paragraph({
      alignment: lib.AlignmentType.CENTER,
      spacing: { after: 0 },
      children: [
        new lib.TextRun({
          color: MUTED_COLOUR,
          size: 18,
          children: ['Side ', lib.PageNumber.CURRENT, ' af ', lib.PageNumber.TOTAL_PAGES],
        }),
      ],
    });
  }

  private blocks(blocks: readonly Block[], listDepth: number): Child[] {
    const out: Child[] = [];
    let breakBefore = false;
    blocks.forEach((block, index) => {
      if (block.type === 'pageBreak') {
        const next = blocks[index + 1];
        // A break carried by the next paragraph leaves no empty line at the top of the new page.
        if (next?.type === 'heading' || next?.type === 'paragraph') breakBefore = true;
        else out.push(new this.lib.Paragraph({ children: [new this.lib.PageBreak()] }));
        return;
      }
      out.push(...this.block(block, listDepth, breakBefore));
      breakBefore = false;
    });
    return out;
  }

  private block(block: Exclude<Block, { type: 'pageBreak' }>, listDepth: number, pageBreakBefore: boolean): Child[] {
    const { lib } = this;
    const indent = listDepth > 0 ? { left: LIST_INDENT * listDepth } : undefined;
    const breakBefore = pageBreakBefore ? true : undefined;
    switch (block.type) {
      case 'heading':
        return [
          new lib.Paragraph({
            heading: HEADING_LEVELS[block.level - 1],
            pageBreakBefore: breakBefore,
            children: this.inlines(block.children),
          }),
        ];
      case 'paragraph':
        return [
          new lib.Paragraph({
            pageBreakBefore: breakBefore,
            keepNext: block.keepWithNext,
            indent,
            children: this.inlines(block.children),
          }),
        ];
      case 'list':
        return this.list(block, listDepth);
      case 'table':
        // Word refuses a table without rows.
        return block.header.length === 0 && block.rows.length === 0 ? [] : [this.table(block)];
      case 'rule':
        return [
          new lib.Paragraph({
            indent,
            spacing: { before: 60, after: 180 },
            border: { bottom: { style: lib.BorderStyle.SINGLE, size: 6, color: BORDER_COLOUR, space: 1 } },
          }),
        ];
    }
  }

  private list(block: Extract<Block, { type: 'list' }>, depth: number): Child[] {
    const { lib } = this;
    const level = Math.min(depth, 8);
    const reference = block.ordered ? this.orderedNumbering(block.style, block.start, level) : BULLET_REFERENCE;
    const out: Child[] = [];
    for (const item of block.items) {
      const [first, ...rest] = item;
      const numbered = (children: RunChild[]): Docx.Paragraph =>
        new lib.Paragraph({ style: 'ListParagraph', numbering: { reference, level }, children });
      if (first?.type === 'paragraph') {
        out.push(numbered(this.inlines(first.children)), ...this.blocks(rest, depth + 1));
      } else {
        out.push(numbered([]), ...this.blocks(item, depth + 1));
      }
    }
    return out;
  }

  /** Each ordered list gets a numbering of its own, so it starts again at `start` whatever came before it. */
  private orderedNumbering(style: ListStyle, start: number, level: number): string {
    const reference = `ordered-${this.lists.length + 1}`;
    this.lists.push({
      reference,
      levels: Array.from({ length: 9 }, (_, n) => ({
        level: n,
        format: LIST_FORMATS[style],
        text: `%${n + 1}.`,
        start: n === level ? Math.max(0, Math.trunc(start)) : 1,
        alignment: this.lib.AlignmentType.START,
        style: { paragraph: { indent: listIndent(n) } },
      })),
    });
    return reference;
  }

  private bulletNumbering(): Docx.INumberingOptions['config'][number] {
    return {
      reference: BULLET_REFERENCE,
      levels: Array.from({ length: 9 }, (_, n) => ({
        level: n,
        format: this.lib.LevelFormat.BULLET,
        text: BULLETS[n % BULLETS.length] as string,
        alignment: this.lib.AlignmentType.START,
        style: { paragraph: { indent: listIndent(n) } },
      })),
    };
  }

  private table(block: Extract<Block, { type: 'table' }>): Docx.Table {
    const { lib } = this;
    const columns = Math.max(1, block.header.length, ...block.rows.map((row) => row.length));
    const widths = columnWidths([block.header, ...block.rows], columns);
    const border = { style: lib.BorderStyle.SINGLE, size: 4, color: BORDER_COLOUR };
    const row = (cells: Inline[][], header: boolean): Docx.TableRow =>
      new lib.TableRow({
        tableHeader: header ? true : undefined,
        cantSplit: true,
        children: widths.map(
          (width, n) =>
            new lib.TableCell({
              width: { size: width, type: lib.WidthType.DXA },
              shading: header ? { type: lib.ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } : undefined,
              margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
              children: [new lib.Paragraph({ spacing: { after: 0 }, children: this.inlines(cells[n] ?? [], header) })],
            }),
        ),
      });
    return new lib.Table({
      width: { size: CONTENT_WIDTH, type: lib.WidthType.DXA },
      columnWidths: widths,
      layout: lib.TableLayoutType.FIXED,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: [...(block.header.length > 0 ? [row(block.header, true)] : []), ...block.rows.map((cells) => row(cells, false))],
    });
  }

  private inlines(children: readonly Inline[], bold = false): RunChild[] {
    const { lib } = this;
    return children.flatMap((inline): RunChild[] => {
      switch (inline.type) {
        case 'text':
          return this.runs(inline, bold);
        case 'break':
          return [new lib.TextRun({ break: 1 })];
        case 'link':
          return [
            new lib.ExternalHyperlink({
              link: this.clean(inline.href),
              children: inline.children.flatMap((run) => this.runs(run, bold, 'Hyperlink')),
            }),
          ];
      }
    });
  }

  /** Text as runs, tabs as tab characters and line ends as line breaks, since w:t holds neither. */
  private runs(text: DocText, bold: boolean, style?: string): Docx.TextRun[] {
    const { lib } = this;
    const format = { bold: bold || text.bold === true ? true : undefined, italics: text.italic === true ? true : undefined, style };
    return this.clean(text.text)
      .split(/\r\n|\r|\n/)
      .flatMap((line, n) => {
        if (n === 0 && line === '') return [];
        const children = line.split('\t').flatMap((piece, m) => (m === 0 ? [piece] : [new lib.Tab(), piece])).filter((c) => c !== '');
        return [new lib.TextRun({ ...format, break: n > 0 ? 1 : undefined, children })];
      });
  }

  /** The text without the characters XML cannot hold, with a warning for each run of them. */
  private clean(text: string): string {
    const result = cleanXmlText(text);
    for (const chars of result.removed) {
      this.warnings.push({ message: `removed characters a Word document cannot hold: ${describeChars(chars)}`, chars });
    }
    return result.text;
  }
}

function listIndent(level: number): { left: number; hanging: number } {
  return { left: LIST_INDENT * (level + 1), hanging: LIST_HANGING };
}

/**
 * Column widths in twips that add up to the text width: every column at least as wide as its longest word, so dates
 * and long Danish compounds never break, and the room left shared out by how much text each column holds.
 */
function columnWidths(rows: readonly (readonly Inline[][])[], columns: number): number[] {
  const texts = Array.from({ length: columns }, (_, n) => rows.map((row) => inlineText(row[n] ?? [])));
  const width = (chars: number): number => chars * CHAR_WIDTH + CELL_PADDING;
  const least = texts.map((cells) => width(Math.max(1, ...cells.flatMap((t) => t.split(/\s+/).map((w) => w.length)))));
  const wanted = texts.map((cells, n) => Math.max(least[n] ?? 0, width(Math.max(0, ...cells.map((t) => t.length)))));
  const sum = (list: number[]): number => list.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum(wanted) <= CONTENT_WIDTH) {
    widths = wanted.map((w) => Math.floor((w * CONTENT_WIDTH) / sum(wanted)));
  } else if (sum(least) >= CONTENT_WIDTH) {
    widths = least.map((w) => Math.floor((w * CONTENT_WIDTH) / sum(least)));
  } else {
    const room = CONTENT_WIDTH - sum(least);
    const extra = wanted.map((w, n) => w - (least[n] ?? 0));
    widths = least.map((w, n) => w + Math.floor(((extra[n] ?? 0) * room) / sum(extra)));
  }
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + CONTENT_WIDTH - sum(widths);
  return widths;
}

function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => (inline.type === 'text' ? inline.text : inline.type === 'link' ? inlineText(inline.children) : ' ')).join('');
}

function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
