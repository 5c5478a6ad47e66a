'use strict';
// Loads the scripts `npm run build` makes, each with the V8 code cache the build made for it beside it:
// dist/bundle/ddh.cjs, the whole CLI but the PDF writer, and dist/bundle/pdf.cjs, the PDF writer, which ddh.cjs loads
// when it makes a PDF (most of the code by size: fontkit and pdfkit). A run without a PDF neither reads it nor
// deserialises its cache.

const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

const BUNDLE_DIR = path.join(__dirname, '..', 'dist', 'bundle');
/** The CLI's script. */
const BUNDLE = path.join(BUNDLE_DIR, 'ddh.cjs');
/** The PDF writer's script. */
const PDF_BUNDLE = path.join(BUNDLE_DIR, 'pdf.cjs');

/**
 * The CommonJS function around each script, which the build writes into the file. Compiled as read, a script of over
 * 1 MB (the PDF writer's) stays the string Node reads it into, kept outside V8's heap; wrapping it here made a copy of
 * it inside, which the garbage collector counted and marked in every PDF render.
 */
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];

/** The code cache of a script. */
const codeCache = (file) => `${file}.cache`;

/**
 * V8 flags for the CLI's scripts, set before the first of them compiles. V8 rejects a code cache made under other
 * flags, so the build makes its caches through this loader too.
 *
 * `--interrupt-budget`: V8 hands a function to its optimising compiler (TurboFan) once the function has run about
 * this many bytes of bytecode. The default, 66 KB, suits pages and servers that run for minutes. A render lasts a
 * fraction of a second: the jobs that default starts run on Node's four background threads, most finish too late to
 * pay off, and on a two-core machine they took the main thread's core for a fifth of a 130-item render (measured with
 * the threads' schedstat). Three times the budget keeps optimising the hot loops (text layout, Markdown) and drops
 * most of the rest: the background threads work 60 % less, a 130-item render takes about a tenth less, a 13-item one
 * the same. Set on the V8 versions of Node 20 to 24, which have the flag; another V8 runs with its defaults.
 */
const V8_FLAGS = ['--interrupt-budget=200000'];

function setV8Flags() {
  const major = Number(process.versions.v8.split('.')[0]);
  if (major >= 11 && major <= 13) for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);
}

/** Scripts run so far, by file, with their compiled form: the build makes the code caches from them. */
const loaded = new Map();
let useCache = true;

/**
 * Runs a bundled script as a CommonJS module, once per process, and returns its exports and the compiled script. With
 * the code cache V8 skips parsing and compiling most of the code a command runs, about a third of a cold start; a
 * cache made by another V8 version or with other V8 flags is rejected by V8 and the script compiles as usual.
 * @param {string} file
 * @returns {{ exports: any, script: import('node:vm').Script }}
 */
function loadScript(file) {
  const known = loaded.get(file);
  if (known !== undefined) return known;
  // Before the first script compiles.
  if (loaded.size === 0) setV8Flags();
  // The build writes its scripts in ASCII, which Latin-1 decodes to the same text without UTF-8's checks.
  const source = readFileSync(file, 'latin1');
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(codeCache(file));
    } catch {
      // No cache (a build that could not make one): compile as usual.
    }
  }
  if (!source.startsWith(WRAPPER[0])) throw new Error(`${file} is not a script of this build: run npm run build`);
  const script = new vm.Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  const result = { exports: module.exports, script };
  loaded.set(file, result);
  return result;
}

/**
 * Runs the CLI's script.
 * @param {{ cache?: boolean }} [options] `cache: false` compiles this and every later script without a cache (the
 *   build, making new ones)
 * @returns {{ exports: { run: (argv: readonly string[], io?: object) => Promise<number> }, script: import('node:vm').Script }}
 */
function loadBundle({ cache = true } = {}) {
  useCache = cache;
  return loadScript(BUNDLE);
}

/**
 * The scripts run so far, each with the file its code cache belongs in.
 * @returns {{ cacheFile: string, script: import('node:vm').Script }[]}
 */
function loadedScripts() {
  return [...loaded].map(([file, { script }]) => ({ cacheFile: codeCache(file), script }));
}

exports.WRAPPER = WRAPPER;
exports.BUNDLE = BUNDLE;
exports.PDF_BUNDLE = PDF_BUNDLE;
exports.loadBundle = loadBundle;
exports.loadScript = loadScript;
exports.loadedScripts = loadedScripts;
