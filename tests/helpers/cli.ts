// Runs the CLI in-process with captured output, and copies the example repository for tests that change it.

import { cp, mkdtemp, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/index.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliResult {
  code: number;
  /** What was printed to stdout without its final line end (LF or CRLF), for line-by-line assertions. */
  stdout: string;
  /** Exactly the text that reached stdout. */
  rawStdout: string;
  /** What was printed to stderr without its final line end. */
  stderr: string;
}

/** Runs `ddh ...args` in `cwd` without spawning a process; stdout and stderr hold what a process would write. */
export async function ddh(cwd: string, ...args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { cwd, out: (t) => out.push(`${t}\n`), write: (t) => out.push(t), err: (t) => err.push(`${t}\n`) });
  const rawStdout = out.join('');
  return { code, stdout: rawStdout.replace(/\r?\n$/, ''), rawStdout, stderr: err.join('').replace(/\n$/, '') };
}

/** A fresh copy of the example minutes repository shipped in the project (ddh.yaml and meetings/). */
export async function copyExample(): Promise<string> {
  const root = await realpath(await mkdtemp(path.join(tmpdir(), 'ddh-example-')));
  await cp(path.join(PROJECT_ROOT, 'meetings'), path.join(root, 'meetings'), { recursive: true });
  await cp(path.join(PROJECT_ROOT, 'ddh.yaml'), path.join(root, 'ddh.yaml'));
  return root;
}
