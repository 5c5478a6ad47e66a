// Which items a render shows: track extracts keep one track (and items with none), public versions hide closed items.

import type { AgendaItem, FollowUp } from '../model.js';
import { pointKey } from './carry-forward.js';

export interface Selection {
  /** Keep only items of this track and items with no track. */
  track?: string;
  /** Leave out the content of closed items (lukket punkt). */
  public?: boolean;
  /**
   * Public versions: the keys (`pointKey`) of carried points agreed under a closed item of an earlier meeting, found
   * in that meeting by `pointsOfClosedItems`; such a point is left out, for its title and owner tell the closed matter.
   */
  closedOrigin?: ReadonlySet<string>;
  /**
   * Track extracts: the keys of carried points agreed under an item of another track in an earlier meeting, found by
   * `pointsOfOtherTracks`; such a point is left out with the items of its track.
   */
  otherTrackOrigin?: ReadonlySet<string>;
}

/** `shown` in full, `closed`: only number and title with "Lukket punkt", `hidden`: not at all. */
export type ItemVisibility = 'shown' | 'closed' | 'hidden';

export function itemVisibility(item: AgendaItem, selection: Selection): ItemVisibility {
  if (selection.track !== undefined && item.track !== undefined && item.track !== selection.track) return 'hidden';
  if (selection.public === true && item.closed) return 'closed';
  return 'shown';
}

/**
 * The follow-up points a render shows: in a public version, none that came from a closed item; in a track extract,
 * none that came from an item of another track.
 */
export function visiblePoints<P extends Pick<FollowUp, 'id' | 'since'>>(points: readonly P[], selection: Selection): P[] {
  const withheld = [
    ...(selection.public === true && selection.closedOrigin !== undefined ? [selection.closedOrigin] : []),
    ...(selection.track !== undefined && selection.otherTrackOrigin !== undefined ? [selection.otherTrackOrigin] : []),
  ];
  return points.filter((p) => !withheld.some((keys) => keys.has(pointKey(p))));
}
