// `init`: a new minutes repository with a commented ddh.yaml, an empty meeting plan and a .gitignore for out/.

import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { writeFilesAtomic } from '../atomic-write.js';
import { fail } from '../diagnostics.js';
import { defaultConfig } from '../load/index.js';
import type { Config } from '../model.js';
import { toYaml } from './meeting-files.js';

/** What `initRepository` made: the root and the files written, relative to it with forward slashes. */
export interface InitResult {
  root: string;
  written: string[];
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

/**
 * Writes ddh.yaml, meetings/plan.yaml and .gitignore into `dir` (created when missing). When any of them exists
 * already, nothing is written and the error lists every one of them.
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
    { name: '.gitignore', text: GITIGNORE },
  ];
  const present: string[] = [];
  for (const file of files) {
    try {
      await lstat(path.join(root, ...file.name.split('/')));
      present.push(file.name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  if (present.length > 0) {
    fail('', `${present.join(', ')} already ${present.length === 1 ? 'exists' : 'exist'} in ${root}: init writes nothing over existing files`, {
      rule: 'exists',
      hint: 'run ddh init in an empty folder, or move those files away first',
    });
  }
  await writeFilesAtomic(files.map((f) => ({ path: path.join(root, ...f.name.split('/')), bytes: f.text, display: f.name })));
  return { root, written: files.map((f) => f.name) };
}
