// A 5 MB item is rendered whole (HOSTILE-INPUTS.md 25): its last paragraph reaches the DOCX. The bench times it.

import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { generateRepository, hugeItemEnd } from '../../bench/generate.mjs';
import { findRepository } from '../../src/load/index.js';
import { renderMeeting } from '../../src/render.js';
import { readDocx } from '../helpers/docx-read.js';
import { makeRepo } from '../helpers/temp-repo.js';

const BYTES = 5 * 1024 * 1024;

describe('a 5 MB item', () => {
  test('renders to a DOCX that holds all of its text', async () => {
    const root = await makeRepo();
    const [date] = await generateRepository(root, { items: 3, huge: BYTES });
    const repo = await findRepository(root);
    const { written, warnings } = await renderMeeting(repo, date, { document: 'agenda', formats: ['docx'] });
    expect(warnings).toEqual([]);
    const docx = await readDocx(await readFile(written[0]!));
    const body = docx.part('word/document.xml');
    expect(body.length).toBeGreaterThan(BYTES);
    expect(body).toContain(hugeItemEnd(BYTES));
  }, 120_000);
});
