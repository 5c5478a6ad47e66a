// The writer's structure tree, marked content and parent tree must write what pdfkit's own structure elements, marked
// content and number tree write, byte for byte.

import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import type { Pdf } from '../../src/writers/pdf-document.js';
import { checkStructureInternals, StructElement, writeParentTreeItself } from '../../src/writers/pdf-structure.js';

/** An element to draw: its type, a column scope for header cells, and what it holds in order. */
interface Node {
  type: string;
  scope?: 'Column';
  kids: (Node | 'mark' | 'link' | 'page')[];
}

const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({
    type: fc.constantFrom('P', 'H2', 'L', 'LI', 'Lbl', 'LBody', 'Link', 'Table', 'TR', 'TD', 'TH'),
    scope: fc.option(fc.constant<'Column'>('Column'), { nil: undefined }),
    kids: fc.array(fc.oneof({ depthSize: 'small' }, fc.constantFrom<'mark' | 'link' | 'page'>('mark', 'mark', 'link', 'page'), tie('node')), {
      maxLength: 5,
    }),
  }),
})).node;

/** The two ways of building an element and marking its content on the page: pdfkit's own, and the writer's. */
interface Builder {
  element(pdf: Pdf, type: string, scope?: 'Column'): { add(child: object): unknown; end(): void };
  mark(pdf: Pdf, element: ReturnType<Builder['element']>, type: string): void;
}

const pdfkits: Builder = {
  element: (pdf, type, scope) => (pdf as unknown as PDFKit.PDFDocument).struct(type, scope === undefined ? {} : { scope } as object) as never,
  mark: (pdf, element, type) => element.add((pdf as unknown as { markStructureContent(tag: string): object }).markStructureContent(type)),
};
const writers: Builder = {
  element: (pdf, type, scope) => new StructElement(pdf, type, scope),
  mark: (_pdf, element) => (element as StructElement).markContent(),
};

/** Draws the tree under a Document root on a new tagged document and gives the file's bytes. */
async function render(tree: Node[], builder: Builder): Promise<Buffer> {
  const date = new Date('2026-03-12T00:00:00Z');
  const pdf = new PDFDocument({ autoFirstPage: false, tagged: true, lang: 'da-DK', info: { CreationDate: date, ModDate: date } } as PDFKit.PDFDocumentOptions) as unknown as Pdf;
  const chunks: Uint8Array[] = [];
  (pdf as unknown as PDFKit.PDFDocument).on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  checkStructureInternals(pdf);
  if (builder === writers) writeParentTreeItself(pdf);
  const root = builder.element(pdf, 'Document');
  pdf.addStructure(root as never);
  pdf.addPage();
  let drawn = 0;
  const draw = (parent: { add(child: object): unknown }, { type, scope, kids }: Node): void => {
    const element = builder.element(pdf, type, scope);
    parent.add(element);
    for (const kid of kids) {
      if (kid === 'page') {
        pdf.addPage();
      } else if (kid === 'mark') {
        builder.mark(pdf, element, type);
        pdf.addContent(`${(drawn += 1)} 0 m`);
        pdf.endMarkedContent();
      } else if (kid === 'link') {
        pdf.link(10, 10 + drawn, 50, 10, `https://example.org/${drawn}`, { structParent: element, Contents: new String('link') });
      } else {
        draw(element, kid);
      }
    }
    element.end();
  };
  for (const top of tree) draw(root, top);
  pdf.end();
  return done;
}

describe('StructElement', () => {
  it("writes the structure tree pdfkit's own elements write: elements, marked content across pages, links, header scopes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(node, { minLength: 1, maxLength: 4 }), async (tree) => {
        const [ours, theirs] = await Promise.all([render(tree, writers), render(tree, pdfkits)]);
        expect(ours.equals(theirs)).toBe(true);
      }),
      { numRuns: 60, seed: 20261206 },
    );
  });

  it('refuses a pdfkit without the internals it relies on, rather than write a broken tree', () => {
    expect(() => checkStructureInternals({ _refEnd: undefined } as unknown as Pdf)).toThrow(/this pdfkit has no _refEnd, getStructParentTree/);
  });
});
