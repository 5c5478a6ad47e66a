// One error type and one diagnostic shape for the whole tool; the CLI is the only place that prints them.

import { compareText } from './rules/order.js';

/** How bad a finding is: errors stop the run (exit 1), warnings are printed and the run goes on, notes only inform. */
export type Severity = 'error' | 'warning' | 'note';

/**
 * A finding about a source file, linter style: where it is, what rule found it, and what to do.
 * `file` is relative to the repository root with forward slashes, so messages read the same on Windows. A problem
 * with a meeting as a whole names its meeting.yaml; one with the request itself (a date, a flag) names no file: ''.
 */
export interface Diagnostic {
  file: string;
  /** Left out when the whole file is meant: it is then printed at 1:1. */
  line?: number;
  column?: number;
  /** The field the finding is about, as a path: `attachments[1].file`. */
  field?: string;
  /** A short stable name of the check: `schema`, `yaml`, `front-matter`, `carry-lost`, … */
  rule: string;
  severity: Severity;
  message: string;
  /** What to do about it, written for the secretariat. */
  hint?: string;
}

/** Exit codes: 1 for bad input the user can fix, 2 for unexpected failures (bugs, the machine). */
export const EXIT_BAD_INPUT = 1;
export const EXIT_UNEXPECTED = 2;

/** The one error type: a list of diagnostics that together stopped the run. */
export class DdhError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly exitCode: number;

  constructor(diagnostics: Diagnostic[], options?: { cause?: unknown; exitCode?: number }) {
    super(diagnostics.map(formatDiagnostic).join('\n'), options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DdhError';
    this.diagnostics = diagnostics;
    this.exitCode = options?.exitCode ?? EXIT_BAD_INPUT;
  }
}

/** Builds an error diagnostic; the `file` may be '' for problems that concern no file (a bad flag). */
export function problem(
  file: string,
  message: string,
  details: Partial<Omit<Diagnostic, 'file' | 'message'>> = {},
): Diagnostic {
  return { file, message, rule: details.rule ?? 'input', severity: details.severity ?? 'error', ...details };
}

/** Throws a DdhError with one error diagnostic. */
export function fail(file: string, message: string, details: Partial<Omit<Diagnostic, 'file' | 'message'>> = {}): never {
  throw new DdhError([problem(file, message, details)]);
}

/**
 * `meetings/2025-01-28/04-kpi.md:3:9  error  types[1] must be one of O, D, B` and the hint on the next line. Every
 * file is printed with a line and a column, so that editors and CI problem matchers find each one.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file === '' ? 'ddh' : `${d.file}:${d.line ?? 1}:${d.column ?? 1}`;
  const field = d.field !== undefined && d.field !== '' && !d.message.startsWith(d.field) ? `${d.field}: ` : '';
  const head = `${where}  ${d.severity}  ${field}${d.message}`;
  return d.hint === undefined ? head : `${head}\n    hint: ${d.hint}`;
}

/** The list without exact repeats, first occurrences in order: a YAML alias re-reads the nodes it names, and with them their problems. */
export function uniqueDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = JSON.stringify([d.file, d.line, d.column, d.severity, d.rule, d.field, d.message, d.hint]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Sorts diagnostics by file, line and column, each once, so output is stable and reads top to bottom. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return uniqueDiagnostics(list).sort(
    (a, b) =>
      compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
