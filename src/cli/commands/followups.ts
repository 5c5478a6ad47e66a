// `ddh followups`: the open follow-up points across the meetings, with age, owner and last update.

import { findRepository, validateRepository } from '../../load/index.js';
import { followUpRegister, type FollowUpRow } from '../../registers/followups.js';
import { formatTable, type Column, type TableFormat } from '../../registers/format.js';
import { dateOption, localToday, meetingsForRegister } from '../../registers/options.js';
import { printFile, type CommandContext } from '../io.js';

const COLUMNS: Column<FollowUpRow>[] = [
  { key: 'id', header: 'id' },
  { key: 'title', header: 'title' },
  { key: 'owner', header: 'owner' },
  { key: 'since', header: 'since' },
  { key: 'due', header: 'due' },
  { key: 'ageMeetings', header: 'meetings', align: 'right' },
  { key: 'ageDays', header: 'days', align: 'right' },
  { key: 'overdue', header: 'overdue' },
  { key: 'lastUpdate', header: 'last update' },
];
const WITH_CLOSED: Column<FollowUpRow>[] = [...COLUMNS, { key: 'status', header: 'status' }, { key: 'closedAt', header: 'closed' }];

export async function followupsCommand(ctx: CommandContext, options: { all?: boolean; format: TableFormat; asOf?: string }): Promise<number> {
  const asOf = options.asOf === undefined ? localToday() : dateOption('--as-of', options.asOf);
  const repo = await findRepository(ctx.cwd);
  const meetings = meetingsForRegister(await validateRepository(repo), 'follow-up register');
  const rows = followUpRegister(meetings, { all: options.all, asOf });
  if (rows.length === 0 && options.format === 'table') {
    ctx.io.out(options.all === true ? 'No follow-up points yet.' : 'No open follow-up points.');
    return 0;
  }
  printFile(ctx.io, formatTable(options.all === true ? WITH_CLOSED : COLUMNS, rows, options.format));
  return 0;
}
