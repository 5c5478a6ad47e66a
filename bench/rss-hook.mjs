// Preloaded into ddh by bench/run.mjs where GNU time is missing: writes the process's peak memory (KB) at exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => writeFileSync(process.env.DDH_BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`));
