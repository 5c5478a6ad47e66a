// The PDF writer, read back with pdf-lib: page size, tagging, language, bookmarks, links, fonts, determinism, warnings.

import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { XMLValidator } from 'fast-xml-parser';
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Doc, Inline } from '../../src/doc.js';
import { writePdf } from '../../src/writers/pdf.js';
import { loadPdf, readPdfFacts, type PdfFacts } from '../helpers/pdf-read.js';
import { FJORDLAND, h, ITEM_TITLES, p, PLAN_LINK, sampleMeta, severalPagesDoc, solidPng, t } from '../helpers/sample-doc.js';
import { inlineText } from '../markdown/doc-text.js';

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const trailerId = (bytes: Uint8Array): string | undefined => /\/ID \[<([0-9a-f]+)>/.exec(latin1(bytes))?.[1];

/** Each page's content streams, in order. */
function pageContentStreams(pdf: PDFDocument): PDFRawStream[][] {
  return pdf.getPages().map((page) => {
    const contents = page.node.Contents();
    const refs = contents instanceof PDFArray ? contents.asArray() : [page.node.get(PDFName.of('Contents'))];
    return refs.map((ref) => {
      const stream = pdf.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) throw new Error('a page content that is not a stream');
      return stream;
    });
  });
}

describe('writePdf on a sample agenda with minutes', () => {
  let bytes: Uint8Array;
  let facts: PdfFacts;
  let warnings: unknown[];

  beforeAll(async () => {
    const result = await writePdf(severalPagesDoc());
    bytes = result.bytes;
    warnings = result.warnings;
    facts = await readPdfFacts(bytes);
  });

  it('makes several A4 pages and no warnings', () => {
    expect(facts.pages).toBeGreaterThanOrEqual(3);
    for (const box of facts.mediaBoxes) expect(box).toEqual([0, 0, 595.28, 841.89]);
    expect(warnings).toEqual([]);
  });

  it('is a tagged PDF in Danish that shows its title', () => {
    expect(facts.lang).toBe('da-DK');
    expect(facts.marked).toBe(true);
    expect(facts.hasStructTreeRoot).toBe(true);
    expect(facts.displayDocTitle).toBe(true);
    expect(facts.title).toBe('Referat Fjordlandets Borgerhjælp Styregruppemøde 13.03.2025');
  });

  it('tags headings, paragraphs, lists, the table and links', () => {
    for (const type of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Link']) {
      expect(facts.structTypes, type).toContain(type);
    }
    expect(facts.structTypes.filter((s) => s === 'H2')).toHaveLength(ITEM_TITLES.length + 3);
    expect(facts.structTypes.filter((s) => s === 'TR')).toHaveLength(4);
    expect(facts.structTypes.filter((s) => s === 'TH')).toHaveLength(4);
  });

  it('bookmarks every level-2 heading at the top level, in order, and the level-3 headings below the one before them, closed', async () => {
    const expected = ['Dagsorden', 'Der er afbud fra', ...ITEM_TITLES.map((title, i) => `Punkt ${i + 1}: ${title}`), 'Næste styregruppemøder og repræsentantskabsmøder'];
    expect(facts.outlineTitles).toEqual(expected);
    expect(facts.outlineCount).toBe(expected.length);
    const headings = severalPagesDoc().blocks.flatMap((b) => (b.type === 'heading' && (b.level === 2 || b.level === 3) ? [b] : []));
    expect(headings.filter((b) => b.level === 3).length).toBeGreaterThan(ITEM_TITLES.length);
    expect(facts.bookmarks).toEqual(headings.map((b) => inlineText(b.children)));

    // Each top-level bookmark holds the level-3 headings up to the next level-2 one, and says so in a negative Count.
    const catalog = (await loadPdf(bytes)).catalog;
    const item = (dict: PDFDict, key: string): PDFDict | undefined => catalog.context.lookupMaybe(dict.get(PDFName.of(key)), PDFDict);
    const below = headings.reduce<number[]>((n, b) => (b.level === 2 ? [...n, 0] : [...n.slice(0, -1), (n.at(-1) ?? 0) + 1]), []);
    const counts: (number | undefined)[] = [];
    for (let top = item(item(catalog, 'Outlines')!, 'First')!; ; ) {
      counts.push((top.get(PDFName.of('Count')) as { asNumber(): number } | undefined)?.asNumber());
      const next = item(top, 'Next');
      if (next === undefined) break;
      top = next;
    }
    expect(counts).toEqual(below.map((n) => (n === 0 ? undefined : -n)));
  });

  it('makes links real link annotations, tagged in the structure tree', () => {
    const all = facts.links.flat();
    expect(all).toEqual([FJORDLAND.attachments.href, PLAN_LINK]);
    expect(facts.links[0]).toEqual([FJORDLAND.attachments.href]);
    expect(facts.taggedLinks).toBe(2);
  });

  it('embeds every font it uses', () => {
    expect([...facts.fonts.keys()].some((name) => name.includes('Carlito-Regular'))).toBe(true);
    expect([...facts.fonts.keys()].some((name) => name.includes('DejaVuSans'))).toBe(true);
    for (const [name, embedded] of facts.fonts) expect(embedded, name).toBe(true);
  });

  it('takes its dates from the meeting, not the clock', async () => {
    const pdf = await loadPdf(bytes);
    expect(pdf.getCreationDate()?.toISOString()).toBe('2025-03-13T00:00:00.000Z');
    expect(pdf.getModificationDate()?.toISOString()).toBe('2025-03-13T00:00:00.000Z');
  });

  it("ends a page's drawn content when the next page begins, and draws its header and footer in a second stream", async () => {
    const pages = pageContentStreams(await loadPdf(bytes));
    const streams = pages.map((page) => page.map((stream) => latin1(decodePDFRawStream(stream).decode())));
    streams.forEach((contents, index) => {
      const last = index === pages.length - 1;
      expect(contents, `page ${index + 1}`).toHaveLength(last ? 1 : 2);
      expect(contents[0]).toMatch(/\/MCID \d+/);
      if (!last) {
        expect(contents[0]).not.toMatch(/\/Pagination/);
        expect(contents[1]).toMatch(/\/Artifact <<\n\/Type \/Pagination/);
        expect(contents[1]).not.toMatch(/\/MCID/);
      }
    });
  });

  it('deflates every page content stream at zlib level 3, faster than the default for little more size', async () => {
    const streams = pageContentStreams(await loadPdf(bytes)).flat();
    expect(streams.length).toBeGreaterThan(4);
    for (const stream of streams) {
      expect(stream.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('FlateDecode'));
      const content = decodePDFRawStream(stream).decode();
      expect(Buffer.compare(Buffer.from(stream.getContents()), deflateSync(content, { level: 3 }))).toBe(0);
    }
  });
});

describe('determinism', () => {
  it('gives byte-identical files for the same Doc, and another ID for another Doc', async () => {
    const first = await writePdf(severalPagesDoc());
    const second = await writePdf(severalPagesDoc());
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
    const changed = severalPagesDoc();
    changed.blocks.push(p(t('Et ekstra afsnit.')));
    const third = await writePdf(changed);
    expect(trailerId(third.bytes)).toMatch(/^[0-9a-f]{32}$/);
    expect(trailerId(third.bytes)).not.toBe(trailerId(first.bytes));
    // The ID digests the file up to its cross-reference table.
    const text = latin1(third.bytes);
    const upToXref = third.bytes.subarray(0, text.lastIndexOf('\nxref\n') + 1);
    expect(trailerId(third.bytes)).toBe(createHash('md5').update(upToXref).digest('hex'));
  });
});

describe('metadata', () => {
  it('keeps & < > in the title valid in the XMP metadata and exact in the info dictionary', async () => {
    const title = `Dagsorden R&D <udvalg> "test" ’${'æøå'}`;
    const { bytes } = await writePdf({ meta: sampleMeta(FJORDLAND, { title }), blocks: [p(t('Tekst.'))] });
    const pdf = await loadPdf(bytes);
    expect(pdf.getTitle()).toBe(title);
    const { xmp } = await readPdfFacts(bytes);
    expect(xmp).toBeDefined();
    expect(XMLValidator.validate(`<root>${xmp}</root>`)).toBe(true);
    expect(xmp).toContain('Dagsorden R&#38;D &#60;udvalg&#62;');
    expect(xmp).toContain('pdfuaid:part');
  });
});

describe('characters', () => {
  it('sets characters Carlito lacks in DejaVu Sans without a warning', async () => {
    const { warnings } = await writePdf({ meta: sampleMeta(FJORDLAND), blocks: [p(t('Pil → og firkant ▪ og ◦'))] });
    expect(warnings).toEqual([]);
  });

  it('warns about characters no shipped font has, naming them, and still makes a valid PDF', async () => {
    const { bytes, warnings } = await writePdf({ meta: sampleMeta(FJORDLAND), blocks: [h(2, 'Punkt 1: Enhjørning 🦄'), p(t('Tegn: 中 og 🦄 og ᚠ.'))] });
    expect(warnings.map((w) => w.chars)).toEqual(['🦄', '中', 'ᚠ']);
    for (const warning of warnings) expect(warning.message).toContain('none of the PDF');
    const facts = await readPdfFacts(bytes);
    expect(facts.pages).toBe(1);
    expect(facts.outlineTitles).toEqual(['Punkt 1: Enhjørning 🦄']);
  });

  it('warns once when the Doc asks for a font other than Calibri', async () => {
    const { warnings } = await writePdf({ meta: sampleMeta(FJORDLAND, { font: 'Garamond' }), blocks: [p(t('Tekst.'))] });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain("'Garamond'");
  });
});

describe('logo', () => {
  it('puts one image object in the header of every page', async () => {
    const { bytes, warnings } = await writePdf(severalPagesDoc(), { logo: solidPng(2, 2) });
    expect(warnings).toEqual([]);
    const pdf = await loadPdf(bytes);
    const images = new Set<string>();
    for (const page of pdf.getPages()) {
      const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
      expect(xobjects?.keys().length).toBe(1);
      for (const [, ref] of xobjects?.entries() ?? []) images.add(ref.toString());
    }
    expect(images.size).toBe(1);
  });

  it('warns and leaves the logo out when it is not an image', async () => {
    const { bytes, warnings } = await writePdf(severalPagesDoc(), { logo: new TextEncoder().encode('<html>ikke et billede</html>') });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('logo');
    expect((await readPdfFacts(bytes)).pages).toBeGreaterThan(1);
  });
});

/** Structure elements in document order with the page each begins on. */
async function structPages(bytes: Uint8Array): Promise<{ type: string; page: string }[]> {
  const pdf = await loadPdf(bytes);
  const out: { type: string; page: string }[] = [];
  const walk = (node: PDFObject | undefined): void => {
    const value = node instanceof PDFRef ? pdf.context.lookup(node) : node;
    if (value instanceof PDFArray) {
      value.asArray().forEach(walk);
    } else if (value instanceof PDFDict) {
      const type = value.get(PDFName.of('S'));
      if (type !== undefined) out.push({ type: type.toString().slice(1), page: value.get(PDFName.of('Pg'))?.toString() ?? '' });
      walk(value.get(PDFName.of('K')));
    }
  };
  walk(pdf.catalog.get(PDFName.of('StructTreeRoot')));
  return out;
}

describe('page breaks', () => {
  it('never leaves a heading alone at the foot of a page', async () => {
    let pushed = 0;
    // 26 one-line paragraphs and one of 1–8 lines move the heading through the foot of the first page in line steps.
    for (let lines = 1; lines <= 8; lines += 1) {
      const blocks: Block[] = [
        p(...Array.from({ length: lines }, (_, i): Inline[] => [t(`Linje ${i + 1}`), { type: 'break' }]).flat()),
        ...Array.from({ length: 26 }, (_, i) => p(t(`Fyldlinje nummer ${i + 1}.`))),
        h(2, 'Punkt 9: Overskriften'),
        p(t('Første afsnit under overskriften, langt nok til at fylde to linjer i bredden, så vi kan se at overskriften holdes sammen med mindst de første linjer af det, der følger efter den.')),
      ];
      const { bytes } = await writePdf({ meta: sampleMeta(FJORDLAND, { draft: false }), blocks } satisfies Doc);
      const elements = await structPages(bytes);
      const heading = elements.findIndex((e) => e.type === 'H2');
      const after = elements[heading + 1];
      expect(after?.type).toBe('P');
      expect(after?.page, `${lines} lines`).toBe(elements[heading]?.page);
      if (elements[heading]?.page !== elements[heading - 1]?.page) pushed += 1;
    }
    expect(pushed).toBeGreaterThan(0);
  });

  /** The pages the label and the paragraph after it land on, for filler of `lines` lines before them. */
  async function labelPages(lines: number, keepWithNext: boolean): Promise<{ label: string; next: string; before: string }> {
    const label: Block = keepWithNext ? { type: 'paragraph', keepWithNext: true, children: [t('Introduktion:', { bold: true })] } : p(t('Introduktion:', { bold: true }));
    const blocks: Block[] = [
      p(...Array.from({ length: lines }, (_, i): Inline[] => [t(`Linje ${i + 1}`), { type: 'break' }]).flat()),
      ...Array.from({ length: 27 }, (_, i) => p(t(`Fyldlinje nummer ${i + 1}.`))),
      label,
      p(t('Første afsnit efter etiketten, langt nok til at fylde to linjer i bredden, så vi kan se at etiketten holdes sammen med mindst de første linjer af det, der følger efter den.')),
    ];
    const { bytes } = await writePdf({ meta: sampleMeta(FJORDLAND, { draft: false }), blocks } satisfies Doc);
    const paragraphs = (await structPages(bytes)).filter((e) => e.type === 'P');
    const at = paragraphs.length - 2;
    return { before: paragraphs[at - 1]!.page, label: paragraphs[at]!.page, next: paragraphs[at + 1]!.page };
  }

  it('never leaves a label kept with the next block alone at the foot of a page, as it does a heading', async () => {
    let pushed = 0;
    let strandedWithoutKeep = 0;
    // The filler moves the label through the foot of the first page in line steps.
    for (let lines = 1; lines <= 8; lines += 1) {
      const kept = await labelPages(lines, true);
      expect(kept.label, `${lines} lines`).toBe(kept.next);
      if (kept.label !== kept.before) pushed += 1;
      const loose = await labelPages(lines, false);
      if (loose.label !== loose.next) strandedWithoutKeep += 1;
    }
    expect(pushed).toBeGreaterThan(0);
    // Without the flag the same documents do end a page with the label: the flag is what keeps it.
    expect(strandedWithoutKeep).toBeGreaterThan(0);
  });
});
