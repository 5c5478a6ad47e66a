// The example meetings rendered to DOCX by the CLI, through the whole pipeline, and read back from word/document.xml.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findRepository, readMeeting } from '../../src/load/index.js';
import type { Meeting } from '../../src/model.js';
import { formatDateLong } from '../../src/rules/dates.js';
import { copyExample, ddh } from '../helpers/cli.js';
import { findFirst, listLabels, paragraphsOf, readDocx, tablesOf, type DocxPackage, type Para } from '../helpers/docx-read.js';

interface Rendered {
  meeting: Meeting;
  pkg: DocxPackage;
  body: Para[];
  /** The paragraphs' texts, one string per paragraph. */
  texts: string[];
  /** The text of the page header part. */
  header: string;
  /** The label Word shows in front of each body paragraph ("C."), undefined outside lists. */
  labels: (string | undefined)[];
  tables: string[][][];
}

/** The paragraphs of one item: from its "Punkt N:" heading to the next level-2 heading. */
function section(doc: Rendered, prefix: string): { paras: Para[]; labels: (string | undefined)[] } {
  const start = doc.body.findIndex((p) => p.style === 'Heading2' && p.text.startsWith(prefix));
  if (start < 0) throw new Error(`no heading starting '${prefix}'`);
  const end = doc.body.findIndex((p, i) => i > start && p.style === 'Heading2');
  const stop = end < 0 ? doc.body.length : end;
  return { paras: doc.body.slice(start, stop), labels: doc.labels.slice(start, stop) };
}

/** "Punkt A, B og C fortsætter …" → ['A', 'B', 'C']. */
function lettersOf(sentence: string | undefined): string[] {
  return sentence === undefined ? [] : [...sentence.replace(/ (fortsætter|fjernes) .*$/, '').matchAll(/\b[A-Z]+\b/g)].map((m) => m[0]);
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
        const xml = pkg.part('word/document.xml');
        rendered.set(`${document} ${meeting.date}`, { meeting, pkg, body, texts: body.map((p) => p.text), header, labels: listLabels(pkg, body), tables: tablesOf(xml) });
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

  it('letters the points open after the meeting as the approval item letters them, so no point gets two letters', () => {
    let checked = 0;
    for (const meeting of meetings) {
      const approval = meeting.items.find((item) => item.kind === 'approval');
      if (approval === undefined || approval.carried.length === 0) continue;
      const minutes = get('minutes', meeting.date);
      const { paras, labels } = section(minutes, `Punkt ${approval.number}:`);
      // The lettered list right after "Opfølgningspunkter:", as Word numbers it.
      const from = paras.findIndex((p) => p.text === 'Opfølgningspunkter:') + 1;
      const letterOf = new Map<string, string>();
      for (let i = from; i < paras.length && labels[i] !== undefined; i++) letterOf.set(paras[i]!.text.replace(/ \(ansvarlig: .*\)$/, ''), labels[i]!.replace(/\.$/, ''));
      expect(letterOf.size, meeting.date).toBe(approval.carried.length);
      const going = lettersOf(paras.map((p) => p.text).find((t) => t.endsWith('fortsætter på opfølgningslisten.')));
      const table = minutes.tables.find((t) => t[0]?.[1] === 'Opfølgningspunkt');
      expect(table, meeting.date).toBeDefined();
      const rows = table!.slice(1);
      const rowLetters = rows.map((r) => r[0]);
      expect(new Set(rowLetters).size, meeting.date).toBe(rows.length);
      // Every point the approval item says goes on is in the closing list under the same letter, with the same title.
      for (const letter of going) {
        const title = [...letterOf].find(([, l]) => l === letter)?.[0];
        expect(rows.find((r) => r[0] === letter)?.[1], `${meeting.date} ${letter}`).toBe(title);
      }
      // A point new at this meeting never takes a letter the approval item used.
      for (const row of rows.filter((r) => ![...letterOf.keys()].includes(r[1]!))) expect([...letterOf.values()], meeting.date).not.toContain(row[0]);
      checked += going.length;
    }
    expect(checked).toBeGreaterThan(0);
    // The example's second meeting: A and B are closed, C goes on, and the two new points follow it.
    expect(get('minutes', '2026-03-12').tables.find((t) => t[0]?.[1] === 'Opfølgningspunkt')?.slice(1).map((r) => r[0])).toEqual(['C', 'D', 'E']);
  });

  it("keeps every label with what it introduces (Word's keep with next), so none ends a page alone", () => {
    const labels = ['Bilag til punktet:', 'Introduktion:', 'Opfølgningspunkter:', 'Opfølgning:', 'Indstilling:', 'Referat:', 'Beslutning:', 'Nye opfølgningspunkter:', 'Der er afbud fra:', 'Deltog via Teams:'];
    const seen = new Set<string>();
    for (const doc of rendered.values()) {
      for (const para of doc.body.filter((p) => labels.includes(p.text))) {
        seen.add(para.text);
        expect(findFirst([para.node], 'w:keepNext'), `${doc.meeting.date} ${para.text}`).toBeDefined();
      }
    }
    expect([...seen].sort()).toEqual([...labels].sort());
  });
});
