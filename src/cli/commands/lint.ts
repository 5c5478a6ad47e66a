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
  // Every meeting is read, so a named meeting is linted with its history (when a point was last updated).
  const { meetings, diagnostics } = await validateRepository(repo);
  const inScope = (file: string): boolean => dates === undefined || dates.some((d) => file.startsWith(`meetings/${d}/`));
  const errors = diagnostics.filter((d) => d.severity === 'error' && inScope(d.file));
  if (errors.length > 0) throw new DdhError(errors);
  const findings = lintRepository(repo, meetings, { staleAfter, dates });
  printDiagnostics(ctx.io, findings);
  const linted = plural(dates?.length ?? meetings.length, 'meeting', 'meetings');
  if (options.strict === true && findings.length > 0) {
    ctx.io.err(`\n${plural(findings.length, 'warning', 'warnings')} in ${linted} (--strict)`);
    return 1;
  }
  ctx.io.out(findings.length === 0 ? `Linted ${linted}: nothing to report.` : `Linted ${linted}: ${plural(findings.length, 'warning', 'warnings')}.`);
  return 0;
}
