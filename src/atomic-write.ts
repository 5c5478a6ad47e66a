// Writing files so that a crash, Ctrl-C or a locked target never leaves a half-written or lost file.

import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
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
async function removeStaleTemps(target: string): Promise<void> {
  const prefix = `.${path.basename(target)}.tmp-`;
  const dir = path.dirname(target);
  for (const name of await readdir(dir)) {
    if (name.startsWith(prefix) && !writerAlive(name, prefix)) await rm(path.join(dir, name), { force: true });
  }
}

/**
 * Writes one file through a temporary file in the same folder, flushed and renamed into place.
 * A locked target (a DOCX open in Word) becomes a DdhError naming it; no temporary file is left behind.
 */
export async function writeFileAtomic(file: OutputFile): Promise<void> {
  await mkdir(path.dirname(file.path), { recursive: true });
  await removeStaleTemps(file.path);
  const temp = tempName(file.path);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(file.bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file.path);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // Asked before the locked codes: Windows refuses to rename onto a folder with EPERM, as it refuses a locked file.
    if (code === 'EISDIR' || (await isFolder(file.path))) {
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

async function isFolder(target: string): Promise<boolean> {
  return (await stat(target).catch(() => undefined))?.isDirectory() === true;
}

/**
 * Writes several files one by one, each atomically. A file that cannot be written does not stop the others;
 * the failures are thrown together at the end so every output that could be written is intact and new.
 * `onWritten` hears of each file once it is in place, so a caller can name what was written even when the call throws.
 */
export async function writeFilesAtomic(files: readonly OutputFile[], onWritten?: (file: OutputFile) => void): Promise<void> {
  const failures: DdhError[] = [];
  for (const file of files) {
    try {
      await writeFileAtomic(file);
      onWritten?.(file);
    } catch (error) {
      if (!(error instanceof DdhError)) throw error;
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new DdhError(failures.flatMap((f) => f.diagnostics));
}
