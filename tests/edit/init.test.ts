import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createMeeting, initRepository } from '../../src/edit/index.js';
import { defaultConfig, findRepository, validateRepository } from '../../src/load/index.js';
import { makeRepo } from '../helpers/temp-repo.js';
import { errorText, snapshotTree } from './fixture.js';

describe('initRepository', () => {
  it('writes ddh.yaml, the plan and .gitignore that ddh reads back as its defaults', async () => {
    const root = await makeRepo();
    const result = await initRepository(path.join(root, 'referater'));
    expect(result).toEqual({ root: path.join(root, 'referater'), written: ['ddh.yaml', 'meetings/plan.yaml', '.gitignore'], appended: [] });
    expect(await readFile(path.join(result.root, '.gitignore'), 'utf8')).toBe('# Dannede dokumenter (ddh render)\nout/\n');

    const config = await readFile(path.join(result.root, 'ddh.yaml'), 'utf8');
    expect(config).toContain('# Organisationens fulde navn og forkortelse');
    expect(config).toContain('\n# standing_items:\n#   - title: Velkomst\n');
    expect(parse(config)).toEqual({ organisation: 'Den Digitale Hotline', short: 'DDH', kinds: defaultConfig().kinds });
    expect(parse(await readFile(path.join(result.root, 'meetings/plan.yaml'), 'utf8'))).toEqual([]);

    const repo = await findRepository(result.root);
    expect(repo.config).toEqual(defaultConfig());
    expect(repo.plan).toEqual([]);
    await createMeeting(repo, '2026-01-27');
    expect((await validateRepository(await findRepository(result.root))).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('uncommenting the documented defaults changes nothing', async () => {
    const root = await makeRepo();
    await initRepository(root);
    const file = path.join(root, 'ddh.yaml');
    // Each commented block runs from its `# key:` line to the next blank line.
    const uncommented = (await readFile(file, 'utf8')).replace(/^# (?:standing_items|files|style):\n(?:#.*\n)*/gm, (block) => block.replace(/^# /gm, ''));
    await writeFile(file, uncommented);
    expect(uncommented).toContain('\nstanding_items:\n  - title: Velkomst\n');
    expect((await findRepository(root)).config).toEqual(defaultConfig());
  });

  it('writes the names it is given', async () => {
    const root = await makeRepo();
    await initRepository(root, { organisation: 'Kommunernes Borgerservice: “Digitalt”', short: 'KBS' });
    const config = parse(await readFile(path.join(root, 'ddh.yaml'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ organisation: 'Kommunernes Borgerservice: “Digitalt”', short: 'KBS' });
  });

  it('refuses to overwrite ddh.yaml or the plan, lists each one that exists and writes nothing, not even to .gitignore', async () => {
    const root = await makeRepo({ '.gitignore': 'node_modules/\n', 'ddh.yaml': 'short: X\n', 'meetings/plan.yaml': '- date: 2026-01-27\n' });
    const before = await snapshotTree(root);
    expect(await errorText(initRepository(root))).toBe(
      `ddh  error  ddh.yaml, meetings/plan.yaml already exist in ${root}: init writes nothing over existing files\n    hint: run ddh init in a folder without them, or move those files away first`,
    );
    expect(await snapshotTree(root)).toEqual(before);
    expect((await readdir(root)).sort()).toEqual(['.gitignore', 'ddh.yaml', 'meetings']);
  });

  it('in a git repository adds out/ to its .gitignore, keeping every byte and the CRLF line ends', async () => {
    const existing = '# Editor\r\n.vscode/\r\nnode_modules/';
    const root = await makeRepo({ '.gitignore': existing, 'README.md': 'Mødearkiv\n' });
    const result = await initRepository(root);
    expect(result).toEqual({ root, written: ['ddh.yaml', 'meetings/plan.yaml'], appended: ['.gitignore'] });
    expect(await readFile(path.join(root, '.gitignore'), 'utf8')).toBe(`${existing}\r\n# Dannede dokumenter (ddh render)\r\nout/\r\n`);
    expect(await readFile(path.join(root, 'README.md'), 'utf8')).toBe('Mødearkiv\n');
    expect((await findRepository(root)).config).toEqual(defaultConfig());
  });

  it('leaves a .gitignore that already ignores out/ as it is', async () => {
    for (const line of ['out/', '/out', 'out', '  /out/**  ']) {
      const root = await makeRepo({ '.gitignore': `*.log\n${line}\n` });
      expect(await initRepository(root)).toMatchObject({ written: ['ddh.yaml', 'meetings/plan.yaml'], appended: [] });
      expect(await readFile(path.join(root, '.gitignore'), 'utf8')).toBe(`*.log\n${line}\n`);
    }
    const root = await makeRepo({ '.gitignore': 'output/\n# out/\n' });
    expect(await initRepository(root)).toMatchObject({ appended: ['.gitignore'] });
    expect(await readFile(path.join(root, '.gitignore'), 'utf8')).toBe('output/\n# out/\n# Dannede dokumenter (ddh render)\nout/\n');
  });
});
