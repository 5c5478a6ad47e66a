// What a command needs from the outside world: the folder it runs in and where to print.

import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';

/** Where a run reads and writes: the process in real use, buffers in tests. */
export interface Io {
  cwd: string;
  out: (text: string) => void;
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
    err: (text) => process.stderr.write(`${text}\n`),
  };
}

/** Prints diagnostics linter-style to stderr, sorted by file and line. */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const d of sortDiagnostics(diagnostics)) io.err(formatDiagnostic(d));
}

/** "1 meeting" / "3 meetings": counts in messages. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
