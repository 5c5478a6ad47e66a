// `ddh decisions`: the decision register across the meetings, filtered by date and text.

import { findRepository, validateRepository } from '../../load/index.js';
import { decisionRegister, type DecisionRow } from '../../registers/decisions.js';
import { formatTable, type Column, type TableFormat } from '../../registers/format.js';
import { dateOption, meetingsForRegister } from '../../registers/options.js';
import { printFile, type CommandContext } from '../io.js';

const COLUMNS: Column<DecisionRow>[] = [
  { key: 'date', header: 'date' },
  { key: 'number', header: 'item', align: 'right' },
  { key: 'title', header: 'title' },
  { key: 'decision', header: 'decision' },
  { key: 'file', header: 'file' },
];

interface DecisionsOptions {
  from?: string;
  to?: string;
  grep?: string;
  public?: boolean;
  format: TableFormat;
}

export async function decisionsCommand(ctx: CommandContext, options: DecisionsOptions): Promise<number> {
  const from = options.from === undefined ? undefined : dateOption('--from', options.from);
  const to = options.to === undefined ? undefined : dateOption('--to', options.to);
  const repo = await findRepository(ctx.cwd);
  const meetings = meetingsForRegister(await validateRepository(repo), 'decision register');
  const rows = decisionRegister(meetings, { from, to, grep: options.grep, public: options.public });
  if (rows.length === 0 && options.format === 'table') {
    ctx.io.out('No decisions found.');
    return 0;
  }
  printFile(ctx.io, formatTable(COLUMNS, rows, options.format));
  return 0;
}
