// `ddh validate [MEETING…]`: check everything, print every problem linter-style, exit 1 on any error.

import { lintRepository } from '../../lint/index.js';
import { findRepository, validateRepository } from '../../load/index.js';
import { plural, printDiagnostics, type CommandContext } from '../io.js';
import { meetingDate } from './meeting-ref.js';

export async function validateCommand(ctx: CommandContext, refs: string[], options: { strict?: boolean }): Promise<number> {
  // Problems in ddh.yaml, plan.yaml or members.yaml are reported with the meetings', not instead of them.
  const repo = await findRepository(ctx.cwd, { collect: true });
  const dates = refs.length === 0 ? undefined : refs.map((ref) => meetingDate(repo, ctx.cwd, ref));
  const { diagnostics: found, itemCount, history } = await validateRepository(repo, dates);
  // Lint findings are warnings: they never fail a run unless --strict. Lint reads every meeting (when a point was
  // last updated) and reports on the named ones.
  const diagnostics = [...found, ...lintRepository(repo, history, { dates })];
  printDiagnostics(ctx.io, diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const checked = `${plural(dates?.length ?? repo.meetingDates.length, 'meeting', 'meetings')} and ${plural(itemCount, 'item', 'items')}`;
  if (errors > 0 || (options.strict === true && warnings > 0)) {
    ctx.io.err(`\n${plural(errors, 'error', 'errors')} and ${plural(warnings, 'warning', 'warnings')} in ${checked}`);
    return 1;
  }
  ctx.io.out(`Checked ${checked}: no errors${warnings > 0 ? `, ${plural(warnings, 'warning', 'warnings')}` : ''}.`);
  return 0;
}
