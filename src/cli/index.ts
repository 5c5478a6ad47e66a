// The command line: declares the commands and their help, lazy-loads the one that runs, prints errors.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Argument, Command, CommanderError, Option } from 'commander';
import { DdhError, EXIT_UNEXPECTED, problem } from '../diagnostics.js';
import { TABLE_FORMATS } from '../registers/format.js';
import { printDiagnostics, processIo, type CommandContext, type Io } from './io.js';

export type { Io } from './io.js';

const examples = (lines: string[]): string => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

/** Collects `--format docx,pdf --format md` into one list. */
const listOption = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value.split(',').map((v) => v.trim()).filter((v) => v !== ''),
];

/**
 * Runs `ddh` with the given arguments (without `node` and the script) and returns the exit code:
 * 0 done, 1 bad input (printed as diagnostics), 2 unexpected failure. Never calls process.exit.
 */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  let debug = argv.includes('--debug');
  const program = new Command('ddh');
  const cwd = (): string => {
    const dir = program.opts<{ directory?: string }>().directory;
    return dir === undefined ? io.cwd : path.resolve(io.cwd, dir);
  };
  const action =
    <A extends unknown[]>(load: () => Promise<(ctx: CommandContext, ...args: A) => Promise<number>>) =>
    async (...args: A): Promise<void> => {
      const dir = cwd();
      if (!isFolder(dir)) throw new DdhError([problem('', `the folder ${dir} does not exist`, { rule: 'usage', hint: 'check the path given to -C' })]);
      const command = await load();
      exitCode = await command({ io, cwd: dir }, ...args);
    };

  program
    .description('Meeting agendas (dagsorden) and minutes (referat) kept as text in git, rendered to DOCX and PDF.')
    .version(packageVersion(), '-V, --version')
    .option('-C, --directory <dir>', 'run as if started in <dir>')
    .option('--debug', 'show the stack of unexpected errors')
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) })
    .exitOverride()
    .showHelpAfterError('(ddh --help lists the commands)');

  program
    .command('init')
    .description('create a new minutes repository: ddh.yaml, meetings/plan.yaml and .gitignore')
    .argument('[dir]', 'folder to create it in', '.')
    .addHelpText('after', examples(['ddh init', 'ddh init moeder-2026']))
    .action(action(async () => (await import('./commands/init.js')).initCommand));

  program
    .command('new-meeting')
    .description('create meetings/DATE/ from the standing items, the meeting plan and the open follow-up points')
    .argument('<date>', 'the meeting date, YYYY-MM-DD')
    .option('-k, --kind <kind>', 'meeting kind, e.g. repræsentantskabsmøde (default: from the plan)')
    .addHelpText('after', examples(['ddh new-meeting 2026-06-02', 'ddh new-meeting 2026-05-21 --kind repræsentantskabsmøde']))
    .action(action(async () => (await import('./commands/new-meeting.js')).newMeetingCommand));

  program
    .command('carry')
    .description("refresh a meeting's carried follow-up points from the previous meeting; keeps what is written")
    .argument('[meeting]', 'date or meeting folder (default: the latest meeting)')
    .addHelpText('after', examples(['ddh carry', 'ddh carry 2026-03-12']))
    .action(action(async () => (await import('./commands/carry.js')).carryCommand));

  program
    .command('validate')
    .description('check meetings (all when none is named); exit code 1 on any error')
    .argument('[meetings...]', 'dates or meeting folders')
    .option('--strict', 'treat warnings as errors')
    .addHelpText('after', examples(['ddh validate', 'ddh validate 2026-03-12 2026-04-28', 'ddh validate --strict']))
    .action(action(async () => (await import('./commands/validate.js')).validateCommand));

  const tableFormat = (): Option => new Option('-f, --format <format>', 'output format').choices([...TABLE_FORMATS]).default('table');

  program
    .command('list')
    .description('list the meetings with their status and counts')
    .addOption(tableFormat())
    .addHelpText('after', examples(['ddh list', 'ddh list --format csv > moeder.csv']))
    .action(action(async () => (await import('./commands/list.js')).listCommand));

  program
    .command('render')
    .description('write the agenda, the minutes, the meeting pack or the decision register')
    .addArgument(new Argument('<document>', 'what to write').choices(['agenda', 'minutes', 'pack', 'decisions']))
    .argument('[meetings...]', 'dates or meeting folders (default: the latest meeting)')
    .addOption(new Option('-f, --format <formats>', 'comma-separated: docx, pdf, md').argParser(listOption))
    .option('-o, --out <dir>', 'output folder (default: out/<date>/)')
    .option('-t, --track <key>', 'only the items of one track (and those with none)')
    .option('--public', 'leave out the content of closed items (lukket punkt)')
    .option('--all', 'render every meeting')
    .option('--year <year>', 'decisions only: the meetings of one year')
    .addHelpText(
      'after',
      examples([
        'ddh render agenda',
        'ddh render minutes 2026-03-12 --format docx',
        'ddh render agenda --format md --out preview',
        'ddh render minutes --public --track ai',
        'ddh render pack',
        'ddh render decisions --year 2026',
      ]),
    )
    .action(action(async () => (await import('./commands/render.js')).renderCommand));

  program
    .command('followups')
    .description('the follow-up points open after the latest meeting, with owner, age and last update')
    .option('-a, --all', 'also list the closed points and the meeting that closed each')
    .addOption(tableFormat())
    .option('--as-of <date>', 'measure age and overdue against this date, YYYY-MM-DD (default: today)')
    .addHelpText('after', examples(['ddh followups', 'ddh followups --all --format csv > opfoelgning.csv', 'ddh followups --format md --as-of 2026-06-02']))
    .action(action(async () => (await import('./commands/followups.js')).followupsCommand));

  program
    .command('decisions')
    .description('the decision register: every decision across the meetings')
    .option('--from <date>', 'first meeting date, YYYY-MM-DD')
    .option('--to <date>', 'last meeting date, YYYY-MM-DD')
    .option('-g, --grep <text>', 'only decisions whose title or text contains this (ignoring case)')
    .option('--public', 'leave out closed items (lukket punkt)')
    .addOption(tableFormat())
    .addHelpText('after', examples(['ddh decisions', 'ddh decisions --from 2026-01-01 --grep vagtplan', 'ddh decisions --format csv > beslutninger.csv']))
    .action(action(async () => (await import('./commands/decisions.js')).decisionsCommand));

  program
    .command('lint')
    .description('warn about likely mistakes: missing minutes, wrong minutes date, passwords, stale follow-up points')
    .argument('[meetings...]', 'dates or meeting folders (default: all meetings)')
    .option('--strict', 'exit code 1 when there are findings')
    .option('--stale-after <n>', 'report open follow-up points carried to more than n meetings without an update (default: 3)')
    .addHelpText('after', examples(['ddh lint', 'ddh lint 2026-03-12', 'ddh lint --strict --stale-after 2']))
    .action(action(async () => (await import('./commands/lint.js')).lintCommand));

  program
    .command('plan')
    .description('show the meeting plan, or write it as an iCalendar file for Outlook and Google Calendar')
    .option('--ics', 'write iCalendar (.ics) instead of a table')
    .option('-o, --out <file>', 'write to this file instead of the screen')
    .addOption(tableFormat())
    .addHelpText('after', examples(['ddh plan', 'ddh plan --ics --out moedeplan.ics', 'ddh plan --format csv']))
    .action(action(async () => (await import('./commands/plan.js')).planCommand));

  try {
    await program.parseAsync([...argv], { from: 'user' });
    debug = program.opts<{ debug?: boolean }>().debug === true;
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    if (error instanceof DdhError) {
      printDiagnostics(io, error.diagnostics);
      return error.exitCode;
    }
    const err = error as Error;
    io.err(`ddh: unexpected error: ${err?.message ?? String(error)}`);
    io.err(debug ? String(err?.stack ?? '') : '    hint: run again with --debug to see where it happened, and report it');
    return EXIT_UNEXPECTED;
  }
}

function isFolder(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
