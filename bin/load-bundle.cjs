'use strict';
// Loads dist/bundle/ddh.cjs, the whole CLI in one script, with the V8 code cache the build made for it beside it.

const { readFileSync } = require('node:fs');
const { createRequire, Module } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/** The bundle `npm run build` writes, and its code cache. */
const BUNDLE = path.join(__dirname, '..', 'dist', 'bundle', 'ddh.cjs');
const CODE_CACHE = `${BUNDLE}.cache`;

/**
 * Runs the bundle as a CommonJS module and returns its exports and the compiled script. With the code cache V8 skips
 * parsing and compiling most of the code a command runs, about a third of a cold start; a cache made by another V8
 * version or with other V8 flags is rejected by V8 and the bundle compiles as usual.
 * @param {{ cache?: boolean }} [options] `cache: false` compiles without the cache (the build, making a new one)
 * @returns {{ exports: { run: (argv: readonly string[], io?: object) => Promise<number> }, script: import('node:vm').Script }}
 */
function loadBundle({ cache = true } = {}) {
  // The build writes the bundle in ASCII, which Latin-1 decodes to the same text without UTF-8's checks.
  const source = readFileSync(BUNDLE, 'latin1');
  let cachedData;
  if (cache) {
    try {
      cachedData = readFileSync(CODE_CACHE);
    } catch {
      // No cache (a build that could not make one): compile as usual.
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
  return { exports: module.exports, script };
}

exports.BUNDLE = BUNDLE;
exports.CODE_CACHE = CODE_CACHE;
exports.loadBundle = loadBundle;
