// The PDF's outline (bookmarks), two levels deep: written as pdfkit's outline writes it, byte for byte, without its
// general serialisation of objects, in which each title cost some 20 µs (a long document has a hundred and more).

import { pdfNumber, reference, writeObject, type Pdf, type PdfRef } from './pdf-document.js';

/** A bookmark: its object, made when it is added as pdfkit makes it, its destination and title as written, and its own. */
interface Bookmark {
  ref: PdfRef;
  destination: string;
  title: string;
  children: Bookmark[];
}

/**
 * The document's bookmarks, in order: top-level ones, each with the bookmarks added below it. pdfkit's own outline
 * stays the root: pdfkit writes it, and the catalogue's entries for it, where it always does; the bookmarks are written
 * just before it, as pdfkit writes its items. The top level is open; a bookmark's own start closed, so that a long
 * document's list stays short (its Count is then the negative of their number, which pdfkit's items leave out).
 */
export class Outline {
  private readonly bookmarks: Bookmark[] = [];

  constructor(private readonly pdf: Pdf) {
    if (typeof pdf.endOutline !== 'function' || pdf.outline?.outlineData === undefined) throw new Error('PDF writer: this pdfkit has no endOutline or outline root');
    const endOutline = pdf.endOutline.bind(pdf);
    pdf.endOutline = () => {
      this.write();
      endOutline();
    };
  }

  /**
   * Adds a bookmark to the current page, at `y` points from the bottom of the page: at the top level, or with `below`
   * under the last top-level one (at the top level when there is none yet).
   */
  add(title: string, y: number, { below = false } = {}): void {
    const bookmark = {
      ref: this.pdf.ref(),
      destination: `[${reference(this.pdf.page.dictionary)} /XYZ null ${pdfNumber(y)} null]`,
      title: pdfString(title),
      children: [],
    };
    const parent = below ? this.bookmarks[this.bookmarks.length - 1] : undefined;
    (parent?.children ?? this.bookmarks).push(bookmark);
  }

  /** Writes the bookmarks and fills in the root, as pdfkit's endOutline does for the items it holds. */
  private write(): void {
    const { bookmarks, pdf } = this;
    const first = bookmarks[0];
    const last = bookmarks[bookmarks.length - 1];
    if (first === undefined || last === undefined) return;
    const root = pdf.outline;
    // Open: the root counts the items it shows, its own, as pdfkit's `expanded` option has it.
    root.outlineData.Count = bookmarks.length;
    root.outlineData.First = first.ref;
    root.outlineData.Last = last.ref;
    this.writeLevel(bookmarks, reference(root.dictionary));
    // What pdfkit's endOutline sets when its root has items.
    pdf._root.data.Outlines = root.dictionary;
    pdf._root.data.PageMode ||= 'UseOutlines';
  }

  /** Writes bookmarks with one parent in pdfkit's order: each after its own, which it links to. */
  private writeLevel(bookmarks: readonly Bookmark[], parent: string): void {
    bookmarks.forEach(({ ref, destination, title, children }, i) => {
      const first = children[0];
      const last = children[children.length - 1];
      const count = first === undefined ? '' : `\n/Count ${-children.length}`;
      const previous = i > 0 ? `\n/Prev ${reference((bookmarks[i - 1] as Bookmark).ref)}` : '';
      const next = i + 1 < bookmarks.length ? `\n/Next ${reference((bookmarks[i + 1] as Bookmark).ref)}` : '';
      const own = first === undefined || last === undefined ? '' : `\n/First ${reference(first.ref)}\n/Last ${reference(last.ref)}`;
      this.writeLevel(children, reference(ref));
      writeObject(this.pdf, ref, `<<\n/Dest ${destination}\n/Parent ${parent}\n/Title ${title}${count}${previous}${next}${own}\n>>`);
    });
  }
}

/**
 * A text string as pdfkit writes one: in UTF-16BE after a byte-order mark if any character is outside ASCII, else as
 * it is; then delimiters, backslashes and control characters escaped in the bytes.
 */
export function pdfString(text: string): string {
  const bytes = /[^\x00-\x7f]/.test(text) ? `\u00fe\u00ff${Buffer.from(text, 'utf16le').swap16().toString('latin1')}` : text;
  return `(${bytes.replace(ESCAPED, (char) => ESCAPES[char] as string)})`;
}

const ESCAPED = /[\n\r\t\b\f()\\]/g;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };
