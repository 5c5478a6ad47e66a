// The build after tsc: standalone schema validators, precompiled built-in templates, and the bundle bin/ddh.cjs runs
// with its V8 code cache. Usage: node scripts/build.mjs (run by `npm run build`, after `tsc`, which writes dist/).

import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import * as fontkit from 'fontkit';
import { generateRepository } from '../bench/generate.mjs';
import { BUNDLE, loadBundle, loadedScripts, PDF_BUNDLE, WRAPPER } from '../bin/load-bundle.cjs';
import { templateModule } from './build-templates.mjs';
import { validatorModule } from './build-validators.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const bundleDir = path.dirname(BUNDLE);

// tsc leaves the sources' stand-ins for the generated modules behind; dist/load/schema.js and
// dist/templates/index.js import them, so they go in first and are replaced below.
const GENERATED = { 'schema-validators.cjs': 'load', 'built-in-templates.cjs': 'templates' };
for (const [name, dir] of Object.entries(GENERATED)) await writeFile(path.join(dist, dir, name), await readFile(path.join(root, 'src', dir, name)));

const { AJV_OPTIONS, SCHEMA_NAMES, schemaSource } = await import(pathToFileURL(path.join(dist, 'load', 'schema.js')).href);
const { COMPILE_OPTIONS } = await import(pathToFileURL(path.join(dist, 'templates', 'index.js')).href);
const { BUILT_FONTS, CARLITO_FACES, carlitoWoff, sfntOf } = await import(pathToFileURL(path.join(dist, 'writers', 'pdf-fonts.js')).href);
const { measurePairs } = await import(pathToFileURL(path.join(dist, 'writers', 'pdf-metrics.js')).href);

/** Every *.md.hbs under a folder, as text. */
async function templateSources(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await templateSources(file)));
    else if (entry.name.endsWith('.md.hbs')) out.push(await readFile(file, 'utf8'));
  }
  return out;
}

/**
 * pdfkit finds its standard fonts and colour profile next to itself through import.meta.url; in the bundle that is
 * pdfkit's own file again, so they are found wherever the package is installed.
 */
const pdfkitHome = {
  name: 'pdfkit-home',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', "require('node:url').pathToFileURL(require.resolve('pdfkit')).href"),
      loader: 'js',
    }));
  },
};

/**
 * markdown-it ships transpiled: its classes' fields (eight on every token, a dozen on every parser state, one state
 * per inline run) are each set through a helper, `_defineProperty(this, "name", value)`, which asks whether the object
 * has the property yet (`in`) and then stores it by a computed key. Called with every field of every class, both
 * lookups are megamorphic, each a trip through V8's runtime: 8 % of the instructions a 130-item DOCX render adds to a
 * 13-item one. A field is assigned here as written (`this.name = value`) instead, which defines the same own property
 * in the same order, as none of markdown-it's classes has an accessor or a read-only property of a field's name
 * (checked: no getters or setters in the file). The build stops if the file is not as expected.
 */
const INSTANCE_FIELD = /_defineProperty\(\s*this\s*,\s*(?:\/\*[\s\S]*?\*\/\s*)?"([A-Za-z_$][\w$]*)"\s*,\s*/g;

function assignInstanceFields(source, file) {
  const fail = (why) => {
    throw new Error(`markdown-it-fields: ${file}: ${why}`);
  };
  if (/^\s*(?:static\s+)?(?:get|set)\s+[\w$]+\s*\(/m.test(source)) fail('a class has an accessor');
  let out = '';
  let copied = 0;
  let fields = 0;
  for (let match; (match = INSTANCE_FIELD.exec(source)) !== null; ) {
    // The value runs to the call's closing parenthesis: markdown-it's are literals, names and calls, strings plain.
    let depth = 0;
    let end = INSTANCE_FIELD.lastIndex;
    for (; end < source.length; end += 1) {
      const char = source[end];
      if (char === '"') {
        const close = source.indexOf('"', end + 1);
        if (close < 0 || /[\\\n]/.test(source.slice(end + 1, close))) fail(`the value of field '${match[1]}' has a string with escapes`);
        end = close;
      } else if (char === "'" || char === '`' || char === '/') fail(`the value of field '${match[1]}' is not a plain expression`);
      else if ('([{'.includes(char)) depth += 1;
      else if (')]}'.includes(char) && depth-- === 0) break;
    }
    out += `${source.slice(copied, match.index)}this.${match[1]} = ${source.slice(INSTANCE_FIELD.lastIndex, end).trim()}`;
    copied = end + 1;
    INSTANCE_FIELD.lastIndex = copied;
    fields += 1;
  }
  if (fields === 0) fail('no instance fields set through _defineProperty');
  return out + source.slice(copied);
}

const markdownItFields = {
  name: 'markdown-it-fields',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]markdown-it[\\/]dist[\\/]markdown-it\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: assignInstanceFields(source, args.path), loader: 'js' };
    });
  },
};

/**
 * Modules that dependencies load at start-up but that ddh needs rarely or never become stand-ins
 * that load them on first use: unicode-properties and the three Unicode tables fontkit decodes on load (unicode-trie)
 * serve only fontkit's full OpenType layout, which text the pair metrics cover skips; linebreak serves only pdfkit's
 * own line wrapping; AES only encrypted files; brotli only WOFF2 fonts, which ddh does not ship; child_process only
 * commander's executable subcommands; entities only Markdown text with an entity reference in it. Each entry says what
 * the stand-in exports: functions by name, a `default` class made on `new`, a `default` function, or a `default` class
 * whose instances are made on their first `get`. An `external` module stays out of the bundle (brotli is mostly a
 * 1.3 MB dictionary) and is required when first used from where the package that depends on it finds it.
 */
const LAZY_MODULES = {
  'unicode-properties': { functions: ['getCategory', 'getCombiningClass', 'getScript', 'isDigit', 'isMark'] },
  'unicode-trie': { deferredClass: 'get' },
  linebreak: { class: true },
  '@noble/ciphers/aes': { functions: ['cbc', 'ecb'] },
  'brotli/decompress.js': { call: true, external: 'fontkit' },
  // commander starts executable subcommands with it, which ddh has none of; loading it (and net, dgram and the
  // socket machinery it needs) took a few ms of every start.
  'node:child_process': { functions: ['spawn'] },
  // markdown-it decodes entities (`&aelig;`) with it; loading it decodes the whole HTML entity table, some 6 ms.
  entities: { functions: ['decodeHTMLStrict'] },
};

/** The source of a stand-in for a module; `real` is the module itself, checked for what the stand-in relies on. */
function standIn(name, real) {
  const { functions = [], deferredClass, class: isClass, call, external } = LAZY_MODULES[name];
  const missing = [...functions.filter((f) => typeof real[f] !== 'function'), ...(typeof real === 'function' || functions.length > 0 ? [] : ['default'])];
  if (deferredClass !== undefined && typeof real.prototype?.[deferredClass] !== 'function') missing.push(`prototype.${deferredClass}`);
  if (missing.length > 0) throw new Error(`lazy-modules: ${name} has no ${missing.join(', ')}`);
  // An external module is found from its dependent's folder: ddh's own node_modules need not hold it.
  const from = external === undefined ? 'require' : `require('node:module').createRequire(require.resolve(${JSON.stringify(external)}))`;
  const lines = [`let real;`, `const load = () => (real ??= ${from}(${JSON.stringify(name)}));`];
  for (const f of functions) lines.push(`export function ${f}(...args) { return load().${f}(...args); }`);
  if (isClass) lines.push('export default function (...args) { return new (load())(...args); }');
  if (call) lines.push('export default function (...args) { return load()(...args); }');
  if (deferredClass !== undefined) {
    lines.push(
      'export default class {',
      '  #args; #real;',
      '  constructor(...args) { this.#args = args; }',
      `  ${deferredClass}(...args) { this.#real ??= new (load())(...this.#args); return this.#real.${deferredClass}(...args); }`,
      '}',
    );
  }
  return lines.join('\n');
}

const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(LAZY_MODULES).map((name) => name.replace(/[/.]/g, '\\$&')).join('|')})$`);
    // The stand-in's own require (namespace 'lazy') resolves to the real module, bundled or left to node_modules.
    build.onResolve({ filter }, (args) => {
      if (args.namespace !== 'lazy') return { path: args.path, namespace: 'lazy', pluginData: args.resolveDir };
      return LAZY_MODULES[args.path].external === undefined ? undefined : { path: args.path, external: true };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents: standIn(args.path, createRequire(path.join(args.pluginData, 'index.js'))(args.path)),
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

/**
 * Packages that stay in node_modules, loaded by a plain require when first used: the full Handlebars (compiler and
 * source maps), needed only for a repository's own templates; the bundle holds its runtime.
 */
const requiredWhenUsed = {
  name: 'required-when-used',
  setup(build) {
    build.onResolve({ filter: /^handlebars$/ }, (args) => ({ path: args.path, external: true }));
  },
};

// Generated modules in place of the stand-ins: the sources (tests) run without them; the bundle holds them.
const generated = {
  'schema-validators.cjs': validatorModule(AJV_OPTIONS, Object.fromEntries(SCHEMA_NAMES.map((name) => [name, schemaSource(name)]))),
  'built-in-templates.cjs': templateModule(COMPILE_OPTIONS, await templateSources(path.join(root, 'templates'))),
};
for (const [name, dir] of Object.entries(GENERATED)) await writeFile(path.join(dist, dir, name), generated[name]);

// Carlito as plain TrueType, so that no run unwraps WOFF, and the pair metrics of its main faces, so that everyday
// text is set without fontkit's OpenType layout (pdf-metrics.ts).
await rm(BUILT_FONTS, { recursive: true, force: true });
await mkdir(BUILT_FONTS, { recursive: true });
for (const face of CARLITO_FACES) {
  const ttf = sfntOf(await readFile(carlitoWoff(face)));
  await writeFile(path.join(BUILT_FONTS, `${face.name}.ttf`), ttf);
  if (face.primary) await writeFile(path.join(BUILT_FONTS, `${face.name}.json`), JSON.stringify(measurePairs(fontkit.create(ttf))));
}

/**
 * The PDF writer, imported by render.js, is its own script (pdf.cjs) beside the CLI's: fontkit, pdfkit and what they
 * use are most of the code by size, and a run that makes no PDF need not read them or deserialise their code cache
 * (about 5 ms of a DOCX render). The CLI's script loads it on first use through the loader in bin/, with its cache.
 */
const pdfWriterScript = {
  name: 'pdf-writer-script',
  setup(build) {
    build.onResolve({ filter: /^\.\/writers\/pdf\.js$/ }, (args) =>
      path.basename(args.importer) === 'render.js' ? { path: 'pdf-writer', namespace: 'pdf-writer-script' } : undefined,
    );
    build.onResolve({ filter: /^\.\.\/\.\.\/bin\/load-bundle\.cjs$/, namespace: 'pdf-writer-script' }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'pdf-writer-script' }, () => ({
      contents: `module.exports = require('../../bin/load-bundle.cjs').loadScript(require('node:path').join(__dirname, ${JSON.stringify(path.basename(PDF_BUNDLE))})).exports;`,
      loader: 'js',
    }));
  },
};

// CommonJS scripts, each covered by one V8 code cache; commands and writers still initialise only when they run. They
// sit two folders below the package root, as dist/load and dist/templates do, so paths relative to import.meta.url
// (schema/, templates/, package.json, dist/fonts/) hold.
await rm(bundleDir, { recursive: true, force: true });
const scripts = [
  { entry: path.join(dist, 'cli', 'index.js'), outfile: BUNDLE, plugins: [pdfWriterScript] },
  { entry: path.join(dist, 'writers', 'pdf.js'), outfile: PDF_BUNDLE, plugins: [] },
];
for (const { entry, outfile, plugins } of scripts) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // Dynamic imports become lazy requires: a vm script has no ES module loader.
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': '__ddhModuleUrl' },
    banner: { js: "const __ddhModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [...plugins, pdfkitHome, markdownItFields, lazyModules, requiredWhenUsed],
    external: ['pdf-lib'],
    charset: 'ascii',
    legalComments: 'none',
    // Whitespace and syntax only, names kept (stack traces with --debug still name functions): a third less text to
    // read and hash at every start, about 3 ms.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'error',
  });
  // ASCII only, so the loader can read it as Latin-1, several times faster than decoding UTF-8. esbuild escapes strings
  // and template literals but leaves regular expressions and comments as written; an escape means the same there.
  const escaped = (await readFile(outfile, 'utf8')).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // Within the CommonJS function the loader runs, so that it compiles the file's text as read.
  await writeFile(outfile, `${WRAPPER[0]}${escaped}${WRAPPER[1]}`);
}

// The code cache: made after running the everyday commands once, so it holds the functions they compile, not just
// the top level. Output goes to a temporary folder.
const work = await mkdtemp(path.join(os.tmpdir(), 'ddh-build-'));
try {
  await mkdir(path.join(work, 'repo'));
  await generateRepository(path.join(work, 'repo'), { items: 13, meetings: 2 });
  const { exports } = loadBundle({ cache: false });
  const problems = [];
  const io = { cwd: path.join(work, 'repo'), out: () => {}, err: (text) => problems.push(text) };
  for (const argv of [
    ['validate'],
    ['render', 'agenda', '--format', 'docx,pdf,md', '--out', path.join(work, 'out')],
    ['render', 'minutes', '--format', 'docx,pdf', '--out', path.join(work, 'out')],
    ['list'],
  ]) {
    const code = await exports.run(argv, io);
    if (code !== 0) throw new Error(`ddh ${argv.join(' ')} failed while making the code cache:\n${problems.join('\n')}`);
  }
  // The CLI's script and the PDF writer's, which the PDF renders loaded.
  for (const { cacheFile, script } of loadedScripts()) await writeFile(cacheFile, script.createCachedData());
} finally {
  await rm(work, { recursive: true, force: true });
}
