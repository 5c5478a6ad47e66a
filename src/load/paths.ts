// Paths written in sources (attachments, the logo): refused when they could leave the repository, checked to exist.

import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** Why a written path was refused, for the message; undefined when its form is acceptable. */
export function unsafePathReason(written: string): string | undefined {
  if (written.includes('\0')) return 'contains a NUL character';
  if (/[\u0001-\u001f\u007f]/.test(written)) return 'contains a control character';
  if (/^[A-Za-z]:/.test(written)) return 'is a Windows drive path';
  if (written.startsWith('\\\\') || written.startsWith('//')) return 'is a network (UNC) path';
  if (written.includes('\\')) return 'contains a backslash';
  if (path.posix.isAbsolute(written)) return 'is an absolute path';
  return undefined;
}

/** True when `target` is `root` or below it; compares resolved paths with path.relative, never by string prefix. */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

export type ResolvedFile = { path: string } | { problem: string; hint: string };

/**
 * Resolves `written` (forward slashes, relative to `baseDir`) to the real path of an existing regular file inside
 * `root` (itself a real path). Symlinks are followed first, so a link pointing out of the repository is refused.
 */
export async function resolveContainedFile(root: string, baseDir: string, written: string): Promise<ResolvedFile> {
  const inside = 'write a path relative to the meeting folder that stays inside the repository, e.g. bilag/budget.pdf';
  const reason = unsafePathReason(written);
  if (reason !== undefined) return { problem: `${reason}`, hint: inside };
  const resolved = path.resolve(baseDir, ...written.split('/'));
  if (!isInside(root, resolved)) return { problem: 'leads outside the repository', hint: inside };
  let real: string;
  try {
    real = realpathSync(resolved);
  } catch {
    return { problem: 'not found', hint: `put the file at ${written} or correct the path (names are case-sensitive)` };
  }
  if (!isInside(root, real)) return { problem: 'is a link that leads outside the repository', hint: 'copy the file into the repository instead of linking to it' };
  if (!statSync(real).isFile()) return { problem: 'is not a file', hint: inside };
  return { path: real };
}
