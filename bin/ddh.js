#!/usr/bin/env node
// The `ddh` command: everything happens in run(), which returns the exit code. It runs the bundle `npm run build` makes.
import { loadBundle } from './load-bundle.js';

process.exitCode = await loadBundle().exports.run(process.argv.slice(2));
