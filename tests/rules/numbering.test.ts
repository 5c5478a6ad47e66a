import { describe, expect, test } from 'vitest';
import { consecutiveRuns, danishList, letter, typeCodes } from '../../src/rules/numbering.js';

describe('letter', () => {
  test('numbers a lettered list the way Word does', () => {
    expect([1, 2, 3, 26].map((n) => letter(n))).toEqual(['a', 'b', 'c', 'z']);
    expect([1, 3, 27, 28, 53].map((n) => letter(n, true))).toEqual(['A', 'C', 'AA', 'BB', 'AAA']);
  });

  test('refuses positions that are not list positions', () => {
    expect(() => letter(0)).toThrow(RangeError);
    expect(() => letter(1.5)).toThrow(RangeError);
  });
});

describe('typeCodes', () => {
  test('prints the codes in the order O, D, B, each once', () => {
    expect(typeCodes(['B', 'O', 'D'])).toBe('(O, D, B)');
    expect(typeCodes(['B', 'D', 'B'])).toBe('(D, B)');
    expect(typeCodes(['O'])).toBe('(O)');
  });

  test('is empty for an item without types', () => {
    expect(typeCodes([])).toBe('');
  });
});

describe('danishList', () => {
  test('joins with commas and "og"', () => {
    expect(danishList([])).toBe('');
    expect(danishList(['A'])).toBe('A');
    expect(danishList(['A', 'C'])).toBe('A og C');
    expect(danishList(['A', 'B', 'D'])).toBe('A, B og D');
  });
});

describe('consecutiveRuns', () => {
  test('splits at gaps and keeps each run’s first number', () => {
    const runs = consecutiveRuns([1, 2, 5, 6, 7, 9], (n) => n);
    expect(runs).toEqual([
      { start: 1, entries: [1, 2] },
      { start: 5, entries: [5, 6, 7] },
      { start: 9, entries: [9] },
    ]);
  });

  test('gives no runs for no entries and one run for a full list', () => {
    expect(consecutiveRuns([], (n: number) => n)).toEqual([]);
    expect(consecutiveRuns(['a', 'b', 'c'], (s) => s.charCodeAt(0))).toEqual([{ start: 97, entries: ['a', 'b', 'c'] }]);
  });
});
