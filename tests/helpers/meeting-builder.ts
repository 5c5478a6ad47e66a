// Builds Meeting, AgendaItem, FollowUp and Repository objects in memory, for tests of code that works on loaded meetings.

import type { AgendaItem, Config, FollowUp, Meeting, Repository } from '../../src/model.js';

/** The settings of an invented organisation, Fælles Borgerlinje (FBL), with two meeting kinds and two tracks. */
export function config(over: Partial<Config> = {}): Config {
  return {
    organisation: 'Fælles Borgerlinje',
    short: 'FBL',
    kinds: { styregruppemøde: 'Styregruppemøde', repræsentantskabsmøde: 'Repræsentantskabsmøde' },
    tracks: { linje: 'FBL Telefonlinje', robot: 'FBL Skriverobot' },
    standingItems: [],
    files: { agenda: 'Dagsorden_{short}_{date}', minutes: 'Referat_{short}_{date}', pack: 'Bilagspakke_{short}_{date}' },
    style: { font: 'Calibri', colour: '1F3864' },
    ...over,
  };
}

/** A repository at /repo with `config()`, no plan, no members and no meetings. */
export function repository(over: Partial<Repository> = {}): Repository {
  return { root: '/repo', config: config(), plan: [], members: [], meetingDates: [], ...over };
}

/**
 * An agenda item with every list empty; `over` sets what the test is about.
 * `meeting()` numbers it, gives it the prefix of its place unless it has one, and puts its file, named by the prefix unless given, in the meeting's folder.
 */
export function item(over: Partial<AgendaItem> = {}): AgendaItem {
  return {
    file: '',
    prefix: 0,
    number: 0,
    title: 'Punkt',
    types: [],
    attachments: [],
    proposal: [],
    subitems: [],
    followups: [],
    closed: false,
    kind: 'item',
    carried: [],
    introduction: '',
    minutes: '',
    introductionLine: 5,
    minutesLine: 7,
    ...over,
  };
}

/** The approval item ("Godkendelse af referat og opfølgning") with prefix 30, carrying `carried`. */
export function approval(carried: FollowUp[], over: Partial<AgendaItem> = {}): AgendaItem {
  return item({
    file: '30-godkendelse-af-referat.md',
    prefix: 30,
    title: 'Godkendelse af referat og opfølgning',
    types: ['B'],
    proposal: ['Det indstilles, at referatet godkendes.'],
    kind: 'approval',
    carried,
    ...over,
  });
}

/** A carried point, open unless said otherwise. */
export function point(id: string, since: string, over: Partial<FollowUp> = {}): FollowUp {
  return { id, title: id.replace(/-/g, ' '), since, status: 'open', ...over };
}

/** A draft steering-group meeting on `date` in /repo with time, place and host, and `items` placed in it as `item()` says. */
export function meeting(date: string, items: AgendaItem[], over: Partial<Meeting> = {}): Meeting {
  const relDir = `meetings/${date}`;
  return {
    date,
    dir: `/repo/${relDir}`,
    relDir,
    kind: 'styregruppemøde',
    time: '09:30-13:00',
    place: 'Mødecenter Lindehøj',
    host: 'Lindehøj Kommune',
    absent: [],
    remote: [],
    guests: [],
    status: 'draft',
    items: items.map((it, i) => {
      const prefix = it.prefix === 0 ? (i + 1) * 10 : it.prefix;
      const name = it.file === '' ? `${String(prefix).padStart(2, '0')}-punkt.md` : it.file;
      return { ...it, number: i + 1, prefix, file: `${relDir}/${name}` };
    }),
    ...over,
  };
}
