// `ddh lint [MEETING…]`: warnings about meetings that are valid but probably wrong; exit 1 only with --strict.

import { DdhError } from '../../diagnostics.js';
import { lintRepository } from '../../lint/index.js';
import { findRepository, validateRepository } from '../../load/index.js';
import { countOption } from '../../registers/options.js';
import { plural, printDiagnostics, type CommandContext } from '../io.js';
import { meetingDate } from './meeting-ref.js';

export async function lintCommand(ctx: CommandContext, refs: string[], options: { strict?: boolean; staleAfter?: string }): Promise<number> {
  const staleAfter = options.staleAfter === undefined ? undefined : countOption('--stale-after', options.staleAfter, 0);
  const repo = await findRepository(ctx.cwd);
  const dates = refs.length === 0 ? undefined : refs.map((ref) => meetingDate(repo, ctx.cwd, ref));
  const { meetings, diagnostics, history } = await validateRepository(repo, dates);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new DdhError(errors);
  // Lint reads every meeting (when a point was last updated) and reports on the named ones.
  const findings = lintRepository(repo, history, { staleAfter, dates });
  printDiagnostics(ctx.io, findings);
  const linted = plural(meetings.length, 'meeting', 'meetings');
  if (options.strict === true && findings.length > 0) {
    ctx.io.err(`\n${plural(findings.length, 'warning', 'warnings')} in ${linted} (--strict)`);
    return 1;
  }
  ctx.io.out(findings.length === 0 ? `Linted ${linted}: nothing to report.` : `Linted ${linted}: ${plural(findings.length, 'warning', 'warnings')}.`);
  return 0;
}
