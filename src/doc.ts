// The document model in the middle of the pipeline: parsed from Markdown, read by every writer.

/** Inline content. Text carries its own emphasis so writers never nest runs. */
export type Inline =
  | { type: 'text'; text: string; bold?: boolean; italic?: boolean }
  | { type: 'link'; href: string; children: TextRun[] }
  | { type: 'break' };

export type TextRun = Extract<Inline, { type: 'text' }>;

/** How an ordered list is numbered: 1 2 3, a b c, or A B C. */
export type ListStyle = 'decimal' | 'lower-alpha' | 'upper-alpha';

export type Block =
  | {
      type: 'heading';
      /**
       * 1 = document title, 2 = sections ("Dagsorden", "Punkt 3: …"), 3+ inside an item. Word's navigation
       * pane shows every level; the PDF outline has a bookmark for each level-2 heading.
       */
      level: 1 | 2 | 3 | 4 | 5 | 6;
      children: Inline[];
    }
  | {
      type: 'paragraph';
      children: Inline[];
      /**
       * Keep with next: the paragraph goes to a new page rather than end one, unless the first lines of the block after
       * it fit under it too. Set for a label such as "Referat:" by the `<!-- ddh:keep-with-next -->` directive; DOCX
       * writes it as Word's "keep with next", the PDF applies the rule it applies to headings.
       */
      keepWithNext?: true;
    }
  | { type: 'list'; ordered: false; items: Block[][] }
  | { type: 'list'; ordered: true; style: ListStyle; start: number; items: Block[][] }
  | { type: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { type: 'rule' }
  | { type: 'pageBreak' };

export interface DocMeta {
  /** Window title and core property title: "Dagsorden DDH Styregruppemøde 05.12.2024". */
  title: string;
  /** Core property subject: "Styregruppemøde 5. december 2024". */
  subject: string;
  /** The organisation, the document's author; printed in the page header. */
  author: string;
  /** BCP 47 language tag; always da-DK for now. */
  lang: string;
  /** The meeting date, YYYY-MM-DD: the documents' creation and modification date, never the render day. */
  date: string;
  /**
   * True for minutes that are not approved: writers put UDKAST in the header of every page (the PDF also a watermark).
   * The one marking in the body is the document's own text, so that both formats show the same.
   */
  draft: boolean;
  /** Text printed at the top of every page (organisation name), left of the logo if any. */
  header: string;
  /** The logo file relative to the repository, for the record; writers get its bytes as an asset. */
  logo?: string;
  /** Font family for body text (DOCX name; the PDF writer embeds its metric twin). */
  font: string;
  /** Heading colour, six hex digits. */
  colour: string;
}

export interface Doc {
  meta: DocMeta;
  blocks: Block[];
}

/** A writer turns a Doc into bytes. It touches no files and imports no other writer. */
export interface WriterResult {
  bytes: Uint8Array;
  /** Characters or content the writer could not represent, for the pipeline to locate in the sources. */
  warnings: WriterWarning[];
}

export interface WriterWarning {
  message: string;
  /** The exact characters concerned, so the pipeline can name the source file and line. */
  chars?: string;
}
