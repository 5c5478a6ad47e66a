// Turns what the user typed for MEETING (a date or a folder) into a meeting date of the repository.

import path from 'node:path';
import { resolveMeetingRef } from '../../load/index.js';
import type { Repository } from '../../model.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date stays a date; a folder is resolved against the folder the command runs in. */
export function meetingDate(repo: Repository, cwd: string, ref?: string): string {
  if (ref === undefined || DATE.test(ref)) return resolveMeetingRef(repo, ref);
  return resolveMeetingRef(repo, path.resolve(cwd, ref));
}
