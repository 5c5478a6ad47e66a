// Runs the CLI in-process with captured output, and copies the example repository for tests that change it.

import { cp, mkdtemp, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/index.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `ddh ...args` in `cwd` without spawning a process. */
export async function ddh(cwd: string, ...args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { cwd, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** A fresh copy of the example minutes repository shipped in the project (ddh.yaml and meetings/). */
export async function copyExample(): Promise<string> {
  const root = await realpath(await mkdtemp(path.join(tmpdir(), 'ddh-example-')));
  await cp(path.join(PROJECT_ROOT, 'meetings'), path.join(root, 'meetings'), { recursive: true });
  await cp(path.join(PROJECT_ROOT, 'ddh.yaml'), path.join(root, 'ddh.yaml'));
  return root;
}
