// `ddh carry [MEETING]`: refresh the carried follow-up points from the previous meeting.

import { refreshCarried } from '../../edit/index.js';
import { findRepository } from '../../load/index.js';
import type { CommandContext } from '../io.js';
import { meetingDate } from './meeting-ref.js';

export async function carryCommand(ctx: CommandContext, ref: string | undefined): Promise<number> {
  const repo = await findRepository(ctx.cwd);
  const date = meetingDate(repo, ctx.cwd, ref);
  const result = await refreshCarried(repo, date);
  if (!result.changed) {
    ctx.io.out(`${result.file}: the carried follow-up points are up to date (${result.kept.length} points)`);
    return 0;
  }
  ctx.io.out(`${result.file}: updated the carried follow-up points`);
  for (const id of result.added) ctx.io.out(`  + ${id}`);
  for (const id of result.removed) ctx.io.out(`  - ${id}`);
  for (const id of result.updated) ctx.io.out(`  ~ ${id} (title, owner or dates taken from the previous meeting)`);
  ctx.io.out(`  ${result.kept.length} kept as written`);
  return 0;
}
