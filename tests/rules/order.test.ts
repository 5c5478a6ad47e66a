// compareText: the one ordering of dates, ids and file names.

import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/rules/order.js';

describe('compareText', () => {
  it('orders by code units, the same on every machine and in every locale', () => {
    expect(['b', 'å', '10-a.md', 'a', 'Z', '10-B.md'].sort(compareText)).toEqual(['10-B.md', '10-a.md', 'Z', 'a', 'b', 'å']);
    expect(compareText('2026-01-27', '2026-01-27')).toBe(0);
    expect(compareText('2026-01-27', '2026-03-12')).toBe(-1);
    expect(compareText('b', 'a')).toBe(1);
  });
});
