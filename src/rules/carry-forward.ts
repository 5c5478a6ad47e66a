// The carry-forward rules: which follow-up points a meeting inherits from its predecessor. Pure functions.

import type { FollowUp, Meeting } from '../model.js';

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
export function carriedPoints(meeting: Meeting): FollowUp[] {
  return meeting.items.find((item) => item.kind === 'approval')?.carried ?? [];
}

/**
 * The points a meeting hands on to its successor, in order: the carried points not closed at the meeting,
 * then the new `followups` of its items (id from the title, made unique; since = the meeting's date).
 * Each starts again as `open` with no update and no note; id, title, since, owner and due stay.
 */
export function pointsOpenAfter(meeting: Meeting): FollowUp[] {
  const result: FollowUp[] = [];
  const used = new Set<string>();
  const restart = (p: Omit<FollowUp, 'status' | 'update' | 'note'>): FollowUp => {
    const point: FollowUp = { id: p.id, title: p.title, since: p.since, status: 'open' };
    if (p.owner !== undefined) point.owner = p.owner;
    if (p.due !== undefined) point.due = p.due;
    return point;
  };
  for (const p of carriedPoints(meeting)) {
    used.add(p.id);
    if (p.status !== 'closed') result.push(restart(p));
  }
  for (const item of meeting.items) {
    for (const f of item.followups) {
      const base = slugify(f.title);
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      result.push(restart({ id, title: f.title, since: meeting.date, owner: f.owner, due: f.due }));
    }
  }
  return result;
}

/**
 * Merges the points a successor should carry with the list it already has, by id.
 * Points already present keep everything written in the successor; points closed at the predecessor leave;
 * points dated up to the predecessor that it no longer hands on (closed at an earlier meeting, renamed or deleted
 * there) leave unless text was written for them in the successor; points added by hand in the successor (dated
 * after the predecessor) stay at the end. Nothing is duplicated.
 */
export function carryForward(predecessor: Meeting | undefined, existing: readonly FollowUp[]): FollowUp[] {
  if (predecessor === undefined) return [...existing];
  const expected = pointsOpenAfter(predecessor);
  const byId = new Map(existing.map((p) => [p.id, p]));
  const expectedIds = new Set(expected.map((p) => p.id));
  const closedAtPredecessor = new Set(carriedPoints(predecessor).filter((p) => p.status === 'closed').map((p) => p.id));
  const merged = expected.map((p) => byId.get(p.id) ?? p);
  for (const p of existing) {
    if (expectedIds.has(p.id) || closedAtPredecessor.has(p.id)) continue;
    // A point dated up to the predecessor came through it; when it no longer hands the point on (closed further
    // back, renamed or deleted there) it leaves, unless this meeting wrote text for it.
    const staleFromPredecessor = p.since <= predecessor.date && p.update === undefined && p.note === undefined;
    if (!staleFromPredecessor) merged.push(p);
  }
  return merged;
}

/** Ids the predecessor leaves open that the successor's list lacks: each one would be a lost point. */
export function missingPoints(predecessor: Meeting, successorList: readonly FollowUp[]): FollowUp[] {
  const present = new Set(successorList.map((p) => p.id));
  return pointsOpenAfter(predecessor).filter((p) => !present.has(p.id));
}
