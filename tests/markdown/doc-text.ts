// Reads a Doc back as text for assertions: what a reader of the DOCX or PDF would see, block by block.

import type { Block, Doc, Inline } from '../../src/doc.js';

export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.type === 'text' ? i.text : i.type === 'break' ? '\n' : inlineText(i.children))).join('');
}

/** One string per paragraph, heading, list item paragraph or table cell, in document order. */
export function blockTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.type) {
      case 'heading':
      case 'paragraph':
        return [inlineText(b.children)];
      case 'list':
        return b.items.flatMap((item) => blockTexts(item));
      case 'table':
        return [...b.header, ...b.rows.flat()].map(inlineText);
      default:
        return [];
    }
  });
}

/** All the document's text, one block per line. */
export function docText(doc: Doc): string {
  return blockTexts(doc.blocks).join('\n');
}

/** The headings of a document as `level text`. */
export function headings(doc: Doc): string[] {
  return doc.blocks.flatMap((b) => (b.type === 'heading' ? [`${b.level} ${inlineText(b.children)}`] : []));
}
