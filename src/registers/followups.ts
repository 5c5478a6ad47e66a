// The follow-up register: the points open across the repository, with age, owner and last update. Pure.

import type { FollowUp, Meeting } from '../model.js';
import { carriedPoints, lastUpdates, pointKey, pointsOpenAfter } from '../rules/carry-forward.js';
import { daysBetween } from '../rules/dates.js';
import { compareText } from '../rules/order.js';

/** One row of the follow-up register. */
export interface FollowUpRow {
  id: string;
  title: string;
  owner?: string;
  /** Date of the meeting that created the point. */
  since: string;
  due?: string;
  /** Meetings held after `since` up to the latest meeting (open) or the meeting that closed it (closed). */
  ageMeetings: number;
  /** Days from `since` to the as-of date (open) or to the meeting that closed it (closed). */
  ageDays: number;
  /** Open and due before the as-of date. */
  overdue: boolean;
  /** Date of the latest meeting whose carried list holds an update for the point. */
  lastUpdate?: string;
  status: 'open' | 'closed';
  /** Closed points only: the meeting that took it off the list. */
  closedAt?: string;
}

export interface FollowUpRegisterOptions {
  /** Also list the points closed at some meeting. */
  all?: boolean;
  /** YYYY-MM-DD: the day ages and overdue are measured against. */
  asOf: string;
}

/**
 * The open follow-up points of the repository: those open after the latest meeting, in carry order.
 * With `all`, then the points closed at a meeting (in the order they were closed), each with the closing meeting.
 */
export function followUpRegister(meetings: readonly Meeting[], options: FollowUpRegisterOptions): FollowUpRow[] {
  const sorted = [...meetings].sort((a, b) => compareText(a.date, b.date));
  const latest = sorted.at(-1);
  if (latest === undefined) return [];
  const dates = sorted.map((m) => m.date);
  const meetingsBetween = (from: string, to: string): number => dates.filter((d) => d > from && d <= to).length;

  const lastUpdate = lastUpdates(sorted);
  const closed = new Map<string, { point: FollowUp; at: string }>();
  for (const m of sorted) {
    for (const p of carriedPoints(m)) if (p.status === 'closed') closed.set(pointKey(p), { point: p, at: m.date });
  }

  const row = (p: FollowUp, end: string, status: FollowUpRow['status']): FollowUpRow => {
    const r: FollowUpRow = {
      id: p.id,
      title: p.title,
      since: p.since,
      ageMeetings: meetingsBetween(p.since, status === 'open' ? latest.date : end),
      ageDays: daysBetween(p.since, end),
      overdue: status === 'open' && p.due !== undefined && p.due < options.asOf,
      status,
    };
    if (p.owner !== undefined) r.owner = p.owner;
    if (p.due !== undefined) r.due = p.due;
    const updated = lastUpdate.get(pointKey(p));
    if (updated !== undefined) r.lastUpdate = updated;
    return r;
  };

  const open = pointsOpenAfter(latest);
  const rows = open.map((p) => row(p, options.asOf, 'open'));
  if (options.all === true) {
    const openKeys = new Set(open.map(pointKey));
    const done = [...closed.entries()].filter(([key]) => !openKeys.has(key)).map(([, c]) => c);
    done.sort((a, b) => compareText(a.at, b.at));
    rows.push(...done.map((c) => ({ ...row(c.point, c.at, 'closed'), closedAt: c.at })));
  }
  return rows;
}
