// The one diagnostic shape: sorted, each finding once, printed linter-style.

import { describe, expect, test } from 'vitest';
import { formatDiagnostic, problem, sortDiagnostics } from '../src/diagnostics.js';

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

describe('formatDiagnostic', () => {
  test('every file is printed with line and column, 1:1 when the whole file is meant', () => {
    expect(formatDiagnostic(problem('a.md', 'x', { line: 3, column: 9 }))).toBe('a.md:3:9  error  x');
    expect(formatDiagnostic(problem('a.md', 'x', { line: 3 }))).toBe('a.md:3:1  error  x');
    expect(formatDiagnostic(problem('a.md', 'x', { severity: 'warning' }))).toBe('a.md:1:1  warning  x');
  });

  test('a problem with no file (a flag, a date on the command line) is printed as ddh, with the field and the hint', () => {
    expect(formatDiagnostic(problem('', 'x', { field: '--kind', hint: 'y' }))).toBe('ddh  error  --kind: x\n    hint: y');
  });
});
