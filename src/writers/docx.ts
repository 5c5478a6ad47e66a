// The DOCX writer: turns a Doc into a Word document, its WordprocessingML written as strings; the same Doc always
// gives the same bytes.

import type { Block, Doc, DocMeta, Inline, ListStyle, TextRun as DocText, WriterResult, WriterWarning } from '../doc.js';
import { readImageInfo, type ImageInfo } from './docx-image.js';
import { packDeterministic } from './docx-package.js';
import { cleanXmlText, describeChars } from './docx-text.js';
import { escapeXml, paragraphProps, runContent, runProps, type ParagraphFormat, type RunFormat } from './docx-xml.js';

/** Binary inputs the pipeline reads for the writer, which touches no files. */
export interface DocxAssets {
  /** The bytes of the file `doc.meta.logo` names: a PNG or JPEG shown at the right of the page header. */
  logo?: Uint8Array;
}

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
const LINK_COLOUR = '0563C1';
const BULLETS = ['•', '–', '▪'];
/** Word's built-in heading style ids, which its navigation pane and tables of contents follow. */
const HEADING_LEVELS = ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6'] as const;
const DEFAULT_HEADING_COLOUR = '1F4E79';
const LOGO_MAX = { width: 180, height: 48 };
/** English Metric Units per pixel at 96 dpi, the unit of DrawingML sizes. */
const EMU_PER_PIXEL = 9525;
/** Half-point sizes of headings 1–6. */
const HEADING_SIZES = [36, 28, 24, 22, 22, 22];
const LIST_FORMATS: Record<ListStyle, string> = { decimal: 'decimal', 'lower-alpha': 'lowerLetter', 'upper-alpha': 'upperLetter' };
const BULLET_NUM_ID = 1;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORD_NAMESPACES = `xmlns:w="${W_NS}" xmlns:r="${R_NS}"`;
const DRAWING_NAMESPACES =
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
/** The document's own relationships, numbered first; hyperlinks take the ids after them. */
const DOCUMENT_PARTS = [
  { type: 'styles', target: 'styles.xml', content: `${WORD_TYPE}.styles+xml` },
  { type: 'numbering', target: 'numbering.xml', content: `${WORD_TYPE}.numbering+xml` },
  { type: 'settings', target: 'settings.xml', content: `${WORD_TYPE}.settings+xml` },
  { type: 'header', target: 'header1.xml', content: `${WORD_TYPE}.header+xml` },
  { type: 'footer', target: 'footer1.xml', content: `${WORD_TYPE}.footer+xml` },
];
const HEADER_ID = 'rId4';
const FOOTER_ID = 'rId5';
/** compatibilityMode 15: Word 2013 and later lay the document out as they would their own, not in compatibility mode. */
const SETTINGS = `${XML_DECLARATION}<w:settings xmlns:w="${W_NS}"><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

/**
 * Writes `doc` as a DOCX file: A4, Word's built-in heading styles (Doc level n is "Heading n"), real lists, tables,
 * external hyperlinks, the organisation (and logo) in the header, "Side X af Y" in the footer, UDKAST in the header of
 * every page of a draft, Danish as the document language. Characters XML cannot hold are removed, each with a warning.
 */
export async function writeDocx(doc: Doc, assets: DocxAssets = {}): Promise<WriterResult> {
  const writer = new DocxBuilder(doc);
  return { bytes: packDeterministic(writer.parts(assets.logo), doc.meta.date), warnings: writer.warnings };
}

/** An ordered list's numbering: its own definition, so it starts again at `start` whatever came before it. */
interface OrderedList {
  format: string;
  start: number;
  level: number;
}

/** Holds what one document's conversion accumulates: warnings, the ordered lists and the hyperlinks' relationships. */
class DocxBuilder {
  readonly warnings: WriterWarning[] = [];
  private readonly lists: OrderedList[] = [];
  /** Relationship id by address, numbered in order of first use. */
  private readonly links = new Map<string, string>();
  /** The document's meta with its texts cleaned once, so each bad character is warned about once. */
  private readonly meta: DocMeta;

  constructor(private readonly doc: Doc) {
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

  /** Every part of the package by path, [Content_Types].xml first. */
  parts(logo: Uint8Array | undefined): Map<string, string | Uint8Array> {
    // The body first: it numbers the lists and links that the numbering and the relationships then hold.
    const document = this.document();
    const image = logo === undefined ? undefined : this.imageInfo(logo);
    const parts = new Map<string, string | Uint8Array>([
      ['[Content_Types].xml', contentTypes(image?.type)],
      ['_rels/.rels', rootRelationships()],
      ['docProps/core.xml', this.coreProperties()],
      ['word/document.xml', document],
      ['word/_rels/document.xml.rels', this.documentRelationships()],
      ['word/styles.xml', this.styles()],
      ['word/numbering.xml', this.numbering()],
      ['word/settings.xml', SETTINGS],
      ['word/header1.xml', this.pageHeader(image)],
      ['word/footer1.xml', pageFooter()],
    ]);
    if (logo !== undefined && image !== undefined) {
      const media = `media/logo.${image.type}`;
      parts.set('word/_rels/header1.xml.rels', relationships([{ id: 'rId1', type: `${RELATIONSHIP}/image`, target: media }]));
      parts.set(`word/${media}`, logo);
    }
    return parts;
  }

  private document(): string {
    // The body's draft marking is the document's own text (the templates print it), so both writers show it once.
    // Word expects a body to hold at least one paragraph.
    const body = this.blocks(this.doc.blocks, 0) || '<w:p/>';
    const margins = `w:top="${PAGE.top}" w:right="${PAGE.right}" w:bottom="${PAGE.bottom}" w:left="${PAGE.left}" w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0"`;
    const section =
      `<w:sectPr><w:headerReference w:type="default" r:id="${HEADER_ID}"/><w:footerReference w:type="default" r:id="${FOOTER_ID}"/>` +
      `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/><w:pgMar ${margins}/></w:sectPr>`;
    return `${XML_DECLARATION}<w:document ${WORD_NAMESPACES}><w:body>${body}${section}</w:body></w:document>`;
  }

  /** docProps/core.xml: the meta, the document language and the meeting date as both creation and change date. */
  private coreProperties(): string {
    const meta = this.meta;
    const stamp = `${meta.date}T00:00:00Z`;
    const element = (name: string, value: string): string => `<${name}>${escapeXml(value)}</${name}>`;
    return [
      XML_DECLARATION,
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

  private documentRelationships(): string {
    const own = DOCUMENT_PARTS.map((part, n) => ({ id: `rId${n + 1}`, type: `${RELATIONSHIP}/${part.type}`, target: part.target }));
    const links = [...this.links].map(([target, id]) => ({ id, type: `${RELATIONSHIP}/hyperlink`, target, external: true }));
    return relationships([...own, ...links]);
  }

  /**
   * The document defaults (font, size, language, spacing), Normal, the default character and table styles, Word's
   * heading styles 1–6, List Paragraph and Hyperlink: the styles the body uses and the ones they are based on.
   */
  private styles(): string {
    const { font, lang } = this.meta;
    const colour = this.colour();
    const style = (type: string, id: string, name: string, body: string, extra = ''): string =>
      `<w:style w:type="${type}" w:styleId="${id}"${extra}><w:name w:val="${name}"/>${body}</w:style>`;
    const headings = HEADING_SIZES.map((size, n) =>
      style(
        'paragraph',
        HEADING_LEVELS[n] as string,
        `heading ${n + 1}`,
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>' +
          paragraphProps({ keepNext: true, keepLines: true, spacing: { before: n === 0 ? 0 : n === 1 ? 360 : 240, after: n === 0 ? 240 : 120 }, outlineLevel: n }) +
          runProps({ font, bold: n < 5, italic: n >= 4, colour, size }),
      ),
    );
    return [
      XML_DECLARATION,
      `<w:styles xmlns:w="${W_NS}">`,
      // Word's own Danish defaults: the East Asian and complex-script languages only matter for such text.
      `<w:docDefaults><w:rPrDefault>${runProps({ font, size: 22, lang: { val: lang, bidi: 'ar-SA' } })}</w:rPrDefault>`,
      `<w:pPrDefault>${paragraphProps({ spacing: { after: 120, line: 264 } })}</w:pPrDefault></w:docDefaults>`,
      style('paragraph', 'Normal', 'Normal', '<w:qFormat/>', ' w:default="1"'),
      style('character', 'DefaultParagraphFont', 'Default Paragraph Font', '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>', ' w:default="1"'),
      style(
        'table',
        'TableNormal',
        'Normal Table',
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
          '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>',
        ' w:default="1"',
      ),
      ...headings,
      // List items sit close together; the space after the list is the body's.
      style('paragraph', 'ListParagraph', 'List Paragraph', `<w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/>${paragraphProps({ spacing: { after: 120 }, contextualSpacing: true })}`),
      style(
        'character',
        'Hyperlink',
        'Hyperlink',
        `<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>${runProps({ colour: LINK_COLOUR, underline: LINK_COLOUR })}`,
      ),
      '</w:styles>',
    ].join('');
  }

  private colour(): string {
    if (/^[0-9A-Fa-f]{6}$/.test(this.meta.colour)) return this.meta.colour.toUpperCase();
    this.warnings.push({ message: `the heading colour "${this.meta.colour}" is not six hex digits; using ${DEFAULT_HEADING_COLOUR}` });
    return DEFAULT_HEADING_COLOUR;
  }

  /** One bullet definition shared by every bullet list, then one definition and instance per ordered list. */
  private numbering(): string {
    const definition = (id: number, level: (n: number) => string): string =>
      `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="hybridMultilevel"/>` +
      Array.from({ length: 9 }, (_, n) => `<w:lvl w:ilvl="${n}">${level(n)}<w:lvlJc w:val="left"/>${paragraphProps({ indent: listIndent(n) })}</w:lvl>`).join('') +
      '</w:abstractNum>';
    const bullets = definition(BULLET_NUM_ID, (n) => `<w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="${BULLETS[n % BULLETS.length]}"/>`);
    const ordered = this.lists.map((list, k) =>
      definition(k + 2, (n) => `<w:start w:val="${n === list.level ? list.start : 1}"/><w:numFmt w:val="${list.format}"/><w:lvlText w:val="%${n + 1}."/>`),
    );
    // Every w:abstractNum comes before the first w:num.
    const instances = Array.from({ length: this.lists.length + 1 }, (_, k) => `<w:num w:numId="${k + 1}"><w:abstractNumId w:val="${k + 1}"/></w:num>`);
    return `${XML_DECLARATION}<w:numbering xmlns:w="${W_NS}">${bullets}${ordered.join('')}${instances.join('')}</w:numbering>`;
  }

  private pageHeader(logo: ImageInfo | undefined): string {
    let runs = `<w:r>${runProps({ colour: MUTED_COLOUR, size: 18 })}${runContent(this.meta.header)}</w:r>`;
    if (this.meta.draft) runs += `<w:r>${runProps({ bold: true, colour: DRAFT_COLOUR, size: 24 })}<w:tab/><w:t>${DRAFT_LABEL}</w:t></w:r>`;
    // The logo sits at the right tab stop, past the centre one that UDKAST takes.
    if (logo !== undefined) runs += `<w:r>${this.meta.draft ? '<w:tab/>' : '<w:tab/><w:tab/>'}${this.drawing(logo)}</w:r>`;
    const format: ParagraphFormat = {
      bottomBorder: { size: 4, space: 4, colour: BORDER_COLOUR },
      tabs: [
        { type: 'center', position: Math.round(CONTENT_WIDTH / 2) },
        { type: 'right', position: CONTENT_WIDTH },
      ],
      spacing: { after: 0 },
    };
    return `${XML_DECLARATION}<w:hdr ${WORD_NAMESPACES} ${DRAWING_NAMESPACES}><w:p>${paragraphProps(format)}${runs}</w:p></w:hdr>`;
  }

  private imageInfo(logo: Uint8Array): ImageInfo | undefined {
    const info = readImageInfo(logo);
    if (info === undefined) this.warnings.push({ message: 'the logo is not a PNG or JPEG image whose size can be read; the header shows the name only' });
    return info;
  }

  /** The logo inline, scaled to fit the header, with the organisation's name as its alternative text. */
  private drawing(info: ImageInfo): string {
    const scale = Math.min(1, LOGO_MAX.width / info.width, LOGO_MAX.height / info.height);
    const cx = Math.max(1, Math.round(info.width * scale)) * EMU_PER_PIXEL;
    const cy = Math.max(1, Math.round(info.height * scale)) * EMU_PER_PIXEL;
    const alt = escapeXml(this.meta.header);
    return (
      `<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
      `<wp:docPr id="1" name="Logo" title="Logo" descr="${alt}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
      '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
      `<pic:nvPicPr><pic:cNvPr id="1" name="Logo" descr="${alt}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1"/></pic:cNvPicPr></pic:nvPicPr>` +
      '<pic:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>' +
      `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
      '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>'
    );
  }

  private blocks(blocks: readonly Block[], listDepth: number): string {
    let out = '';
    let breakBefore = false;
    blocks.forEach((block, index) => {
      if (block.type === 'pageBreak') {
        const next = blocks[index + 1];
        // A break carried by the next paragraph leaves no empty line at the top of the new page.
        if (next?.type === 'heading' || next?.type === 'paragraph') breakBefore = true;
        else out += '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
        return;
      }
      out += this.block(block, listDepth, breakBefore);
      breakBefore = false;
    });
    return out;
  }

  private block(block: Exclude<Block, { type: 'pageBreak' }>, listDepth: number, pageBreakBefore: boolean): string {
    const indent = listDepth > 0 ? { left: LIST_INDENT * listDepth } : undefined;
    switch (block.type) {
      case 'heading':
        return paragraph({ style: HEADING_LEVELS[block.level - 1], pageBreakBefore }, this.inlines(block.children));
      case 'paragraph':
        return paragraph({ keepNext: block.keepWithNext, pageBreakBefore, indent }, this.inlines(block.children));
      case 'list':
        return this.list(block, listDepth);
      case 'table':
        // Word refuses a table without rows.
        return block.header.length === 0 && block.rows.length === 0 ? '' : this.table(block);
      case 'rule':
        return paragraph({ bottomBorder: { size: 6, space: 1, colour: BORDER_COLOUR }, spacing: { before: 60, after: 180 }, indent }, '');
    }
  }

  private list(block: Extract<Block, { type: 'list' }>, depth: number): string {
    const level = Math.min(depth, 8);
    let numId = BULLET_NUM_ID;
    if (block.ordered) {
      this.lists.push({ format: LIST_FORMATS[block.style], start: Math.max(0, Math.trunc(block.start)), level });
      numId = this.lists.length + 1;
    }
    const format: ParagraphFormat = { style: 'ListParagraph', list: { numId, level } };
    let out = '';
    for (const item of block.items) {
      const [first, ...rest] = item;
      if (first?.type === 'paragraph') out += paragraph(format, this.inlines(first.children)) + this.blocks(rest, depth + 1);
      else out += paragraph(format, '') + this.blocks(item, depth + 1);
    }
    return out;
  }

  private table(block: Extract<Block, { type: 'table' }>): string {
    const columns = Math.max(1, block.header.length, ...block.rows.map((row) => row.length));
    const widths = columnWidths([block.header, ...block.rows], columns);
    const border = `w:val="single" w:sz="4" w:space="0" w:color="${BORDER_COLOUR}"`;
    const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${border}/>`).join('');
    const margins = `<w:top w:w="40" w:type="dxa"/><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/>`;
    const cellParagraph = paragraphProps({ spacing: { after: 0 } });
    const row = (cells: Inline[][], header: boolean): string => {
      // A header row repeats at the top of every page the table runs onto; no row is split across pages.
      const rowProps = header ? '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>';
      const shading = header ? '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>' : '';
      const tcs = widths.map((width, n) => `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shading}</w:tcPr><w:p>${cellParagraph}${this.inlines(cells[n] ?? [], header)}</w:p></w:tc>`);
      return `<w:tr>${rowProps}${tcs.join('')}</w:tr>`;
    };
    const tableProps = `<w:tblPr><w:tblW w:w="${CONTENT_WIDTH}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>${margins}</w:tblCellMar></w:tblPr>`;
    const grid = `<w:tblGrid>${widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>`;
    const rows = [...(block.header.length > 0 ? [row(block.header, true)] : []), ...block.rows.map((cells) => row(cells, false))];
    return `<w:tbl>${tableProps}${grid}${rows.join('')}</w:tbl>`;
  }

  private inlines(children: readonly Inline[], bold = false): string {
    let out = '';
    for (const inline of children) {
      if (inline.type === 'text') out += this.run(inline, bold);
      else if (inline.type === 'break') out += '<w:r><w:br/></w:r>';
      else out += `<w:hyperlink r:id="${this.linkId(this.clean(inline.href))}" w:history="1">${inline.children.map((run) => this.run(run, bold, 'Hyperlink')).join('')}</w:hyperlink>`;
    }
    return out;
  }

  private run(text: DocText, bold: boolean, style?: string): string {
    const cleaned = this.clean(text.text);
    if (cleaned === '') return '';
    const format: RunFormat = { style, bold: bold || text.bold === true, italic: text.italic === true };
    return `<w:r>${runProps(format)}${runContent(cleaned)}</w:r>`;
  }

  /** The relationship id of an external link; links to one address share it. */
  private linkId(href: string): string {
    let id = this.links.get(href);
    if (id === undefined) {
      id = `rId${DOCUMENT_PARTS.length + this.links.size + 1}`;
      this.links.set(href, id);
    }
    return id;
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

function paragraph(format: ParagraphFormat, runs: string): string {
  return `<w:p>${paragraphProps(format)}${runs}</w:p>`;
}

/** "Side X af Y", the page number and page count as fields that Word and LibreOffice fill in. */
function pageFooter(): string {
  const run = (content: string): string => `<w:r>${runProps({ colour: MUTED_COLOUR, size: 18 })}${content}</w:r>`;
  const field = (instruction: string): string =>
    run('<w:fldChar w:fldCharType="begin"/>') +
    run(`<w:instrText xml:space="preserve"> ${instruction} </w:instrText>`) +
    run('<w:fldChar w:fldCharType="separate"/>') +
    run('<w:fldChar w:fldCharType="end"/>');
  const runs = run(runContent('Side ')) + field('PAGE') + run(runContent(' af ')) + field('NUMPAGES');
  return `${XML_DECLARATION}<w:ftr ${WORD_NAMESPACES}><w:p>${paragraphProps({ spacing: { after: 0 }, centred: true })}${runs}</w:p></w:ftr>`;
}

function contentTypes(image: ImageInfo['type'] | undefined): string {
  const overrides = [
    { part: '/word/document.xml', content: `${WORD_TYPE}.document.main+xml` },
    ...DOCUMENT_PARTS.map((part) => ({ part: `/word/${part.target}`, content: part.content })),
    { part: '/docProps/core.xml', content: 'application/vnd.openxmlformats-package.core-properties+xml' },
  ];
  return [
    XML_DECLARATION,
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    image === undefined ? '' : `<Default Extension="${image}" ContentType="${image === 'png' ? 'image/png' : 'image/jpeg'}"/>`,
    ...overrides.map((o) => `<Override PartName="${o.part}" ContentType="${o.content}"/>`),
    '</Types>',
  ].join('');
}

function rootRelationships(): string {
  return relationships([
    { id: 'rId1', type: `${RELATIONSHIP}/officeDocument`, target: 'word/document.xml' },
    { id: 'rId2', type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
  ]);
}

function relationships(list: readonly { id: string; type: string; target: string; external?: boolean }[]): string {
  const items = list.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"${r.external === true ? ' TargetMode="External"' : ''}/>`);
  return `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
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
