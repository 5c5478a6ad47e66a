// WordprocessingML fragments as strings: escaping, and paragraph and run properties in the order the schema fixes,
// which Word holds to (it reports a file with them out of order as damaged) whatever order a caller names them in.

/** `&`, `<`, `>` and `"` as entities, so the text is safe in element content and in attribute values alike. */
export function escapeXml(text: string): string {
  return /[&<>"]/.test(text) ? text.replace(/[&<>"]/g, (c) => ENTITIES[c] as string) : text;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** What a w:pPr can say here; lengths in twips. */
export interface ParagraphFormat {
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  list?: { numId: number; level: number };
  /** A single bottom border: width in eighths of a point, distance from the text in points. */
  bottomBorder?: { size: number; space: number; colour: string };
  tabs?: readonly { type: 'center' | 'right'; position: number }[];
  spacing?: { before?: number; after?: number; line?: number };
  indent?: { left: number; hanging?: number };
  contextualSpacing?: boolean;
  centred?: boolean;
  /** 0 for a top-level heading: what Word's navigation pane and outline follow. */
  outlineLevel?: number;
}

/** `<w:pPr>` with the children in schema order (CT_PPrBase), or nothing when the format says nothing. */
export function paragraphProps(f: ParagraphFormat): string {
  let xml = '';
  if (f.style !== undefined) xml += `<w:pStyle w:val="${escapeXml(f.style)}"/>`;
  if (f.keepNext === true) xml += '<w:keepNext/>';
  if (f.keepLines === true) xml += '<w:keepLines/>';
  if (f.pageBreakBefore === true) xml += '<w:pageBreakBefore/>';
  if (f.list !== undefined) xml += `<w:numPr><w:ilvl w:val="${f.list.level}"/><w:numId w:val="${f.list.numId}"/></w:numPr>`;
  if (f.bottomBorder !== undefined) {
    const { size, space, colour } = f.bottomBorder;
    xml += `<w:pBdr><w:bottom w:val="single" w:sz="${size}" w:space="${space}" w:color="${colour}"/></w:pBdr>`;
  }
  if (f.tabs !== undefined) xml += `<w:tabs>${f.tabs.map((tab) => `<w:tab w:val="${tab.type}" w:pos="${tab.position}"/>`).join('')}</w:tabs>`;
  if (f.spacing !== undefined) {
    const { before, after, line } = f.spacing;
    xml += `<w:spacing${attribute('w:before', before)}${attribute('w:after', after)}${attribute('w:line', line)}/>`;
  }
  if (f.indent !== undefined) xml += `<w:ind w:left="${f.indent.left}"${attribute('w:hanging', f.indent.hanging)}/>`;
  if (f.contextualSpacing === true) xml += '<w:contextualSpacing/>';
  if (f.centred === true) xml += '<w:jc w:val="center"/>';
  if (f.outlineLevel !== undefined) xml += `<w:outlineLvl w:val="${f.outlineLevel}"/>`;
  return xml === '' ? '' : `<w:pPr>${xml}</w:pPr>`;
}

/** What a w:rPr can say here; sizes in half points. */
export interface RunFormat {
  style?: string;
  font?: string;
  bold?: boolean;
  italic?: boolean;
  colour?: string;
  size?: number;
  /** A single underline in this colour. */
  underline?: string;
  /** The language of all text, with East Asian text taken as the same and complex scripts as `bidi`. */
  lang?: { val: string; bidi: string };
}

/** `<w:rPr>` with the children in schema order (CT_RPr), or nothing when the format says nothing. */
export function runProps(f: RunFormat): string {
  let xml = '';
  if (f.style !== undefined) xml += `<w:rStyle w:val="${escapeXml(f.style)}"/>`;
  if (f.font !== undefined) {
    const font = escapeXml(f.font);
    xml += `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>`;
  }
  if (f.bold === true) xml += '<w:b/><w:bCs/>';
  if (f.italic === true) xml += '<w:i/><w:iCs/>';
  if (f.colour !== undefined) xml += `<w:color w:val="${f.colour}"/>`;
  if (f.size !== undefined) xml += `<w:sz w:val="${f.size}"/><w:szCs w:val="${f.size}"/>`;
  if (f.underline !== undefined) xml += `<w:u w:val="single" w:color="${f.underline}"/>`;
  if (f.lang !== undefined) {
    const lang = escapeXml(f.lang.val);
    xml += `<w:lang w:val="${lang}" w:eastAsia="${lang}" w:bidi="${escapeXml(f.lang.bidi)}"/>`;
  }
  return xml === '' ? '' : `<w:rPr>${xml}</w:rPr>`;
}

/**
 * The content of a run: text in w:t, tabs as w:tab and line ends as w:br, since w:t holds neither. Every w:t keeps
 * its spaces (xml:space="preserve"), as Word would otherwise drop those at the ends of a run.
 */
export function runContent(text: string): string {
  if (!/[\t\r\n]/.test(text)) return textElement(text);
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.split('\t').map(textElement).join('<w:tab/>'))
    .join('<w:br/>');
}

function textElement(text: string): string {
  return text === '' ? '' : `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`;
}

function attribute(name: string, value: number | undefined): string {
  return value === undefined ? '' : ` ${name}="${value}"`;
}
