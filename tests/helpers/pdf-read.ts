// Reads back what the PDF writer produced, with pdf-lib: catalog entries, outline, links, fonts and the structure tree.

import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

export interface PdfFacts {
  pages: number;
  mediaBoxes: number[][];
  lang: string | undefined;
  marked: boolean;
  hasStructTreeRoot: boolean;
  displayDocTitle: boolean;
  title: string | undefined;
  outlineCount: number | undefined;
  /** The top-level bookmarks. */
  outlineTitles: string[];
  /** Every bookmark at any depth, depth first. */
  bookmarks: string[];
  /** The Info dictionary: Title, Subject, Author, Keywords, Creator, Producer, as far as present. */
  info: string[];
  /** The catalog's XMP metadata stream, decoded; undefined without one. */
  xmp: string | undefined;
  /** URI of every link annotation, page by page. */
  links: string[][];
  /** Link annotations that point back into the structure tree (/StructParent). */
  taggedLinks: number;
  /** BaseFont → whether a FontFile, FontFile2 or FontFile3 is embedded. */
  fonts: Map<string, boolean>;
  /** Structure element types in document order (depth first). */
  structTypes: string[];
}

/** Loads a PDF strictly: a damaged object fails instead of being skipped. */
export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false });
}

function text(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined;
}

/** Everything the tests check, gathered in one pass. */
export async function readPdfFacts(bytes: Uint8Array): Promise<PdfFacts> {
  const pdf = await loadPdf(bytes);
  const { catalog, context } = pdf;
  const look = (object: PDFObject | undefined): PDFObject | undefined => (object instanceof PDFRef ? context.lookup(object) : object);
  const dict = (object: PDFObject | undefined): PDFDict | undefined => {
    const value = look(object);
    return value instanceof PDFDict ? value : undefined;
  };
  const array = (object: PDFObject | undefined): PDFObject[] => {
    const value = look(object);
    return value instanceof PDFArray ? value.asArray() : [];
  };

  const markInfo = dict(catalog.get(PDFName.of('MarkInfo')));
  const viewer = dict(catalog.get(PDFName.of('ViewerPreferences')));
  const outlines = dict(catalog.get(PDFName.of('Outlines')));
  const outlineTitles: string[] = [];
  for (let item = dict(outlines?.get(PDFName.of('First'))); item !== undefined; item = dict(item.get(PDFName.of('Next')))) {
    outlineTitles.push(text(look(item.get(PDFName.of('Title')))) ?? '');
  }
  const count = look(outlines?.get(PDFName.of('Count')));
  const bookmarks: string[] = [];
  const seen = new Set<PDFDict>();
  const walkOutline = (parent: PDFDict | undefined): void => {
    for (let item = dict(parent?.get(PDFName.of('First'))); item !== undefined && !seen.has(item); item = dict(item.get(PDFName.of('Next')))) {
      seen.add(item);
      bookmarks.push(text(look(item.get(PDFName.of('Title')))) ?? '');
      walkOutline(item);
    }
  };
  walkOutline(outlines);
  const metadata = look(catalog.get(PDFName.of('Metadata')));
  const xmp = metadata instanceof PDFRawStream ? new TextDecoder().decode(decodePDFRawStream(metadata).decode()) : undefined;
  const info = [pdf.getTitle(), pdf.getSubject(), pdf.getAuthor(), pdf.getKeywords(), pdf.getCreator(), pdf.getProducer()].filter((v): v is string => v !== undefined);

  const links: string[][] = [];
  let taggedLinks = 0;
  const fonts = new Map<string, boolean>();
  for (const page of pdf.getPages()) {
    const uris: string[] = [];
    for (const annotRef of array(page.node.get(PDFName.of('Annots')))) {
      const annot = dict(annotRef);
      if (annot?.get(PDFName.of('Subtype'))?.toString() !== '/Link') continue;
      const action = dict(annot.get(PDFName.of('A')));
      uris.push(text(look(action?.get(PDFName.of('URI')))) ?? '');
      if (annot.get(PDFName.of('StructParent')) instanceof PDFNumber) taggedLinks += 1;
    }
    links.push(uris);
    const fontDict = dict(dict(page.node.get(PDFName.of('Resources')))?.get(PDFName.of('Font')));
    for (const [, ref] of fontDict?.entries() ?? []) {
      const font = dict(ref);
      const base = font?.get(PDFName.of('BaseFont'))?.toString() ?? '?';
      const descendant = dict(array(font?.get(PDFName.of('DescendantFonts')))[0]) ?? font;
      const descriptor = dict(descendant?.get(PDFName.of('FontDescriptor')));
      const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.get(PDFName.of(key)) !== undefined);
      fonts.set(base, embedded);
    }
  }

  const structTypes: string[] = [];
  const walk = (node: PDFObject | undefined): void => {
    const value = look(node);
    if (value instanceof PDFArray) {
      value.asArray().forEach(walk);
      return;
    }
    if (!(value instanceof PDFDict)) return;
    const type = value.get(PDFName.of('S'));
    if (type !== undefined) structTypes.push(type.toString().slice(1));
    walk(value.get(PDFName.of('K')));
  };
  const root = dict(catalog.get(PDFName.of('StructTreeRoot')));
  walk(root?.get(PDFName.of('K')));

  return {
    pages: pdf.getPageCount(),
    mediaBoxes: pdf.getPages().map((p) => {
      const box = p.getMediaBox();
      return [box.x, box.y, box.width, box.height];
    }),
    lang: text(look(catalog.get(PDFName.of('Lang')))),
    marked: markInfo?.get(PDFName.of('Marked'))?.toString() === 'true',
    hasStructTreeRoot: root !== undefined,
    displayDocTitle: viewer?.get(PDFName.of('DisplayDocTitle'))?.toString() === 'true',
    title: pdf.getTitle(),
    outlineCount: count instanceof PDFNumber ? count.asNumber() : undefined,
    outlineTitles,
    bookmarks,
    info,
    xmp,
    links,
    taggedLinks,
    fonts,
    structTypes,
  };
}
