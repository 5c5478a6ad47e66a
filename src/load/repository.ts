// Finding a minutes repository and reading its settings: ddh.yaml (or the built-in defaults), the plan and the roster.

import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { DdhError, hasErrors, problem, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { Config, Member, PlanEntry, Repository, StandingItem } from '../model.js';
import { isCalendarDate } from '../rules/dates.js';
import { compareText } from '../rules/order.js';
import { resolveContainedFile } from './paths.js';
import type { DdhFile, MembersFile, PlanFile } from './schema-types.js';
import { readYamlFile } from './yaml-file.js';

const DATE_NAME = /^\d{4}-\d{2}-\d{2}$/;

/** The built-in settings: a repository needs no ddh.yaml. */
export function defaultConfig(): Config {
  return {
    organisation: 'Den Digitale Hotline',
    short: 'DDH',
    kinds: { styregruppemøde: 'Styregruppemøde', repræsentantskabsmøde: 'Repræsentantskabsmøde' },
    tracks: {},
    standingItems: [
      { title: 'Velkomst' },
      { title: 'Godkendelse af dagsorden', types: ['B'], proposal: 'Det indstilles, at dagsordenen godkendes.' },
      {
        title: 'Godkendelse af referat og opfølgning',
        types: ['B'],
        proposal: 'Det indstilles, at referatet fra sidste møde godkendes, og at opfølgningslisten tages til efterretning.',
        kind: 'approval',
      },
      { title: 'Eventuelt' },
    ],
    files: { agenda: '{short}-dagsorden_{date}', minutes: '{short}-referat_{date}', pack: '{short}-bilagspakke_{date}' },
    style: { font: 'Calibri', colour: '1F4E79' },
  };
}

/** Problems found while reading a repository's own files; validateRepository reports them. */
const repositoryProblems = new WeakMap<Repository, Diagnostic[]>();

/**
 * The problems of ddh.yaml, plan.yaml and members.yaml (warnings, and errors when the repository was read with
 * `collect`), and folders under meetings/ that are not meetings.
 */
export function problemsOf(repo: Repository): Diagnostic[] {
  return repositoryProblems.get(repo) ?? [];
}

function exists(p: string, kind: 'file' | 'dir'): boolean {
  try {
    const s = statSync(p);
    return kind === 'file' ? s.isFile() : s.isDirectory();
  } catch {
    return false;
  }
}

/** The repository-relative name of an absolute path, forward slashes. */
export function relativeName(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/**
 * Finds the repository holding `startDir` (the nearest folder at or above it with ddh.yaml or meetings/) and reads
 * its settings. Throws DdhError listing every problem in ddh.yaml, plan.yaml and members.yaml; with `collect` it
 * does not: what can be read of those files is used, built-in defaults stand in for the rest, and the problems are
 * kept for validateRepository, so that `ddh validate` goes on to check the meetings.
 */
export async function findRepository(startDir: string, options: { collect?: boolean } = {}): Promise<Repository> {
  const start = path.resolve(startDir);
  let dir = start;
  for (;;) {
    if (exists(path.join(dir, 'ddh.yaml'), 'file') || exists(path.join(dir, 'meetings'), 'dir')) break;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new DdhError([
        problem('', `No minutes repository found: no ddh.yaml or meetings/ folder in ${start} or above`, {
          rule: 'repository',
          hint: 'run `ddh init` to create one, or change to the repository folder',
        }),
      ]);
    }
    dir = parent;
  }
  return readRepository(realpathSync(dir), options.collect === true);
}

/**
 * What can be used of a settings file with errors: the list entries (keyed `[i]`) or mapping keys no error is about,
 * and those that are broken, or `all` when an error is about the whole file. Pure.
 */
export function readablePart(value: unknown, diagnostics: readonly Diagnostic[]): { entries: [string, unknown][]; broken: Set<string> | 'all' } {
  // An error's field starts with the entry or key it is about: `[2]` of `[2].date`, `style` of `style.colour`.
  const broken = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => /^(\[\d+\]|[^.[]+)/.exec(d.field ?? '')?.[1] ?? ''));
  if (value === null || typeof value !== 'object' || broken.has('')) return { entries: [], broken: 'all' };
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v]) : Object.entries(value);
  return { entries: entries.filter(([key]) => !broken.has(key)), broken };
}

/** A settings file as far as it can be used: all of it when it has no error, else its readable part. */
async function readSettingsFile<T>(abs: string, file: string, schema: 'ddh' | 'plan' | 'members') {
  const checked = await readYamlFile<T>(abs, file, schema);
  const part = checked.data === undefined ? readablePart(checked.parsed?.value, checked.diagnostics) : undefined;
  return { checked, entries: part?.entries ?? [], broken: part?.broken ?? new Set<string>() };
}

async function readRepository(root: string, collect: boolean): Promise<Repository> {
  const diagnostics: Diagnostic[] = [];
  const config = defaultConfig();
  const unreadSettings: ('kinds' | 'tracks')[] = [];
  const configPath = path.join(root, 'ddh.yaml');
  const hasConfig = exists(configPath, 'file');
  if (hasConfig) {
    const { checked, entries, broken } = await readSettingsFile<DdhFile>(configPath, 'ddh.yaml', 'ddh');
    diagnostics.push(...checked.diagnostics);
    // Only keys without errors are applied; each is then valid on its own.
    const settings = checked.data ?? (Object.fromEntries(entries) as DdhFile);
    const logo = await applySettings(config, settings, root);
    if (logo) diagnostics.push({ ...logo, ...checked.parsed?.locate(['style', 'logo']) });
    unreadSettings.push(...(['kinds', 'tracks'] as const).filter((key) => broken === 'all' || broken.has(key)));
  }

  const plan: PlanEntry[] = [];
  const planPath = path.join(root, 'meetings', 'plan.yaml');
  if (exists(planPath, 'file')) {
    const { checked, entries } = await readSettingsFile<PlanFile>(planPath, 'meetings/plan.yaml', 'plan');
    diagnostics.push(...checked.diagnostics);
    const usable = checked.data?.map((entry, i) => ({ entry, i })) ?? entries.map(([key, entry]) => ({ entry: entry as PlanEntry, i: Number(key.slice(1, -1)) }));
    for (const { entry, i } of usable) {
      if (entry.kind !== undefined && !unreadSettings.includes('kinds') && !Object.hasOwn(config.kinds, entry.kind)) {
        diagnostics.push(unknownKind('meetings/plan.yaml', entry.kind, config, checked.parsed?.locate([i, 'kind']), `[${i}].kind`));
      }
      plan.push(entry);
    }
    plan.sort((a, b) => compareText(a.date, b.date));
  }

  const members: Member[] = [];
  const membersPath = path.join(root, 'meetings', 'members.yaml');
  if (exists(membersPath, 'file')) {
    const { checked, entries } = await readSettingsFile<MembersFile>(membersPath, 'meetings/members.yaml', 'members');
    diagnostics.push(...checked.diagnostics);
    members.push(...(checked.data ?? entries.map(([, member]) => member as Member)));
  }

  const { dates, strays } = listMeetingFolders(root);
  if (!collect && hasErrors(diagnostics)) throw new DdhError(sortDiagnostics(diagnostics));
  const repo: Repository = { root, config, plan, members, meetingDates: dates };
  if (hasConfig) repo.configFile = configPath;
  if (unreadSettings.length > 0) repo.unreadSettings = unreadSettings;
  repositoryProblems.set(repo, [...diagnostics, ...strays]);
  return repo;
}

/** Fills `config` from ddh.yaml; returns a problem with the logo path, if any. */
async function applySettings(config: Config, file: DdhFile, root: string): Promise<Diagnostic | undefined> {
  if (file.organisation !== undefined) config.organisation = file.organisation;
  if (file.short !== undefined) config.short = file.short;
  if (file.kinds !== undefined) config.kinds = definedEntries(file.kinds);
  if (file.tracks !== undefined) config.tracks = definedEntries(file.tracks);
  if (file.standing_items !== undefined) config.standingItems = file.standing_items.map((s): StandingItem => ({ ...s }));
  if (file.files !== undefined) config.files = { ...config.files, ...file.files };
  if (file.style?.font !== undefined) config.style.font = file.style.font;
  if (file.style?.colour !== undefined) config.style.colour = file.style.colour.toUpperCase();
  if (file.style?.logo !== undefined) {
    const resolved = await resolveContainedFile(root, root, file.style.logo);
    if ('problem' in resolved) {
      return problem('ddh.yaml', `style.logo ${file.style.logo} ${resolved.problem}`, { rule: 'path', field: 'style.logo', hint: resolved.hint.replace('meeting folder', 'repository root') });
    }
    config.style.logo = resolved.path;
  }
  return undefined;
}

function definedEntries(map: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) if (v !== undefined) out[k] = v;
  return out;
}

/** The error for a meeting kind ddh.yaml does not declare. */
export function unknownKind(file: string, kind: string, config: Config, at: { line: number; column: number } | undefined, field: string): Diagnostic {
  return problem(file, `${field} '${kind}' is not a meeting kind`, {
    rule: 'kind',
    field,
    ...at,
    hint: `use one of ${Object.keys(config.kinds).join(', ')}, or add it under kinds in ddh.yaml`,
  });
}

/** Meeting folders (named like dates) ascending, and warnings for other folders under meetings/. */
function listMeetingFolders(root: string): { dates: string[]; strays: Diagnostic[] } {
  let entries;
  try {
    entries = readdirSync(path.join(root, 'meetings'), { withFileTypes: true });
  } catch {
    return { dates: [], strays: [] };
  }
  const dates: string[] = [];
  const strays: Diagnostic[] = [];
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    if (DATE_NAME.test(e.name)) dates.push(e.name);
    else if (!e.name.startsWith('.')) {
      strays.push(
        problem(`meetings/${e.name}`, `folder '${e.name}' is not a meeting: meeting folders are named by date`, {
          rule: 'meeting-folder',
          severity: 'warning',
          hint: 'rename it to the meeting date, e.g. 2025-01-28, or move it out of meetings/',
        }),
      );
    }
  }
  return { dates: dates.sort(compareText), strays };
}

/**
 * The meeting date a command names: a date, or a meeting folder (relative to the working folder or absolute);
 * left out, the latest meeting. Throws DdhError naming nearby dates when there is no such meeting.
 */
export function resolveMeetingRef(repo: Repository, ref?: string): string {
  const dates = repo.meetingDates;
  if (ref === undefined) {
    const latest = dates.at(-1);
    if (latest === undefined) {
      throw new DdhError([problem('', 'there are no meetings yet', { rule: 'meeting-ref', hint: 'create one with `ddh new-meeting YYYY-MM-DD`' })]);
    }
    return latest;
  }
  if (dates.includes(ref)) return ref;
  if (!DATE_NAME.test(ref)) {
    const rel = path.relative(path.join(repo.root, 'meetings'), realOrResolved(ref));
    const first = rel.split(path.sep)[0] ?? '';
    if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) && dates.includes(first)) return first;
  }
  const what = DATE_NAME.test(ref) && !isCalendarDate(ref) ? `${ref} is not a day in the calendar` : `no meeting ${ref}`;
  throw new DdhError([problem('', what, { rule: 'meeting-ref', hint: nearbyHint(dates, ref) })]);
}

/** The real path of `ref` when it exists (the repository root is a real path too), else just resolved. */
function realOrResolved(ref: string): string {
  try {
    return realpathSync(ref);
  } catch {
    return path.resolve(ref);
  }
}

function nearbyHint(dates: readonly string[], ref: string): string {
  if (dates.length === 0) return 'there are no meetings yet; create one with `ddh new-meeting YYYY-MM-DD`';
  const target = DATE_NAME.test(ref) ? ref : dates.at(-1) ?? '';
  const after = dates.findIndex((d) => d > target);
  const centre = after < 0 ? dates.length : after;
  const near = dates.slice(Math.max(0, centre - 2), centre + 2);
  return `meetings nearby: ${near.join(', ')}`;
}
