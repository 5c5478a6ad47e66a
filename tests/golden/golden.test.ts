// Golden files of the Markdown stage: every example meeting under meetings/ rendered as agenda and minutes.
//
// The expected output is tests/golden/<meeting date>.agenda.md and .minutes.md. After an intended change
// to the templates or the examples, rewrite them with
//
//   UPDATE_GOLDEN=1 npx vitest run tests/golden
//
// and read the diff before committing it: a golden file is only as good as the review of its changes.

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { findRepository, readMeeting } from '../../src/load/index.js';
import { parseMarkdown } from '../../src/markdown/index.js';
import { renderMarkdown, type DocumentKind } from '../../src/templates/index.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROJECT = path.resolve(HERE, '..', '..');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const repo = await findRepository(PROJECT);
const DOCUMENTS: DocumentKind[] = ['agenda', 'minutes'];

describe('golden Markdown of the example meetings', () => {
  test('there are example meetings to compare', () => {
    expect(repo.meetingDates.length).toBeGreaterThan(0);
  });

  for (const date of repo.meetingDates) {
    for (const document of DOCUMENTS) {
      test(`${date} ${document}`, async () => {
        const { meeting } = await readMeeting(repo, date);
        const markdown = await renderMarkdown(repo, meeting, { document });
        const golden = path.join(HERE, `${date}.${document}.md`);
        if (UPDATE) await writeFile(golden, markdown);
        expect(existsSync(golden), `missing ${path.relative(PROJECT, golden)}: run UPDATE_GOLDEN=1 npx vitest run tests/golden`).toBe(true);
        expect(markdown).toBe(await readFile(golden, 'utf8'));

        const doc = parseMarkdown(markdown);
        const itemHeadings = doc.blocks.filter(
          (b) => b.type === 'heading' && b.level === 2 && b.children[0]?.type === 'text' && b.children[0].text.startsWith('Punkt '),
        );
        expect(itemHeadings).toHaveLength(meeting.items.length);
        expect(doc.meta.date).toBe(date);
      });
    }
  }
});
