// The writer's bookmarks must write what pdfkit's own outline writes for the same items, byte for byte; a bookmark with
// bookmarks below it is closed, which pdfkit's items write only when told their Count.

import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import type { Pdf } from '../../src/writers/pdf-document.js';
import { Outline, pdfString } from '../../src/writers/pdf-outline.js';

/** A bookmark to add: its title, whether a page comes before it, its height on the page, and whether it goes below the last top-level one. */
interface Mark {
  title: string;
  newPage: boolean;
  y: number;
  below: boolean;
}

/** pdfkit's outline item, as far as the test drives it. */
interface PdfkitItem {
  outlineData: Record<string, unknown>;
  children: PdfkitItem[];
  addItem(title: string): PdfkitItem;
}

/** Adds the bookmarks to a new document, pdfkit's way or the writer's, and gives the file's bytes. */
async function render(marks: readonly Mark[], writers: boolean): Promise<Buffer> {
  const date = new Date('2026-03-12T00:00:00Z');
  const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: date, ModDate: date } } as PDFKit.PDFDocumentOptions);
  const pdf = doc as unknown as Pdf;
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const outline = writers ? new Outline(pdf) : undefined;
  // As the writer had pdfkit do it: an open root, each item's destination replaced by the place on the page.
  (pdf.outline as unknown as { options: object }).options = { expanded: true };
  doc.addPage();
  const root = doc.outline as unknown as PdfkitItem;
  for (const { title, newPage, y, below } of marks) {
    if (newPage) doc.addPage();
    if (outline !== undefined) {
      outline.add(title, y, { below });
    } else {
      const item = ((below ? root.children[root.children.length - 1] : undefined) ?? root).addItem(title);
      item.outlineData.Dest = [pdf.page.dictionary, 'XYZ', null, y, null];
    }
  }
  // Closed, with the number of bookmarks it holds.
  for (const item of root.children) if (item.children.length > 0) item.outlineData.Count = -item.children.length;
  doc.end();
  return done;
}

describe('Outline', () => {
  it("writes the bookmarks pdfkit's outline writes: titles in any script, delimiters and control characters, on any page", async () => {
    const title = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('Punkt 1: Godkendelse (af) dagsorden', 'Økonomi \\ budget', 'Linje\nto\ttab', '', 'Status på 😀', '\ud800 ensom', 'Æ\u2029)'),
    );
    const mark = fc.record({ title, newPage: fc.boolean(), y: fc.double({ min: 0, max: 841.89, noNaN: true }), below: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(mark, { maxLength: 8 }), async (marks) => {
        const [ours, theirs] = await Promise.all([render(marks, true), render(marks, false)]);
        expect(ours.equals(theirs)).toBe(true);
      }),
      { numRuns: 80, seed: 20261206 },
    );
  });

  it('writes a text string in ASCII as it is and any other in UTF-16BE, escaping bytes that would end or break it', () => {
    expect(pdfString('Punkt (1) \\ slut')).toBe('(Punkt \\(1\\) \\\\ slut)');
    // U+2029 is the bytes 20 29 in UTF-16BE: the second is a closing parenthesis and is escaped.
    expect(pdfString('Æ\u2029')).toBe('(\u00fe\u00ff\u0000\u00c6\u0020\\))');
  });
});
