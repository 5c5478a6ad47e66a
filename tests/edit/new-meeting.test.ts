import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { lintRepository } from '../../src/lint/index.js';
import { createMeeting } from '../../src/edit/index.js';
import { defaultConfig, findRepository, readMeeting, validateRepository } from '../../src/load/index.js';
import { carriedPoints } from '../../src/rules/carry-forward.js';
import { makeRepo, writeFiles } from '../helpers/temp-repo.js';
import { CARRIED_DATABEHANDLER, CARRIED_VENTETID, CONFIG, PLAN, errorText, repoWithFirstMeeting, snapshotTree } from './fixture.js';

async function newMeeting(root: string, date: string, options?: { kind?: string }) {
  return createMeeting(await findRepository(root), date, options);
}

describe('createMeeting', () => {
  it('starts the first meeting from the standing items and the plan, with nothing to carry', async () => {
    const root = await makeRepo({ 'ddh.yaml': CONFIG, 'meetings/plan.yaml': PLAN });
    const created = await newMeeting(root, '2026-01-27');
    expect(created.dir).toBe(path.join(root, 'meetings', '2026-01-27'));
    expect(created.written).toEqual([
      'meeting.yaml',
      '10-velkomst.md',
      '20-godkendelse-af-dagsorden.md',
      '30-godkendelse-af-referat-og-opfoelgning.md',
      '40-eventuelt.md',
    ]);
    expect(created.notes.map(formatDiagnostic)).toEqual(['meetings/2026-01-27/meeting.yaml:1:1  note  first meeting: no follow-up points to carry']);
    expect((await readdir(created.dir)).sort()).toEqual([...created.written].sort());

    const repo = await findRepository(root);
    const { meeting } = await readMeeting(repo, '2026-01-27');
    expect(meeting).toMatchObject({ date: '2026-01-27', kind: 'styregruppemøde', time: '10:00-14:00', place: 'Teams', status: 'draft' });
    expect(meeting.host).toBeUndefined();
    expect(meeting.items.map((i) => [i.number, i.title, i.kind])).toEqual([
      [1, 'Velkomst', 'item'],
      [2, 'Godkendelse af dagsorden', 'item'],
      [3, 'Godkendelse af referat og opfølgning', 'approval'],
      [4, 'Eventuelt', 'item'],
    ]);
    expect(carriedPoints(meeting)).toEqual([]);
    expect((await validateRepository(repo)).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('carries the points left open by the previous meeting: closed ones stay behind, new ones arrive', async () => {
    const root = await makeRepo(repoWithFirstMeeting());
    const created = await newMeeting(root, '2026-03-12');
    expect(created.notes).toEqual([]);

    const repo = await findRepository(root);
    const { meeting } = await readMeeting(repo, '2026-03-12');
    expect(meeting).toMatchObject({ kind: 'styregruppemøde', time: '09:30-15:00', place: 'Silkeborg Rådhus', host: 'Silkeborg Kommune', status: 'draft' });
    expect(carriedPoints(meeting)).toEqual([
      { id: 'databehandleraftaler', title: 'Databehandleraftaler for chatbotten', since: '2025-12-04', owner: 'Sekretariatet', status: 'open' },
      { id: 'opgoerelse-af-ventetid', title: 'Opgørelse af ventetid', since: '2026-01-27', owner: 'Camilla Friis', due: '2026-03-12', status: 'open' },
    ]);
    expect(await readFile(path.join(created.dir, '30-godkendelse-af-referat-og-opfoelgning.md'), 'utf8')).toBe(`---
title: Godkendelse af referat og opfølgning
types: [B]
proposal: Det indstilles, at referatet fra sidste møde godkendes, og at opfølgningslisten tages til efterretning.
kind: approval
carried:
${CARRIED_DATABEHANDLER}    status: open
${CARRIED_VENTETID}    status: open
---

## Referat

`);
    expect((await validateRepository(repo)).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('without ddh.yaml starts from built-in standing items that lint has nothing to say about: every B item has a proposal', async () => {
    const root = await makeRepo({ 'meetings/plan.yaml': PLAN });
    await newMeeting(root, '2026-01-27');
    const repo = await findRepository(root);
    const { meeting } = await readMeeting(repo, '2026-01-27');
    expect(meeting.items.map((i) => i.title)).toEqual(defaultConfig().standingItems.map((s) => s.title));
    for (const item of meeting.items.filter((i) => i.types.includes('B'))) expect(item.proposal, item.title).not.toEqual([]);
    expect(lintRepository(repo, [meeting]).map(formatDiagnostic)).toEqual([]);
  });

  it('takes the kind from the plan, and --kind over it', async () => {
    const root = await makeRepo(repoWithFirstMeeting());
    await newMeeting(root, '2026-05-21');
    const repo = await findRepository(root);
    expect((await readMeeting(repo, '2026-05-21')).meeting).toMatchObject({ kind: 'repræsentantskabsmøde', place: 'Vejle Rådhus', time: '13:00-16:00' });
    await newMeeting(root, '2026-03-12', { kind: 'repræsentantskabsmøde' });
    expect((await readMeeting(await findRepository(root), '2026-03-12')).meeting.kind).toBe('repræsentantskabsmøde');
  });

  it('refuses an unknown --kind and creates nothing', async () => {
    const root = await makeRepo(repoWithFirstMeeting());
    expect(await errorText(newMeeting(root, '2026-03-12', { kind: 'bestyrelsesmøde' }))).toBe(
      "ddh  error  --kind 'bestyrelsesmøde' is not a meeting kind\n    hint: use one of styregruppemøde, repræsentantskabsmøde, or add it under kinds in ddh.yaml",
    );
    expect(await readdir(path.join(root, 'meetings'))).toEqual(['2026-01-27', 'plan.yaml']);
  });

  it('notes a date the plan does not know and leaves time, place and host as hints', async () => {
    const root = await makeRepo(repoWithFirstMeeting());
    const created = await newMeeting(root, '2026-02-10');
    expect(created.notes.map(formatDiagnostic)).toEqual([
      'meetings/plan.yaml:1:1  warning  2026-02-10 is not in the meeting plan: time, place and host are left for you to fill in\n    hint: add the date to meetings/plan.yaml, or write them in meetings/2026-02-10/meeting.yaml',
    ]);
    const text = await readFile(path.join(created.dir, 'meeting.yaml'), 'utf8');
    expect(text).toContain('\n# time: "10:00-14:00"');
    expect((await readMeeting(await findRepository(root), '2026-02-10')).meeting.time).toBeUndefined();
  });

  it('notes that a later meeting now carries from the new one', async () => {
    const root = await makeRepo(repoWithFirstMeeting());
    await newMeeting(root, '2026-05-21');
    const created = await newMeeting(root, '2026-03-12');
    expect(created.notes.map(formatDiagnostic)).toEqual([
      'meetings/2026-05-21/meeting.yaml:1:1  warning  2026-05-21 now carries its follow-up points from 2026-03-12\n    hint: check it with: ddh carry 2026-05-21',
    ]);
    const repo = await findRepository(root);
    expect((await validateRepository(repo)).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('HOSTILE 21: dates that must not become a meeting folder', () => {
  it('refuses 2024-02-30 and creates nothing', async () => {
    const root = await makeRepo(repoWithFirstMeeting());
    const before = await snapshotTree(root);
    expect(await errorText(newMeeting(root, '2024-02-30'))).toBe(
      'ddh  error  2024-02-30 is not a date in the calendar\n    hint: check the day and the month: ddh never rolls a date over into the next month',
    );
    expect(await snapshotTree(root)).toEqual(before);
    expect(await readdir(path.join(root, 'meetings'))).toEqual(['2026-01-27', 'plan.yaml']);
  });

  it('refuses ../x and other non-dates before building any path', async () => {
    const root = await makeRepo(repoWithFirstMeeting());
    const outside = await makeRepo();
    await mkdir(path.join(outside, 'repo'));
    const before = await snapshotTree(root);
    expect(await errorText(newMeeting(root, '../x'))).toBe("ddh  error  '../x' is not a meeting date\n    hint: write the date as YYYY-MM-DD, e.g. 2026-04-28");
    for (const bad of ['2024-5-1', '2026-03-12/../../x', '20260312', ' 2026-03-12', '2026-03-12\n']) {
      expect(await errorText(newMeeting(root, bad))).toContain('is not a meeting date');
    }
    expect(await snapshotTree(root)).toEqual(before);
    expect(await readdir(root)).toEqual(['ddh.yaml', 'meetings']);
  });

  it('refuses a date whose folder exists and leaves it byte for byte as it was', async () => {
    const root = await makeRepo(repoWithFirstMeeting());
    await newMeeting(root, '2026-03-12');
    const dir = path.join(root, 'meetings', '2026-03-12');
    await writeFile(path.join(dir, '25-eget-punkt.md'), '---\ntitle: Eget punkt\n---\n\nSkrevet i hånden – må ikke røres.\n');
    const before = await snapshotTree(root);
    expect(await errorText(newMeeting(root, '2026-03-12'))).toBe(
      'ddh  error  meetings/2026-03-12 already exists: new-meeting never changes an existing meeting\n    hint: edit its files, or pick another date; to refresh its follow-up points run: ddh carry 2026-03-12',
    );
    expect(await snapshotTree(root)).toEqual(before);
    expect(await readdir(path.join(root, 'meetings'))).toEqual(['2026-01-27', '2026-03-12', 'plan.yaml']);
  });

  it('refuses an empty folder or a file of that name too', async () => {
    const root = await makeRepo({ ...repoWithFirstMeeting(), 'meetings/2026-03-12/.keep': '' });
    await expect(newMeeting(root, '2026-03-12')).rejects.toThrow('already exists');
    await rm(path.join(root, 'meetings', '2026-03-12'), { recursive: true });
    await writeFiles(root, { 'meetings/2026-03-12': 'en fil' });
    await expect(newMeeting(root, '2026-03-12')).rejects.toThrow('already exists');
    expect(await readFile(path.join(root, 'meetings', '2026-03-12'), 'utf8')).toBe('en fil');
    expect((await readdir(path.join(root, 'meetings'))).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('HOSTILE 22: the previous meeting missing, invalid or not yet minuted', () => {
  it('refuses to carry from a previous meeting with errors, naming them, and creates nothing', async () => {
    const files = repoWithFirstMeeting();
    files['meetings/2026-01-27/30-kpi.md'] = '---\ntitle: KPI\ntypes: [X]\n---\n';
    const root = await makeRepo(files);
    const before = await snapshotTree(root);
    const message = await errorText(newMeeting(root, '2026-03-12'));
    expect(message.split('\n').slice(0, 2)).toEqual([
      'ddh  error  the previous meeting 2026-01-27 has errors, so its open follow-up points cannot be carried into 2026-03-12',
      '    hint: fix the problems below (ddh validate 2026-01-27), then run: ddh new-meeting 2026-03-12',
    ]);
    expect(message).toMatch(/^meetings\/2026-01-27\/30-kpi\.md:3:\d+ {2}error {2}types\[0\]/m);
    expect(await snapshotTree(root)).toEqual(before);
    expect(await readdir(path.join(root, 'meetings'))).toEqual(['2026-01-27', 'plan.yaml']);
  });

  it('refuses when the previous meeting folder has no meeting.yaml', async () => {
    const files = repoWithFirstMeeting();
    delete files['meetings/2026-01-27/meeting.yaml'];
    const root = await makeRepo(files);
    const message = await errorText(newMeeting(root, '2026-03-12'));
    expect(message).toContain('the previous meeting 2026-01-27 has errors');
    expect(message).toContain('meetings/2026-01-27/meeting.yaml:1:1  error  meeting.yaml is missing');
    expect(await readdir(path.join(root, 'meetings'))).toEqual(['2026-01-27', 'plan.yaml']);
  });

  it('carries from a draft previous meeting with a note that `ddh carry` refreshes later', async () => {
    const root = await makeRepo(repoWithFirstMeeting('draft'));
    const created = await newMeeting(root, '2026-03-12');
    expect(created.notes.map(formatDiagnostic)).toEqual([
      'meetings/2026-01-27/meeting.yaml:1:1  warning  the previous meeting 2026-01-27 is still a draft: its follow-up points were carried as they stand now\n    hint: when its minutes are written, run: ddh carry 2026-03-12',
    ]);
    const { meeting } = await readMeeting(await findRepository(root), '2026-03-12');
    expect(carriedPoints(meeting).map((p) => p.id)).toEqual(['databehandleraftaler', 'opgoerelse-af-ventetid']);
  });

  it('with no previous meeting at all, says it is the first', async () => {
    const root = await makeRepo(repoWithFirstMeeting());
    const created = await newMeeting(root, '2025-11-04');
    expect(created.notes.filter((n) => n.rule !== 'plan').map(formatDiagnostic)).toEqual([
      'meetings/2025-11-04/meeting.yaml:1:1  note  first meeting: no follow-up points to carry',
      'meetings/2026-01-27/meeting.yaml:1:1  warning  2026-01-27 now carries its follow-up points from 2025-11-04\n    hint: check it with: ddh carry 2026-01-27',
    ]);
  });

  it('refuses when open points have no approval item to go to', async () => {
    const files = repoWithFirstMeeting();
    files['ddh.yaml'] = `${CONFIG}standing_items:\n  - title: Velkomst\n  - title: Eventuelt\n`;
    const root = await makeRepo(files);
    expect(await errorText(newMeeting(root, '2026-03-12'))).toBe(
      'ddh.yaml:1:1  error  standing_items has no approval item, so the 2 open follow-up points of 2026-01-27 would be lost\n    hint: give the item "Godkendelse af referat og opfølgning" the line `kind: approval`',
    );
    expect(await readdir(path.join(root, 'meetings'))).toEqual(['2026-01-27', 'plan.yaml']);
  });
});
