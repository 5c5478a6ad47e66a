// The built CLI (bin/ddh.cjs: bundle, code cache, standalone validators, precompiled templates) does what the sources do.

import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { copyExample, ddh, PROJECT_ROOT, type CliResult } from './helpers/cli.js';

const BIN = path.join(PROJECT_ROOT, 'bin', 'ddh.cjs');
const BUNDLE = path.join(PROJECT_ROOT, 'dist', 'bundle', 'ddh.cjs');

/** Newest modification time of the files under a folder. */
function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs)),
  );
}

// `npm test` builds first; a build older than the sources (someone mid-edit) would only show that it is old.
const built = existsSync(BUNDLE) && ['src', 'schema', 'templates'].every((dir) => newest(path.join(PROJECT_ROOT, dir)) <= statSync(BUNDLE).mtimeMs);
if (!built) console.warn('tests/build.test.ts skipped: no build as new as the sources (run `npm run build`)');

/** Runs the built `ddh` in its own process; the result has the shape of `ddh()`'s. */
async function builtDdh(cwd: string, ...args: string[]): Promise<CliResult> {
  const result = (code: number, stdout: string, stderr: string): CliResult => ({
    code,
    stdout: stdout.replace(/\r?\n$/, ''),
    rawStdout: stdout,
    stderr: stderr.replace(/\n$/, ''),
  });
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd });
    return result(0, stdout, stderr);
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return result(code, stdout, stderr);
  }
}

/** The files of a folder by name, as bytes. */
async function files(dir: string): Promise<Record<string, Buffer>> {
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name))] as const)));
}

describe.runIf(built)('the built CLI', () => {
  test('writes the same Markdown, DOCX and PDF bytes as the sources, for the agenda and the minutes', async () => {
    const repo = await copyExample();
    // Entity references: the bundle loads the entity decoder only when text needs it.
    const item = path.join(repo, 'meetings', '2026-03-12', '70-eventuelt.md');
    await writeFile(item, `${await readFile(item, 'utf8')}\nSkrevet som entiteter: &aelig;ble, p&#248;lse &amp; &copy;.\n`);
    for (const document of ['agenda', 'minutes']) {
      const args = ['render', document, '--all', '--format', 'md,docx,pdf', '--out'];
      const fromSources = await ddh(repo, ...args, 'from-sources');
      const fromBuild = await builtDdh(repo, ...args, 'from-build');
      expect(fromBuild.code).toBe(fromSources.code);
      for (const date of await readdir(path.join(repo, 'from-sources'))) {
        const expected = await files(path.join(repo, 'from-sources', date));
        expect(Object.keys(expected).length).toBeGreaterThan(0);
        expect(await files(path.join(repo, 'from-build', date))).toEqual(expected);
      }
    }
  }, 120_000);

  test('reports the same problems as the sources (standalone schema validators)', async () => {
    const repo = await copyExample();
    const meeting = path.join(repo, 'meetings', '2026-03-12');
    await writeFile(path.join(meeting, '45-fejl.md'), '---\ntitle: [Forkert]\ntypes: [X, O, O]\npresentr: Bo\ncarried: [{id: Ikke Slug}]\n---\nTekst.\n');
    const fromSources = await ddh(repo, 'validate');
    const fromBuild = await builtDdh(repo, 'validate');
    expect(fromSources.code).toBe(1);
    expect(fromBuild).toEqual(fromSources);
  }, 60_000);

  test("uses a repository's own templates (compiled at run time) as the sources do", async () => {
    const repo = await copyExample();
    await mkdir(path.join(repo, 'templates', 'partials'), { recursive: true });
    await writeFile(path.join(repo, 'templates', 'partials', 'header.md.hbs'), '# Egen overskrift {{dateLong date}}\n\n');
    await ddh(repo, 'render', 'agenda', '--format', 'md', '--out', 'from-sources');
    await builtDdh(repo, 'render', 'agenda', '--format', 'md', '--out', 'from-build');
    const expected = await files(path.join(repo, 'from-sources'));
    expect(Object.values(expected)[0]?.toString()).toContain('# Egen overskrift');
    expect(await files(path.join(repo, 'from-build'))).toEqual(expected);
  }, 60_000);

  test('loads neither ajv nor the Handlebars compiler, nor any file beside the bundle, for the built-in schemas and templates, nor the PDF writer without a PDF', async () => {
    const repo = await copyExample();
    // Records every module the process asks Node's loader for, printed on exit.
    const hook = path.join(repo, 'record-requires.cjs');
    await writeFile(
      hook,
      "const Module = require('node:module'); const load = Module._load; const seen = new Set();\n" +
        'Module._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };\n' +
        "process.on('exit', () => process.stderr.write(`REQUIRED ${JSON.stringify([...seen])}\\n`));\n",
    );
    const requiredBy = async (args: string[]): Promise<string[]> => {
      const { stderr } = await promisify(execFile)(process.execPath, ['--require', hook, BIN, ...args], { cwd: repo });
      const required = JSON.parse(/^REQUIRED (.*)$/m.exec(stderr)?.[1] ?? 'null') as string[];
      return required.filter((request) => !request.startsWith('node:') && !builtinModules.includes(request));
    };
    // The launcher itself (bin/ddh.cjs and its loader) aside, everything else must come from the bundle or Node.
    const launcher = [BIN, './load-bundle.cjs'];
    for (const args of [['validate'], ['render', 'minutes', '--format', 'md,docx', '--out', 'out']]) {
      expect((await requiredBy(args)).filter((request) => !launcher.includes(request)), args.join(' ')).toEqual([]);
    }
    // The PDF writer is a script of its own, which the CLI's loads through the launcher's loader only to make a PDF.
    expect((await requiredBy(['render', 'minutes', '--format', 'pdf', '--out', 'out'])).filter((request) => !launcher.includes(request))).toEqual([
      '../../bin/load-bundle.cjs',
    ]);
  }, 60_000);

  test("runs both scripts with the build's code caches: made under the V8 flags the loader sets, V8 accepts them", async () => {
    const loader = path.join(PROJECT_ROOT, 'bin', 'load-bundle.cjs');
    const { stdout } = await promisify(execFile)(process.execPath, [
      '-e',
      `const { loadBundle, loadScript, PDF_BUNDLE } = require(${JSON.stringify(loader)});
       const scripts = [loadBundle().script, loadScript(PDF_BUNDLE).script];
       console.log(JSON.stringify(scripts.map((script) => script.cachedDataRejected)));`,
    ]);
    expect(JSON.parse(stdout)).toEqual([false, false]);
  });

  test('prints a file to stdout byte for byte as --out writes it, CRLF formats included', async () => {
    const repo = await copyExample();
    for (const args of [['plan', '--ics'], ['plan', '--format', 'csv'], ['plan', '--format', 'json']]) {
      const printed = await builtDdh(repo, ...args);
      expect(printed.code).toBe(0);
      expect((await builtDdh(repo, ...args, '--out', 'plan.out')).code).toBe(0);
      expect(printed.rawStdout, args.join(' ')).toBe(await readFile(path.join(repo, 'plan.out'), 'utf8'));
    }
    for (const args of [['followups', '--all', '--format', 'csv', '--as-of', '2026-05-01'], ['decisions', '--format', 'csv']]) {
      const printed = await builtDdh(repo, ...args);
      expect(printed.rawStdout).toMatch(/[^\r\n]\r\n$/);
      expect(printed.rawStdout).toBe((await ddh(repo, ...args)).rawStdout);
    }
  }, 60_000);
});
