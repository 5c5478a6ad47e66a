// Builds throw-away minutes repositories for tests from a map of file names to contents.

import { mkdtemp, mkdir, realpath, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type FileMap = Record<string, string | Uint8Array>;

/** Creates a fresh temporary folder holding `files` (keys use forward slashes) and returns its real path. */
export async function makeRepo(files: FileMap = {}): Promise<string> {
  const root = await realpath(await mkdtemp(path.join(tmpdir(), 'ddh-test-')));
  await writeFiles(root, files);
  return root;
}

/** Writes `files` under `root`, creating folders as needed. */
export async function writeFiles(root: string, files: FileMap): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(root, ...name.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}
