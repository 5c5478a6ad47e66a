// The meeting pack: the agenda PDF followed by every PDF attachment, each bookmarked and stamped with its item.

import { createHash } from 'node:crypto';
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { DdhError, EXIT_UNEXPECTED, problem, type Diagnostic } from '../diagnostics.js';
import type { WriterResult, WriterWarning } from '../doc.js';
import { xmpPacket, type PdfMetadata } from '../pdf-metadata.js';
import { readPdf, type PdfLib } from './pack-load.js';
import { appendOutline, type OutlineEntry } from './pack-outline.js';
import { fitText, normaliseRotation, placeStamp, toFontText, visibleWidth, type Box } from './pack-stamp.js';

/** One attachment of the pack. */
export interface PackPart {
  /** Bookmark text, e.g. "Punkt 4 – KPI og kvalitet: Kvartalsrapport" */
  bookmark: string;
  /** Stamp printed on each page of the attachment, e.g. "Bilag til punkt 4: KPI og kvalitet" */
  stamp: string;
  bytes: Uint8Array;
  /** For error messages: the item file (repo-relative) and the attachment as written */
  itemFile: string;
  attachment: string;
}

/** The pack's document properties. */
export interface PackMeta {
  title: string;
  /** The meeting date, YYYY-MM-DD: the pack's creation and modification date. */
  date: string;
  /** BCP 47 language tag. */
  lang: string;
}

const STAMP_SIZE = 8;
/** Distance from the visible top edge to the stamp's baseline: clear of the edge, above usual page margins. */
const STAMP_INSET = 14;
const AGENDA_BOOKMARK = 'Dagsorden';
const CREATOR = 'ddh';
const PRODUCER = 'ddh (pdf-lib)';

/** Loads every attachment; all the bad ones are reported together, each naming its attachment and item file. */
async function readParts(lib: PdfLib, parts: readonly PackPart[]): Promise<PDFDocument[]> {
  const docs: PDFDocument[] = [];
  const problems: Diagnostic[] = [];
  for (const part of parts) {
    const result = await readPdf(lib, part.bytes);
    if (result instanceof lib.PDFDocument) {
      docs.push(result);
      continue;
    }
    problems.push(
      problem(part.itemFile, `attachment '${part.attachment}' ${result.message}`, { field: 'attachments', rule: 'pack', hint: result.hint }),
    );
  }
  if (problems.length > 0) throw new DdhError(problems);
  return docs;
}

/** The page box the reader sees: the crop box (media box by default), corners in either order. */
function visibleBox(page: PDFPage): Box {
  const box = page.getCropBox();
  return {
    x: Math.min(box.x, box.x + box.width),
    y: Math.min(box.y, box.y + box.height),
    width: Math.abs(box.width),
    height: Math.abs(box.height),
  };
}

/** Draws the stamp text upright at the visible top of the page, marked as an artifact for tagged readers. */
function stampPage(lib: PdfLib, page: PDFPage, font: PDFFont, text: string): void {
  const box = visibleBox(page);
  const rotation = normaliseRotation(page.getRotation().angle);
  const width = visibleWidth(box, rotation);
  const fitted = fitText(text, width - 2 * Math.min(36, width * 0.05), (s) => font.widthOfTextAtSize(s, STAMP_SIZE));
  const at = placeStamp(box, rotation, font.widthOfTextAtSize(fitted, STAMP_SIZE), Math.min(STAMP_INSET, box.height / 4));
  page.pushOperators(lib.beginMarkedContent('Artifact'));
  page.drawText(fitted, { x: at.x, y: at.y, rotate: lib.degrees(at.rotate), size: STAMP_SIZE, font, color: lib.grayscale(0.3) });
  page.pushOperators(lib.endMarkedContent());
}

/** Copied pages point into the source's structure tree; in the pack those numbers would name agenda elements. */
function dropStructureLinks(lib: PdfLib, page: PDFPage): void {
  const { PDFDict, PDFName } = lib;
  page.node.delete(PDFName.of('StructParents'));
  const annots = page.node.Annots();
  for (let i = 0; i < (annots?.size() ?? 0); i++) annots?.lookupMaybe(i, PDFDict)?.delete(PDFName.of('StructParent'));
}

/**
 * Puts the pack's own XMP packet where the agenda's was: the pack's title, and no PDF/UA identification, which the
 * agenda may claim but a pack may not, as the attachment pages are untagged content from elsewhere. Reusing the object
 * number leaves no copy of the agenda's packet in the file.
 */
function replaceMetadata(lib: PdfLib, pack: PDFDocument, meta: PdfMetadata): void {
  const { PDFName, PDFRef } = lib;
  const stream = pack.context.stream(new TextEncoder().encode(xmpPacket(meta)), { Type: 'Metadata', Subtype: 'XML' });
  const held = pack.catalog.get(PDFName.of('Metadata'));
  if (held instanceof PDFRef) pack.context.assign(held, stream);
  else pack.catalog.set(PDFName.of('Metadata'), pack.context.register(stream));
}

/** A file identifier from the inputs, so the same sources give the same bytes and a different pack another id. */
function fileId(agendaPdf: Uint8Array, parts: readonly PackPart[], meta: PackMeta): string {
  const hash = createHash('sha256').update(JSON.stringify(meta)).update(agendaPdf);
  for (const part of parts) hash.update(part.bookmark).update('\0').update(part.stamp).update('\0').update(part.bytes);
  return hash.digest('hex').slice(0, 32);
}

/** Reads the written pack back: a pack with fewer (or more) pages than its parts is a bug, never an output. */
async function checkPageCount(lib: PdfLib, bytes: Uint8Array, expected: number): Promise<void> {
  const written = await readPdf(lib, bytes);
  if (written instanceof lib.PDFDocument && written.getPageCount() === expected) return;
  const found = written instanceof lib.PDFDocument ? `${written.getPageCount()} pages` : `a file that ${written.message}`;
  throw new DdhError([problem('', `the pack came out as ${found} where the agenda and its attachments have ${expected} pages`, { rule: 'pack' })], {
    exitCode: EXIT_UNEXPECTED,
  });
}

/**
 * Writes the meeting pack: the agenda, then the pages of every part in order. The agenda keeps its outline,
 * structure tree and language; each part gets a top-level bookmark at its first page and a stamp on every page.
 * Throws a DdhError naming every attachment that is not a readable, unencrypted, complete PDF.
 */
export async function writePack(agendaPdf: Uint8Array, parts: readonly PackPart[], meta: PackMeta): Promise<WriterResult> {
  const lib = await import('pdf-lib');
  const pack = await readPdf(lib, agendaPdf);
  if (!(pack instanceof lib.PDFDocument)) {
    throw new DdhError([problem('', `the agenda PDF for the pack ${pack.message}`, { rule: 'pack' })], { exitCode: EXIT_UNEXPECTED });
  }
  const sources = await readParts(lib, parts);
  const font = await pack.embedFont(lib.StandardFonts.Helvetica);
  const fontChars = new Set(font.getCharacterSet());
  const warnings: WriterWarning[] = [];
  const warned = new Set<string>();
  const entries: OutlineEntry[] = [];
  let expected = pack.getPageCount();

  for (const [index, part] of parts.entries()) {
    const source = sources[index]!;
    expected += source.getPageCount();
    const stamp = toFontText(part.stamp, (c) => fontChars.has(c));
    if (stamp.replaced !== '' && !warned.has(stamp.text)) {
      warned.add(stamp.text);
      warnings.push({ message: `the pack's page stamp cannot show ${stamp.replaced} and prints a stand-in: '${stamp.text}'`, chars: stamp.replaced });
    }
    const pages = await pack.copyPages(source, source.getPageIndices());
    for (const page of pages) {
      dropStructureLinks(lib, page);
      pack.addPage(page);
      stampPage(lib, page, font, stamp.text);
    }
    entries.push({ title: part.bookmark, page: pages[0]!.ref });
  }
  appendOutline(lib, pack, entries, { title: AGENDA_BOOKMARK, page: pack.getPage(0).ref });
  const date = new Date(`${meta.date}T00:00:00Z`);
  pack.setTitle(meta.title, { showInWindowTitleBar: true });
  pack.setLanguage(meta.lang);
  pack.setCreationDate(date);
  pack.setModificationDate(date);
  pack.setProducer(PRODUCER);
  pack.setCreator(CREATOR);
  // Author and subject stay the agenda's: the same organisation and meeting.
  const described = { title: meta.title, author: pack.getAuthor() ?? '', subject: pack.getSubject() ?? '', lang: meta.lang, date };
  replaceMetadata(lib, pack, { ...described, creator: CREATOR, producer: PRODUCER });
  const id = lib.PDFHexString.of(fileId(agendaPdf, parts, meta));
  pack.context.trailerInfo.ID = pack.context.obj([id, id]);
  const bytes = await pack.save({ updateFieldAppearances: false, addDefaultPage: false });
  await checkPageCount(lib, bytes, expected);
  return { bytes, warnings };
}
