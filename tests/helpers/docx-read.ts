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
