// Long runs of blanks in any text (HOSTILE-INPUTS 25): every stage stays linear, so the render finishes.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ddh } from '../helpers/cli.js';
import { makeRepo } from '../helpers/temp-repo.js';

const RUN = ' '.repeat(300_000);

describe('long blank runs', () => {
  it('validate and render a meeting whose texts hold 300,000 blanks in a row', async () => {
    const root = await makeRepo({
      'meetings/2026-02-03/meeting.yaml': `date: 2026-02-03\ntime: "10:00${RUN}-14:00"\n`,
      'meetings/2026-02-03/10-tomrum.md': [
        '---',
        `title: "Tomrum${RUN}slut"`,
        `proposal: "Indstilling${RUN}x"`,
        '---',
        `Start${RUN}midt${RUN}`,
        `6.${RUN}marts`,
        `## Referat${RUN}x`,
        `<div>${RUN}`,
        '',
        `## Referat${RUN}`,
        '',
        `Referat${RUN}slut`,
        '',
      ].join('\n'),
    });
    expect((await ddh(root, 'validate')).code).toBe(0);
    const r = await ddh(root, 'render', 'minutes', '--format', 'md,docx', '--out', 'out');
    expect(r.stderr).toBe('');
    const md = await readFile(path.join(root, 'out', 'DDH-referat_03.02.2026.md'), 'utf8');
    expect(md).toContain('Punkt 1: Tomrum');
    expect(md).toMatch(/Referat {2,}slut/);
  });
});
