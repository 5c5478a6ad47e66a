// Numbering rules of the documents: letters for sub-items and follow-up points, type codes, runs of numbers.

import { TYPE_CODES, type TypeCode } from '../model.js';

/**
 * The letter of a 1-based position, as Word numbers lettered lists: 1 → a, 26 → z, 27 → aa, 28 → bb.
 * `upper` gives A, B, C. Writers number `lower-alpha`/`upper-alpha` lists the same way, so a letter
 * printed in text ("Punkt C") always matches the list.
 */
export function letter(position: number, upper = false): string {
  if (!Number.isInteger(position) || position < 1) throw new RangeError(`not a list position: ${position}`);
  const char = String.fromCharCode(97 + ((position - 1) % 26));
  const text = char.repeat(Math.ceil(position / 26));
  return upper ? text.toUpperCase() : text;
}

/** "(O, D, B)": the type codes in their fixed order, each once; '' when there are none. */
export function typeCodes(types: readonly TypeCode[]): string {
  const present = TYPE_CODES.filter((code) => types.includes(code));
  return present.length === 0 ? '' : `(${present.join(', ')})`;
}

/** A Danish enumeration: "A", "A og C", "A, B og D"; '' for none. */
export function danishList(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} og ${words[words.length - 1]}`;
}

/** A stretch of consecutive numbers: one numbered list in the document, starting at `start`. */
export interface Run<T> {
  start: number;
  entries: T[];
}

/**
 * Splits entries into runs of consecutive numbers, so a list with gaps (items 1, 2, 5 of an extract,
 * or follow-up points A and C) prints each entry with its own number or letter.
 */
export function consecutiveRuns<T>(entries: readonly T[], numberOf: (entry: T) => number): Run<T>[] {
  const runs: Run<T>[] = [];
  let previous: number | undefined;
  for (const entry of entries) {
    const n = numberOf(entry);
    const last = runs[runs.length - 1];
    if (last !== undefined && previous !== undefined && n === previous + 1) last.entries.push(entry);
    else runs.push({ start: n, entries: [entry] });
    previous = n;
  }
  return runs;
}
