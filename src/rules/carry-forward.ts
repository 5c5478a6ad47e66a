// The carry-forward rules: which follow-up points a meeting inherits from its predecessor. Pure functions.

import type { AgendaItem, FollowUp, Meeting } from '../model.js';

/** What the carry rules read of a meeting: its date and its items' kinds, carried lists, new follow-up points, closedness and tracks. */
export interface MeetingPoints {
  date: Meeting['date'];
  items: readonly Pick<AgendaItem, 'kind' | 'carried' | 'followups' | 'closed' | 'track'>[];
}

const FOLDED: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ä: 'ae', ö: 'oe', ü: 'ue', é: 'e' };

/** A stable id from a title: "Vagtplan for 2026" → "vagtplan-for-2026". */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[æøåäöüé]/g, (c) => FOLDED[c] ?? c)
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'punkt' : slug;
}

/** The approval item's carried list of a meeting, or none. */
export function carriedPoints(meeting: MeetingPoints): FollowUp[] {
  return meeting.items.find((item) => item.kind === 'approval')?.carried ?? [];
}

/** A point a meeting hands on, with the item whose `followups` created it (none for a carried point). */
interface HandedOn {
  point: FollowUp;
  agreedUnder?: MeetingPoints['items'][number];
}

function handOn(meeting: MeetingPoints): HandedOn[] {
  const result: HandedOn[] = [];
  const used = new Set<string>();
  const restart = (p: Omit<FollowUp, 'status' | 'update' | 'note'>): FollowUp => {
    const point: FollowUp = { id: p.id, title: p.title, since: p.since, status: 'open' };
    if (p.owner !== undefined) point.owner = p.owner;
    if (p.due !== undefined) point.due = p.due;
    return point;
  };
  for (const p of carriedPoints(meeting)) {
    used.add(p.id);
    if (p.status !== 'closed') result.push({ point: restart(p) });
  }
  for (const item of meeting.items) {
    for (const f of item.followups) {
      const base = slugify(f.title);
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      result.push({ point: restart({ id, title: f.title, since: meeting.date, owner: f.owner, due: f.due }), agreedUnder: item });
    }
  }
  return result;
}

/**
 * The points a meeting hands on to its successor, in order: the carried points not closed at the meeting,
 * then the new `followups` of its items (id from the title, made unique; since = the meeting's date).
 * Each starts again as `open` with no update and no note; id, title, since, owner and due stay.
 */
export function pointsOpenAfter(meeting: MeetingPoints): FollowUp[] {
  return handOn(meeting).map((h) => h.point);
}

/**
 * The new points a meeting's closed items (lukket punkt) created, with the ids they are carried under: they carry the
 * closed matter into later meetings, where public versions must leave them out too.
 */
export function pointsOfClosedItems(meeting: MeetingPoints): FollowUp[] {
  return pointsAgreedUnder(meeting, (item) => item.closed);
}

/**
 * The new points a meeting's items of another track than `track` created, with the ids they are carried under: they
 * belong to that track, and an extract of `track` in a later meeting leaves them out as it leaves out their items.
 */
export function pointsOfOtherTracks(meeting: MeetingPoints, track: string): FollowUp[] {
  return pointsAgreedUnder(meeting, (item) => item.track !== undefined && item.track !== track);
}

function pointsAgreedUnder(meeting: MeetingPoints, test: (item: MeetingPoints['items'][number]) => boolean): FollowUp[] {
  return handOn(meeting).flatMap((h) => (h.agreedUnder !== undefined && test(h.agreedUnder) ? [h.point] : []));
}

/** The successor's written entry for a point the predecessor hands on: the predecessor's facts, the successor's text. */
function handedOn(expected: FollowUp, written: FollowUp): FollowUp {
  const point: FollowUp = { ...expected, status: written.status };
  if (written.update !== undefined) point.update = written.update;
  if (written.note !== undefined) point.note = written.note;
  return point;
}

/**
 * The successor's points that the predecessor neither hands on nor closed and that stay all the same: those added by
 * hand (dated after the predecessor), and those dated up to it that it no longer hands on (closed further back,
 * renamed or deleted there) for which the successor wrote text, so that the text is not lost.
 */
function keptBeyond(predecessor: MeetingPoints, expected: readonly FollowUp[], existing: readonly FollowUp[]): FollowUp[] {
  const expectedIds = new Set(expected.map((p) => p.id));
  const closedAtPredecessor = new Set(carriedPoints(predecessor).filter((p) => p.status === 'closed').map((p) => p.id));
  return existing.filter(
    (p) => !expectedIds.has(p.id) && !closedAtPredecessor.has(p.id) && (p.since > predecessor.date || p.update !== undefined || p.note !== undefined),
  );
}

/**
 * Merges the points a successor should carry with the list it already has, by id.
 * A point the predecessor hands on takes its id, title, since, owner and due from the predecessor (the source of truth
 * for them) and its update, status and note from the successor's entry; points closed at the predecessor leave;
 * points dated up to the predecessor that it no longer hands on (closed at an earlier meeting, renamed or deleted
 * there) leave unless text was written for them in the successor; points added by hand in the successor (dated
 * after the predecessor) stay at the end. Nothing is duplicated.
 */
export function carryForward(predecessor: MeetingPoints | undefined, existing: readonly FollowUp[]): FollowUp[] {
  if (predecessor === undefined) return [...existing];
  const expected = pointsOpenAfter(predecessor);
  const byId = new Map(existing.map((p) => [p.id, p]));
  const merged = expected.map((p) => {
    const written = byId.get(p.id);
    return written === undefined ? p : handedOn(p, written);
  });
  return [...merged, ...keptBeyond(predecessor, expected, existing)];
}

/**
 * Points of the successor's list dated up to the predecessor that it no longer hands on (closed further back, renamed
 * or deleted there), which `carryForward` keeps only because the successor wrote text for them: each is probably a
 * point that should have gone, or a twin of one that is handed on under another id.
 */
export function orphanedPoints(predecessor: MeetingPoints, successorList: readonly FollowUp[]): FollowUp[] {
  return keptBeyond(predecessor, pointsOpenAfter(predecessor), successorList).filter((p) => p.since <= predecessor.date);
}

/** Ids the predecessor leaves open that the successor's list lacks: each one would be a lost point. */
export function missingPoints(predecessor: MeetingPoints, successorList: readonly FollowUp[]): FollowUp[] {
  const present = new Set(successorList.map((p) => p.id));
  return pointsOpenAfter(predecessor).filter((p) => !present.has(p.id));
}

/** A point's identity over time: its id and creation date, for a slug may come back years later for a new point. */
export function pointKey(point: Pick<FollowUp, 'id' | 'since'>): string {
  return `${point.since}\u0000${point.id}`;
}

/**
 * For each point (by `pointKey`), the date of the latest meeting whose carried list holds a non-blank update for it.
 * Meetings after `until` (YYYY-MM-DD), when given, are left out; the meetings may come in any order.
 */
export function lastUpdates(meetings: readonly MeetingPoints[], until?: string): Map<string, string> {
  const latest = new Map<string, string>();
  for (const m of meetings) {
    if (until !== undefined && m.date > until) continue;
    for (const p of carriedPoints(m)) {
      const key = pointKey(p);
      if ((p.update ?? '').trim() !== '' && (latest.get(key) ?? '') < m.date) latest.set(key, m.date);
    }
  }
  return latest;
}
