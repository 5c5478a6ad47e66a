// Makes small PDFs for the pack tests: pages of given text, a tagged agenda with bookmarks, damaged and encrypted copies.

import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, StandardFonts, degrees, rgb } from 'pdf-lib';
import PDFKit from 'pdfkit';

/** One page: its text and, where it matters, its size, rotation and boxes as [x, y, width, height]. */
export interface PageSpec {
  text: string;
  size?: [number, number];
  rotate?: number;
  mediaBox?: [number, number, number, number];
  cropBox?: [number, number, number, number];
}

const A4: [number, number] = [595.28, 841.89];

/**
 * A PDF with one page per spec (a string is an A4 page with that text), written without object streams so
 * tests can find and break single objects. Each page looks like a letter: a heading 60 pt below the visible
 * top, lines of body text, and its page number at the foot, upright as the reader sees the page.
 */
export async function makePdf(pages: readonly (string | PageSpec)[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const [index, spec] of pages.map((p) => (typeof p === 'string' ? { text: p } : p)).entries()) {
    const page = doc.addPage(spec.size ?? A4);
    if (spec.mediaBox !== undefined) page.setMediaBox(...spec.mediaBox);
    if (spec.cropBox !== undefined) page.setCropBox(...spec.cropBox);
    const rotation = spec.rotate ?? 0;
    if (rotation !== 0) page.setRotation(degrees(rotation));
    const box = page.getCropBox();
    const turned = rotation === 90 || rotation === 270;
    const [w, h] = turned ? [box.height, box.width] : [box.width, box.height];
    // Positions are in the page as the reader sees it, then turned into user space.
    const put = (vx: number, vy: number): { x: number; y: number } => {
      switch (rotation) {
        case 90:
          return { x: box.x + box.width - vy, y: box.y + vx };
        case 180:
          return { x: box.x + box.width - vx, y: box.y + box.height - vy };
        case 270:
          return { x: box.x + vy, y: box.y + box.height - vx };
        default:
          return { x: box.x + vx, y: box.y + vy };
      }
    };
    const write = (text: string, vx: number, vy: number, size: number, f = font): void =>
      page.drawText(text, { ...put(vx, vy), size, font: f, rotate: degrees(rotation), color: rgb(0, 0, 0) });
    write(spec.text, 56, h - 60, 16, bold);
    for (let line = 0; line < 8; line++) write(`Linje ${line + 1} af brødteksten på side ${index + 1}.`, 56, h - 100 - line * 16, 11);
    write(`Side ${index + 1}`, w / 2 - 15, 30, 9);
  }
  return doc.save({ useObjectStreams: false });
}

/**
 * A tagged agenda as the PDF writer makes it with pdfkit: `pages` pages, a bookmark "Dagsorden" (open when
 * `expanded`) with a child per page ("Punkt N"), /Lang, /MarkInfo and a structure tree, and a fixed creation date.
 */
export async function makeAgenda(pages: number, expanded = false): Promise<Uint8Array> {
  const doc = new PDFKit({ size: 'A4', tagged: true, lang: 'da-DK', displayTitle: true, info: { Title: 'Dagsorden', CreationDate: new Date(Date.UTC(2025, 0, 28)) } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  const top = doc.outline.addItem('Dagsorden', { expanded });
  for (let n = 1; n <= pages; n++) {
    if (n > 1) doc.addPage();
    top.addItem(`Punkt ${n}: Emne nummer ${n}`);
    doc.addStructure(doc.struct('H1', {}, () => void doc.fontSize(16).text(`Punkt ${n}: Emne nummer ${n}`)));
    doc.addStructure(doc.struct('P', {}, () => void doc.fontSize(11).text('Sekretariatet orienterer om status.')));
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** The first `fraction` of the file, as an interrupted download leaves it. */
export function truncatePdf(bytes: Uint8Array, fraction: number): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length * fraction));
}

/** The file with the header of page `pageIndex`'s object garbled, so a lenient reader silently skips that page. */
export async function breakPage(bytes: Uint8Array, pageIndex: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const header = `\n${doc.getPage(pageIndex).ref.objectNumber} 0 obj`;
  const text = Buffer.from(bytes).toString('latin1');
  const at = text.indexOf(header);
  if (at < 0) throw new Error(`no object header ${header.trim()} in the file`);
  return new Uint8Array(Buffer.from(text.slice(0, at) + header.replace('obj', 'xbj') + text.slice(at + header.length), 'latin1'));
}

/** The file with the content stream of page `pageIndex` removed from the file, as a damaged middle leaves it. */
export async function dropContents(bytes: Uint8Array, pageIndex: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const contents = doc.getPage(pageIndex).node.get(PDFName.of('Contents'));
  const ref = contents?.toString().match(/(\d+) 0 R/)?.[1];
  if (ref === undefined) throw new Error('the page has no content stream reference');
  const text = Buffer.from(bytes).toString('latin1');
  const start = text.indexOf(`\n${ref} 0 obj`);
  const end = text.indexOf('endobj', start) + 'endobj'.length;
  return new Uint8Array(Buffer.from(text.slice(0, start + 1) + ' '.repeat(end - start - 1) + text.slice(end), 'latin1'));
}

/** Encrypts with qpdf (AES-256); `user` '' gives a file that opens without a password but is still encrypted. */
export async function encryptPdf(bytes: Uint8Array, user: string, extra: readonly string[] = []): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ddh-pdf-'));
  try {
    const input = path.join(dir, 'in.pdf');
    const output = path.join(dir, 'out.pdf');
    await writeFile(input, bytes);
    execFileSync('qpdf', [...extra, '--encrypt', user, 'owner', '256', '--', input, output]);
    return new Uint8Array(await readFile(output));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
