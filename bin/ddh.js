#!/usr/bin/env node
// The `ddh` command: everything happens in run(), which returns the exit code.
import { run } from '../dist/cli/index.js';

process.exitCode = await run(process.argv.slice(2));
