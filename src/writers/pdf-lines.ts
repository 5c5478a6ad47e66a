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

interface Atom {
  span: Span;
  text: string;
  face: string;
  missing?: string;
  width: number;
}

type Item = { kind: 'box' | 'glue'; atoms: Atom[]; width: number } | { kind: 'newline' };

// Lines break at spaces only: a line ending in "-" reads as a hyphenated word to text extraction, which drops it.
const TOKEN = / +|[^ ]+/gu;
const WHITESPACE = /[\t\n\v\f\r\u2028\u2029]/g;
const EPSILON = 0.01;

/** Breaks spans into lines no wider than `maxWidth`; a word wider than a line is broken between characters. */
export function breakLines(spans: readonly (Span | typeof LINE_BREAK)[], maxWidth: number, fonts: FontBook): Line[] {
  const lines: Line[] = [];
  let current: Atom[] = [];
  let currentWidth = 0;
  let glue: Atom[] = [];
  let glueWidth = 0;

  const flush = (): void => {
    lines.push(toLine(current));
    current = [];
    currentWidth = 0;
    glue = [];
    glueWidth = 0;
  };
  const place = (atoms: Atom[], width: number): void => {
    if (width <= maxWidth + EPSILON) {
      current = atoms;
      currentWidth = width;
      return;
    }
    for (const atom of atoms.flatMap((a) => splitAtom(a, fonts))) {
      if (current.length > 0 && currentWidth + atom.width > maxWidth + EPSILON) flush();
      current.push(atom);
      currentWidth += atom.width;
    }
  };

  for (const item of toItems(spans, fonts)) {
    if (item.kind === 'newline') {
      flush();
    } else if (item.kind === 'glue') {
      if (current.length > 0) {
        glue.push(...item.atoms);
        glueWidth += item.width;
      }
    } else if (current.length === 0) {
      place(item.atoms, item.width);
    } else if (currentWidth + glueWidth + item.width <= maxWidth + EPSILON) {
      current.push(...glue, ...item.atoms);
      currentWidth += glueWidth + item.width;
      glue = [];
      glueWidth = 0;
    } else {
      flush();
      place(item.atoms, item.width);
    }
  }
  if (current.length > 0) flush();
  return lines;
}

/** The widest unbreakable word (`min`) and the widest unbroken line (`max`): what a table column needs. */
export function naturalWidths(spans: readonly (Span | typeof LINE_BREAK)[], fonts: FontBook): { min: number; max: number } {
  let min = 0;
  let max = 0;
  let line = 0;
  let glue = 0;
  for (const item of toItems(spans, fonts)) {
    if (item.kind === 'newline') {
      max = Math.max(max, line);
      line = 0;
      glue = 0;
    } else if (item.kind === 'glue') {
      if (line > 0) glue += item.width;
    } else {
      min = Math.max(min, item.width);
      line += glue + item.width;
      glue = 0;
    }
  }
  return { min, max: Math.max(max, line) };
}

/** Boxes (words, possibly across spans), glue (spaces) and forced breaks, in order. */
function toItems(spans: readonly (Span | typeof LINE_BREAK)[], fonts: FontBook): Item[] {
  const items: Item[] = [];
  // A word may continue into the next span ("**fed**tekst").
  let open: { kind: 'box'; atoms: Atom[]; width: number } | undefined;
  for (const span of spans) {
    if (span === LINE_BREAK) {
      items.push({ kind: 'newline' });
      open = undefined;
      continue;
    }
    const text = span.text.replace(WHITESPACE, ' ');
    // Most spans are set in their style's main face throughout: their words need no splitting into faces.
    const plain = fonts.plainFace(text, span.style);
    for (const [token] of text.matchAll(TOKEN)) {
      const atoms =
        plain === undefined
          ? fonts.split(token, span.style).map((run) => {
              const atom: Atom = { span, text: run.text, face: run.face, width: fonts.width(run.face, run.text, span.size) };
              if (run.missing !== undefined) atom.missing = run.missing;
              return atom;
            })
          : [{ span, text: token, face: plain, width: fonts.width(plain, token, span.size) }];
      const width = atoms.length === 1 ? (atoms[0] as Atom).width : atoms.reduce((sum, a) => sum + a.width, 0);
      if (token.startsWith(' ')) {
        items.push({ kind: 'glue', atoms, width });
        open = undefined;
      } else {
        if (open === undefined) {
          open = { kind: 'box', atoms, width };
          items.push(open);
        } else {
          open.atoms.push(...atoms);
          open.width += width;
        }
      }
    }
  }
  return items;
}

/** One atom per character cluster, for breaking a word that is wider than the line. */
function splitAtom(atom: Atom, fonts: FontBook): Atom[] {
  if (atom.missing !== undefined) return [atom];
  return clusters(atom.text).map((segment) => ({
    ...atom,
    text: segment,
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
  for (const atom of atoms) {
    const last = fragments[fragments.length - 1];
    if (last !== undefined && sameRun(last, atom)) {
      last.text += atom.text;
      last.width += atom.width;
      continue;
    }
    const fragment: Fragment = {
      text: atom.text,
      face: atom.face,
      size: atom.span.size,
      colour: atom.span.colour,
      underline: atom.span.underline ?? false,
      x: 0,
      width: atom.width,
    };
    if (atom.span.link !== undefined) fragment.link = atom.span.link;
    if (atom.missing !== undefined) fragment.missing = atom.missing;
    fragments.push(fragment);
  }
  // Widths stay the sums the breaking decided on; kerning between atoms changes a line by hundredths of a point.
  let x = 0;
  for (const fragment of fragments) {
    fragment.x = x;
    x += fragment.width;
  }
  return { fragments, width: x };
}
