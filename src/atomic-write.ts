// Writing files so that a crash, Ctrl-C or a locked target never leaves a half-written or lost file.

import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DdhError, problem } from './diagnostics.js';

/** A file to write: absolute path, content, and the path to show in messages. */
export interface OutputFile {
  path: string;
  bytes: Uint8Array | string;
  /** Shown in messages; defaults to `path`. */
  display?: string;
}

const LOCKED = new Set(['EBUSY', 'EPERM', 'EACCES']);

/** Temporary files made by this process so far: with the process id and its start, a name no other writer uses. */
let temps = 0;
const started = Date.now().toString(36);

function tempName(target: string): string {
  // The process id tells a later run whether the writer is still alive. Not random bytes: loading node:crypto for them
  // cost more than the rest of writing a DOCX.
  return path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${started}-${++temps}`);
}

/** True while the process that made a temporary file still runs (another render of the same file, say). */
function writerAlive(tempFile: string, prefix: string): boolean {
  const pid = Number(/^(\d+)-/.exec(tempFile.slice(prefix.length))?.[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files of this target left by a run that was killed (Ctrl-C, a crash) are removed before writing; a live writer's are left alone. */
function removeStaleTemps(target: string): void {
  const prefix = `.${path.basename(target)}.tmp-`;
  const dir = path.dirname(target);
  for (const name of readdirSync(dir)) {
    if (name.startsWith(prefix) && !writerAlive(name, prefix)) rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Writes one file through a temporary file in the same folder, flushed and renamed into place.
 * A locked target (a DOCX open in Word) becomes a DdhError naming it; no temporary file is left behind.
 * Synchronous calls: a render writes a few files one after another, and the promise API's module and thread-pool
 * round trips cost more than the writing.
 */
export function writeFileAtomic(file: OutputFile): void {
  mkdirSync(path.dirname(file.path), { recursive: true });
  removeStaleTemps(file.path);
  const temp = tempName(file.path);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeFileSync(fd, file.bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file.path);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // Asked before the locked codes: Windows refuses to rename onto a folder with EPERM, as it refuses a locked file.
    if (code === 'EISDIR' || isFolder(file.path)) {
      throw new DdhError(
        [
          problem(file.display ?? file.path, 'cannot write the file: a folder of that name is in the way', {
            rule: 'output-folder',
            hint: 'rename or move the folder, or render into another folder with --out',
          }),
        ],
        { cause: error },
      );
    }
    if (LOCKED.has(code)) {
      throw new DdhError(
        [
          problem(file.display ?? file.path, `cannot replace the file (${code}): it is open in another program or write-protected`, {
            rule: 'output-locked',
            hint: 'close the document in Word or the PDF viewer and render again; the outputs listed as written are new',
          }),
        ],
        { cause: error },
      );
    }
    throw error;
  }
}

function isFolder(target: string): boolean {
  return statSync(target, { throwIfNoEntry: false })?.isDirectory() === true;
}

/**
 * Writes several files one by one, each atomically. A file that cannot be written does not stop the others;
 * the failures are thrown together at the end so every output that could be written is intact and new.
 * `onWritten` hears of each file once it is in place, so a caller can name what was written even when the call throws.
 */
export function writeFilesAtomic(files: readonly OutputFile[], onWritten?: (file: OutputFile) => void): void {
  const failures: DdhError[] = [];
  for (const file of files) {
    try {
      writeFileAtomic(file);
      onWritten?.(file);
    } catch (error) {
      if (!(error instanceof DdhError)) throw error;
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new DdhError(failures.flatMap((f) => f.diagnostics));
}
