// `ddh new-meeting DATE [--kind K]`: a new meeting folder with the standing items and the carried follow-up points.

import path from 'node:path';
import { createMeeting } from '../../edit/index.js';
import { findRepository } from '../../load/index.js';
import { printDiagnostics, type CommandContext } from '../io.js';

export async function newMeetingCommand(ctx: CommandContext, date: string, options: { kind?: string }): Promise<number> {
  const repo = await findRepository(ctx.cwd);
  const { dir, written, notes } = await createMeeting(repo, date, { kind: options.kind });
  printDiagnostics(ctx.io, notes);
  const rel = path.relative(ctx.cwd, dir) || '.';
  ctx.io.out(`created ${rel}${path.sep} with ${written.length} files:`);
  for (const file of written) ctx.io.out(`  ${file}`);
  ctx.io.out(`\nNext: edit the items, then run: ddh validate ${date}`);
  return 0;
}
