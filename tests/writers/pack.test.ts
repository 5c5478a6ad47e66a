import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  StandardFonts,
  decodePDFRawStream,
  type PDFPage,
} from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { DdhError } from '../../src/diagnostics.js';
import { writePack, type PackPart } from '../../src/writers/pack.js';
import { writePdf } from '../../src/writers/pdf.js';
import { FJORDLAND, severalPagesDoc } from '../helpers/sample-doc.js';
import { breakPage, dropContents, makeAgenda, makePdf, truncatePdf, type PageSpec } from '../helpers/make-pdf.js';
import { readPdfFacts } from '../helpers/pdf-read.js';

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

const META = { title: 'Bilagspakke DDH Styregruppemøde 28.01.2025', date: '2025-01-28', lang: 'da-DK' };

function part(n: number, bytes: Uint8Array, name = `bilag/punkt-${n}.pdf`): PackPart {
  return {
    bookmark: `Punkt ${n} – Emne ${n}: ${name}`,
    stamp: `Bilag til punkt ${n}: Emne ${n}`,
    bytes,
    itemFile: `meetings/2025-01-28/0${n}-emne.md`,
    attachment: name,
  };
}

async function load(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
}

/** The page's content streams, decoded and joined. */
function content(page: PDFPage): string {
  const contents = page.node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : [page.node.get(PDFName.of('Contents'))];
  return refs
    .map((ref) => page.doc.context.lookup(ref))
    .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
    .map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString('latin1'))
    .join('\n');
}

// WinAnsi differs from Latin-1 in 0x80–0x9F; these are the ones the stamps use. (Node decodes 'windows-1252' as Latin-1.)
const WIN_ANSI: Record<number, string> = { 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—' };
const hexText = (hex: string): string => [...Buffer.from(hex, 'hex')].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join('');

/** Every string shown on the page, in content order. */
function shownText(page: PDFPage): string[] {
  return [...content(page).matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((m) => hexText(m[1]!));
}

/** The stamps drawn as artifacts on the page: their text and text matrix. */
function stamps(page: PDFPage): { text: string; matrix: number[] }[] {
  return [...content(page).matchAll(/\/Artifact BMC\s([\s\S]*?)EMC/g)].map((m) => {
    const body = m[1]!;
    const matrix = body.match(/([-\d.e]+) ([-\d.e]+) ([-\d.e]+) ([-\d.e]+) ([-\d.e]+) ([-\d.e]+) Tm/)!.slice(1).map(Number);
    return { text: hexText(body.match(/<([0-9A-Fa-f]*)> Tj/)![1]!), matrix };
  });
}

interface Bookmark {
  title: string;
  page: number;
  count?: number;
  kids: Bookmark[];
}

function outline(doc: PDFDocument): Bookmark[] {
  const pages = doc.getPages().map((p) => p.ref);
  const level = (parent: PDFDict): Bookmark[] => {
    const items: Bookmark[] = [];
    for (let item = parent.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'));
      const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
      const target = dest?.get(0);
      items.push({
        title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '?',
        page: target instanceof PDFRef ? pages.indexOf(target) + 1 : 0,
        count: item.lookupMaybe(PDFName.of('Count'), PDFNumber)?.asNumber(),
        kids: level(item),
      });
    }
    return items;
  };
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  return root === undefined ? [] : level(root);
}

async function threePartPack(agenda?: Uint8Array) {
  const agendaPdf = agenda ?? (await makePdf(['Dagsorden side 1', 'Dagsorden side 2']));
  const parts = [part(2, await makePdf(['Regnskab'])), part(4, await makePdf(['KPI side 1', 'KPI side 2', 'KPI side 3']))];
  return { agendaPdf, parts, result: await writePack(agendaPdf, parts, META) };
}

async function packError(parts: PackPart[]): Promise<DdhError> {
  const error = await writePack(await makePdf(['Dagsorden']), parts, META).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DdhError);
  return error as DdhError;
}

describe('writePack', () => {
  it('puts the agenda first and then every attachment page, in item order', async () => {
    const { result } = await threePartPack();
    const doc = await load(result.bytes);
    expect(doc.getPageCount()).toBe(6);
    expect(doc.getPages().map((p) => shownText(p)[0])).toEqual([
      'Dagsorden side 1',
      'Dagsorden side 2',
      'Regnskab',
      'KPI side 1',
      'KPI side 2',
      'KPI side 3',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('bookmarks the agenda and each attachment at its first page when the agenda has no outline', async () => {
    const { result } = await threePartPack();
    const doc = await load(result.bytes);
    expect(outline(doc)).toEqual([
      { title: 'Dagsorden', page: 1, count: undefined, kids: [] },
      { title: 'Punkt 2 – Emne 2: bilag/punkt-2.pdf', page: 3, count: undefined, kids: [] },
      { title: 'Punkt 4 – Emne 4: bilag/punkt-4.pdf', page: 4, count: undefined, kids: [] },
    ]);
    const root = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(root.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBe(3);
    const last = root.lookup(PDFName.of('Last'), PDFDict);
    const middle = last.lookup(PDFName.of('Prev'), PDFDict);
    expect(middle.lookup(PDFName.of('Prev'), PDFDict)).toBe(root.lookup(PDFName.of('First'), PDFDict));
    expect(doc.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
  });

  it.each([
    ['closed', false, 3],
    ['open', true, 5],
  ])("keeps the agenda's own outline (%s) and appends one bookmark per attachment", async (_name, expanded, visible) => {
    const { result } = await threePartPack(await makeAgenda(2, expanded));
    const doc = await load(result.bytes);
    const tree = outline(doc);
    expect(tree.map((b) => [b.title, b.page])).toEqual([
      ['Dagsorden', 1],
      ['Punkt 2 – Emne 2: bilag/punkt-2.pdf', 3],
      ['Punkt 4 – Emne 4: bilag/punkt-4.pdf', 4],
    ]);
    expect(tree[0]!.kids.map((b) => [b.title, b.page])).toEqual([
      ['Punkt 1: Emne nummer 1', 1],
      ['Punkt 2: Emne nummer 2', 2],
    ]);
    const root = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(root.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBe(visible);
    expect(root.lookup(PDFName.of('Last'), PDFDict).lookup(PDFName.of('Prev'), PDFDict).lookup(PDFName.of('Prev'), PDFDict)).toBe(
      root.lookup(PDFName.of('First'), PDFDict),
    );
  });

  it('stamps every attachment page, and only those, as an artifact near the top edge', async () => {
    const { result } = await threePartPack();
    const doc = await load(result.bytes);
    const found = doc.getPages().map((p) => stamps(p));
    expect(found.map((s) => s.map((x) => x.text))).toEqual([
      [],
      [],
      ['Bilag til punkt 2: Emne 2'],
      ['Bilag til punkt 4: Emne 4'],
      ['Bilag til punkt 4: Emne 4'],
      ['Bilag til punkt 4: Emne 4'],
    ]);
    const [a, b, c, d, x, y] = found[2]![0]!.matrix;
    expect([a, b, c, d]).toEqual([1, 0, 0, 1]);
    expect(y).toBeCloseTo(841.89 - 14, 1);
    const width = (await PDFDocument.create()).embedStandardFont(StandardFonts.Helvetica).widthOfTextAtSize('Bilag til punkt 2: Emne 2', 8);
    expect(x! + width / 2).toBeCloseTo(595.28 / 2, 1);
  });

  it('keeps æøå, dashes and quotes in the stamp and replaces what the font lacks, with a warning', async () => {
    const agenda = await makePdf(['Dagsorden']);
    const bytes = await makePdf(['Bilag']);
    const odd = { ...part(3, bytes), stamp: 'Bilag til punkt 3: Økonomi –  “KPI”\n→ mål ▪ ok ő' };
    const result = await writePack(agenda, [odd, { ...odd, attachment: 'bilag/igen.pdf' }], META);
    const doc = await load(result.bytes);
    expect(stamps(doc.getPage(1))[0]!.text).toBe('Bilag til punkt 3: Økonomi – “KPI” -> mål - ok o');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]!.chars).toBe('→▪ő');
    expect(result.warnings[0]!.message).toContain('-> mål - ok o');
  });

  it('shortens a stamp wider than the page with an ellipsis', async () => {
    const agenda = await makePdf(['Dagsorden']);
    const long = { ...part(5, await makePdf([{ text: 'Smal', size: [300, 400] }])), stamp: `Bilag til punkt 5: ${'meget lang titel '.repeat(10)}` };
    const doc = await load((await writePack(agenda, [long], META)).bytes);
    const [stamp] = stamps(doc.getPage(1));
    expect(stamp!.text).toMatch(/^Bilag til punkt 5: meget lang titel.*[^ ]…$/);
    const width = (await PDFDocument.create()).embedStandardFont(StandardFonts.Helvetica).widthOfTextAtSize(stamp!.text, 8);
    expect(width).toBeLessThanOrEqual(300 - 2 * 15);
    expect(stamp!.matrix[4]).toBeGreaterThanOrEqual(15);
  });

  it('puts the stamp upright at the top the reader sees on rotated pages and pages with odd boxes', async () => {
    const specs: PageSpec[] = [
      { text: 'Drejet 90', rotate: 90 },
      { text: 'Drejet 180', rotate: 180 },
      { text: 'Drejet 270', rotate: 270 },
      { text: 'Forskudt', mediaBox: [100, 200, 500, 700], cropBox: [150, 250, 400, 600] },
      { text: 'Forskudt og drejet', mediaBox: [-300, -400, 600, 800], cropBox: [-250, -350, 500, 700], rotate: 270 },
    ];
    const source = await makePdf(specs);
    const doc = await load((await writePack(await makePdf(['Dagsorden']), [part(6, source)], META)).bytes);
    const font = (await PDFDocument.create()).embedStandardFont(StandardFonts.Helvetica);
    const width = font.widthOfTextAtSize('Bilag til punkt 6: Emne 6', 8);
    for (const [index, spec] of specs.entries()) {
      const page = doc.getPage(index + 1);
      const rotation = spec.rotate ?? 0;
      const box = page.getCropBox();
      const [a, b, , , x, y] = stamps(page)[0]!.matrix as [number, number, number, number, number, number];
      // The viewer turns the page clockwise by `rotation`; map the baseline into what the reader sees.
      const view = (px: number, py: number): [number, number] =>
        rotation === 90
          ? [py - box.y, box.x + box.width - px]
          : rotation === 180
            ? [box.x + box.width - px, box.y + box.height - py]
            : rotation === 270
              ? [box.y + box.height - py, px - box.x]
              : [px - box.x, py - box.y];
      const [seenWidth, seenHeight] = rotation % 180 === 0 ? [box.width, box.height] : [box.height, box.width];
      const [vx, vy] = view(x, y);
      const [ex, ey] = view(x + a * width, y + b * width);
      expect(ey - vy, spec.text).toBeCloseTo(0, 3);
      expect(ex - vx, spec.text).toBeCloseTo(width, 3);
      expect(vy, spec.text).toBeCloseTo(seenHeight - 14, 3);
      expect(vx + width / 2, spec.text).toBeCloseTo(seenWidth / 2, 3);
    }
  });

  it('sets title, language and the meeting date as document dates', async () => {
    const { result } = await threePartPack(await makeAgenda(1));
    const doc = await load(result.bytes);
    expect(doc.getTitle()).toBe(META.title);
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('da-DK');
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-01-28T00:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2025-01-28T00:00:00.000Z');
    expect(doc.getProducer()).toBe('ddh (pdf-lib)');
    expect(doc.getCreator()).toBe('ddh');
    const prefs = doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(prefs.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
  });

  it("replaces the agenda's XMP with its own: the pack's title, the same producer as its Info, and no PDF/UA claim", async () => {
    // A real agenda from the PDF writer, which identifies itself as PDF/UA.
    const agenda = (await writePdf(severalPagesDoc())).bytes;
    expect(latin1(agenda)).toContain('pdfuaid');
    const { bytes } = await writePack(agenda, [part(3, await makePdf(['Kvartalsrapport']))], META);
    const doc = await load(bytes);
    const { xmp } = await readPdfFacts(bytes);
    expect(xmp).toContain(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${META.title}</rdf:li></rdf:Alt></dc:title>`);
    expect(xmp).toContain(`<pdf:Producer>${doc.getProducer()}</pdf:Producer>`);
    expect(xmp).toContain(`<xmp:CreatorTool>${doc.getCreator()}</xmp:CreatorTool>`);
    // The agenda's author and subject stay: the same organisation and meeting.
    expect(doc.getAuthor()).toBe(FJORDLAND.organisation);
    expect(xmp).toContain(`<dc:creator><rdf:Seq><rdf:li>${FJORDLAND.organisation}</rdf:li></rdf:Seq></dc:creator>`);
    // Not in the packet, nor left anywhere in the file as an unreferenced copy of the agenda's.
    expect(latin1(bytes)).not.toContain('pdfuaid');
  });

  it('gives the same bytes for the same inputs, and another file id for other inputs', async () => {
    const { agendaPdf, parts, result } = await threePartPack();
    const again = await writePack(agendaPdf, parts, META);
    expect(Buffer.from(again.bytes).equals(Buffer.from(result.bytes))).toBe(true);
    const other = await writePack(agendaPdf, [parts[1]!, parts[0]!], META);
    const id = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').match(/\/ID \[ <([0-9A-Fa-f]+)>/)?.[1];
    expect(id(result.bytes)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(other.bytes)).not.toBe(id(result.bytes));
  });

  it("keeps the agenda's structure tree and unlinks attachment pages from their own", async () => {
    const { result } = await threePartPack(await makeAgenda(2));
    const tagged = await writePack(await makeAgenda(1), [part(7, await makeAgenda(2))], META);
    for (const bytes of [result.bytes, tagged.bytes]) {
      const doc = await load(bytes);
      expect(doc.catalog.lookup(PDFName.of('StructTreeRoot'))).toBeInstanceOf(PDFDict);
      expect(doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))?.toString()).toBe('true');
      expect(doc.getPage(0).node.get(PDFName.of('StructParents'))).toBeDefined();
    }
    const doc = await load(tagged.bytes);
    expect(doc.getPages().map((p) => p.node.get(PDFName.of('StructParents')) !== undefined)).toEqual([true, false, false]);
  });

  it('fails as a bug (exit 2) rather than return a pack that lost a page on the way', async () => {
    const lib = await import('pdf-lib');
    const copyPages = lib.PDFDocument.prototype.copyPages;
    const spy = vi.spyOn(lib.PDFDocument.prototype, 'copyPages').mockImplementationOnce(function (this: PDFDocument, source, indices) {
      return copyPages.call(this, source, indices.slice(1));
    });
    const error = await writePack(await makePdf(['Dagsorden']), [part(2, await makePdf(['a', 'b', 'c']))], META).catch((e: unknown) => e);
    spy.mockRestore();
    expect(error).toBeInstanceOf(DdhError);
    expect((error as DdhError).exitCode).toBe(2);
    expect((error as DdhError).message).toContain('the pack came out as 3 pages where the agenda and its attachments have 4 pages');
  });

  it('loads pdf-lib only when a pack is written', async () => {
    vi.resetModules();
    let loaded = false;
    vi.doMock('pdf-lib', async (original) => {
      loaded = true;
      return original();
    });
    const { writePack: fresh } = await import('../../src/writers/pack.js');
    expect(loaded).toBe(false);
    await fresh(await makePdf(['Dagsorden']), [], META);
    expect(loaded).toBe(true);
    vi.doUnmock('pdf-lib');
  });
});

describe('writePack with bad attachments', () => {
  const html = new TextEncoder().encode('<!DOCTYPE html>\n<html><head><title>Bilag</title></head><body>Log ind</body></html>');

  it.each([
    ['an empty file', async () => new Uint8Array(), /'bilag\/x\.pdf' is empty, not a PDF/],
    ['an HTML page renamed .pdf', async () => html, /'bilag\/x\.pdf' is not a PDF: it is an HTML page/],
    ['a text file', async () => new TextEncoder().encode('Referat\n'), /'bilag\/x\.pdf' is not a PDF: it does not start with %PDF-/],
    ['a download cut off halfway', async () => truncatePdf(await makePdf(['a', 'b', 'c']), 0.5), /'bilag\/x\.pdf' is truncated/],
    ['a page object with a garbled header', async () => breakPage(await makePdf(['a', 'b', 'c']), 1), /'bilag\/x\.pdf' is damaged: it declares 3 pages but 2 could be read/],
    ['a page whose content stream is gone', async () => dropContents(await makePdf(['a', 'b', 'c']), 2), /'bilag\/x\.pdf' is damaged: object \d+ 0 R used by page 3 is missing/],
  ])('refuses %s, naming the attachment and the item file', async (_name, make, message) => {
    const error = await packError([part(3, await make(), 'bilag/x.pdf')]);
    expect(error.exitCode).toBe(1);
    expect(error.diagnostics).toHaveLength(1);
    const [d] = error.diagnostics;
    expect(d).toMatchObject({ file: 'meetings/2025-01-28/03-emne.md', field: 'attachments', severity: 'error' });
    expect(d!.message).toMatch(message);
    expect(d!.hint).toBeTruthy();
  });

  it('refuses an encrypted attachment with the qpdf --decrypt hint', async () => {
    const plain = Buffer.from(await makePdf(['Fortroligt'])).toString('latin1');
    // A trailer that names an encryption dictionary is what marks a file as encrypted.
    const marked = new Uint8Array(Buffer.from(plain.replace('trailer\n<<', 'trailer\n<<\n/Encrypt 1 0 R'), 'latin1'));
    const [d] = (await packError([part(2, marked, 'bilag/hemmelig.pdf')])).diagnostics;
    expect(d!.message).toBe("attachment 'bilag/hemmelig.pdf' is encrypted (password protected)");
    expect(d!.hint).toContain('qpdf --decrypt in.pdf out.pdf');
  });

  it('reports every bad attachment at once, in item order', async () => {
    const good = await makePdf(['God']);
    const error = await packError([
      part(2, new Uint8Array(), 'bilag/tom.pdf'),
      part(3, good, 'bilag/god.pdf'),
      part(4, html, 'bilag/side.pdf'),
      part(5, truncatePdf(good, 0.6), 'bilag/halv.pdf'),
    ]);
    expect(error.diagnostics.map((d) => [d.file, d.message.split(' ')[1]])).toEqual([
      ['meetings/2025-01-28/02-emne.md', "'bilag/tom.pdf'"],
      ['meetings/2025-01-28/04-emne.md', "'bilag/side.pdf'"],
      ['meetings/2025-01-28/05-emne.md', "'bilag/halv.pdf'"],
    ]);
  });

  it('never returns a pack with fewer pages than its parts, however an attachment is cut or damaged', async () => {
    const agenda = await makePdf(['Dagsorden']);
    const good = await makePdf(['a', 'b', 'c']);
    const damaged: Uint8Array[] = [];
    for (let i = 1; i < 40; i++) damaged.push(truncatePdf(good, i / 40));
    for (let at = 20; at < good.length; at += Math.floor(good.length / 60)) {
      const copy = good.slice();
      copy.fill(0x58, at, at + 4);
      damaged.push(copy);
    }
    let refused = 0;
    for (const bytes of damaged) {
      try {
        const doc = await load((await writePack(agenda, [part(2, bytes)], META)).bytes);
        expect(doc.getPageCount()).toBe(4);
      } catch (error) {
        expect(error).toBeInstanceOf(DdhError);
        expect((error as DdhError).diagnostics[0]!.message).toContain("attachment 'bilag/punkt-2.pdf'");
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(39);
  });
});
