// `ddh list`: the meetings of the repository with their status and counts.

import { findRepository, loadMeeting } from '../../load/index.js';
import { carriedPoints } from '../../rules/carry-forward.js';
import type { CommandContext } from '../io.js';

const STATUS: Record<string, string> = { draft: 'udkast', approved: 'godkendt' };

export async function listCommand(ctx: CommandContext): Promise<number> {
  const repo = await findRepository(ctx.cwd);
  if (repo.meetingDates.length === 0) {
    ctx.io.out('No meetings yet. Create one with: ddh new-meeting YYYY-MM-DD');
    return 0;
  }
  const rows = [['date', 'kind', 'status', 'items', 'open points', 'place']];
  for (const date of repo.meetingDates) {
    const { meeting, diagnostics } = await loadMeeting(repo, date);
    if (meeting === undefined) {
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      rows.push([date, '', `invalid (${errors} errors: ddh validate ${date})`, '', '', '']);
      continue;
    }
    const open = carriedPoints(meeting).filter((p) => p.status === 'open').length;
    rows.push([
      date,
      repo.config.kinds[meeting.kind] ?? meeting.kind,
      STATUS[meeting.status] ?? meeting.status,
      String(meeting.items.length),
      String(open),
      meeting.place ?? '',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const row of rows) ctx.io.out(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
  return 0;
}
