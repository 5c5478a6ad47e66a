#!/usr/bin/env node
'use strict';
// The `ddh` command: everything happens in run(), which returns the exit code. It runs the bundle `npm run build` makes.
// CommonJS rather than an ES module: Node starts a CommonJS entry without setting up its ES module loader, some 5 ms of
// every run.
const { loadBundle } = require('./load-bundle.cjs');

loadBundle()
  .exports.run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
