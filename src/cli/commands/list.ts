// `ddh list`: the meetings of the repository with their status and counts.

import { findRepository, loadMeeting } from '../../load/index.js';
import { formatTable, type TableFormat } from '../../registers/format.js';
import { MEETING_COLUMNS, meetingRow } from '../../registers/meetings.js';
import { printFile, type CommandContext } from '../io.js';

export async function listCommand(ctx: CommandContext, options: { format: TableFormat }): Promise<number> {
  const repo = await findRepository(ctx.cwd);
  if (repo.meetingDates.length === 0 && options.format === 'table') {
    ctx.io.out('No meetings yet. Create one with: ddh new-meeting YYYY-MM-DD');
    return 0;
  }
  const rows = [];
  for (const date of repo.meetingDates) rows.push(meetingRow(repo.config, date, await loadMeeting(repo, date)));
  printFile(ctx.io, formatTable(MEETING_COLUMNS, rows, options.format));
  return 0;
}
