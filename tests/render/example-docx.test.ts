// The example meetings rendered to DOCX by the CLI, through the whole pipeline, and read back from word/document.xml.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findRepository, readMeeting } from '../../src/load/index.js';
import type { Meeting, Person, Repository } from '../../src/model.js';
import { typeCodes } from '../../src/rules/numbering.js';
import { formatDateLong, formatDateShort } from '../../src/rules/dates.js';
import { copyExample, ddh } from '../helpers/cli.js';
import { attr, findAll, findFirst, listLabels, paragraphsOf, readDocx, relationshipsOf, tablesOf, type DocxPackage, type Para } from '../helpers/docx-read.js';

const documents = ['agenda', 'minutes'] as const;
type DocumentName = (typeof documents)[number];

interface Rendered {
  document: DocumentName;
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

const withCodes = (title: string, types: Meeting['items'][number]['types']) => `${title}${types.length > 0 ? ` ${typeCodes(types)}` : ''}`;
const personText = (p: Person) => (p.org === undefined || p.org === '' ? p.name : `${p.name}, ${p.org}`);
/** A line of Markdown source that prints as written: no emphasis, links or escapes to change it. */
const plainLine = (markdown: string) => markdown.trim().split('\n')[0]?.trim() ?? '';
const isPlain = (line: string) => line.length > 20 && !/[*_`[\]\\<>#|]/.test(line) && !/^\d+\./.test(line) && !/^[-+]/.test(line);

/** "Punkt A, B og C fortsætter …" → ['A', 'B', 'C']. */
function lettersOf(sentence: string | undefined): string[] {
  return sentence === undefined ? [] : [...sentence.replace(/ (fortsætter|fjernes) .*$/, '').matchAll(/\b[A-Z]+\b/g)].map((m) => m[0]);
}


describe('the example meetings as DOCX', () => {
  const rendered = new Map<string, Rendered>();
  let meetings: Meeting[];
  let repo: Repository;
  const all = (): Rendered[] => [...rendered.values()];
  const get = (document: DocumentName, date: string): Rendered => {
    const found = rendered.get(`${document} ${date}`);
    if (found === undefined) throw new Error(`no ${document} rendered for ${date}`);
    return found;
  };

  beforeAll(async () => {
    const root = await copyExample();
    repo = await findRepository(root);
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
        rendered.set(`${document} ${meeting.date}`, { document, meeting, pkg, body, texts: body.map((p) => p.text), header, labels: listLabels(pkg, body), tables: tablesOf(xml) });
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
    const labels = ['Oplæg til dagsordenens punkter:', 'Bilag til punktet:', 'Introduktion:', 'Opfølgningspunkter:', 'Opfølgning:', 'Indstilling:', 'Referat:', 'Beslutning:', 'Nye opfølgningspunkter:', 'Der er afbud fra:', 'Deltog via Teams:'];
    const seen = new Set<string>();
    for (const doc of rendered.values()) {
      for (const para of doc.body.filter((p) => labels.includes(p.text))) {
        seen.add(para.text);
        expect(findFirst([para.node], 'w:keepNext'), `${doc.meeting.date} ${para.text}`).toBeDefined();
      }
    }
    expect([...seen].sort()).toEqual([...labels].sort());
  });

  it('styles the title as Heading 1 and the overview, every item and the next meetings as Heading 2', () => {
    for (const doc of all()) {
      const headings = doc.body.filter((p) => p.style?.startsWith('Heading'));
      const label = doc.document === 'agenda' ? 'Dagsorden' : 'Referat';
      expect(headings[0], doc.meeting.date).toMatchObject({ style: 'Heading1', text: `${label} DDH Styregruppemøde` });
      expect(headings.slice(1).map((h) => [h.style, h.text.replace(/: .*/, ':')])).toEqual(
        [
          'Dagsorden',
          ...doc.meeting.items.map((i) => `Punkt ${i.number}:`),
          ...(doc.document === 'minutes' ? ['Opfølgningspunkter efter mødet'] : []),
          'Næste styregruppemøder og repræsentantskabsmøder',
        ].map((text) => ['Heading2', text]),
      );
    }
  });

  it('numbers the items in order with their type codes, in the overview (sub-items a, b) and in the item headings', () => {
    let subitems = 0;
    for (const doc of all()) {
      const from = doc.texts.indexOf('Dagsorden') + 1;
      const to = doc.texts.indexOf('(O)=orientering, (D)=drøftelse, (B)=beslutning');
      expect(to, doc.meeting.date).toBeGreaterThan(from);
      const overview = doc.body.slice(from, to).map((p, i) => `${doc.labels[from + i] ?? ''} ${p.text}`);
      const expected = doc.meeting.items.flatMap((item) => [
        `${item.number}. ${withCodes(item.title, item.types)}`,
        ...item.subitems.map((sub, i) => `${String.fromCharCode(97 + i)}. ${withCodes(sub.title, sub.types)}`),
      ]);
      expect(overview, doc.meeting.date).toEqual(expected);
      subitems += doc.meeting.items.reduce((n, item) => n + item.subitems.length, 0);
      const headings = doc.body.filter((p) => p.style === 'Heading2' && p.text.startsWith('Punkt ')).map((p) => p.text);
      expect(headings).toEqual(doc.meeting.items.map((item, i) => `Punkt ${i + 1}: ${withCodes(item.title, item.types)}`));
    }
    expect(subitems).toBeGreaterThan(0);
  });

  it('prints the first page as the seeds do: Mødedato, Mødetid, Mødested, the legend; then the separator and the attachments link', () => {
    for (const doc of all()) {
      const { meeting } = doc;
      expect(doc.texts).toContain(`Mødedato: ${formatDateShort(meeting.date)}`);
      expect(doc.texts.some((t) => /^Mødetid: Kl\. \d/.test(t)), meeting.date).toBe(true);
      expect(doc.texts).toContain(`Mødested: ${meeting.place}`);
      expect(doc.texts).toContain('(O)=orientering, (D)=drøftelse, (B)=beslutning');
      // The items' sections begin on a new page under the seeds' separator and the attachments link.
      const separator = doc.texts.indexOf('Oplæg til dagsordenens punkter:');
      expect(separator, meeting.date).toBeGreaterThan(doc.texts.indexOf('(O)=orientering, (D)=drøftelse, (B)=beslutning'));
      expect(findFirst([doc.body[separator]!.node], 'w:pageBreakBefore'), meeting.date).toBeDefined();
      expect(doc.texts[separator + 1]).toBe(`OBS! Find bilag til punkterne her: ${meeting.attachmentsUrl}`);
      expect(doc.texts[separator + 2]).toMatch(/^Punkt 1: /);
    }
  });

  it('gives each item its blocks: "V/", "Bilag til punktet:", "Introduktion:", and the lettered "Opfølgningspunkter" with their "Opfølgning"', () => {
    const seen = new Set<string>();
    for (const doc of all()) {
      for (const item of doc.meeting.items) {
        const { paras, labels } = section(doc, `Punkt ${item.number}:`);
        const texts = paras.map((p) => p.text);
        if (item.presenter !== undefined) expect(texts, item.file).toContain(`V/ ${item.presenter}`);
        if (item.attachments.length > 0) {
          const at = texts.indexOf('Bilag til punktet:');
          expect(texts.slice(at + 1, at + 1 + item.attachments.length), item.file).toEqual(item.attachments.map((a) => a.title));
          seen.add('Bilag til punktet:');
        }
        if (item.introduction.trim() !== '') {
          expect(texts, item.file).toContain('Introduktion:');
          seen.add('Introduktion:');
        }
        if (item.carried.length > 0) {
          const at = texts.indexOf('Opfølgningspunkter:') + 1;
          expect(labels.slice(at, at + item.carried.length), item.file).toEqual(item.carried.map((_, i) => `${String.fromCharCode(65 + i)}.`));
          seen.add('Opfølgningspunkter:');
          const updated = item.carried.filter((p) => (p.update ?? '').trim() !== '');
          if (updated.length > 0) {
            expect(texts, item.file).toContain('Opfølgning:');
            seen.add('Opfølgning:');
          }
        }
      }
    }
    expect([...seen].sort()).toEqual(['Bilag til punktet:', 'Introduktion:', 'Opfølgning:', 'Opfølgningspunkter:']);
  });

  it('puts "Referat:", the minutes text and the attendance in the minutes, and none of it in the agenda', () => {
    let sentences = 0;
    for (const meeting of meetings) {
      const agenda = get('agenda', meeting.date);
      const minutes = get('minutes', meeting.date);
      const agendaText = agenda.texts.join('\n');
      for (const absent of ['Referat:', 'Beslutning:', 'Der er afbud fra:', 'Deltog via Teams:', 'Opfølgningspunkter efter mødet', 'fortsætter på opfølgningslisten']) {
        expect(agendaText, `${meeting.date} ${absent}`).not.toContain(absent);
      }
      for (const item of meeting.items.filter((i) => i.minutes.trim() !== '')) {
        expect(section(minutes, `Punkt ${item.number}:`).paras.map((p) => p.text), item.file).toContain('Referat:');
        const sentence = plainLine(item.minutes);
        if (!isPlain(sentence)) continue;
        expect(minutes.texts.join('\n'), item.file).toContain(sentence);
        expect(agendaText, item.file).not.toContain(sentence);
        sentences += 1;
      }
      for (const [label, people] of [['Der er afbud fra:', meeting.absent], ['Deltog via Teams:', meeting.remote]] as const) {
        if (people.length === 0) continue;
        const at = minutes.texts.indexOf(label);
        expect(at, `${meeting.date} ${label}`).toBeGreaterThanOrEqual(0);
        expect(minutes.texts.slice(at + 1, at + 1 + people.length)).toEqual(people.map(personText));
      }
    }
    expect(sentences).toBeGreaterThan(0);
    expect(meetings.some((m) => m.remote.length > 0) && meetings.some((m) => m.absent.length > 0)).toBe(true);
  });

  it('ends with the table of the next meetings from the plan, the dates after the meeting', () => {
    for (const doc of all()) {
      const table = doc.tables.at(-1);
      expect(table?.[0]).toEqual(['Dato', 'Møde', 'Sted/Vært', 'Tid']);
      const later = repo.plan.filter((entry) => entry.date > doc.meeting.date).map((entry) => entry.date).sort();
      expect(later.length).toBeGreaterThan(0);
      expect(table?.slice(1).map((row) => row[0])).toEqual(later.map(formatDateShort));
      // The heading, then the table, then nothing.
      const at = doc.texts.lastIndexOf('Næste styregruppemøder og repræsentantskabsmøder');
      expect(doc.body[at]?.style).toBe('Heading2');
      expect(doc.texts.slice(at + 1)).toEqual(table?.flat());
    }
  });

  it('makes the attachments link and URL attachments w:hyperlink elements that open the address', () => {
    let urls = 0;
    for (const doc of all()) {
      const rels = relationshipsOf(doc.pkg.part('word/_rels/document.xml.rels'));
      const targets = findAll([...doc.body.map((p) => p.node)], 'w:hyperlink').map((link) => {
        const rel = rels.find((r) => r.id === attr(link, 'r:id'));
        expect(rel?.targetMode).toBe('External');
        return rel?.target;
      });
      const expected = [doc.meeting.attachmentsUrl, ...doc.meeting.items.flatMap((i) => i.attachments.flatMap((a) => (a.url === undefined ? [] : [a.url])))];
      for (const url of expected) expect(targets, doc.meeting.date).toContain(url);
      urls += expected.length;
    }
    expect(urls).toBeGreaterThan(all().length);
  });
});
