// The speed benchmark: cold `ddh` processes against pandoc (and pandoc + LibreOffice) on the same meetings, side by side.
// Usage: npm run bench [-- --rounds 7] [--bin path/to/ddh.cjs --out NAME] [--keep-env]
// (builds first; writes bench/results/latest.md and latest.json, or NAME.md and NAME.json; --bin times another build;
// --keep-env keeps the variables below in the environment of the timed processes)

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateRepository, hugeItemEnd } from './generate.mjs';
import { median, medianOfRatios, ratioOfMedians } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.resolve(argValue('--bin') ?? path.join(root, 'bin', 'ddh.cjs'));
const NAME = argValue('--out') ?? 'latest';
const RESULTS = path.join(root, 'bench', 'results');
const rounds = Number(argValue('--rounds') ?? 7);
/** A run longer than this counts as a hang. */
const HANG_MS = 300_000;
const HUGE_BYTES = 5 * 1024 * 1024;

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The first line a tool prints for --version, or undefined when it is not installed. */
function version(command) {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n')[0].trim() : undefined;
}

/**
 * Variables that make every Node process do work before its first line runs, for something ddh never does, and that a
 * secretariat's machine does not set. NODE_EXTRA_CA_CERTS adds certificates for TLS connections (ddh opens none); Node
 * 20 reads and parses the file, and its own root certificates with it, at every start: about 50 ms where a machine
 * sets it to reach a package registry through a proxy. Every timed process, ddh's and its peers', runs without them.
 */
const STARTUP_ONLY_ENV = ['NODE_EXTRA_CA_CERTS'];
const keepEnv = process.argv.includes('--keep-env');
const droppedEnv = keepEnv ? [] : STARTUP_ONLY_ENV.filter((name) => process.env[name] !== undefined);
const timedEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !droppedEnv.includes(name)));

const hasGnuTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

/**
 * Runs one cold process and returns its wall time in ms and its peak resident memory in MB: GNU time measures the
 * latter when it is installed (for every process alike), else a hook preloaded into ddh reports Node's own figure.
 */
function timed(cwd, command, args, scratch, baseEnv = timedEnv) {
  const rssFile = path.join(scratch, 'rss.txt');
  let argv = [command, ...args];
  const env = { ...baseEnv };
  if (hasGnuTime) argv = ['/usr/bin/time', '-f', '%M', '-o', rssFile, ...argv];
  else if (command === process.execPath) {
    argv = [command, '--import', pathToFileURL(path.join(root, 'bench', 'rss-hook.mjs')).href, ...args];
    env.DDH_BENCH_RSS_FILE = rssFile;
  }
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd, env, encoding: 'utf8', timeout: HANG_MS, maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error?.code === 'ETIMEDOUT') throw new Error(`${args.join(' ')} did not finish within ${HANG_MS / 1000} s`);
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : undefined;
  return { ms, rss };
}

/** A measured series: median, min and max of the times, the largest memory. */
function summary(samples) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const rss = samples.map((s) => s.rss).filter((r) => r !== undefined);
  return { median: median(ms), min: ms[0], max: ms[ms.length - 1], n: ms.length, rssMb: rss.length > 0 ? Math.max(...rss) : undefined };
}

const secs = (ms) => `${(ms / 1000).toFixed(3)} s`;
const spread = (s) => (s === undefined ? '–' : `${secs(s.median)} (${secs(s.min)}–${secs(s.max)})`);

async function main() {
  if (argValue('--bin') === undefined && !existsSync(path.join(root, 'dist', 'bundle', 'ddh.cjs'))) {
    console.error('No build found: run `npm run build` first (`npm run bench` does).');
    process.exit(1);
  }
  const pandoc = version('pandoc');
  const soffice = version('soffice');
  if (pandoc === undefined || soffice === undefined) {
    console.error(`Missing ${[pandoc ? '' : 'pandoc', soffice ? '' : 'LibreOffice (soffice)'].filter(Boolean).join(' and ')}: ` +
      'the comparisons with it are skipped. Install with: sudo apt-get install pandoc libreoffice-writer-nogui');
  }

  const work = await mkdtemp(path.join(os.tmpdir(), 'ddh-bench-'));
  const profile = pathToFileURL(path.join(work, 'libreoffice-profile')).href;
  try {
    console.log(`Generating repositories in ${work} …`);
    const repo = async (name, options) => {
      const dir = path.join(work, name);
      await mkdir(dir);
      await generateRepository(dir, options);
      return dir;
    };
    const one = await repo('meeting-13', { items: 13 });
    const ten = await repo('meeting-130', { items: 13, scale: 10 });
    const hundred = await repo('meetings-100', { meetings: 100 });
    const fiveHundred = await repo('meetings-500', { meetings: 500 });
    const huge = await repo('item-5mb', { items: 13, huge: HUGE_BYTES });

    const node = process.execPath;
    const ddh = (cwd, ...args) => () => timed(cwd, node, [BIN, ...args], work);
    const out = (name) => path.join(work, 'out', name);
    // The Markdown ddh writes is what pandoc converts.
    const markdown = (cwd, name) => {
      timed(cwd, node, [BIN, 'render', 'agenda', '--format', 'md', '--out', out(name)], work);
      return path.join(out(name), readdirSync(out(name)).find((f) => f.endsWith('.md')));
    };
    const md1 = markdown(one, 'md-13');
    const md10 = markdown(ten, 'md-130');
    const pandocDocx = (md, name) => () => timed(work, 'pandoc', [md, '-o', path.join(work, `${name}.docx`)], work);
    const pandocPdf = (md, name) => () => {
      const docx = path.join(work, `${name}.docx`);
      const a = timed(work, 'pandoc', [md, '-o', docx], work);
      const b = timed(work, 'soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], work);
      return { ms: a.ms + b.ms, rss: Math.max(a.rss ?? 0, b.rss ?? 0) || undefined };
    };
    if (soffice !== undefined && pandoc !== undefined) {
      console.log('Warming LibreOffice once (its first start creates the profile; not timed) …');
      pandocPdf(md1, 'warm')();
    }

    const peerDocx = pandoc !== undefined;
    const peerPdf = pandoc !== undefined && soffice !== undefined;
    const cases = [
      { key: 'docx', label: 'DOCX, 13 items (17 KB)', ddh: ddh(one, 'render', 'agenda', '--format', 'docx', '--out', out('a')), peer: peerDocx && pandocDocx(md1, 'p1'), peerLabel: 'pandoc' },
      { key: 'docxPdf', label: 'DOCX + PDF, 13 items', ddh: ddh(one, 'render', 'agenda', '--format', 'docx,pdf', '--out', out('b')), peer: peerPdf && pandocPdf(md1, 'q1'), peerLabel: 'pandoc + LibreOffice' },
      { key: 'docx10', label: 'DOCX, 130 items (10×)', ddh: ddh(ten, 'render', 'agenda', '--format', 'docx', '--out', out('c')), peer: peerDocx && pandocDocx(md10, 'p10'), peerLabel: 'pandoc' },
      { key: 'docxPdf10', label: 'DOCX + PDF, 130 items (10×)', ddh: ddh(ten, 'render', 'agenda', '--format', 'docx,pdf', '--out', out('d')), peer: peerPdf && pandocPdf(md10, 'q10'), peerLabel: 'pandoc + LibreOffice' },
      { key: 'validate100', label: '`ddh validate`, 100 meetings', ddh: ddh(hundred, 'validate') },
    ];
    const samples = Object.fromEntries(cases.map((c) => [c.key, { ddh: [], peer: [] }]));
    if (droppedEnv.length > 0) console.log(`Timed processes run without ${droppedEnv.join(', ')} (start-up work only; --keep-env keeps it).`);
    console.log(`Timing ${rounds} rounds, ddh and its peer alternating …`);
    for (let round = 0; round < rounds; round++) {
      for (const c of cases) {
        const order = round % 2 === 0 ? ['ddh', 'peer'] : ['peer', 'ddh'];
        for (const who of order) if (c[who]) samples[c.key][who].push(c[who]());
      }
      process.stdout.write(`  round ${round + 1}/${rounds}\r`);
    }

    // Ten times the content again, in pairs: a 13- and a 130-item render one after the other (in turn which first), so
    // that both meet the machine in the same second. On a machine whose speed drifts, the median of the pairs' ratios
    // varies less from run to run than the ratio of the medians above, whose two series are timed seconds apart.
    console.log(`Timing ${rounds * 2} pairs of 13- and 130-item renders …`);
    const pairs = [
      { key: 'docx', label: 'DOCX', format: 'docx' },
      { key: 'docxPdf', label: 'DOCX + PDF', format: 'docx,pdf' },
    ].map(({ key, label, format }) => {
      const render = (cwd) => ddh(cwd, 'render', 'agenda', '--format', format, '--out', out(`pairs-${key}`))();
      const small = [];
      const large = [];
      for (let i = 0; i < rounds * 2; i++) {
        const smallFirst = i % 2 === 0;
        const first = render(smallFirst ? one : ten);
        const second = render(smallFirst ? ten : one);
        small.push(smallFirst ? first : second);
        large.push(smallFirst ? second : first);
      }
      return { key, label, small: summary(small), large: summary(large), ratio: medianOfRatios(small.map((s, i) => large[i].ms / s.ms)) };
    });

    console.log('Scale runs (once each) …');
    const once = (label, run) => ({ label, ...summary([run()]) });
    const scale = [
      once('`ddh render agenda --all --format docx,pdf`, 100 meetings', ddh(hundred, 'render', 'agenda', '--all', '--format', 'docx,pdf', '--out', out('all100'))),
      once('`ddh validate`, 500 meetings', ddh(fiveHundred, 'validate')),
      once('`ddh render agenda --all --format docx`, 500 meetings', ddh(fiveHundred, 'render', 'agenda', '--all', '--format', 'docx', '--out', out('all500'))),
      once('`ddh validate`, a 5 MB item', ddh(huge, 'validate')),
      once('`ddh render agenda --format docx,pdf`, a 5 MB item', ddh(huge, 'render', 'agenda', '--format', 'docx,pdf', '--out', out('huge'))),
    ];
    const hugeText = spawnSync('pdftotext', [path.join(out('huge'), readdirSync(out('huge')).find((f) => f.endsWith('.pdf'))), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const hugeComplete = hugeText.status === 0 ? hugeText.stdout.replace(/\s+/g, ' ').includes(hugeItemEnd(HUGE_BYTES)) : undefined;

    const results = Object.fromEntries(cases.map((c) => [c.key, { label: c.label, peerLabel: c.peerLabel, ddh: summary(samples[c.key].ddh), peer: samples[c.key].peer.length > 0 ? summary(samples[c.key].peer) : undefined }]));
    // A ratio of two series' medians, with the range a rerun would likely give (bootstrap, 95 %).
    const ratio = (a, b) => (a.length === 0 || b.length === 0 ? {} : ratioOfMedians(a.map((s) => s.ms), b.map((s) => s.ms)));
    const maxRss = Math.max(...[...Object.values(results).map((r) => r.ddh.rssMb), ...scale.map((s) => s.rssMb)].filter((r) => r !== undefined));
    const targets = [
      { what: 'Cold DOCX: ddh ÷ pandoc', ...ratio(samples.docx.ddh, samples.docx.peer), limit: 1.0, unit: '×' },
      { what: 'Cold DOCX + PDF: ddh ÷ (pandoc + LibreOffice)', ...ratio(samples.docxPdf.ddh, samples.docxPdf.peer), limit: 0.3, unit: '×' },
      { what: 'Ten times the content, DOCX: 130 items ÷ 13 items', ...ratio(samples.docx10.ddh, samples.docx.ddh), limit: 2, unit: '×' },
      { what: 'Ten times the content, DOCX + PDF: 130 items ÷ 13 items', ...ratio(samples.docxPdf10.ddh, samples.docxPdf.ddh), limit: 2, unit: '×' },
      { what: 'Validating 100 meetings', value: results.validate100.ddh.median / 1000, limit: 0.5, unit: ' s' },
      { what: 'Peak memory of any ddh run', value: maxRss, limit: 300, unit: ' MB' },
    ];

    const machine = {
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
      memory: `${Math.round(os.totalmem() / 2 ** 30)} GB`,
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      nodeBaseline: secs(summary(Array.from({ length: rounds }, () => timed(work, node, ['-e', '0'], work))).median),
      // What the dropped variables cost every Node process here, for the record.
      nodeBaselineWithDropped: droppedEnv.length === 0 ? undefined : secs(summary(Array.from({ length: rounds }, () => timed(work, node, ['-e', '0'], work, process.env))).median),
      droppedEnv,
      pandoc: pandoc ?? 'not installed',
      libreoffice: soffice ?? 'not installed',
      memoryMeasuredBy: hasGnuTime ? 'GNU time (%M)' : 'process.resourceUsage().maxRSS',
    };
    const fmt = (t) => (t.value === undefined ? 'skipped' : `${t.unit === '×' ? t.value.toFixed(2) : t.unit === ' s' ? t.value.toFixed(3) : Math.round(t.value)}${t.unit}`);
    const interval = (r) => (r.low === undefined ? '–' : `${r.low.toFixed(2)}–${r.high.toFixed(2)}×`);
    const lines = [
      `# ddh benchmark`,
      '',
      `${machine.date} · ${machine.cpu} · ${machine.memory} · ${machine.os} · Node ${machine.node} (\`node -e 0\`: ${machine.nodeBaseline}${machine.nodeBaselineWithDropped === undefined ? '' : `; ${machine.nodeBaselineWithDropped} with ${droppedEnv.join(', ')}`}) · ${machine.pandoc} · ${machine.libreoffice}`,
      '',
      `Command: \`npm run bench -- --rounds ${rounds}\`${argValue('--bin') === undefined ? '' : ' with ddh from ' + BIN}. Cold processes, median (min–max) of ${rounds} alternating rounds. pandoc converts the Markdown that \`ddh render agenda --format md\` writes for the same meeting; LibreOffice (\`soffice --headless --convert-to pdf\`, own profile) converts pandoc's DOCX, and was started once before timing so that creating its profile is not counted. Memory: peak resident set, by ${machine.memoryMeasuredBy}.${droppedEnv.length === 0 ? '' : ` Every timed process ran without ${droppedEnv.join(', ')}, which this machine sets and a secretariat's does not: it only adds to Node's start-up (\`--keep-env\` keeps it).`}`,
      '',
      '| case | ddh | peer | ddh ÷ peer | ddh peak memory |',
      '| --- | --- | --- | --- | --- |',
      ...Object.values(results).map((r) => `| ${r.label} | ${spread(r.ddh)} | ${r.peer ? `${r.peerLabel}: ${spread(r.peer)}` : '–'} | ${r.peer ? `${(r.ddh.median / r.peer.median).toFixed(2)}×` : '–'} | ${r.ddh.rssMb === undefined ? '–' : `${Math.round(r.ddh.rssMb)} MB`} |`),
      '',
      `Ten times the content in ${rounds * 2} pairs, a 13- and a 130-item render one after the other: median (min–max) of each, and the median of the pairs' ratios with its 95 % bootstrap interval.`,
      '',
      '| render | 13 items | 130 items | 130 ÷ 13, median of pairs | 95 % interval |',
      '| --- | --- | --- | --- | --- |',
      ...pairs.map((p) => `| ${p.label} | ${spread(p.small)} | ${spread(p.large)} | ${p.ratio.value.toFixed(2)}× | ${interval(p.ratio)} |`),
      '',
      '| scale run (once) | ddh | peak memory |',
      '| --- | --- | --- |',
      ...scale.map((s) => `| ${s.label} | ${secs(s.median)} | ${s.rssMb === undefined ? '–' : `${Math.round(s.rssMb)} MB`} |`),
      '',
      `The 5 MB item's last paragraph is ${hugeComplete === undefined ? 'unchecked (pdftotext missing)' : hugeComplete ? 'in' : 'MISSING from'} the PDF's text.`,
      '',
      '| target | measured | 95 % interval | limit | met |',
      '| --- | --- | --- | --- | --- |',
      ...targets.map((t) => `| ${t.what} | ${fmt(t)} | ${interval(t)} | ${t.unit === '×' ? '≤ ' : '< '}${t.limit}${t.unit} | ${t.value === undefined ? '–' : (t.unit === '×' ? t.value <= t.limit : t.value < t.limit) ? 'yes' : 'no'} |`),
      '',
      'A ratio\'s interval resamples each series with replacement (2,000 times, a fixed seed): the range a rerun in the same minutes would likely give. Drift of the machine between runs is not in it.',
      '',
    ];
    const report = lines.join('\n');
    await mkdir(RESULTS, { recursive: true });
    await writeFile(path.join(RESULTS, `${NAME}.md`), report);
    await writeFile(path.join(RESULTS, `${NAME}.json`), `${JSON.stringify({ machine, rounds, results, pairs, scale, hugeComplete, targets }, null, 2)}\n`);
    console.log(`\n${report}`);
    console.log(`Written to ${path.relative(process.cwd(), path.join(RESULTS, `${NAME}.md`))} and ${NAME}.json.`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
