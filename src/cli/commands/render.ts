// `ddh render agenda|minutes|pack [MEETING…]`: write the documents of one or more meetings in one process.

import path from 'node:path';
import { DdhError, problem } from '../../diagnostics.js';
import { findRepository } from '../../load/index.js';
import { renderDecisions, renderMeeting, type RenderDocument } from '../../render.js';
import { plural, printDiagnostics, type CommandContext } from '../io.js';
import { meetingDate } from './meeting-ref.js';

interface RenderOptions {
  format?: string[];
  out?: string;
  track?: string;
  public?: boolean;
  all?: boolean;
  year?: string;
}

export async function renderCommand(ctx: CommandContext, document: RenderDocument | 'decisions', refs: string[], options: RenderOptions): Promise<number> {
  const repo = await findRepository(ctx.cwd);
  let files = 0;
  // Said as each file lands, so that the files written are listed also when another output then fails.
  const wrote = (file: string): void => {
    files += 1;
    ctx.io.out(`wrote ${shown(ctx.cwd, file)}`);
  };
  if (document === 'decisions') {
    const misplaced = [refs.length > 0 ? 'meetings' : '', options.track !== undefined ? '--track' : '', options.all === true ? '--all' : ''].filter((w) => w !== '');
    if (misplaced.length > 0) {
      throw new DdhError([problem('', `the decision register covers every meeting: ${misplaced.join(', ')} cannot be used with it`, { rule: 'usage', hint: 'choose the meetings with --year, e.g. ddh render decisions --year 2026' })]);
    }
    const outDir = options.out === undefined ? undefined : path.resolve(ctx.cwd, options.out);
    const { warnings } = await renderDecisions(repo, { formats: options.format, outDir, year: options.year, public: options.public, onWritten: wrote });
    printDiagnostics(ctx.io, warnings);
    return 0;
  }
  const dates = options.all === true ? repo.meetingDates : refs.length === 0 ? [meetingDate(repo, ctx.cwd)] : refs.map((r) => meetingDate(repo, ctx.cwd, r));
  const failures: DdhError[] = [];
  for (const date of dates) {
    try {
      // With several meetings each gets its own folder under --out.
      const outDir = options.out === undefined ? undefined : dates.length > 1 ? path.resolve(ctx.cwd, options.out, date) : path.resolve(ctx.cwd, options.out);
      const { warnings } = await renderMeeting(repo, date, { document, formats: options.format, outDir, track: options.track, public: options.public, onWritten: wrote });
      printDiagnostics(ctx.io, warnings);
    } catch (error) {
      if (!(error instanceof DdhError) || dates.length === 1) throw error;
      failures.push(error);
    }
  }
  if (failures.length > 0) {
    printDiagnostics(ctx.io, failures.flatMap((f) => f.diagnostics));
    ctx.io.err(`\n${plural(failures.length, 'meeting', 'meetings')} could not be rendered; ${plural(files, 'file', 'files')} written`);
    return 1;
  }
  return 0;
}

/** A written file as the user best recognises it: relative when it is under the current folder. */
function shown(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}
