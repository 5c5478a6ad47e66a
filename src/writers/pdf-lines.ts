// Line breaking for the PDF writer: styled spans in, positioned line fragments out, left aligned like Word's default.

import { clusters, type FontBook, type FontStyle } from './pdf-fonts.js';

/** A link target; `id` tells fragments of one link apart from those of the next. */
export interface LinkTarget {
  href: string;
  id: number;
}

/** A run of text in one style, as the document model gives it. */
export interface Span {
  text: string;
  style: FontStyle;
  size: number;
  /** Six hex digits. */
  colour: string;
  underline?: boolean;
  link?: LinkTarget;
}

/** A forced line break inside a paragraph. */
export const LINE_BREAK = 'break';

/** A piece of a line set in one face, with its position from the line's left edge. */
export interface Fragment {
  text: string;
  face: string;
  size: number;
  colour: string;
  underline: boolean;
  link?: LinkTarget;
  /** Characters no shipped font has, drawn as replacement marks; see FaceRun. */
  missing?: string;
  x: number;
  width: number;
}

export interface Line {
  fragments: Fragment[];
  width: number;
}

/**
 * A word or a run of spaces, or a part of one set in one face: its characters are `source` from `start` to `end`. The
 * words and spaces of a span set in one face keep to the span's text, so that a line's run of them is one slice of it
 * rather than a string per word joined again.
 */
interface Atom {
  span: Span;
  source: string;
  start: number;
  end: number;
  face: string;
  missing?: string;
  width: number;
}

/**
 * Atoms gathered for a word or a run of spaces, in an array that is emptied by its count rather than its length: an
 * array emptied by its length gives up its storage, and the next push allocates it anew, once per word.
 */
class Atoms {
  readonly items: Atom[] = [];
  count = 0;

  add(atom: Atom): void {
    this.items[this.count++] = atom;
  }

  /** Appends the gathered atoms to a line. */
  appendTo(line: Atom[]): void {
    for (let i = 0; i < this.count; i += 1) line.push(this.items[i] as Atom);
  }

  clear(): void {
    this.count = 0;
  }
}

/**
 * What reading spans finds, in order: words (boxes, possibly across spans), spaces (glue) and forced breaks. The atoms
 * handed over are the reader's own, valid during the call only.
 */
interface TokenSink {
  box(atoms: Atoms, width: number): void;
  glue(atoms: Atoms, width: number): void;
  newline(): void;
}

// Lines break at spaces only: a line ending in "-" reads as a hyphenated word to text extraction, which drops it.
const SPACE = 0x20;
const WHITESPACE = /[\t\n\v\f\r\u2028\u2029]/g;
const EPSILON = 0.01;

/** Breaks spans into lines no wider than `maxWidth`; a word wider than a line is broken between characters. */
export function breakLines(spans: readonly (Span | typeof LINE_BREAK)[], maxWidth: number, fonts: FontBook): Line[] {
  return breakPlainSpan(spans, maxWidth, fonts) ?? breakSpans(spans, maxWidth, fonts);
}

/**
 * breakLines for most paragraphs of a meeting: one span, all of it in its style's main face. Its words and spaces are
 * measured and placed as they are read, each line one slice of the text, without an atom for every word and space
 * and a fragment merged from them: what a 130-item render adds to a 13-item one took 15 % fewer instructions. The
 * same lines as breakSpans, widths summed in the same order (a property test holds them alike); undefined for other
 * spans, or for a word wider than a line, which breakSpans breaks between characters.
 */
function breakPlainSpan(spans: readonly (Span | typeof LINE_BREAK)[], maxWidth: number, fonts: FontBook): Line[] | undefined {
  const span = spans[0];
  if (spans.length !== 1 || span === undefined || span === LINE_BREAK || span.link !== undefined) return undefined;
  const text = span.text.replace(WHITESPACE, ' ');
  const face = fonts.plainFace(text, span.style);
  if (face === undefined) return undefined;
  const { size, colour } = span;
  const underline = span.underline ?? false;
  const limit = maxWidth + EPSILON;
  const lines: Line[] = [];
  // The line so far: its stretch of the text (none while `from` is -1), its width as breaking decides on it, and as
  // its fragment sums it, word and space by word and space; then the width of the spaces since its last word.
  let from = -1;
  let to = 0;
  let decided = 0;
  let summed = 0;
  let glueWidth = 0;
  for (let start = 0; start < text.length; ) {
    let end = start + 1;
    if (text.charCodeAt(start) === SPACE) {
      while (end < text.length && text.charCodeAt(end) === SPACE) end += 1;
      // Spaces that begin a line are not drawn.
      if (from !== -1) glueWidth += fonts.width(face, text, size, start, end);
      start = end;
      continue;
    }
    end = text.indexOf(' ', end);
    if (end === -1) end = text.length;
    const width = fonts.width(face, text, size, start, end);
    if (from !== -1 && decided + glueWidth + width <= limit) {
      summed += glueWidth;
      summed += width;
      decided += glueWidth + width;
      to = end;
    } else {
      if (from !== -1) lines.push(plainLine(text.slice(from, to), face, size, colour, underline, summed));
      if (width > limit) return undefined;
      from = start;
      to = end;
      decided = width;
      summed = width;
    }
    glueWidth = 0;
    start = end;
  }
  if (from !== -1) lines.push(plainLine(text.slice(from, to), face, size, colour, underline, summed));
  return lines;
}

/** A line of one fragment, made as toLine makes it (the same properties in the same order). */
function plainLine(text: string, face: string, size: number, colour: string, underline: boolean, width: number): Line {
  const fragment: Fragment = { text, face, size, colour, underline, x: 0, width };
  return { fragments: [fragment], width };
}

/**
 * breakLines for any spans: words and spaces read into atoms in their faces, lines merged from them by toLine. Exported
 * for the property test that holds breakPlainSpan's lines to its.
 */
export function breakSpans(spans: readonly (Span | typeof LINE_BREAK)[], maxWidth: number, fonts: FontBook): Line[] {
  const limit = maxWidth + EPSILON;
  const lines: Line[] = [];
  let current: Atom[] = [];
  let currentWidth = 0;
  // Spaces since the last word on the line: they are drawn only if the next word fits on it too.
  const glue = new Atoms();
  let glueWidth = 0;

  const flush = (): void => {
    lines.push(toLine(current));
    current = [];
    currentWidth = 0;
    glue.clear();
    glueWidth = 0;
  };
  const place = (atoms: Atoms, width: number): void => {
    if (width <= limit) {
      atoms.appendTo(current);
      currentWidth = width;
      return;
    }
    for (let i = 0; i < atoms.count; i += 1) {
      for (const atom of splitAtom(atoms.items[i] as Atom, fonts)) {
        if (current.length > 0 && currentWidth + atom.width > limit) flush();
        current.push(atom);
        currentWidth += atom.width;
      }
    }
  };

  readTokens(spans, fonts, {
    box(atoms, width) {
      if (current.length === 0) {
        place(atoms, width);
      } else if (currentWidth + glueWidth + width <= limit) {
        glue.appendTo(current);
        atoms.appendTo(current);
        currentWidth += glueWidth + width;
        glue.clear();
        glueWidth = 0;
      } else {
        flush();
        place(atoms, width);
      }
    },
    glue(atoms, width) {
      if (current.length > 0) {
        for (let i = 0; i < atoms.count; i += 1) glue.add(atoms.items[i] as Atom);
        glueWidth += width;
      }
    },
    newline: flush,
  });
  if (current.length > 0) flush();
  return lines;
}

/** The widest unbreakable word (`min`) and the widest unbroken line (`max`): what a table column needs. */
export function naturalWidths(spans: readonly (Span | typeof LINE_BREAK)[], fonts: FontBook): { min: number; max: number } {
  let min = 0;
  let max = 0;
  let line = 0;
  let glue = 0;
  readTokens(spans, fonts, {
    box(_atoms, width) {
      min = Math.max(min, width);
      line += glue + width;
      glue = 0;
    },
    glue(_atoms, width) {
      if (line > 0) glue += width;
    },
    newline() {
      max = Math.max(max, line);
      line = 0;
      glue = 0;
    },
  });
  return { min, max: Math.max(max, line) };
}

/**
 * Reads spans into the sink token by token, scanning for spaces rather than matching each token (a match array per
 * word was most of the memory line breaking used). A word is handed over once it ends, as it may continue into the
 * next span ("**fed**tekst").
 */
function readTokens(spans: readonly (Span | typeof LINE_BREAK)[], fonts: FontBook, sink: TokenSink): void {
  const box = new Atoms();
  let boxWidth = 0;
  const endBox = (): void => {
    if (box.count === 0) return;
    sink.box(box, boxWidth);
    box.clear();
    boxWidth = 0;
  };
  const glue = new Atoms();
  for (const span of spans) {
    if (span === LINE_BREAK) {
      endBox();
      sink.newline();
      continue;
    }
    const text = span.text.replace(WHITESPACE, ' ');
    // Most spans are set in their style's main face throughout: their words need no splitting into faces.
    const plain = fonts.plainFace(text, span.style);
    const atomsOf = (start: number, end: number, into: Atoms): number => {
      if (plain !== undefined) {
        const width = fonts.width(plain, text, span.size, start, end);
        into.add({ span, source: text, start, end, face: plain, width });
        return width;
      }
      let width = 0;
      for (const run of fonts.split(text.slice(start, end), span.style)) {
        const atom: Atom = { span, source: run.text, start: 0, end: run.text.length, face: run.face, width: fonts.width(run.face, run.text, span.size) };
        if (run.missing !== undefined) atom.missing = run.missing;
        into.add(atom);
        width += atom.width;
      }
      return width;
    };
    for (let start = 0; start < text.length; ) {
      let end = start + 1;
      if (text.charCodeAt(start) === SPACE) {
        while (end < text.length && text.charCodeAt(end) === SPACE) end += 1;
        endBox();
        const width = atomsOf(start, end, glue);
        sink.glue(glue, width);
        glue.clear();
      } else {
        // A word runs to the next space, found natively rather than character by character.
        end = text.indexOf(' ', end);
        if (end === -1) end = text.length;
        boxWidth += atomsOf(start, end, box);
      }
      start = end;
    }
  }
  endBox();
}

/** One atom per character cluster, for breaking a word that is wider than the line. */
function splitAtom(atom: Atom, fonts: FontBook): Atom[] {
  if (atom.missing !== undefined) return [atom];
  return clusters(atom.source.slice(atom.start, atom.end)).map((segment) => ({
    ...atom,
    source: segment,
    start: 0,
    end: segment.length,
    width: fonts.width(atom.face, segment, atom.span.size),
  }));
}

function sameRun(a: Fragment, b: Atom): boolean {
  return (
    a.missing === undefined &&
    b.missing === undefined &&
    a.face === b.face &&
    a.size === b.span.size &&
    a.colour === b.span.colour &&
    a.underline === (b.span.underline ?? false) &&
    a.link?.id === b.span.link?.id
  );
}

/** Merges neighbouring atoms that draw alike into fragments and places them from the left. */
function toLine(atoms: readonly Atom[]): Line {
  const fragments: Fragment[] = [];
  // The last fragment's text is what came before plus the stretch of `source` it reaches so far, sliced when done.
  let last: Fragment | undefined;
  let before = '';
  let source = '';
  let start = 0;
  let end = 0;
  const finish = (): void => {
    if (last !== undefined) last.text = before + source.slice(start, end);
  };
  // The span of the last fragment's first atom: an atom of it in the fragment's face draws as the fragment does, as
  // most atoms do, checked before comparing what the spans draw with (1.5 % of what a 130-item render adds).
  let span: Span | undefined;
  for (const atom of atoms) {
    const ownSpan = atom.span === span && atom.face === last?.face && atom.missing === undefined && last.missing === undefined;
    if (last !== undefined && (ownSpan || sameRun(last, atom))) {
      last.width += atom.width;
      if (atom.source === source && atom.start === end) {
        end = atom.end;
      } else {
        before += source.slice(start, end);
        ({ source, start, end } = atom);
      }
      continue;
    }
    finish();
    last = {
      text: '',
      face: atom.face,
      size: atom.span.size,
      colour: atom.span.colour,
      underline: atom.span.underline ?? false,
      x: 0,
      width: atom.width,
    };
    if (atom.span.link !== undefined) last.link = atom.span.link;
    if (atom.missing !== undefined) last.missing = atom.missing;
    fragments.push(last);
    span = atom.span;
    before = '';
    ({ source, start, end } = atom);
  }
  finish();
  // Widths stay the sums the breaking decided on; kerning between atoms changes a line by hundredths of a point.
  let x = 0;
  for (const fragment of fragments) {
    fragment.x = x;
    x += fragment.width;
  }
  return { fragments, width: x };
}
