// The one diagnostic shape: sorted, each finding once, printed linter-style.

import { describe, expect, test } from 'vitest';
import { problem, sortDiagnostics } from '../src/diagnostics.js';

describe('sortDiagnostics', () => {
  test('sorts by file, line and column and keeps each identical finding once', () => {
    const a = problem('b.md', 'x', { line: 2, column: 1 });
    const b = problem('a.md', 'y', { line: 9, column: 3 });
    const sameSpotOtherMessage = problem('b.md', 'z', { line: 2, column: 1 });
    expect(sortDiagnostics([a, b, { ...a }, sameSpotOtherMessage, { ...b }])).toEqual([b, a, sameSpotOtherMessage]);
  });

  test('findings that differ only in severity or hint are both kept', () => {
    const error = problem('a.md', 'x', { line: 1, column: 1 });
    expect(sortDiagnostics([error, { ...error, severity: 'warning' }, { ...error, hint: 'other' }])).toHaveLength(3);
  });
});
