// The example meetings rendered to DOCX by the CLI, through the whole pipeline, and read back from word/document.xml.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findRepository, readMeeting } from '../../src/load/index.js';
import type { Meeting } from '../../src/model.js';
import { formatDateLong } from '../../src/rules/dates.js';
import { copyExample, ddh } from '../helpers/cli.js';
import { paragraphsOf, readDocx, type DocxPackage, type Para } from '../helpers/docx-read.js';

interface Rendered {
  meeting: Meeting;
  pkg: DocxPackage;
  body: Para[];
  /** The paragraphs' texts, one string per paragraph. */
  texts: string[];
  /** The text of the page header part. */
  header: string;
}

const documents = ['agenda', 'minutes'] as const;
type DocumentName = (typeof documents)[number];

describe('the example meetings as DOCX', () => {
  const rendered = new Map<string, Rendered>();
  let meetings: Meeting[];
  const get = (document: DocumentName, date: string): Rendered => {
    const found = rendered.get(`${document} ${date}`);
    if (found === undefined) throw new Error(`no ${document} rendered for ${date}`);
    return found;
  };

  beforeAll(async () => {
    const root = await copyExample();
    const repo = await findRepository(root);
    meetings = await Promise.all(repo.meetingDates.map(async (date) => (await readMeeting(repo, date)).meeting));
    for (const document of documents) {
      const r = await ddh(root, 'render', document, '--all', '--format', 'docx', '--out', `out/${document}`);
      expect(r.code, r.stderr).toBe(0);
      for (const meeting of meetings) {
        const dir = path.join(root, 'out', document, meeting.date);
        const [name, ...more] = await readdir(dir);
        expect(more, dir).toEqual([]);
        const pkg = await readDocx(new Uint8Array(await readFile(path.join(dir, name!))));
        const body = paragraphsOf(pkg.part('word/document.xml'));
        const headerName = pkg.names.find((n) => /^word\/header\d+\.xml$/.test(n)) ?? 'word/header1.xml';
        const header = paragraphsOf(pkg.part(headerName)).map((p) => p.text).join('\n');
        rendered.set(`${document} ${meeting.date}`, { meeting, pkg, body, texts: body.map((p) => p.text), header });
      }
    }
  }, 120_000);

  it("prints the agenda's issue date at the top of the agenda and nowhere in the minutes", () => {
    const issued = meetings.filter((m) => m.issued !== undefined);
    expect(issued.length).toBeGreaterThan(0);
    for (const meeting of issued) {
      const date = formatDateLong(meeting.issued!);
      expect(get('agenda', meeting.date).texts[0], meeting.date).toBe(date);
      expect(get('minutes', meeting.date).texts.join('\n'), meeting.date).not.toContain(date);
    }
  });

  it('marks draft minutes once in the body and in the page header, and nothing else', () => {
    const count = (text: string) => text.split('UDKAST').length - 1;
    const drafts = meetings.filter((m) => m.status !== 'approved');
    expect(drafts.length).toBeGreaterThan(0);
    for (const meeting of meetings) {
      const minutes = get('minutes', meeting.date);
      const draft = meeting.status !== 'approved';
      expect(count(minutes.texts.join('\n')), meeting.date).toBe(draft ? 1 : 0);
      expect(count(minutes.header), meeting.date).toBe(draft ? 1 : 0);
      const agenda = get('agenda', meeting.date);
      expect(count(agenda.texts.join('\n')) + count(agenda.header), meeting.date).toBe(0);
    }
  });
});
