// Builds Meeting and Repository objects in memory for the register and lint tests.

import type { AgendaItem, FollowUp, Meeting, Repository } from '../../src/model.js';
import { defaultConfig } from '../../src/load/repository.js';

/** An agenda item with every list empty; `over` sets what the test is about. */
export function item(date: string, prefix: number, over: Partial<AgendaItem> = {}): AgendaItem {
  return {
    file: `meetings/${date}/${String(prefix).padStart(2, '0')}-punkt.md`,
    prefix,
    number: 0,
    title: `Punkt ${prefix}`,
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

/** The approval item ("Godkendelse af referat og opfølgning") carrying `carried`. */
export function approval(date: string, carried: FollowUp[], over: Partial<AgendaItem> = {}): AgendaItem {
  return item(date, 30, {
    file: `meetings/${date}/30-godkendelse-af-referat.md`,
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

/** A meeting with the given items, numbered by position. */
export function meeting(date: string, items: AgendaItem[], over: Partial<Meeting> = {}): Meeting {
  return {
    date,
    dir: `/repo/meetings/${date}`,
    relDir: `meetings/${date}`,
    kind: 'styregruppemøde',
    absent: [],
    remote: [],
    guests: [],
    status: 'draft',
    items: items.map((it, i) => ({ ...it, number: i + 1 })),
    ...over,
  };
}

/** A repository at /repo with the built-in settings and the given meeting dates. */
export function repository(meetingDates: string[], over: Partial<Repository> = {}): Repository {
  return { root: '/repo', config: defaultConfig(), plan: [], members: [], meetingDates, ...over };
}
