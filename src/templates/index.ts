// The templates stage: a Meeting through the Handlebars templates into Markdown with YAML front matter.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';
import runtimeModule from 'handlebars/runtime.js';
import YAML from 'yaml';
import { DdhError, problem } from '../diagnostics.js';
import type { Meeting, Repository } from '../model.js';
import { formatDateLong, formatDateShort, formatTime } from '../rules/dates.js';
import { letter, typeCodes } from '../rules/numbering.js';
// Imported, not read at run time, so that the bundle holds them and its code cache covers them.
import builtInTemplates from './built-in-templates.cjs';
import { escapeDateParagraphs, escapeText } from './escape.js';
import { buildDecisionsView, decisionsMeta, type DecisionsOptions } from './decisions-view.js';
import { buildView, documentMeta, type RenderOptions } from './view-model.js';

export { packTitle } from './view-model.js';

export type { DecisionsOptions } from './decisions-view.js';
export type { DocumentKind, RenderOptions } from './view-model.js';

const EXTENSION = '.md.hbs';
/** The built-in templates: `<package>/templates`, the same relative path from src/templates and dist/templates. */
const BUILT_IN = fileURLToPath(new URL('../../templates/', import.meta.url));

type Template = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

/** How every template is compiled: at run time, and by scripts/build-templates.mjs ahead of time. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true, preventIndent: true } as const;

/** Wraps the rendered block as one list item: the marker (`-`, or a number for `3.`) and its lines indented under it. */
function listItem(this: unknown, marker: unknown, options: Handlebars.HelperOptions): string {
  const prefix = typeof marker === 'number' ? `${marker}.` : String(marker);
  const body = options.fn(this).replace(/^\n+/, '').trimEnd();
  const pad = ' '.repeat(prefix.length + 1);
  return `${prefix} ${body
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n')}\n`;
}

const HELPERS: Handlebars.HelperDeclareSpec = {
  dateLong: (iso: unknown) => (typeof iso === 'string' ? formatDateLong(iso) : ''),
  dateShort: (iso: unknown) => (typeof iso === 'string' ? formatDateShort(iso) : ''),
  timeSpan: (time: unknown) => (typeof time === 'string' ? escapeText(formatTime(time)) : ''),
  typeCodes: (codes: unknown) => (Array.isArray(codes) ? typeCodes(codes) : ''),
  letter: (position: unknown) => letter(Number(position)),
  upperLetter: (position: unknown) => letter(Number(position), true),
  listItem,
};

/** A private Handlebars environment with the helpers and the templates it has made, each once per process and source text. */
interface Engine {
  env: typeof Handlebars;
  templates: Map<string, Template>;
}

function engine(env: typeof Handlebars): Engine {
  // A private environment: helpers registered here never leak into another Handlebars user in the process.
  env.registerHelper(HELPERS);
  return { env, templates: new Map() };
}

// The runtime's own typings declare an empty module; it is the same environment as the full package's, without compile().
const HandlebarsRuntime = runtimeModule as unknown as typeof Handlebars;
let runtimeEngine: Engine | undefined;
let compilerEngine: Promise<Engine> | undefined;

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/**
 * The built-in templates as the build precompiled them, by source text: a template whose text is not there (a
 * repository's own, or an edited built-in) is compiled, which needs the full Handlebars compiler, several times the
 * size of its runtime. Running from the sources (tests) there are none.
 */
const PRECOMPILED: ReadonlyMap<string, TemplateSpecification> = builtInTemplates ?? new Map();

/** The engine for a set of template sources: the small runtime when every one is precompiled, else the compiler. */
async function engineFor(sources: readonly string[], specs: ReadonlyMap<string, TemplateSpecification>): Promise<Engine> {
  if (sources.every((source) => specs.has(source))) return (runtimeEngine ??= engine(HandlebarsRuntime.create()));
  compilerEngine ??= import('handlebars').then(({ default: full }) => engine(full.create()));
  return compilerEngine;
}

interface TemplateFile {
  /** Absolute path. */
  file: string;
  /** How messages name it: relative to the repository, or marked built-in. */
  display: string;
}

function compile(engine: Engine, source: string, spec: TemplateSpecification | undefined): Template {
  let template = engine.templates.get(source);
  if (template === undefined) {
    template = spec === undefined ? engine.env.compile(source, COMPILE_OPTIONS) : engine.env.template(spec);
    engine.templates.set(source, template);
  }
  return template;
}

/** A template error as a DdhError naming the template file; errors already named by an inner partial pass through. */
function templateError(error: unknown, where: TemplateFile): DdhError {
  if (error instanceof DdhError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const { lineNumber, column } = error as { lineNumber?: unknown; column?: unknown };
  const line = typeof lineNumber === 'number' ? lineNumber : Number(/on line (\d+)/.exec(raw)?.[1] ?? Number.NaN);
  const missing = /^"([^"]+)" not defined in/.exec(raw);
  const message = missing === null ? `template error: ${(raw.split('\n')[0] ?? raw).replace(/ - \d+:\d+$/, '')}` : `unknown field '${missing[1]}' in the template`;
  return new DdhError(
    [
      problem(where.display, message, {
        rule: 'template',
        ...(Number.isNaN(line) ? {} : { line }),
        ...(typeof column === 'number' ? { column: column + 1 } : {}),
        hint: 'a template can use the fields and helpers of the built-in templates in the ddh package',
      }),
    ],
    { cause: error },
  );
}

/** A template that names its file in any error it throws. */
function named(template: Template, where: TemplateFile): Template {
  return (context, options) => {
    try {
      return template(context, options);
    } catch (error) {
      throw templateError(error, where);
    }
  };
}

/** Names of the `*.md.hbs` files in a folder; none when it does not exist. */
function templateNames(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith(EXTENSION)).map((name) => name.slice(0, -EXTENSION.length));
  } catch {
    return [];
  }
}

/** The repository's override of a template (`overridden`) or the built-in one. */
function locate(repoRoot: string, relative: string[], overridden: boolean): TemplateFile {
  const display = ['templates', ...relative].join('/');
  return overridden
    ? { file: path.join(repoRoot, 'templates', ...relative), display }
    : { file: path.join(BUILT_IN, ...relative), display: `(built-in) ${display}` };
}

async function loadTemplates(repoRoot: string, document: string): Promise<{ main: Template; partials: Record<string, Template> }> {
  const ownMain = templateNames(path.join(repoRoot, 'templates'));
  const own = new Set(templateNames(path.join(repoRoot, 'templates', 'partials')));
  const names = [...new Set([...templateNames(path.join(BUILT_IN, 'partials')), ...own])].sort();
  const files = [
    locate(repoRoot, [`${document}${EXTENSION}`], ownMain.includes(document)),
    ...names.map((name) => locate(repoRoot, ['partials', `${name}${EXTENSION}`], own.has(name))),
  ];
  const sources = files.map((where) => readFileSync(where.file, 'utf8'));
  const specs = PRECOMPILED;
  const chosen = await engineFor(sources, specs);
  const [main, ...rest] = files.map((where, i) => named(compile(chosen, sources[i] as string, specs.get(sources[i] as string)), where));
  const partials: Record<string, Template> = {};
  for (const [i, name] of names.entries()) partials[name] = rest[i] as Template;
  return { main: main as Template, partials };
}

/** Front matter with the document's metadata, then the body; date-like paragraph starts stay text. */
export function assemble(meta: object, body: string): string {
  const front = YAML.stringify(meta, { lineWidth: 0 });
  return `---\n${front}---\n\n${escapeDateParagraphs(body.trimEnd())}\n`;
}

/**
 * Renders a meeting's agenda or minutes as Markdown: a YAML front matter block with the document's
 * metadata (title, subject, author, lang, date, draft, header, logo, font, colour), then the body from
 * `templates/<document>.md.hbs` and its partials, the repository's own `templates/` overriding the
 * built-in ones file by file. Meeting text is data in the templates, never compiled as a template.
 * Throws a DdhError for an unknown track or a broken template.
 */
export async function renderMarkdown(repo: Repository, meeting: Meeting, options: RenderOptions): Promise<string> {
  const view = buildView(repo, meeting, options);
  const { main, partials } = await loadTemplates(repo.root, options.document);
  return assemble(documentMeta(repo, meeting, options), main(view, { partials }));
}

/** Renders the decision register of the given meetings (`templates/decisions.md.hbs`) as Markdown. */
export async function renderDecisionsMarkdown(repo: Repository, meetings: readonly Meeting[], options: DecisionsOptions): Promise<string> {
  const { main, partials } = await loadTemplates(repo.root, 'decisions');
  return assemble(decisionsMeta(repo, meetings, options), main(buildDecisionsView(repo, meetings, options), { partials }));
}
