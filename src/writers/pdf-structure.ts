// The PDF's structure tree: each element written once it ends, as the dictionary pdfkit's own structure elements
// write, without pdfkit's machinery per element: type checks on every child, a test over the whole subtree at every
// change, and its general serialisation of objects. A long document has thousands of elements.

import { reference, writeObject, type Pdf, type PdfRef } from './pdf-document.js';

/** Marked content, as markContent adds it: the page and MCID of each piece. */
interface MarkedContent {
  refs: { pageRef: PdfRef; mcid: number }[];
}

/** A link annotation, as pdfkit's annotate hands it to the element given as its structure parent. */
interface AnnotationChild {
  annotationRef: PdfRef;
}

type Kid = StructElement | MarkedContent | AnnotationChild;

/**
 * An element of the structure tree: the next child of its parent, holding elements, marked content and link
 * annotations in the order they are added. pdfkit's document takes the root (addStructure, and ending it at the end)
 * and annotations (annotate) as it takes its own elements, through `dictionary`, `setParent`, `setAttached`, `add`
 * and `end`.
 */
export class StructElement {
  /** The element's object; pdfkit's name for it. */
  readonly dictionary: PdfRef;
  private readonly kids: Kid[] = [];
  private parent: PdfRef | undefined;
  private ended = false;
  private written = false;

  /** A new element of the tree; `scope` makes a table header cell's attributes. */
  constructor(
    private readonly pdf: Pdf,
    readonly type: string,
    private readonly scope?: 'Column',
  ) {
    this.dictionary = pdf.ref({ S: type });
  }

  /** Adds a child element, marked content on the current page, or a link annotation. */
  add(child: Kid): this {
    if (this.ended) throw new Error('PDF writer: a child added to an ended structure element');
    if (child instanceof StructElement) {
      child.setParent(this.dictionary);
    } else if ('refs' in child) {
      const tree = this.pdf.getStructParentTree();
      for (const { pageRef, mcid } of child.refs) {
        const parents = tree.get(pageRef.data.StructParents as number) as (PdfRef | null)[];
        parents[mcid] = this.dictionary;
      }
    } else {
      const key = this.pdf.createStructParentTreeNextKey();
      child.annotationRef.data.StructParent = key;
      this.pdf.getStructParentTree().add(key, this.dictionary);
    }
    this.kids.push(child);
    return this;
  }

  /**
   * Opens marked content of the element on the current page, tagged with its type, and adds it as the next child: the
   * page's next MCID and the same operator as pdfkit's markStructureContent, without its copies of options, its search
   * of the page's open markings (the painter ends its marked content before opening more) and its general
   * serialisation of the one-entry dictionary.
   */
  markContent(): void {
    const { page } = this.pdf;
    const parents = this.pdf.getStructParentTree().get(page.structParentTreeKey) as (PdfRef | null)[];
    const mcid = parents.length;
    parents.push(null);
    // pdfkit's record of what is open on the page, which its endMarkedContent closes.
    page.markings.push({ tag: this.type, options: { mcid } });
    this.pdf.addContent(`/${this.type} <<\n/MCID ${mcid}\n>> BDC`);
    this.add({ refs: [{ pageRef: page.dictionary, mcid }] });
  }

  setParent(parent: PdfRef): void {
    if (this.parent !== undefined) throw new Error('PDF writer: a structure element added to more than one parent');
    this.parent = parent;
    this.write();
  }

  /** pdfkit's root element is told when it joins the tree; these need not know. */
  setAttached(): void {}

  /** Ends the element, and any child element not ended yet; it is written once it has a parent. */
  end(): void {
    if (this.ended) return;
    for (const kid of this.kids) if (kid instanceof StructElement) kid.end();
    this.ended = true;
    this.write();
  }

  /** Writes the element as pdfkit's PDFObject.convert writes its dictionary: S, A, P, K and Pg, a line each. */
  private write(): void {
    if (this.written || !this.ended || this.parent === undefined) return;
    this.written = true;
    let page: PdfRef | undefined;
    const kids: string[] = [];
    for (const kid of this.kids) {
      if (kid instanceof StructElement) {
        kids.push(reference(kid.dictionary));
      } else if ('refs' in kid) {
        // Content on the element's first page by its MCID alone; on another page with a reference to its page.
        for (const { pageRef, mcid } of kid.refs) {
          page ??= pageRef;
          kids.push(page === pageRef ? String(mcid) : `<<\n/Type /MCR\n/Pg ${reference(pageRef)}\n/MCID ${mcid}\n>>`);
        }
      } else {
        // pdfkit names the page the element ends on.
        kids.push(`<<\n/Type /OBJR\n/Obj ${reference(kid.annotationRef)}\n/Pg ${reference(this.pdf.page.dictionary)}\n>>`);
      }
    }
    const attributes = this.scope === undefined ? '' : `/A <<\n/O /Table\n/Scope /${this.scope}\n>>\n`;
    const pageEntry = page === undefined ? '' : `\n/Pg ${reference(page)}`;
    writeObject(this.pdf, this.dictionary, `<<\n/S /${this.type}\n${attributes}/P ${reference(this.parent)}\n/K [${kids.join(' ')}]${pageEntry}\n>>`);
    this.kids.length = 0;
  }
}

/** pdfkit's number tree, as the parent tree is one: its entries by key, and whether it writes their range. */
interface NumberTree {
  _items: Record<number, PdfRef | (PdfRef | null)[]>;
  limits: boolean;
  toString(): string;
}

/**
 * Has the parent tree written as pdfkit's number tree writes itself, without its general serialisation of each of the
 * thousands of references in it (an element for every marked content on every page).
 */
export function writeParentTreeItself(pdf: Pdf): void {
  const tree = pdf.getStructParentTree() as unknown as NumberTree;
  if (typeof tree._items !== 'object' || typeof tree.limits !== 'boolean') throw new Error("PDF writer: this pdfkit's parent tree has no _items or limits");
  tree.toString = () => {
    const keys = Object.keys(tree._items).map(Number).sort((a, b) => a - b);
    const lines = ['<<'];
    if (tree.limits && keys.length > 1) lines.push(`  /Limits [${keys[0]} ${keys[keys.length - 1]}]`);
    lines.push('  /Nums [');
    for (const key of keys) {
      const value = tree._items[key] as PdfRef | (PdfRef | null)[];
      lines.push(`    ${key} ${Array.isArray(value) ? `[${value.map((ref) => (ref === null ? 'null' : reference(ref))).join(' ')}]` : reference(value)}`);
    }
    lines.push(']', '>>');
    return lines.join('\n');
  };
}

/** Checks pdfkit's internals that the tree relies on, so that another pdfkit fails here rather than write a broken tree. */
export function checkStructureInternals(pdf: Pdf): void {
  const missing = (['_refEnd', 'getStructParentTree', 'createStructParentTreeNextKey', 'endMarkedContent', 'addStructure'] as const).filter(
    (name) => typeof pdf[name] !== 'function',
  );
  if (missing.length > 0) throw new Error(`PDF writer: this pdfkit has no ${missing.join(', ')}`);
}
