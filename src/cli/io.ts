// What a command needs from the outside world: the folder it runs in and where to print.

import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';

/** Where a run reads and writes: the process in real use, buffers in tests. */
export interface Io {
  cwd: string;
  /** Prints a line: the text and a line end. */
  out: (text: string) => void;
  /**
   * Writes the text as it is, line ends included: the bytes of a file printed to stdout. Optional for callers that
   * take only lines (the build's code-cache run); they get a file as lines, its final line end left to `out`.
   */
  write?: (text: string) => void;
  err: (text: string) => void;
}

/** Handed to every command: the I/O and the folder the command works from (after `-C`). */
export interface CommandContext {
  io: Io;
  cwd: string;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    out: (text) => process.stdout.write(`${text}\n`),
    write: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(`${text}\n`),
  };
}

/** The text as a file holds it: CSV and iCalendar end with their own CRLF, other text gets a final LF. */
export function fileText(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Prints what `--out` would write, byte for byte. */
export function printFile(io: Io, text: string): void {
  if (io.write === undefined) io.out(fileText(text).replace(/\r?\n$/, ''));
  else io.write(fileText(text));
}

/** Prints diagnostics linter-style to stderr, sorted by file and line. */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const d of sortDiagnostics(diagnostics)) io.err(formatDiagnostic(d));
}

/** "1 meeting" / "3 meetings": counts in messages. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
