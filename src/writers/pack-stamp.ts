// The stamp on each attachment page of the pack: its text in the standard font's characters, and where it sits on a page.

/** A page box in PDF user space with a positive width and height. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where to draw the stamp: the start of its baseline, and its angle in degrees counter-clockwise. */
export interface StampPlacement {
  x: number;
  y: number;
  rotate: number;
}

/** Text in the stamp font, and the characters that had to be replaced to get there. */
export interface FontText {
  text: string;
  replaced: string;
}

// Readable stand-ins for characters outside WinAnsi that turn up in Danish titles.
const SUBSTITUTES: Readonly<Record<string, string>> = {
  '\u2192': '->',
  '\u2190': '<-',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '-',
  '\u25aa': '-',
  '\u25cf': '\u2022',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2032': "'",
  '\u2033': '"',
  '\u201a': ',',
};

/**
 * Rewrites `text` into characters the font can show: whitespace runs become one space, known symbols get a
 * stand-in, accented letters lose an accent the font lacks, a stray combining mark goes, anything else becomes '?'.
 */
export function toFontText(text: string, canShow: (codePoint: number) => boolean): FontText {
  let out = '';
  const replaced = new Set<string>();
  for (const char of text.normalize('NFC').replace(/[\s\p{Cc}]+/gu, ' ').trim()) {
    if (canShow(char.codePointAt(0) ?? 0)) {
      out += char;
      continue;
    }
    replaced.add(char);
    // A letter whose accent the font lacks keeps its base letter; a stray combining mark leaves nothing.
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    const stand = SUBSTITUTES[char] ?? ([...base].every((c) => canShow(c.codePointAt(0) ?? 0)) ? base : '?');
    out += stand;
  }
  return { text: out, replaced: [...replaced].join('') };
}

/** `text` cut at a character boundary and ended with '…' so that it is at most `maxWidth` wide. */
export function fitText(text: string, maxWidth: number, widthOf: (s: string) => number): string {
  if (widthOf(text) <= maxWidth) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (widthOf(`${chars.slice(0, mid).join('').trimEnd()}…`) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join('').trimEnd()}…`;
}

/** A page's /Rotate as 0, 90, 180 or 270 (clockwise, as viewers turn the page). */
export function normaliseRotation(angle: number): number {
  const quarter = Math.round(angle / 90) * 90;
  return ((quarter % 360) + 360) % 360;
}

/** The width of the page as the reader sees it, after the viewer applies the page's rotation. */
export function visibleWidth(box: Box, rotation: number): number {
  return rotation === 90 || rotation === 270 ? box.height : box.width;
}

/**
 * The stamp's position, centred along the top edge the reader sees, its baseline `inset` below that edge,
 * upright after the viewer turns the page by `rotation`.
 */
export function placeStamp(box: Box, rotation: number, textWidth: number, inset: number): StampPlacement {
  const { x, y, width, height } = box;
  switch (rotation) {
    case 90:
      return { x: x + inset, y: y + (height - textWidth) / 2, rotate: 90 };
    case 180:
      return { x: x + (width + textWidth) / 2, y: y + inset, rotate: 180 };
    case 270:
      return { x: x + width - inset, y: y + (height + textWidth) / 2, rotate: 270 };
    default:
      return { x: x + (width - textWidth) / 2, y: y + height - inset, rotate: 0 };
  }
}
