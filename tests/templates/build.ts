// Builds Meeting and Repository objects in memory for the templates and Markdown tests.

import type { AgendaItem, Config, Meeting, Repository } from '../../src/model.js';

export function config(overrides: Partial<Config> = {}): Config {
  return {
    organisation: 'Fælles Borgerlinje',
    short: 'FBL',
    kinds: { styregruppemøde: 'Styregruppemøde', repræsentantskabsmøde: 'Repræsentantskabsmøde' },
    tracks: { linje: 'FBL Telefonlinje', robot: 'FBL Skriverobot' },
    standingItems: [],
    files: { agenda: 'Dagsorden_{short}_{date}', minutes: 'Referat_{short}_{date}', pack: 'Bilagspakke_{short}_{date}' },
    style: { font: 'Calibri', colour: '1F3864' },
    ...overrides,
  };
}

export function repository(root = '/nowhere', overrides: Partial<Repository> = {}): Repository {
  return { root, config: config(), plan: [], members: [], meetingDates: [], ...overrides };
}

/** An agenda item; `number` defaults to its place in `meeting()`'s list. */
export function item(overrides: Partial<AgendaItem> & { title: string }): AgendaItem {
  return {
    file: `meetings/2026-02-10/${overrides.title.toLowerCase().replace(/[^a-z]+/g, '-')}.md`,
    prefix: 0,
    number: 0,
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
    minutesLine: 9,
    ...overrides,
  };
}

/** A meeting on 10 February 2026; items are numbered by position unless they say otherwise. */
export function meeting(items: AgendaItem[], overrides: Partial<Meeting> = {}): Meeting {
  return {
    date: '2026-02-10',
    dir: '/nowhere/meetings/2026-02-10',
    relDir: 'meetings/2026-02-10',
    kind: 'styregruppemøde',
    time: '09:30-13:00',
    place: 'Mødecenter Lindehøj',
    host: 'Lindehøj Kommune',
    absent: [],
    remote: [],
    guests: [],
    status: 'draft',
    items: items.map((it, i) => ({ ...it, number: it.number === 0 ? i + 1 : it.number, prefix: it.prefix === 0 ? (i + 1) * 10 : it.prefix })),
    ...overrides,
  };
}
