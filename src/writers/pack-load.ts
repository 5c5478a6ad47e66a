// Reading the PDFs of a pack strictly: a file that is not a PDF, encrypted, truncated or missing pages is refused.

import type { PDFDocument } from 'pdf-lib';

/** The pdf-lib module, passed in by the writer that loaded it lazily. */
export type PdfLib = typeof import('pdf-lib');

/** Why a file cannot go into the pack, written for the secretariat. */
export interface PdfProblem {
  message: string;
  hint: string;
}

const REPAIR_HINT = 'export or download the file again; a PDF that opens elsewhere can be rewritten with `qpdf in.pdf out.pdf`';

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Problems visible in the raw bytes, before parsing: not a PDF, encrypted, cut off. */
function checkBytes(bytes: Uint8Array): PdfProblem | undefined {
  if (bytes.length === 0) return { message: 'is empty, not a PDF', hint: 'export the attachment as PDF again' };
  const head = latin1(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) {
    const html = /^\s*</.test(head) && /<(!doctype|html|head|body)\b/i.test(head);
    return {
      message: html ? 'is not a PDF: it is an HTML page saved under a .pdf name' : 'is not a PDF: it does not start with %PDF-',
      hint: html ? 'download the real file (not the web page that links to it) and save it again' : 'export the attachment as PDF again',
    };
  }
  // The trailer or cross-reference stream of an encrypted file names its /Encrypt dictionary in plain bytes,
  // even when pdf-lib would fail on the encrypted object streams before noticing.
  if (/\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(latin1(bytes))) {
    return { message: 'is encrypted (password protected)', hint: 'decrypt it first, e.g. `qpdf --decrypt in.pdf out.pdf`' };
  }
  if (!latin1(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF')) {
    return { message: 'is truncated: the end-of-file marker %%EOF is missing', hint: REPAIR_HINT };
  }
  return undefined;
}

/** The first object reachable from a page's contents or resources that the file lacks, as `12 0 R`. */
function findMissingObject(lib: PdfLib, doc: PDFDocument): { ref: string; page: number } | undefined {
  const { PDFArray, PDFDict, PDFName, PDFRef, PDFStream } = lib;
  const seen = new Set<unknown>();
  let missing: string | undefined;
  const visit = (value: unknown): void => {
    if (missing !== undefined || value === undefined || seen.has(value)) return;
    seen.add(value);
    if (value instanceof PDFRef) {
      const target = doc.context.lookup(value);
      if (target === undefined) missing = value.toString();
      else visit(target);
    } else if (value instanceof PDFDict) {
      for (const [, child] of value.entries()) visit(child);
    } else if (value instanceof PDFArray) {
      for (const child of value.asArray()) visit(child);
    } else if (value instanceof PDFStream) {
      visit(value.dict);
    }
  };
  for (const [index, page] of doc.getPages().entries()) {
    visit(page.node.get(PDFName.of('Contents')));
    visit(page.node.get(PDFName.of('Resources')));
    if (missing !== undefined) return { ref: missing, page: index + 1 };
  }
  return undefined;
}

/**
 * Loads a PDF strictly: never past encryption, failing on invalid objects, and only when every page the file
 * declares was read. Returns the document or the problem that stops it.
 */
export async function readPdf(lib: PdfLib, bytes: Uint8Array): Promise<PDFDocument | PdfProblem> {
  const early = checkBytes(bytes);
  if (early !== undefined) return early;
  let doc: PDFDocument;
  let declared: unknown;
  let pages: number;
  try {
    doc = await lib.PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false });
    declared = doc.catalog.Pages().lookup(lib.PDFName.of('Count'));
    pages = doc.getPageCount();
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 160) : String(error);
    return { message: `is damaged and cannot be read (${reason})`, hint: REPAIR_HINT };
  }
  if (!(declared instanceof lib.PDFNumber) || declared.asNumber() !== pages) {
    const said = declared instanceof lib.PDFNumber ? `declares ${declared.asNumber()} pages` : 'does not declare its page count';
    return { message: `is damaged: it ${said} but ${pages} could be read`, hint: REPAIR_HINT };
  }
  if (pages === 0) return { message: 'has no pages', hint: 'export the attachment as PDF again' };
  const missing = findMissingObject(lib, doc);
  if (missing !== undefined) {
    return { message: `is damaged: object ${missing.ref} used by page ${missing.page} is missing`, hint: REPAIR_HINT };
  }
  return doc;
}
