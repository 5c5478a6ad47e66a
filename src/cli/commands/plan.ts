// `ddh plan`: the meeting plan as a table, or as an iCalendar file for Outlook and Google Calendar.

import path from 'node:path';
import { writeFileAtomic } from '../../atomic-write.js';
import { findRepository } from '../../load/index.js';
import type { PlanEntry } from '../../model.js';
import { formatTable, type Column, type TableFormat } from '../../registers/format.js';
import { planToIcs } from '../../registers/ics.js';
import { kindLabel, planEntryKind } from '../../rules/kinds.js';
import { fileText, plural, printFile, type CommandContext } from '../io.js';

const COLUMNS: Column<PlanEntry>[] = [
  { key: 'date', header: 'date' },
  { key: 'kind', header: 'kind' },
  { key: 'time', header: 'time' },
  { key: 'place', header: 'place' },
  { key: 'host', header: 'host' },
];

export async function planCommand(ctx: CommandContext, options: { ics?: boolean; out?: string; format: TableFormat }): Promise<number> {
  const repo = await findRepository(ctx.cwd);
  const plan = repo.plan.map((entry) => ({ ...entry, kind: kindLabel(repo.config, planEntryKind(repo.config, entry)) }));
  const text = options.ics === true ? planToIcs(repo.config, repo.plan) : formatTable(COLUMNS, plan, options.format);
  if (options.out === undefined) {
    if (repo.plan.length === 0 && options.ics !== true && options.format === 'table') {
      ctx.io.out('The meeting plan is empty: add dates to meetings/plan.yaml');
      return 0;
    }
    printFile(ctx.io, text);
    return 0;
  }
  const target = path.resolve(ctx.cwd, options.out);
  const display = path.relative(ctx.cwd, target);
  writeFileAtomic({ path: target, bytes: fileText(text), display });
  ctx.io.out(`wrote ${display} (${plural(repo.plan.length, 'meeting', 'meetings')})`);
  return 0;
}
