// Tests of the DOCX writer: the package is unzipped and its XML parts read back and checked element by element.

import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Block, Doc } from '../../src/doc.js';
import { writeDocx } from '../../src/writers/docx.js';
import { cleanXmlText, describeChars } from '../../src/writers/docx-text.js';
import { readImageInfo } from '../../src/writers/docx-image.js';
import {
  attr,
  childrenOf,
  findAll,
  findFirst,
  listLabels,
  paragraphsOf,
  parseXml,
  readDocx,
  relationshipsOf,
  tagOf,
  wordText,
  xmlProblem,
  type DocxPackage,
  type XmlNode,
} from '../helpers/docx-read.js';
import { everyBlockDoc, HOSTILE, sampleMeta, SKOVBY, solidPng } from '../helpers/sample-doc.js';

const HYPERLINK_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

async function written(doc: Doc = everyBlockDoc(), logo?: Uint8Array): Promise<{ pkg: DocxPackage; warnings: Awaited<ReturnType<typeof writeDocx>>['warnings'] }> {
  const result = await writeDocx(doc, logo === undefined ? {} : { logo });
  return { pkg: await readDocx(result.bytes), warnings: result.warnings };
}

function headerPart(pkg: DocxPackage): string {
  return pkg.part(pkg.names.find((n) => /^word\/header\d+\.xml$/.test(n)) ?? 'word/header1.xml');
}

function footerPart(pkg: DocxPackage): string {
  return pkg.part(pkg.names.find((n) => /^word\/footer\d+\.xml$/.test(n)) ?? 'word/footer1.xml');
}

/** The w:abstractNum a numId points at, and the w:lvl of it for `ilvl`. */
function level(numberingXml: string, numId: string, ilvl: string): XmlNode {
  const tree = parseXml(numberingXml);
  const num = findAll(tree, 'w:num').find((n) => attr(n, 'w:numId') === numId);
  const abstractId = attr(findFirst(num ? [num] : [], 'w:abstractNumId') ?? {}, 'w:val');
  const abstract = findAll(tree, 'w:abstractNum').find((n) => attr(n, 'w:abstractNumId') === abstractId);
  const lvl = findAll(abstract ? [abstract] : [], 'w:lvl').find((n) => attr(n, 'w:ilvl') === ilvl);
  if (lvl === undefined) throw new Error(`no level ${ilvl} for numId ${numId}`);
  return lvl;
}

function startOverride(numberingXml: string, numId: string, ilvl: string): string | undefined {
  const num = findAll(parseXml(numberingXml), 'w:num').find((n) => attr(n, 'w:numId') === numId);
  const override = findAll(num ? [num] : [], 'w:lvlOverride').find((n) => attr(n, 'w:ilvl') === ilvl);
  const start = findFirst(override ? [override] : [], 'w:startOverride');
  return start === undefined ? undefined : attr(start, 'w:val');
}

function valOf(nodes: readonly XmlNode[], tag: string): string | undefined {
  const node = findFirst(nodes, tag);
  return node === undefined ? undefined : attr(node, 'w:val');
}

function docWith(blocks: Block[], meta = {}): Doc {
  return { meta: sampleMeta(SKOVBY, meta), blocks };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('writeDocx structure', () => {
  it('writes only well-formed XML parts', async () => {
    const { pkg } = await written(everyBlockDoc(), solidPng(30, 10));
    expect(pkg.names[0]).toBe('[Content_Types].xml');
    for (const [name, xml] of pkg.xml) expect(xmlProblem(xml), name).toBeUndefined();
  });

  it('uses the built-in heading styles, Doc level n as Heading n, coloured and in the outline', async () => {
    const { pkg } = await written();
    const paras = paragraphsOf(pkg.part('word/document.xml'));
    const style = (text: string) => paras.find((p) => p.text === text)?.style;
    expect(style('Referat Skovbyens Borgerservice Styregruppemøde')).toBe('Heading1');
    expect(style('Dagsorden')).toBe('Heading2');
    expect(style('Punkt 1: Velkomst')).toBe('Heading2');
    expect(style('Referat:')).toBe('Heading3');
    expect(style('Underafsnit på niveau fire')).toBe('Heading4');
    expect(style('Niveau fem')).toBe('Heading5');
    expect(style('Niveau seks')).toBe('Heading6');
    expect(style('V/ Mødeleder')).toBeUndefined();

    const styles = parseXml(pkg.part('word/styles.xml'));
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const def = findAll(styles, 'w:style').find((s) => attr(s, 'w:styleId') === `Heading${n}`);
      expect(def, `Heading${n}`).toBeDefined();
      const nodes = [def as XmlNode];
      expect(valOf(nodes, 'w:outlineLvl')).toBe(String(n - 1));
      expect(valOf(nodes, 'w:color')).toBe('1F4E79');
      expect(attr(findFirst(nodes, 'w:rFonts') ?? {}, 'w:ascii')).toBe('Calibri');
    }
  });

  it('sets the body font, size and the Danish language in the document defaults', async () => {
    const { pkg } = await written(everyBlockDoc({ font: 'Cambria' }));
    const defaults = findAll(parseXml(pkg.part('word/styles.xml')), 'w:rPrDefault');
    expect(attr(findFirst(defaults, 'w:rFonts') ?? {}, 'w:ascii')).toBe('Cambria');
    expect(attr(findFirst(defaults, 'w:rFonts') ?? {}, 'w:hAnsi')).toBe('Cambria');
    expect(valOf(defaults, 'w:sz')).toBe('22');
    const lang = findFirst(defaults, 'w:lang') ?? {};
    expect(attr(lang, 'w:val')).toBe('da-DK');
    expect(attr(lang, 'w:eastAsia')).toBe('da-DK');
    expect(attr(lang, 'w:bidi')).toBeDefined();
  });

  it('writes links as w:hyperlink with an external relationship to the address', async () => {
    const fragment = 'https://eksempel.dk/side#afsnit-2';
    const doc = everyBlockDoc();
    doc.blocks.push({ type: 'paragraph', children: [{ type: 'link', href: fragment, children: [{ type: 'text', text: 'afsnit 2' }] }] });
    const { pkg } = await written(doc);
    const tree = parseXml(pkg.part('word/document.xml'));
    const rels = relationshipsOf(pkg.part('word/_rels/document.xml.rels'));
    const links = findAll(tree, 'w:hyperlink');
    expect(links.map((l) => wordText(childrenOf(l)))).toEqual(['bilagsmappen', 'afsnit 2']);
    const addresses = links.map((link) => {
      const rel = rels.find((r) => r.id === attr(link, 'r:id'));
      expect(rel?.type).toBe(HYPERLINK_TYPE);
      expect(rel?.targetMode).toBe('External');
      const anchor = attr(link, 'w:anchor');
      expect(valOf([link], 'w:rStyle')).toBe('Hyperlink');
      return anchor === undefined ? rel?.target : `${rel?.target}#${anchor}`;
    });
    expect(addresses).toEqual([SKOVBY.attachments.href, fragment]);
    const styles = findAll(parseXml(pkg.part('word/styles.xml')), 'w:style');
    expect(styles.find((s) => attr(s, 'w:styleId') === 'Hyperlink' && attr(s, 'w:type') === 'character')).toBeDefined();
  });

  it('writes bold and italic runs, line breaks and tabs', async () => {
    const { pkg } = await written();
    const paras = paragraphsOf(pkg.part('word/document.xml'));
    const mixed = paras.find((p) => p.text.startsWith('Teksten indeholder'));
    const runs = findAll([mixed?.node ?? {}], 'w:r');
    const runOf = (text: string) => runs.find((r) => wordText(childrenOf(r)) === text) ?? {};
    expect(findFirst([runOf('fed')], 'w:b')).toBeDefined();
    expect(findFirst([runOf('fed')], 'w:i')).toBeUndefined();
    expect(findFirst([runOf('kursiv')], 'w:i')).toBeDefined();
    expect(findFirst([runOf(' og ')], 'w:b')).toBeUndefined();
    expect(paras.some((p) => p.text === 'Linje et\nlinje to\tmed tabulator')).toBe(true);
    expect(paras.some((p) => p.text === 'Mødedato: 06.03.2025\nMødetid: Kl. 9-12\nMødested: Rådhuset i Skovby')).toBe(true);
  });

  it('numbers each list with its own format and instance, so each ordered list starts again', async () => {
    const { pkg } = await written();
    const numbering = pkg.part('word/numbering.xml');
    const paras = paragraphsOf(pkg.part('word/document.xml'));
    const item = (text: string) => {
      const p = paras.find((x) => x.text === text);
      if (p?.numId === undefined || p.ilvl === undefined) throw new Error(`"${text}" is not a list item`);
      return { numId: p.numId, ilvl: p.ilvl };
    };
    const fmt = (text: string) => {
      const { numId, ilvl } = item(text);
      return valOf([level(numbering, numId, ilvl)], 'w:numFmt');
    };
    expect(fmt('Velkomst')).toBe('decimal');
    expect(fmt('Erfaringer fra de første uger (O)')).toBe('lowerLetter');
    expect(fmt('Ny vagtplan for foråret')).toBe('upperLetter');
    expect(fmt('Birte Holm, Skovby')).toBe('bullet');
    expect(fmt('Fjerde punkt')).toBe('decimal');

    expect(item('Velkomst').ilvl).toBe('0');
    expect(item('Erfaringer fra de første uger (O)').ilvl).toBe('1');
    expect(item('Velkomst').numId).toBe(item('Eventuelt').numId);
    const ordered = ['Velkomst', 'Erfaringer fra de første uger (O)', 'Ny vagtplan for foråret', 'Fjerde punkt'].map((t) => item(t).numId);
    expect(new Set(ordered).size).toBe(4);

    const start = (text: string) => {
      const { numId, ilvl } = item(text);
      return startOverride(numbering, numId, ilvl) ?? valOf([level(numbering, numId, ilvl)], 'w:start');
    };
    expect(start('Velkomst')).toBe('1');
    expect(start('Ny vagtplan for foråret')).toBe('1');
    expect(start('Fjerde punkt')).toBe('4');

    const indent = findFirst([level(numbering, item('Velkomst').numId, '0')], 'w:ind') ?? {};
    const nested = findFirst([level(numbering, item('Næste skridt (D)').numId, '1')], 'w:ind') ?? {};
    expect(Number(attr(indent, 'w:hanging'))).toBeGreaterThan(0);
    expect(Number(attr(nested, 'w:left'))).toBeGreaterThan(Number(attr(indent, 'w:left')));
  });

  it('keeps the further paragraphs of a list item indented with the item', async () => {
    const doc = docWith([
      {
        type: 'list',
        ordered: false,
        items: [[{ type: 'paragraph', children: [{ type: 'text', text: 'Første afsnit' }] }, { type: 'paragraph', children: [{ type: 'text', text: 'Andet afsnit' }] }]],
      },
    ]);
    const { pkg } = await written(doc);
    const paras = paragraphsOf(pkg.part('word/document.xml'));
    const second = paras.find((p) => p.text === 'Andet afsnit');
    expect(second?.numId).toBeUndefined();
    expect(Number(attr(findFirst([second?.node ?? {}], 'w:ind') ?? {}, 'w:left'))).toBeGreaterThan(0);
  });

  it('writes the table with a repeated header row, borders and widths that fill the text width', async () => {
    const { pkg } = await written();
    const table = findFirst(parseXml(pkg.part('word/document.xml')), 'w:tbl') ?? {};
    const rows = findAll([table], 'w:tr');
    expect(rows).toHaveLength(4);
    expect(findFirst([rows[0] ?? {}], 'w:tblHeader')).toBeDefined();
    expect(findFirst([rows[1] ?? {}], 'w:tblHeader')).toBeUndefined();
    const borders = findFirst([table], 'w:tblBorders') ?? {};
    for (const side of ['w:top', 'w:bottom', 'w:left', 'w:right', 'w:insideH', 'w:insideV']) {
      expect(attr(findFirst([borders], side) ?? {}, 'w:val'), side).toBe('single');
    }
    const grid = findAll([table], 'w:gridCol').map((c) => Number(attr(c, 'w:w')));
    expect(grid).toHaveLength(4);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 1134 - 1134);
    // Wider for more text, and the narrowest still holds a date.
    expect(grid[2]).toBe(Math.max(...grid));
    expect(grid[0]).toBeGreaterThan(10 * 110);
    const headerCells = findAll([rows[0] ?? {}], 'w:tc').map((c) => wordText(childrenOf(c)));
    expect(headerCells).toEqual(['Dato', 'Mødetype', 'Sted og vært', 'Tid']);
    expect(findAll([rows[0] ?? {}], 'w:b').length).toBeGreaterThanOrEqual(4);
    expect(findAll([rows[2] ?? {}], 'w:tc').map((c) => wordText(childrenOf(c)))).toEqual(['22.05.2025', 'Repræsentantskabsmøde', 'Kulturhuset, den store sal / Ådal Kommune', 'Kl. 10.30-15']);
  });

  it('writes rules as a bottom border and page breaks before the next heading, or as a break', async () => {
    const { pkg } = await written(docWith([{ type: 'paragraph', children: [{ type: 'text', text: 'Før' }] }, { type: 'rule' }, { type: 'pageBreak' }, { type: 'heading', level: 2, children: [{ type: 'text', text: 'Efter' }] }, { type: 'pageBreak' }]));
    const paras = paragraphsOf(pkg.part('word/document.xml'));
    expect(paras.map((p) => p.text)).toEqual(['Før', '', 'Efter', '\n']);
    expect(findFirst([paras[1]?.node ?? {}], 'w:pBdr')).toBeDefined();
    expect(findFirst([paras[2]?.node ?? {}], 'w:pageBreakBefore')).toBeDefined();
    expect(attr(findFirst([paras[3]?.node ?? {}], 'w:br') ?? {}, 'w:type')).toBe('page');
  });

  it("writes Word's keep-with-next on a paragraph kept with the next block, and on no other paragraph", async () => {
    const { pkg } = await written(
      docWith([
        { type: 'paragraph', keepWithNext: true, children: [{ type: 'text', text: 'Referat:', bold: true }] },
        { type: 'paragraph', children: [{ type: 'text', text: 'Styregruppen drøftede sagen.' }] },
      ]),
    );
    const paras = paragraphsOf(pkg.part('word/document.xml'));
    expect(paras.map((p) => [p.text, findFirst([p.node], 'w:keepNext') !== undefined])).toEqual([
      ['Referat:', true],
      ['Styregruppen drøftede sagen.', false],
    ]);
  });

  it('sets an A4 page with margins', async () => {
    const { pkg } = await written();
    const sect = findAll(parseXml(pkg.part('word/document.xml')), 'w:sectPr');
    const size = findFirst(sect, 'w:pgSz') ?? {};
    expect(attr(size, 'w:w')).toBe('11906');
    expect(attr(size, 'w:h')).toBe('16838');
    const margin = findFirst(sect, 'w:pgMar') ?? {};
    for (const side of ['w:top', 'w:bottom', 'w:left', 'w:right']) expect(Number(attr(margin, side))).toBeGreaterThanOrEqual(1000);
  });

  it('puts the organisation in the header and "Side X af Y" with PAGE and NUMPAGES fields in the footer', async () => {
    const { pkg } = await written(everyBlockDoc({ header: 'Ådalens Kontaktcenter & Co' }));
    const sect = findAll(parseXml(pkg.part('word/document.xml')), 'w:sectPr');
    expect(findAll(sect, 'w:headerReference')).toHaveLength(1);
    expect(findAll(sect, 'w:footerReference')).toHaveLength(1);
    expect(wordText(parseXml(headerPart(pkg)))).toContain('Ådalens Kontaktcenter & Co');

    const footer = parseXml(footerPart(pkg));
    expect(wordText(footer)).toBe('Side  af ');
    const instructions = findAll(footer, 'w:instrText').map((n) => childrenOf(n).map((c) => String(c['#text'])).join('').trim());
    expect(instructions).toEqual(['PAGE', 'NUMPAGES']);
    expect(findAll(footer, 'w:fldChar').map((n) => attr(n, 'w:fldCharType'))).toEqual(['begin', 'separate', 'end', 'begin', 'separate', 'end']);
  });

  // The body's marking is the document's own text, printed by the templates, so the DOCX and the PDF show the same one.
  it('marks a draft with UDKAST in the header of every page and adds none to the body', async () => {
    const draft = await written(everyBlockDoc({ draft: true }));
    const header = paragraphsOf(headerPart(draft.pkg));
    expect(header.map((p) => p.text).join('')).toContain('UDKAST');
    const redBold = findAll([header[0]?.node ?? {}], 'w:r').find((r) => wordText(childrenOf(r)).includes('UDKAST')) ?? {};
    expect(findFirst([redBold], 'w:b')).toBeDefined();
    expect(valOf([redBold], 'w:color')).toBe('C00000');
    expect(draft.pkg.part('word/document.xml')).not.toContain('UDKAST');

    const approved = await written(everyBlockDoc({ draft: false }));
    for (const [name, xml] of approved.pkg.xml) expect(xml.includes('UDKAST'), name).toBe(false);
  });

  it('shows the logo in the header, sized to its proportions, with the bytes given', async () => {
    const logo = solidPng(300, 100);
    const { pkg, warnings } = await written(everyBlockDoc(), logo);
    expect(warnings).toEqual([]);
    const header = parseXml(headerPart(pkg));
    const blip = findFirst(header, 'a:blip') ?? {};
    const name = pkg.names.find((n) => /^word\/_rels\/header\d+\.xml\.rels$/.test(n)) ?? '';
    const rel = relationshipsOf(pkg.part(name)).find((r) => r.id === attr(blip, 'r:embed'));
    expect(rel?.target).toMatch(/^media\/.+\.png$/);
    expect(pkg.binary.get(`word/${rel?.target ?? ''}`)).toEqual(logo);
    const extent = findFirst(header, 'wp:extent') ?? {};
    expect(Number(attr(extent, 'cx')) / Number(attr(extent, 'cy'))).toBeCloseTo(3, 2);
  });

  it('leaves out a logo that is not a PNG or JPEG, with a warning', async () => {
    const { pkg, warnings } = await written(everyBlockDoc(), new TextEncoder().encode('<html>ikke et billede</html>'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/logo/);
    expect(findFirst(parseXml(headerPart(pkg)), 'w:drawing')).toBeUndefined();
    expect(wordText(parseXml(headerPart(pkg)))).toContain('Skovbyens Borgerservice');
  });

  it('writes the core properties from the meta: title, subject, author, language, the meeting date', async () => {
    const { pkg } = await written(everyBlockDoc({ title: 'Dagsorden <DDH> & "venner"', subject: 'Møde 6. marts', author: 'Ådalens Kontaktcenter' }));
    const core = parseXml(pkg.part('docProps/core.xml'));
    const text = (tag: string) => childrenOf(findFirst(core, tag) ?? {}).map((c) => String(c['#text'] ?? '')).join('');
    expect(text('dc:title')).toBe('Dagsorden <DDH> & "venner"');
    expect(text('dc:subject')).toBe('Møde 6. marts');
    expect(text('dc:creator')).toBe('Ådalens Kontaktcenter');
    expect(text('cp:lastModifiedBy')).toBe('Ådalens Kontaktcenter');
    expect(text('dc:language')).toBe('da-DK');
    expect(text('dcterms:created')).toBe('2025-03-06T00:00:00Z');
    expect(text('dcterms:modified')).toBe('2025-03-06T00:00:00Z');
  });
});

describe('writeDocx text', () => {
  it('keeps & < > \' " æøå – ’ “ ” ▪ → and {{ }} literally in headings and paragraphs', async () => {
    const { pkg, warnings } = await written();
    expect(warnings).toEqual([]);
    const xml = pkg.part('word/document.xml');
    const texts = paragraphsOf(xml).map((p) => p.text);
    expect(texts).toContain(`Punkt 2: Særlige tegn ${HOSTILE}`);
    expect(texts.some((t) => t.startsWith(`Teksten indeholder ${HOSTILE} og `))).toBe(true);
    // Written as UTF-8 characters, not as character references.
    expect(xml).toContain('æøå ÆØÅ – ’ “ ” ▪ → {{ navn }} {{#if x}}');
    expect(xml).not.toMatch(/&#x?[0-9a-f]+;/i);
  });

  it('removes characters XML cannot hold, warns with each of them, and still writes well-formed parts', async () => {
    const bad = ['\uFFFE', '\uD800', '\u0001\u0002', '\uFDD0', '\u{1FFFF}', '\uDC00'];
    const doc = docWith(
      [
        { type: 'heading', level: 2, children: [{ type: 'text', text: `Punkt${bad[0]} 1` }] },
        { type: 'paragraph', children: [{ type: 'text', text: `a${bad[1]}b${bad[2]}c 😀 d${bad[3]}` }] },
        { type: 'paragraph', children: [{ type: 'link', href: `https://eksempel.dk/${bad[4]}x`, children: [{ type: 'text', text: `lin${bad[5]}k` }] }] },
      ],
      { title: `Titel${bad[0]}`, header: `Ådal\u0007` },
    );
    const { pkg, warnings } = await written(doc);
    for (const [name, xml] of pkg.xml) {
      expect(xmlProblem(xml), name).toBeUndefined();
      expect(xml, name).not.toMatch(/[\uFFFE\uFDD0\u0001\u0002\u0007]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    const texts = paragraphsOf(pkg.part('word/document.xml')).map((p) => p.text);
    expect(texts).toEqual(['Punkt 1', 'abc 😀 d', 'link']);
    expect(warnings.map((w) => w.chars).sort()).toEqual([...bad, '\uFFFE', '\u0007'].sort());
    expect(warnings.every((w) => /U\+[0-9A-F]{4}/.test(w.message))).toBe(true);
  });

  it('cleanXmlText keeps tabs, line ends and astral characters, and groups adjacent removals', () => {
    expect(cleanXmlText('a\tb\nc\r\n😀')).toEqual({ text: 'a\tb\nc\r\n😀', removed: [] });
    expect(cleanXmlText('x\u0000\u0008y\uFFFFz\uD83D')).toEqual({ text: 'xyz', removed: ['\u0000\u0008', '\uFFFF', '\uD83D'] });
    expect(cleanXmlText('\u{10FFFE}ok\u{E000}')).toEqual({ text: 'ok\u{E000}', removed: ['\u{10FFFE}'] });
    expect(describeChars('\uFFFE\uD800\u{1FFFF}')).toBe('U+FFFE U+D800 U+1FFFF');
  });

  it('cleanXmlText leaves no character XML or Word rejects and keeps every other one, for any text', () => {
    // Judged code point by code point, independently of how cleanXmlText finds them.
    const rejected = (cp: number) => (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
    const piece = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('\u0000', '\u0008', '\u000B', '\u001F', '\t', '\r\n', '\uD800', '\uDC00', '\uFDD0', '\uFFFF', '\u{1FFFE}', '\u{10FFFF}', 'æ😀'));
    fc.assert(
      fc.property(fc.array(piece).map((pieces) => pieces.join('')), (input) => {
        const { text, removed } = cleanXmlText(input);
        const kept = [...input].filter((char) => !rejected(char.codePointAt(0) as number)).join('');
        expect(text).toBe(kept);
        expect(removed.join('').length).toBe(input.length - text.length);
      }),
    );
  });

  it('reads the size of PNG and JPEG logos', () => {
    expect(readImageInfo(solidPng(12, 5))).toEqual({ type: 'png', width: 12, height: 5 });
    // A minimal JPEG head: SOI, an APP0 segment, then SOF0 with height 7 and width 9.
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x07, 0x00, 0x09, 0x01, 0x01, 0x11, 0x00]);
    expect(readImageInfo(jpeg)).toEqual({ type: 'jpg', width: 9, height: 7 });
    expect(readImageInfo(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});

describe('writeDocx determinism', () => {
  it('gives byte-identical files for the same Doc, whatever was written before and whatever the clock says', async () => {
    const first = await writeDocx(everyBlockDoc(), { logo: solidPng(30, 10) });
    // Another document with links, lists and a logo in between: no numbering or id carries over from one document to the next.
    await writeDocx(everyBlockDoc({ draft: false, title: 'Andet' }), { logo: solidPng(40, 40) });
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-07-15T13:45:00Z') });
    const second = await writeDocx(everyBlockDoc(), { logo: solidPng(30, 10) });
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it('dates every zip entry at the meeting date and derives relationship ids from their position', async () => {
    const { pkg } = await written();
    for (const [name, date] of pkg.dates) expect(date.toISOString(), name).toBe('2025-03-06T00:00:00.000Z');
    const ids = relationshipsOf(pkg.part('word/_rels/document.xml.rels')).map((r) => r.id);
    expect(ids).toEqual(ids.map((_, n) => `rId${n + 1}`));
  });

  it('changes when the Doc changes', async () => {
    const a = await writeDocx(everyBlockDoc());
    const b = await writeDocx(everyBlockDoc({ date: '2025-03-07' }));
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(false);
  });
});

describe('writeDocx edge cases', () => {
  it('falls back to a default heading colour, with a warning, when the colour is not six hex digits', async () => {
    const { pkg, warnings } = await written(everyBlockDoc({ colour: 'blå' }));
    expect(warnings.map((w) => w.message)).toEqual([expect.stringContaining('"blå"')]);
    const heading = findAll(parseXml(pkg.part('word/styles.xml')), 'w:style').find((s) => attr(s, 'w:styleId') === 'Heading2');
    expect(valOf(heading ? [heading] : [], 'w:color')).toMatch(/^[0-9A-F]{6}$/);
  });

  it('fills the text width with a table of more columns than fit, each a share of it', async () => {
    const wide = Array.from({ length: 12 }, (_, n) => [{ type: 'text' as const, text: `Kolonneoverskrift${n}` }]);
    const { pkg } = await written(docWith([{ type: 'table', header: wide, rows: [] }]));
    const grid = findAll(parseXml(pkg.part('word/document.xml')), 'w:gridCol').map((c) => Number(attr(c, 'w:w')));
    expect(grid).toHaveLength(12);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 1134 - 1134);
    expect(Math.min(...grid)).toBeGreaterThan(0);
  });

  it('leaves out a table with neither header nor rows, and pads short rows with empty cells', async () => {
    const { pkg } = await written(
      docWith([
        { type: 'table', header: [], rows: [] },
        { type: 'table', header: [[{ type: 'text', text: 'A' }], [{ type: 'text', text: 'B' }]], rows: [[[{ type: 'text', text: 'kun én' }]]] },
      ]),
    );
    const tables = findAll(parseXml(pkg.part('word/document.xml')), 'w:tbl');
    expect(tables).toHaveLength(1);
    const cells = findAll(findAll(tables, 'w:tr').slice(1), 'w:tc').map((c) => wordText(childrenOf(c)));
    expect(cells).toEqual(['kun én', '']);
  });

  it('writes an empty document and a list item that starts with a nested list', async () => {
    const empty = await written(docWith([], { draft: false }));
    expect(paragraphsOf(empty.pkg.part('word/document.xml')).map((p) => p.text)).toEqual(['']);
    const nested = await written(
      docWith([{ type: 'list', ordered: true, style: 'decimal', start: 1, items: [[{ type: 'list', ordered: false, items: [[{ type: 'paragraph', children: [{ type: 'text', text: 'Inderst' }] }]] }]] }], { draft: false }),
    );
    const paras = paragraphsOf(nested.pkg.part('word/document.xml'));
    expect(paras.map((p) => [p.text, p.ilvl])).toEqual([
      ['', '0'],
      ['Inderst', '1'],
    ]);
  });
});

/**
 * The order of children the WordprocessingML schema fixes for the elements the writer fills (ECMA-376 part 1,
 * CT_PPrBase, CT_RPr, CT_TblPr, CT_TcPr, CT_SectPr …), cut to the children a document could hold here. Word reports
 * a file whose properties are out of order as damaged. Children of equal rank are a choice and may come in any order.
 */
const SCHEMA_ORDER: Record<string, string[][]> = {
  'w:pPr': [['w:pStyle'], ['w:keepNext'], ['w:keepLines'], ['w:pageBreakBefore'], ['w:widowControl'], ['w:numPr'], ['w:pBdr'], ['w:shd'], ['w:tabs'], ['w:spacing'], ['w:ind'], ['w:contextualSpacing'], ['w:jc'], ['w:outlineLvl'], ['w:rPr']],
  'w:rPr': [['w:rStyle'], ['w:rFonts'], ['w:b'], ['w:bCs'], ['w:i'], ['w:iCs'], ['w:color'], ['w:sz'], ['w:szCs'], ['w:u'], ['w:lang']],
  'w:tblPr': [['w:tblStyle'], ['w:tblW'], ['w:jc'], ['w:tblInd'], ['w:tblBorders'], ['w:shd'], ['w:tblLayout'], ['w:tblCellMar'], ['w:tblLook']],
  'w:tblBorders': [['w:top'], ['w:left'], ['w:bottom'], ['w:right'], ['w:insideH'], ['w:insideV']],
  'w:tblCellMar': [['w:top'], ['w:left'], ['w:bottom'], ['w:right']],
  'w:tcPr': [['w:tcW'], ['w:gridSpan'], ['w:vMerge'], ['w:tcBorders'], ['w:shd'], ['w:noWrap'], ['w:tcMar'], ['w:vAlign']],
  'w:trPr': [['w:cantSplit', 'w:tblHeader']],
  'w:tbl': [['w:tblPr'], ['w:tblGrid'], ['w:tr']],
  'w:tr': [['w:trPr'], ['w:tc']],
  'w:tc': [['w:tcPr'], ['w:p', 'w:tbl']],
  'w:sectPr': [['w:headerReference', 'w:footerReference'], ['w:type'], ['w:pgSz'], ['w:pgMar'], ['w:pgNumType'], ['w:cols'], ['w:titlePg'], ['w:docGrid']],
  'w:body': [['w:p', 'w:tbl'], ['w:sectPr']],
  'w:style': [['w:name'], ['w:basedOn'], ['w:next'], ['w:link'], ['w:uiPriority'], ['w:semiHidden'], ['w:unhideWhenUsed'], ['w:qFormat'], ['w:pPr'], ['w:rPr'], ['w:tblPr']],
  'w:styles': [['w:docDefaults'], ['w:latentStyles'], ['w:style']],
  'w:docDefaults': [['w:rPrDefault'], ['w:pPrDefault']],
  'w:numbering': [['w:abstractNum'], ['w:num']],
  'w:abstractNum': [['w:nsid'], ['w:multiLevelType'], ['w:lvl']],
  'w:lvl': [['w:start'], ['w:numFmt'], ['w:lvlText'], ['w:lvlJc'], ['w:pPr'], ['w:rPr']],
  'w:num': [['w:abstractNumId'], ['w:lvlOverride']],
  'w:settings': [['w:defaultTabStop'], ['w:compat']],
};

/** Each element of `nodes`, at any depth, whose children break SCHEMA_ORDER (or the run and paragraph rule: properties first). */
function orderProblems(nodes: readonly XmlNode[], where: string): string[] {
  const problems: string[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === undefined) continue;
    const children = childrenOf(node).map(tagOf).filter((child): child is string => child !== undefined);
    const order = SCHEMA_ORDER[tag];
    if (order !== undefined) {
      const ranks = children.map((child) => order.findIndex((group) => group.includes(child)));
      if (ranks.some((rank, n) => rank < 0 || rank < (ranks[n - 1] ?? 0))) problems.push(`${where}: <${tag}> holds ${children.join(', ')}`);
    }
    const props = tag === 'w:p' ? 'w:pPr' : tag === 'w:r' ? 'w:rPr' : undefined;
    if (props !== undefined && children.indexOf(props) > 0) problems.push(`${where}: <${tag}> has ${props} after other children`);
    problems.push(...orderProblems(childrenOf(node), where));
  }
  return problems;
}

describe('writeDocx package', () => {
  /** Every block and inline in every position where properties pile up: a kept, indented paragraph after a page break, a bold link in a table header. */
  function crowdedDoc(): Doc {
    const doc = everyBlockDoc({ draft: true });
    const linkText = { type: 'link' as const, href: 'https://eksempel.dk/a?b=1&c=2', children: [{ type: 'text' as const, text: 'Sted', italic: true }] };
    doc.blocks.push(
      {
        type: 'list',
        ordered: false,
        items: [[{ type: 'paragraph', children: [{ type: 'text', text: 'Punkt' }] }, { type: 'pageBreak' }, { type: 'paragraph', keepWithNext: true, children: [{ type: 'text', text: 'Fortsat' }] }, { type: 'rule' }]],
      },
      { type: 'table', header: [[linkText], [{ type: 'text', text: 'Tid' }]], rows: [[[{ type: 'text', text: 'Teams' }], [{ type: 'text', text: 'Kl. 9' }]]] },
    );
    return doc;
  }

  it('writes the children of every property element in the order the schema fixes', async () => {
    const { pkg } = await written(crowdedDoc(), solidPng(30, 10));
    const doc = paragraphsOf(pkg.part('word/document.xml'));
    // The crowded paragraph really carries the properties whose order is checked.
    const kept = doc.find((para) => para.text === 'Fortsat');
    const pPr = childrenOf(kept?.node ?? {}).find((child) => tagOf(child) === 'w:pPr') ?? {};
    expect(childrenOf(pPr).map(tagOf)).toEqual(['w:keepNext', 'w:pageBreakBefore', 'w:ind']);
    const problems = [...pkg.xml].filter(([name]) => name.startsWith('word/') && name.endsWith('.xml')).flatMap(([name, xml]) => orderProblems(parseXml(xml), name));
    expect(problems).toEqual([]);
  });

  it('holds only the parts a document needs, each with a content type and every relationship resolving', async () => {
    const { pkg } = await written(crowdedDoc(), solidPng(30, 10));
    expect([...pkg.names].sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/core.xml',
        'word/document.xml',
        'word/_rels/document.xml.rels',
        'word/styles.xml',
        'word/numbering.xml',
        'word/settings.xml',
        'word/header1.xml',
        'word/_rels/header1.xml.rels',
        'word/media/logo.png',
        'word/footer1.xml',
      ].sort(),
    );
    const types = parseXml(pkg.part('[Content_Types].xml'));
    const overrides = new Set(findAll(types, 'Override').map((o) => attr(o, 'PartName')));
    const defaults = new Set(findAll(types, 'Default').map((d) => attr(d, 'Extension')));
    for (const name of pkg.names.filter((n) => n !== '[Content_Types].xml')) {
      expect(overrides.has(`/${name}`) || defaults.has(name.split('.').pop()), name).toBe(true);
    }
    for (const relsName of pkg.names.filter((n) => n.endsWith('.rels'))) {
      const folder = relsName.replace(/_rels\/[^/]*$/, '');
      const owner = relsName.replace(/_rels\/([^/]*)\.rels$/, '$1');
      const rels = relationshipsOf(pkg.part(relsName));
      for (const rel of rels.filter((r) => r.targetMode !== 'External')) expect(pkg.names, `${relsName} ${rel.target}`).toContain(`${folder}${rel.target}`);
      // Every id a part refers to is one of its relationships.
      if (owner === '') continue;
      const used = [...pkg.part(owner).matchAll(/\br:(?:id|embed)="([^"]*)"/g)].map((m) => m[1]);
      for (const id of used) expect(rels.map((r) => r.id), `${owner} ${id}`).toContain(id);
    }
    // The document names its header and footer through its own relationships.
    const rels = relationshipsOf(pkg.part('word/_rels/document.xml.rels'));
    const sect = findAll(parseXml(pkg.part('word/document.xml')), 'w:sectPr');
    expect(rels.find((r) => r.id === attr(findFirst(sect, 'w:headerReference') ?? {}, 'r:id'))?.target).toBe('header1.xml');
    expect(rels.find((r) => r.id === attr(findFirst(sect, 'w:footerReference') ?? {}, 'r:id'))?.target).toBe('footer1.xml');
  });

  it('gives links to one address one relationship, with the address escaped and intact', async () => {
    const href = 'https://eksempel.dk/søg?q="møde"&side=<2>';
    const link = { type: 'link' as const, href, children: [{ type: 'text' as const, text: 'søg' }] };
    const { pkg } = await written(docWith([{ type: 'paragraph', children: [link] }, { type: 'paragraph', children: [{ type: 'text', text: 'igen: ' }, link] }]));
    const links = findAll(parseXml(pkg.part('word/document.xml')), 'w:hyperlink');
    expect(links).toHaveLength(2);
    expect(attr(links[0] ?? {}, 'r:id')).toBe(attr(links[1] ?? {}, 'r:id'));
    const external = relationshipsOf(pkg.part('word/_rels/document.xml.rels')).filter((r) => r.targetMode === 'External');
    expect(external.map((r) => [r.id, r.target])).toEqual([[attr(links[0] ?? {}, 'r:id'), href]]);
  });

  it('escapes & < > and " in text and in attribute values: header, alternative text, font and styles', async () => {
    const header = 'Kontor "Nord" & <Syd>';
    const { pkg } = await written(everyBlockDoc({ header, font: 'Font & "Co"', title: 'A <&> "B"' }), solidPng(30, 10));
    for (const [name, xml] of pkg.xml) expect(xmlProblem(xml), name).toBeUndefined();
    const head = parseXml(headerPart(pkg));
    expect(wordText(head)).toContain(header);
    expect(attr(findFirst(head, 'wp:docPr') ?? {}, 'descr')).toBe(header);
    const defaults = findAll(parseXml(pkg.part('word/styles.xml')), 'w:rPrDefault');
    expect(attr(findFirst(defaults, 'w:rFonts') ?? {}, 'w:ascii')).toBe('Font & "Co"');
    expect(childrenOf(findFirst(parseXml(pkg.part('docProps/core.xml')), 'dc:title') ?? {}).map((c) => c['#text']).join('')).toBe('A <&> "B"');
  });

  it('starts each ordered list again, also right after another list of the same style', async () => {
    const ordered = (start: number, ...texts: string[]): Block => ({ type: 'list', ordered: true, style: 'upper-alpha', start, items: texts.map((text) => [{ type: 'paragraph', children: [{ type: 'text', text }] }]) });
    const { pkg } = await written(docWith([ordered(1, 'a1', 'a2'), ordered(1, 'b1', 'b2'), ordered(3, 'c3')]));
    const paras = paragraphsOf(pkg.part('word/document.xml'));
    expect(listLabels(pkg, paras)).toEqual(['A.', 'B.', 'A.', 'B.', 'C.']);
    expect(new Set(paras.map((p) => p.numId)).size).toBe(3);
  });

  it('writes a line break inside text, a tab and a leading space so that Word keeps them', async () => {
    const { pkg } = await written(docWith([{ type: 'paragraph', children: [{ type: 'text', text: ' ind\r\nrykket\tud ' }] }]));
    const run = findFirst(parseXml(pkg.part('word/document.xml')), 'w:r') ?? {};
    expect(childrenOf(run).map(tagOf)).toEqual(['w:t', 'w:br', 'w:t', 'w:tab', 'w:t']);
    expect(findAll([run], 'w:t').map((t) => attr(t, 'xml:space'))).toEqual(['preserve', 'preserve', 'preserve']);
    expect(wordText([run])).toBe(' ind\nrykket\tud ');
  });
});
