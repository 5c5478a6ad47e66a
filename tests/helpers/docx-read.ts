// Reads a DOCX back for tests: unzips it with jszip and parses its XML parts with fast-xml-parser, keeping order.

import JSZip from 'jszip';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One element of a parsed part: `{ 'w:p': [children], ':@': { '@_w:val': … } }`, or a text node `{ '#text': … }`. */
export type XmlNode = Record<string, unknown>;

/** An unzipped DOCX: its entries in zip order, the text of its XML parts and the bytes of the rest. */
export interface DocxPackage {
  names: string[];
  /** Each entry's date as stored in the zip. */
  dates: Map<string, Date>;
  xml: Map<string, string>;
  binary: Map<string, Uint8Array>;
  /** The text of an XML part; throws when the package lacks it. */
  part(name: string): string;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const names: string[] = [];
  const dates = new Map<string, Date>();
  const xml = new Map<string, string>();
  const binary = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    names.push(entry.name);
    dates.set(entry.name, entry.date);
    if (/\.(xml|rels)$/.test(entry.name)) xml.set(entry.name, await entry.async('string'));
    else binary.set(entry.name, await entry.async('uint8array'));
  }
  return {
    names,
    dates,
    xml,
    binary,
    part(name) {
      const text = xml.get(name);
      if (text === undefined) throw new Error(`the DOCX has no part ${name}; it has ${names.join(', ')}`);
      return text;
    },
  };
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
});

/** Whether `xml` is well-formed; the validator's message when it is not. */
export function xmlProblem(xml: string): string | undefined {
  const result = XMLValidator.validate(xml);
  return result === true ? undefined : `${result.err.code} at ${result.err.line}:${result.err.col}: ${result.err.msg}`;
}

export function parseXml(xml: string): XmlNode[] {
  return parser.parse(xml) as XmlNode[];
}

/** The element's tag name, or undefined for a text node. */
export function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text');
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  return tag === undefined ? [] : ((node[tag] as XmlNode[] | undefined) ?? []);
}

export function attr(node: XmlNode, name: string): string | undefined {
  const attributes = node[':@'] as Record<string, string> | undefined;
  return attributes?.[`@_${name}`];
}

/** Every element named `tag` under `nodes`, at any depth, in document order. */
export function findAll(nodes: readonly XmlNode[], tag: string): XmlNode[] {
  const found: XmlNode[] = [];
  const walk = (list: readonly XmlNode[]): void => {
    for (const node of list) {
      if (tagOf(node) === tag) found.push(node);
      walk(childrenOf(node));
    }
  };
  walk(nodes);
  return found;
}

export function findFirst(nodes: readonly XmlNode[], tag: string): XmlNode | undefined {
  return findAll(nodes, tag)[0];
}

/** The text a reader sees in WordprocessingML: w:t content, w:tab as a tab, w:br as a line end; properties skipped. */
export function wordText(nodes: readonly XmlNode[]): string {
  let text = '';
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'w:t') text += childrenOf(node).map((child) => String(child['#text'] ?? '')).join('');
    else if (tag === 'w:tab') text += '\t';
    else if (tag === 'w:br') text += '\n';
    else if (tag !== undefined && tag !== 'w:pPr' && tag !== 'w:rPr' && tag !== 'w:instrText') text += wordText(childrenOf(node));
  }
  return text;
}

/** A body paragraph as a test wants to see it. */
export interface Para {
  style?: string;
  text: string;
  numId?: string;
  ilvl?: string;
  node: XmlNode;
}

/** The paragraphs of a document, header or footer part, including those in table cells. */
export function paragraphsOf(xml: string): Para[] {
  return findAll(parseXml(xml), 'w:p').map((node) => {
    const pPr = childrenOf(node).find((child) => tagOf(child) === 'w:pPr');
    const props = pPr === undefined ? [] : [pPr];
    const style = findFirst(props, 'w:pStyle');
    const numId = findFirst(props, 'w:numId');
    const ilvl = findFirst(props, 'w:ilvl');
    return {
      style: style === undefined ? undefined : attr(style, 'w:val'),
      text: wordText(childrenOf(node)),
      numId: numId === undefined ? undefined : attr(numId, 'w:val'),
      ilvl: ilvl === undefined ? undefined : attr(ilvl, 'w:val'),
      node,
    };
  });
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  targetMode?: string;
}

export function relationshipsOf(relsXml: string): Relationship[] {
  return findAll(parseXml(relsXml), 'Relationship').map((node) => ({
    id: attr(node, 'Id') ?? '',
    type: attr(node, 'Type') ?? '',
    target: attr(node, 'Target') ?? '',
    targetMode: attr(node, 'TargetMode'),
  }));
}

/** A list level's numbering: its format (`decimal`, `upperLetter`, `bullet` …), label text ("%1.") and first number. */
interface Level {
  format: string;
  text: string;
  start: number;
}

/** Word's letters: A … Z, then AA … ZZ, AAA … (the letter repeated), as Word numbers upperLetter lists. */
function wordLetter(n: number): string {
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function formatNumber(format: string, n: number): string {
  if (format === 'upperLetter') return wordLetter(n);
  if (format === 'lowerLetter') return wordLetter(n).toLowerCase();
  return String(n);
}

/**
 * The label Word shows in front of each paragraph ("3.", "C.", "b.", "•"), undefined for one outside a list: read from
 * numbering.xml (a num's start override, else its abstract level's start) and counted through the paragraphs in order.
 */
export function listLabels(pkg: DocxPackage, paras: readonly Para[]): (string | undefined)[] {
  const numbering = parseXml(pkg.part('word/numbering.xml'));
  const abstract = new Map<string, Map<string, Level>>();
  for (const node of findAll(numbering, 'w:abstractNum')) {
    const levels = new Map<string, Level>();
    for (const lvl of findAll([node], 'w:lvl')) {
      const val = (tag: string) => attr(findFirst([lvl], tag) ?? {}, 'w:val');
      levels.set(attr(lvl, 'w:ilvl') ?? '0', { format: val('w:numFmt') ?? 'decimal', text: val('w:lvlText') ?? '', start: Number(val('w:start') ?? 1) });
    }
    abstract.set(attr(node, 'w:abstractNumId') ?? '', levels);
  }
  const nums = new Map<string, Map<string, Level>>();
  for (const node of findAll(numbering, 'w:num')) {
    const levels = new Map([...(abstract.get(attr(findFirst([node], 'w:abstractNumId') ?? {}, 'w:val') ?? '') ?? new Map<string, Level>())]);
    for (const override of findAll([node], 'w:lvlOverride')) {
      const ilvl = attr(override, 'w:ilvl') ?? '0';
      const start = findFirst([override], 'w:startOverride');
      const level = levels.get(ilvl);
      if (start !== undefined && level !== undefined) levels.set(ilvl, { ...level, start: Number(attr(start, 'w:val')) });
    }
    nums.set(attr(node, 'w:numId') ?? '', levels);
  }
  const counters = new Map<string, number[]>();
  return paras.map((para) => {
    if (para.numId === undefined) return undefined;
    const levels = nums.get(para.numId);
    const ilvl = Number(para.ilvl ?? 0);
    const level = levels?.get(String(ilvl));
    if (levels === undefined || level === undefined) return undefined;
    if (level.format === 'bullet') return level.text;
    const count = counters.get(para.numId) ?? [];
    count[ilvl] = count[ilvl] === undefined ? level.start : count[ilvl] + 1;
    count.length = ilvl + 1;
    counters.set(para.numId, count);
    return level.text.replace(/%(\d)/g, (_, k: string) => {
      const at = Number(k) - 1;
      return formatNumber(levels.get(String(at))?.format ?? 'decimal', count[at] ?? levels.get(String(at))?.start ?? 1);
    });
  });
}

/** Each table of a document part as rows of cell texts. */
export function tablesOf(xml: string): string[][][] {
  return findAll(parseXml(xml), 'w:tbl').map((table) =>
    findAll([table], 'w:tr').map((row) => findAll([row], 'w:tc').map((cell) => wordText(childrenOf(cell)))),
  );
}
