// `init`: a new minutes repository with a commented ddh.yaml, an empty meeting plan and a .gitignore for out/.

import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFilesAtomic } from '../atomic-write.js';
import { fail } from '../diagnostics.js';
import { defaultConfig } from '../load/index.js';
import type { Config } from '../model.js';
import { toYaml } from './meeting-files.js';

/** What `initRepository` did: the root, the files it created and the existing files it added lines to, relative to the root with forward slashes. */
export interface InitResult {
  root: string;
  written: string[];
  /** An existing .gitignore that did not ignore out/ yet: `out/` was added at its end. */
  appended: string[];
}

/** Each line of `text` as a YAML comment: defaults shown in the file without overriding the built-in ones. */
function commentedOut(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
}

/** ddh.yaml for a new repository: the names set, the kinds written out, everything else as commented defaults. */
export function renderConfigYaml(defaults: Config, names: { organisation: string; short: string }): string {
  return [
    '# Indstillinger for mødearkivet. Alle nøgler kan udelades; så gælder ddh’s indbyggede standarder.',
    '# En linje, der starter med #, er en kommentar. Fjern # foran en nøgle for at ændre standarden.',
    '',
    '# Organisationens fulde navn og forkortelse: bruges i titler, sidehoveder og filnavne.',
    toYaml({ organisation: names.organisation, short: names.short }).trimEnd(),
    '',
    '# Mødetyper: nøglen skrives som kind i meeting.yaml og i plan.yaml; teksten trykkes i dokumenterne.',
    toYaml({ kinds: defaults.kinds }).trimEnd(),
    '',
    '# Spor: nøglen skrives som track i et punkt; `ddh render --track NØGLE` laver et udtræk af ét spor.',
    '# tracks:',
    '#   ai: Vores AI-spor',
    '',
    '# De faste punkter, som `ddh new-meeting` starter hvert møde med, i rækkefølge.',
    '# Punktet med kind: approval får opfølgningspunkterne fra sidste møde. Standarden er:',
    commentedOut(toYaml({ standing_items: defaults.standingItems })),
    '',
    '# Filnavne på de dannede dokumenter, uden endelse.',
    '# Pladsholdere: {short}, {date} (05.12.2024), {iso} (2024-12-05), {kind}.',
    commentedOut(toYaml({ files: defaults.files })),
    '',
    '# Udseende: skrifttype, logo (PNG eller JPEG, sti fra arkivets rod) og overskrifternes farve (seks hex-cifre).',
    commentedOut(toYaml({ style: defaults.style })),
    '',
  ].join('\n');
}

/** meetings/plan.yaml for a new repository: an empty list and a commented example entry. */
export function renderPlanYaml(kind: string): string {
  return [
    '# Mødeplanen: årets møder. `ddh new-meeting DATO` henter type, tid, sted og vært herfra,',
    '# og dokumenterne viser de kommende møder. Eksempel:',
    '#',
    '# - date: 2026-01-27',
    `#   kind: ${kind}`,
    '#   time: "10:00-14:00"',
    '#   place: Teams',
    '#   host: Kommunenavn',
    '[]',
    '',
  ].join('\n');
}

const GITIGNORE = '# Dannede dokumenter (ddh render)\nout/\n';

/** Lines of a .gitignore that already keep out/ out of git. */
const IGNORES_OUT = /^\/?out(?:\/(?:\*{1,2})?)?$/;

/**
 * The bytes of an existing .gitignore with `out/` added at the end in the file's own line ends, or undefined when it
 * already ignores out/. Every byte already there stays.
 */
function withOutIgnored(existing: Uint8Array): Uint8Array | undefined {
  // latin1 maps byte to character one to one: the lines can be read whatever the file's encoding.
  const text = Buffer.from(existing).toString('latin1');
  if (text.split(/\r\n|\r|\n/).some((line) => IGNORES_OUT.test(line.trim()))) return undefined;
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const lead = text === '' || /[\r\n]$/.test(text) ? '' : eol;
  return Buffer.concat([existing, Buffer.from(lead + GITIGNORE.replace(/\n/g, eol), 'utf8')]);
}

/**
 * Writes ddh.yaml, meetings/plan.yaml and .gitignore into `dir` (created when missing). An existing .gitignore (as
 * nearly every git repository has) gets `out/` added at its end unless it already ignores out/. When ddh.yaml or
 * meetings/plan.yaml exists already, nothing is written and the error lists each of them.
 */
export async function initRepository(dir: string, options: { organisation?: string; short?: string } = {}): Promise<InitResult> {
  const root = path.resolve(dir);
  const defaults = defaultConfig();
  const files = [
    {
      name: 'ddh.yaml',
      text: renderConfigYaml(defaults, {
        organisation: options.organisation ?? defaults.organisation,
        short: options.short ?? defaults.short,
      }),
    },
    { name: 'meetings/plan.yaml', text: renderPlanYaml(Object.keys(defaults.kinds)[0] ?? 'styregruppemøde') },
  ];
  const present: string[] = [];
  for (const file of files) {
    if ((await fileKind(root, file.name)) !== undefined) present.push(file.name);
  }
  // A .gitignore that is a folder or a link is not one init may extend.
  const gitignore = await fileKind(root, '.gitignore');
  if (gitignore !== undefined && gitignore !== 'file') present.push('.gitignore');
  if (present.length > 0) {
    fail('', `${present.join(', ')} already ${present.length === 1 ? 'exists' : 'exist'} in ${root}: init writes nothing over existing files`, {
      rule: 'exists',
      hint: 'run ddh init in a folder without them, or move those files away first',
    });
  }
  const outputs: { name: string; bytes: Uint8Array | string }[] = files.map((f) => ({ name: f.name, bytes: f.text }));
  const appended: string[] = [];
  if (gitignore === undefined) {
    outputs.push({ name: '.gitignore', bytes: GITIGNORE });
  } else {
    const extended = withOutIgnored(await readFile(path.join(root, '.gitignore')));
    if (extended !== undefined) {
      outputs.push({ name: '.gitignore', bytes: extended });
      appended.push('.gitignore');
    }
  }
  writeFilesAtomic(outputs.map((f) => ({ path: path.join(root, ...f.name.split('/')), bytes: f.bytes, display: f.name })));
  return { root, written: outputs.map((f) => f.name).filter((name) => !appended.includes(name)), appended };
}

/** Whether `name` under `root` is a regular file, something else, or (undefined) not there. */
async function fileKind(root: string, name: string): Promise<'file' | 'other' | undefined> {
  try {
    return (await lstat(path.join(root, ...name.split('/')))).isFile() ? 'file' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
