// Loading meetings: normalisation, the body split, attachment paths, rules across items, and lost follow-up points.

import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DdhError, formatDiagnostic } from '../../src/diagnostics.js';
import { findRepository, loadMeeting, readMeeting, validateRepository } from '../../src/load/index.js';
import { splitBody } from '../../src/load/item.js';
import { makeRepo, writeFiles, type FileMap } from '../helpers/temp-repo.js';

const M = 'meetings/2025-01-28';
const plain = (lines: string[]) => lines.map((l) => l.split('\n')[0]);
const show = (ds: Parameters<typeof formatDiagnostic>[0][]) => ds.map((d) => formatDiagnostic({ ...d, hint: undefined }));

async function repoWith(files: FileMap) {
  const root = await makeRepo(files);
  return { root, repo: await findRepository(root) };
}

describe('loadMeeting', () => {
  test('builds the typed meeting: items in numeric order, normalised fields, people split and looked up', async () => {
    const { root, repo } = await repoWith({
      'ddh.yaml': 'tracks: {ai: SN AI}\n',
      'meetings/members.yaml': '- name: Eva Lund\n  org: Åby Kommune\n',
      [`${M}/meeting.yaml`]: 'date: 2025-01-28\ntime: "10:00-14:00"\nplace: Rådhuset\nabsent: ["Bo Holm, Solby, Vest", Eva Lund, Ukendt Person, {name: Kim Due, org: Teams}]\nstatus: approved\n',
      [`${M}/bilag/budget.pdf`]: '%PDF-1.4',
      [`${M}/10-budget.md`]: '---\ntitle: Budget\ntypes: [B, O]\nattachments: [Oversigt, {title: Budget, file: bilag/budget.pdf}]\nproposal: Godkendes.\nsubitems: [{title: Drift, types: [B, D]}]\ntrack: ai\n---\nIndledning.\n\n## Referat:\n\nGodkendt.\n',
      [`${M}/2-velkomst.md`]: '---\ntitle: Velkomst\n---\n',
    });
    const { meeting, warnings } = await readMeeting(repo, '2025-01-28');
    expect(warnings).toEqual([]);
    expect(meeting).toMatchObject({ date: '2025-01-28', dir: path.join(root, 'meetings', '2025-01-28'), relDir: M, kind: 'styregruppemøde', time: '10:00-14:00', status: 'approved' });
    expect(meeting.absent).toEqual([
      { name: 'Bo Holm, Solby', org: 'Vest' },
      { name: 'Eva Lund', org: 'Åby Kommune' },
      { name: 'Ukendt Person' },
      { name: 'Kim Due', org: 'Teams' },
    ]);
    expect(meeting.items.map((i) => [i.number, i.prefix, i.file])).toEqual([
      [1, 2, `${M}/2-velkomst.md`],
      [2, 10, `${M}/10-budget.md`],
    ]);
    expect(meeting.items[1]).toMatchObject({
      types: ['O', 'B'],
      attachments: [{ title: 'Oversigt' }, { title: 'Budget', file: 'bilag/budget.pdf', path: path.join(root, M, 'bilag', 'budget.pdf') }],
      proposal: ['Godkendes.'],
      subitems: [{ title: 'Drift', types: ['D', 'B'] }],
      track: 'ai',
      closed: false,
      kind: 'item',
      carried: [],
      introduction: 'Indledning.',
      introductionLine: 9,
      minutes: 'Godkendt.',
      minutesLine: 13,
    });
  });

  test('attachment paths that leave the repository, and missing files, are refused', async () => {
    const outside = await makeRepo({ 'hemmelig.pdf': 'x' });
    const root = await makeRepo({ [`${M}/meeting.yaml`]: 'date: 2025-01-28\n' });
    const outsideName = path.basename(outside);
    const evil = `${path.basename(root)}-evil`;
    const bad = [`../../../../${outsideName}/hemmelig.pdf`, '/etc/passwd', 'C:\\\\bilag\\\\x.pdf', '\\\\\\\\server\\\\share\\\\x.pdf', 'bilag/link.pdf', 'bilag/mangler.pdf', 'bilag\\\\x.pdf', 'a\\u0000b.pdf', 'b\\u0007.pdf', `../../../${evil}/x.pdf`];
    const attachments = bad.map((f, i) => `  - {title: B${i}, file: "${f}"}`).join('\n');
    await writeFiles(root, { [`${M}/01-bilag.md`]: `---\ntitle: Bilag\nattachments:\n${attachments}\n---\n` });
    await mkdir(path.join(root, M, 'bilag'));
    await symlink(path.join(outside, 'hemmelig.pdf'), path.join(root, M, 'bilag', 'link.pdf'));
    // A sibling whose name starts with the repository's: a string-prefix check would let it through.
    await writeFiles(path.dirname(root), { [`${evil}/x.pdf`]: 'x' });
    const { meeting, diagnostics } = await loadMeeting(await findRepository(root), '2025-01-28');
    expect(meeting).toBeUndefined();
    expect(show(diagnostics)).toEqual([
      `${M}/01-bilag.md:4:23  error  attachments[0].file ../../../../${outsideName}/hemmelig.pdf leads outside the repository (attachment 'B0')`,
      `${M}/01-bilag.md:5:23  error  attachments[1].file /etc/passwd is an absolute path (attachment 'B1')`,
      `${M}/01-bilag.md:6:23  error  attachments[2].file C:\\bilag\\x.pdf is a Windows drive path (attachment 'B2')`,
      `${M}/01-bilag.md:7:23  error  attachments[3].file \\\\server\\share\\x.pdf is a network (UNC) path (attachment 'B3')`,
      `${M}/01-bilag.md:8:23  error  attachments[4].file bilag/link.pdf is a link that leads outside the repository (attachment 'B4')`,
      `${M}/01-bilag.md:9:23  error  attachments[5].file bilag/mangler.pdf not found (attachment 'B5')`,
      `${M}/01-bilag.md:10:23  error  attachments[6].file bilag\\x.pdf contains a backslash (attachment 'B6')`,
      `${M}/01-bilag.md:11:23  error  attachments[7].file "a\\u0000b.pdf" contains a NUL character (attachment 'B7')`,
      `${M}/01-bilag.md:12:23  error  attachments[8].file "b\\u0007.pdf" contains a control character (attachment 'B8')`,
      `${M}/01-bilag.md:13:23  error  attachments[9].file ../../../${evil}/x.pdf leads outside the repository (attachment 'B9')`,
    ]);
  });

  test('a path through .. that stays inside the repository is fine', async () => {
    const { root, repo } = await repoWith({
      [`${M}/meeting.yaml`]: 'date: 2025-01-28\n',
      [`${M}/01-a.md`]: '---\ntitle: A\nattachments: [{title: Fælles, file: ../../fælles/plan.pdf}]\n---\n',
      'fælles/plan.pdf': '%PDF',
    });
    const { meeting } = await readMeeting(repo, '2025-01-28');
    expect(meeting.items[0]?.attachments[0]?.path).toBe(path.join(root, 'fælles', 'plan.pdf'));
  });

  test('rules across items: one approval item, carried only there, unique ids, declared track, item file names', async () => {
    const point = (id: string) => `  - {id: ${id}, title: T, since: 2024-12-05, status: open}`;
    const { repo } = await repoWith({
      [`${M}/meeting.yaml`]: 'date: 2025-01-28\nkind: temamøde\n',
      [`${M}/01-godkendelse.md`]: `---\ntitle: Godkendelse\nkind: approval\ncarried:\n${point('a')}\n${point('a')}\n---\n`,
      [`${M}/02-igen.md`]: '---\ntitle: Igen\nkind: approval\n---\n',
      [`${M}/03-andet.md`]: `---\ntitle: Andet\ncarried:\n${point('b')}\ntrack: ai\n---\n`,
      [`${M}/noter.md`]: 'løse noter\n',
    });
    const { diagnostics } = await loadMeeting(repo, '2025-01-28');
    expect(show(diagnostics)).toEqual([
      `${M}/01-godkendelse.md:6:10  error  carried[1].id 'a' is used twice`,
      `${M}/02-igen.md:3:7  error  kind: a second approval item: ${M}/01-godkendelse.md is already the approval item`,
      `${M}/03-andet.md:3:1  error  carried points belong on the approval item only`,
      `${M}/03-andet.md:5:8  error  track 'ai' is not declared in ddh.yaml`,
      `${M}/meeting.yaml:2:7  error  kind 'temamøde' is not a meeting kind`,
      `${M}/noter.md:1:1  error  'noter.md' is not named like an item file`,
    ]);
  });

  test('a meeting with several mistakes in several files reports all of them, sorted', async () => {
    const { repo } = await repoWith({
      [`${M}/meeting.yaml`]: 'date: 2025-01-27\nstatus: færdig\n',
      [`${M}/01-a.md`]: '---\ntitle: A\ntypes: [O, X]\npresentor: Bo\n---\n',
      [`${M}/02-b.md`]: '---\ntitle: B\ntitle: C\n---\n',
      [`${M}/03-c.md`]: 'ingen forside\n',
    });
    await expect(readMeeting(repo, '2025-01-28')).rejects.toThrow(DdhError);
    const { diagnostics } = await loadMeeting(repo, '2025-01-28');
    expect(show(diagnostics)).toEqual([
      `${M}/01-a.md:3:12  error  types[1] must be one of O, D, B`,
      `${M}/01-a.md:4:1  error  presentor is not a known key`,
      `${M}/02-b.md:3:1  error  duplicate key 'title'`,
      `${M}/03-c.md:1:1  error  missing front matter`,
      `${M}/meeting.yaml:1:7  error  date 2025-01-27 is not the folder's date 2025-01-28`,
      `${M}/meeting.yaml:2:9  error  status must be one of draft, approved`,
    ]);
  });

  test('a missing meeting.yaml, a missing folder and a folder that is no calendar day', async () => {
    const { repo } = await repoWith({ [`${M}/01-a.md`]: '---\ntitle: A\n---\n', 'meetings/2025-02-30/meeting.yaml': 'date: 2025-02-30\n' });
    expect(show((await loadMeeting(repo, '2025-01-28')).diagnostics)).toEqual([`${M}/meeting.yaml:1:1  error  meeting.yaml is missing`]);
    expect(show((await loadMeeting(repo, '2025-04-01')).diagnostics)).toEqual(['ddh  error  meeting folder meetings/2025-04-01 not found']);
    expect(plain(show((await loadMeeting(repo, '2025-02-30')).diagnostics))).toEqual([
      'meetings/2025-02-30/meeting.yaml:1:1  error  folder name 2025-02-30 is not a day in the calendar',
      'meetings/2025-02-30/meeting.yaml:1:7  error  date 2025-02-30 is not a day in the calendar',
    ]);
  });

  test('items sharing a number are ordered by code units, not by locale, with a warning naming both files', async () => {
    const { repo } = await repoWith({
      [`${M}/meeting.yaml`]: 'date: 2025-01-28\n',
      [`${M}/10-alfa.md`]: '---\ntitle: Alfa\n---\n',
      [`${M}/10-Zeta.md`]: '---\ntitle: Zeta\n---\n',
      [`${M}/5-start.md`]: '---\ntitle: Start\n---\n',
    });
    const { meeting, warnings } = await readMeeting(repo, '2025-01-28');
    expect(meeting.items.map((i) => i.title)).toEqual(['Start', 'Zeta', 'Alfa']);
    expect(show(warnings)).toEqual([`${M}/10-alfa.md:1:1  warning  '10-Zeta.md' and '10-alfa.md' have the same number 10: they are ordered by the rest of the file name`]);
    expect(warnings[0]).toMatchObject({ rule: 'item-order' });
  });

  test('invisible characters in an item are removed and reported as warnings; the meeting still loads', async () => {
    const { repo } = await repoWith({ [`${M}/meeting.yaml`]: 'date: 2025-01-28\n', [`${M}/01-a.md`]: '---\ntitle: "A\\uFFFF"\n---\nTekst\u0007 her.\n' });
    const { meeting, warnings } = await readMeeting(repo, '2025-01-28');
    expect(meeting.items[0]?.title).toBe('A');
    expect(meeting.items[0]?.introduction).toBe('Tekst her.');
    expect(show(warnings)).toEqual([
      `${M}/01-a.md:2:8  warning  title: removed invisible or invalid characters (U+FFFF)`,
      `${M}/01-a.md:4:6  warning  removed invisible or invalid characters (U+0007)`,
    ]);
  });
});

describe('splitBody', () => {
  test('splits at ## Referat outside fenced code, any case, optional colon', () => {
    const body = '\nIntro\n```\n## Referat\n```\n\n## REFERAT:\n\nTekst\n## Referat\nmere\n';
    expect(splitBody(body, 5)).toEqual({ introduction: 'Intro\n```\n## Referat\n```', introductionLine: 6, minutes: 'Tekst\n## Referat\nmere', minutesLine: 13 });
    expect(splitBody('Kun intro\n', 4)).toEqual({ introduction: 'Kun intro', introductionLine: 4, minutes: '', minutesLine: 6 });
    expect(splitBody('### Referat\nx', 4).minutes).toBe('');
  });
});

describe('validateRepository', () => {
  const approval = (carried: string) => `---\ntitle: Godkendelse af referat og opfølgning\nkind: approval\ncarried:\n${carried}---\n`;
  const base: FileMap = {
    'meetings/2024-12-05/meeting.yaml': 'date: 2024-12-05\n',
    'meetings/2024-12-05/01-godkendelse.md': approval('  - {id: gammel, title: Gammel sag, since: 2024-10-01, status: open}\n  - {id: lukket, title: Lukket sag, since: 2024-10-01, status: closed}\n'),
    'meetings/2024-12-05/02-vagtplan.md': '---\ntitle: Vagtplan\nfollowups: [{title: Ny vagtplan, owner: Bo}]\n---\n',
    'meetings/2025-01-28/meeting.yaml': 'date: 2025-01-28\n',
  };

  test('every point open after the predecessor must be carried; nothing else is demanded', async () => {
    const { repo } = await repoWith({ ...base, 'meetings/2025-01-28/01-godkendelse.md': approval('  - {id: gammel, title: Gammel sag, since: 2024-10-01, status: open}\n') });
    const result = await validateRepository(repo);
    expect(result.itemCount).toBe(3);
    expect(result.meetings.map((m) => m.date)).toEqual(['2024-12-05', '2025-01-28']);
    expect(show(result.diagnostics)).toEqual([
      // At the `carried:` key, where the point belongs.
      "meetings/2025-01-28/01-godkendelse.md:4:1  error  carried lacks follow-up point 'ny-vagtplan' (Ny vagtplan), open after 2024-12-05",
    ]);
    expect(result.diagnostics[0]?.hint).toBe('run `ddh carry 2025-01-28`');
  });

  test('all points carried: no findings; validating one meeting still checks against its predecessor', async () => {
    const carried = '  - {id: gammel, title: Gammel sag, since: 2024-10-01, status: open}\n  - {id: ny-vagtplan, title: Ny vagtplan, since: 2024-12-05, owner: Bo, status: open}\n';
    const { repo } = await repoWith({ ...base, 'meetings/2025-01-28/01-godkendelse.md': approval(carried) });
    expect((await validateRepository(repo)).diagnostics).toEqual([]);
    const one = await validateRepository(repo, ['2025-01-28']);
    expect(one.meetings.map((m) => m.date)).toEqual(['2025-01-28']);
    expect(one.diagnostics).toEqual([]);
  });

  test('a carried point the predecessor no longer hands on, kept for its text, is a warning at its id', async () => {
    const carried =
      '  - {id: gammel, title: Gammel sag, since: 2024-10-01, status: open}\n  - {id: ny-vagtplan, title: Ny vagtplan, since: 2024-12-05, owner: Bo, status: open}\n' +
      '  - id: slettet\n    title: Slettet sag\n    since: 2024-12-05\n    update: Skrevet før mødet.\n    status: open\n' +
      '  - {id: uden-tekst, title: Uden tekst, since: 2024-10-01, status: open}\n  - {id: ny, title: Tilføjet på mødet, since: 2025-01-28, note: Ny., status: open}\n';
    const { repo } = await repoWith({ ...base, 'meetings/2025-01-28/01-godkendelse.md': approval(carried) });
    const { diagnostics } = await validateRepository(repo);
    expect(show(diagnostics)).toEqual([
      "meetings/2025-01-28/01-godkendelse.md:7:9  warning  carried[2]: carried point 'slettet' (Slettet sag) is no longer handed on by 2024-12-05: it was closed, renamed or deleted there, and stays here only because text was written for it",
    ]);
    expect(diagnostics[0]).toMatchObject({ rule: 'carry-orphan', severity: 'warning' });
  });

  test('a predecessor item that cannot be read is said explicitly; the points of the rest are still checked', async () => {
    const { repo } = await repoWith({ ...base, 'meetings/2024-12-05/03-fejl.md': '---\ntitle: [x]\n---\n', 'meetings/2025-01-28/01-a.md': '---\ntitle: A\n---\n' });
    expect(show((await validateRepository(repo, ['2025-01-28'])).diagnostics)).toEqual([
      'meetings/2025-01-28/meeting.yaml:1:1  error  cannot check the follow-up points agreed in meetings/2024-12-05/03-fejl.md: it cannot be read',
      "meetings/2025-01-28/meeting.yaml:1:1  error  no approval item carries follow-up point 'gammel' (Gammel sag), open after 2024-12-05",
      "meetings/2025-01-28/meeting.yaml:1:1  error  no approval item carries follow-up point 'ny-vagtplan' (Ny vagtplan), open after 2024-12-05",
    ]);
  });

  test('a predecessor whose approval item cannot be read cannot be checked, and says so', async () => {
    const { repo } = await repoWith({
      ...base,
      'meetings/2024-12-05/01-godkendelse.md': approval('  - {id: gammel, title: Gammel sag, since: 2024-10-01, status: åben}\n'),
      'meetings/2025-01-28/01-godkendelse.md': approval(''),
    });
    expect(show((await validateRepository(repo, ['2025-01-28'])).diagnostics)).toEqual([
      'meetings/2025-01-28/01-godkendelse.md:1:1  error  cannot check the carried follow-up points: the previous meeting 2024-12-05 has items that cannot be read',
    ]);
  });

  test('a lost point is reported along with the other errors of either meeting', async () => {
    const { repo } = await repoWith({
      ...base,
      'meetings/2024-12-05/meeting.yaml': 'date: 2024-12-05\nchair: [x]\n',
      'meetings/2025-01-28/meeting.yaml': 'date: 2025-01-28\nstatus: godkendt\n',
      'meetings/2025-01-28/01-godkendelse.md': approval('  - {id: gammel, title: Gammel sag, since: 2024-10-01, status: open}\n'),
      'meetings/2025-01-28/02-fejl.md': '---\ntitle: B\ntypes: [X]\n---\n',
    });
    const result = await validateRepository(repo);
    expect(result.meetings).toEqual([]);
    // Every item file checked counts, the one with an error too.
    expect(result.itemCount).toBe(4);
    expect(show(result.diagnostics)).toEqual([
      'meetings/2024-12-05/meeting.yaml:2:8  error  chair must be text',
      "meetings/2025-01-28/01-godkendelse.md:4:1  error  carried lacks follow-up point 'ny-vagtplan' (Ny vagtplan), open after 2024-12-05",
      'meetings/2025-01-28/02-fejl.md:3:9  error  types[0] must be one of O, D, B',
      'meetings/2025-01-28/meeting.yaml:2:9  error  status must be one of draft, approved',
    ]);
  });

  test('when the approval item may be among the unreadable items, only their errors are reported', async () => {
    const { repo } = await repoWith({ ...base, 'meetings/2025-01-28/01-godkendelse.md': '---\ntitle: Godkendelse\nkind: approval\ncarried: ingen\n---\n' });
    expect(show((await validateRepository(repo, ['2025-01-28'])).diagnostics)).toEqual(['meetings/2025-01-28/01-godkendelse.md:4:10  error  carried must be a list']);
  });

  test('a meeting without an approval item loses the open points: named, with a hint', async () => {
    const { repo } = await repoWith({ ...base, 'meetings/2025-01-28/01-a.md': '---\ntitle: A\n---\n' });
    expect(plain(show((await validateRepository(repo)).diagnostics))).toEqual([
      "meetings/2025-01-28/meeting.yaml:1:1  error  no approval item carries follow-up point 'gammel' (Gammel sag), open after 2024-12-05",
      "meetings/2025-01-28/meeting.yaml:1:1  error  no approval item carries follow-up point 'ny-vagtplan' (Ny vagtplan), open after 2024-12-05",
    ]);
  });
});

describe('kinds and tracks are looked up as own keys', () => {
  test.each([
    ['kind', `${M}/meeting.yaml`, 'date: 2025-01-28\nkind: constructor\n', '10-a.md', '---\ntitle: A\n---\n'],
    ['track', `${M}/10-a.md`, 'date: 2025-01-28\n', '10-a.md', '---\ntitle: A\ntrack: toString\n---\n'],
  ])('a %s named like an Object.prototype member is unknown', async (field, file, meetingYaml, item, itemText) => {
    const { repo } = await repoWith({ [`${M}/meeting.yaml`]: meetingYaml, [`${M}/${item}`]: itemText });
    const { meeting, diagnostics } = await loadMeeting(repo, '2025-01-28');
    expect(meeting).toBeUndefined();
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.field])).toEqual([[file, field]]);
  });
});
