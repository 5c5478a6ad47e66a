// Finding a repository, its settings with defaults, and resolving meeting references.

import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DdhError, formatDiagnostic } from '../../src/diagnostics.js';
import { defaultConfig, findRepository, resolveMeetingRef, validateRepository } from '../../src/load/index.js';
import { problemsOf, readablePart } from '../../src/load/repository.js';
import { makeRepo } from '../helpers/temp-repo.js';

async function rejection(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DdhError) return e.diagnostics.map((d) => formatDiagnostic(d));
    throw e;
  }
  throw new Error('did not reject');
}

describe('findRepository', () => {
  test('walks up to the folder with meetings/ and uses the built-in defaults without ddh.yaml', async () => {
    const root = await makeRepo({ 'meetings/2025-01-28/meeting.yaml': 'date: 2025-01-28\n', 'meetings/2024-12-05/meeting.yaml': 'date: 2024-12-05\n' });
    const repo = await findRepository(path.join(root, 'meetings', '2025-01-28'));
    expect(repo.root).toBe(root);
    expect(repo.configFile).toBeUndefined();
    expect(repo.config).toEqual(defaultConfig());
    expect(repo.config.standingItems.map((s) => s.title)).toEqual(['Velkomst', 'Godkendelse af dagsorden', 'Godkendelse af referat og opfølgning', 'Eventuelt']);
    expect(repo.meetingDates).toEqual(['2024-12-05', '2025-01-28']);
    expect(repo.plan).toEqual([]);
    expect(repo.members).toEqual([]);
  });

  test('reads ddh.yaml over the defaults, resolves the logo, reads plan and members', async () => {
    const root = await makeRepo({
      'ddh.yaml': 'organisation: Solby Netværk\nshort: SN\ntracks: {ai: SN AI}\nfiles: {agenda: "{short}-dagsorden-{iso}"}\nstyle: {logo: grafik/logo.png, colour: 1f4e79}\n',
      'grafik/logo.png': 'png',
      'meetings/plan.yaml': '- date: 2025-05-06\n  place: Teams\n- date: 2025-03-04\n',
      'meetings/members.yaml': '- name: Anne Bech\n  org: Solby Kommune\n',
    });
    const repo = await findRepository(root);
    expect(repo.configFile).toBe(path.join(root, 'ddh.yaml'));
    expect(repo.config).toMatchObject({
      organisation: 'Solby Netværk',
      short: 'SN',
      tracks: { ai: 'SN AI' },
      kinds: defaultConfig().kinds,
      files: { agenda: '{short}-dagsorden-{iso}', minutes: '{short}-referat_{date}' },
      style: { font: 'Calibri', colour: '1F4E79', logo: path.join(root, 'grafik', 'logo.png') },
    });
    expect(repo.plan.map((p) => p.date)).toEqual(['2025-03-04', '2025-05-06']);
    expect(repo.members).toEqual([{ name: 'Anne Bech', org: 'Solby Kommune' }]);
  });

  test('no repository: an error with the hint ddh init', async () => {
    const root = await makeRepo({ 'tom/x.txt': '' });
    const [message] = await rejection(findRepository(path.join(root, 'tom')));
    expect(message).toMatch(/^ddh {2}error {2}No minutes repository found/);
    expect(message).toContain('hint: run `ddh init`');
  });

  test('every problem of ddh.yaml, plan.yaml and members.yaml at once, sorted', async () => {
    const root = await makeRepo({
      'ddh.yaml': '- organisation: Solby\n',
      'meetings/plan.yaml': '- date: 2025-02-29\n  kind: temamøde\n- date: 2025-5-1\n',
      'meetings/members.yaml': 'name: Anne\n',
    });
    expect((await rejection(findRepository(root))).map((l) => l.split('\n')[0])).toEqual([
      'ddh.yaml:1:1  error  must be a mapping, found a list',
      'meetings/members.yaml:1:1  error  must be a list, found a mapping',
      'meetings/plan.yaml:1:9  error  [0].date 2025-02-29 is not a day in the calendar',
      'meetings/plan.yaml:3:9  error  [1].date must be a date written YYYY-MM-DD, e.g. 2025-01-28',
    ]);
  });

  test('with collect, the problems are kept, the readable parts used and defaults stand in for the rest', async () => {
    const root = await makeRepo({
      'ddh.yaml': 'short: SN\nkinds: {temamøde: Temamøde}\nstyle: {colour: blå}\n',
      'meetings/plan.yaml': '- date: 2025-03-04\n  kind: temamøde\n- date: 2025-5-1\n- date: 2025-06-10\n  kind: ukendt\n',
      'meetings/members.yaml': '- name: Anne Bech\n  org: Solby\n- name: Bo\n',
    });
    const repo = await findRepository(root, { collect: true });
    expect(repo.config).toMatchObject({ short: 'SN', kinds: { temamøde: 'Temamøde' }, style: defaultConfig().style });
    expect(repo.unreadSettings).toBeUndefined();
    expect(repo.plan.map((p) => p.date)).toEqual(['2025-03-04', '2025-06-10']);
    expect(repo.members).toEqual([{ name: 'Anne Bech', org: 'Solby' }]);
    expect(problemsOf(repo).map((d) => formatDiagnostic({ ...d, hint: undefined }))).toEqual([
      'ddh.yaml:3:17  error  style.colour must be six hexadecimal digits without #, e.g. 1F4E79',
      'meetings/plan.yaml:3:9  error  [1].date must be a date written YYYY-MM-DD, e.g. 2025-01-28',
      "meetings/plan.yaml:5:9  error  [2].kind 'ukendt' is not a meeting kind",
      'meetings/members.yaml:3:3  error  [1].org is required',
    ]);
  });

  test('with collect, kinds or tracks that cannot be read leave their checks out', async () => {
    const root = await makeRepo({ 'ddh.yaml': 'kinds: [temamøde]\n', 'meetings/plan.yaml': '- date: 2025-03-04\n  kind: temamøde\n' });
    const repo = await findRepository(root, { collect: true });
    expect(repo.unreadSettings).toEqual(['kinds']);
    expect(repo.config.kinds).toEqual(defaultConfig().kinds);
    expect(problemsOf(repo).map((d) => d.message)).toEqual(['kinds must be a mapping (key: value lines)']);
    const unparsable = await makeRepo({ 'ddh.yaml': 'kinds: {a: b}\n  bad: indent\n' });
    expect((await findRepository(unparsable, { collect: true })).unreadSettings).toEqual(['kinds', 'tracks']);
  });

  test('readablePart keeps the entries and keys no error is about', () => {
    const error = (field: string | undefined) => ({ file: 'f', rule: 'schema', severity: 'error' as const, message: 'x', ...(field === undefined ? {} : { field }) });
    expect(readablePart([{ a: 1 }, { b: 2 }, { c: 3 }], [error('[1].b'), { ...error('[2]'), severity: 'warning' }])).toEqual({
      entries: [['[0]', { a: 1 }], ['[2]', { c: 3 }]],
      broken: new Set(['[1]']),
    });
    expect(readablePart({ short: 'SN', style: { colour: 'x' } }, [error('style.colour')])).toEqual({ entries: [['short', 'SN']], broken: new Set(['style']) });
    expect(readablePart({ short: 'SN' }, [error(undefined)])).toEqual({ entries: [], broken: 'all' });
    expect(readablePart(undefined, [])).toEqual({ entries: [], broken: 'all' });
  });

  test('a plan kind that ddh.yaml does not declare, and a logo outside the repository', async () => {
    const outside = await makeRepo({ 'logo.png': 'png' });
    const root = await makeRepo({ 'ddh.yaml': 'style: {logo: grafik/logo.png}\n', 'meetings/plan.yaml': '- date: 2025-03-04\n  kind: temamøde\n' });
    await mkdir(path.join(root, 'grafik'));
    await symlink(path.join(outside, 'logo.png'), path.join(root, 'grafik', 'logo.png'));
    expect((await rejection(findRepository(root))).map((l) => l.split('\n')[0])).toEqual([
      'ddh.yaml:1:15  error  style.logo grafik/logo.png is a link that leads outside the repository',
      "meetings/plan.yaml:2:9  error  [0].kind 'temamøde' is not a meeting kind",
    ]);
  });

  test('folders under meetings/ not named by date are a warning in validate, not meetings', async () => {
    const root = await makeRepo({ 'meetings/arkiv/x.md': '', 'meetings/2025-01-28/meeting.yaml': 'date: 2025-01-28\n' });
    const repo = await findRepository(root);
    expect(repo.meetingDates).toEqual(['2025-01-28']);
    const { diagnostics } = await validateRepository(repo);
    expect(diagnostics.map((d) => formatDiagnostic({ ...d, hint: undefined }))).toEqual([
      "meetings/arkiv:1:1  warning  folder 'arkiv' is not a meeting: meeting folders are named by date",
    ]);
  });
});

describe('resolveMeetingRef', () => {
  test('a date, a folder (relative or absolute, or a file in it), or the latest', async () => {
    const root = await makeRepo({ 'meetings/2024-12-05/meeting.yaml': '', 'meetings/2025-01-28/01-a.md': '', 'meetings/2025-03-04/meeting.yaml': '' });
    const repo = await findRepository(root);
    expect(resolveMeetingRef(repo)).toBe('2025-03-04');
    expect(resolveMeetingRef(repo, '2024-12-05')).toBe('2024-12-05');
    expect(resolveMeetingRef(repo, path.join(root, 'meetings', '2025-01-28'))).toBe('2025-01-28');
    expect(resolveMeetingRef(repo, path.join(root, 'meetings', '2025-01-28', '01-a.md'))).toBe('2025-01-28');
    expect(resolveMeetingRef(repo, path.relative(process.cwd(), path.join(root, 'meetings', '2024-12-05')) + '/')).toBe('2024-12-05');
  });

  test('an unknown meeting names nearby dates', async () => {
    const root = await makeRepo({ 'meetings/2024-12-05/meeting.yaml': '', 'meetings/2025-01-28/meeting.yaml': '', 'meetings/2025-03-04/meeting.yaml': '' });
    const repo = await findRepository(root);
    expect(() => resolveMeetingRef(repo, '2025-02-01')).toThrow(DdhError);
    try {
      resolveMeetingRef(repo, '2025-02-01');
    } catch (e) {
      expect((e as DdhError).diagnostics[0]).toMatchObject({ message: 'no meeting 2025-02-01', hint: 'meetings nearby: 2024-12-05, 2025-01-28, 2025-03-04' });
    }
    expect(() => resolveMeetingRef(repo, '2025-02-30')).toThrow('2025-02-30 is not a day in the calendar');
    expect(() => resolveMeetingRef(repo, '../andet')).toThrow('no meeting ../andet');
  });

  test('no meetings yet', async () => {
    const repo = await findRepository(await makeRepo({ 'ddh.yaml': '' }));
    expect(() => resolveMeetingRef(repo)).toThrow('there are no meetings yet');
  });
});
