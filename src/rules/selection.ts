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
}

/** `shown` in full, `closed`: only number and title with "Lukket punkt", `hidden`: not at all. */
export type ItemVisibility = 'shown' | 'closed' | 'hidden';

export function itemVisibility(item: AgendaItem, selection: Selection): ItemVisibility {
  if (selection.track !== undefined && item.track !== undefined && item.track !== selection.track) return 'hidden';
  if (selection.public === true && item.closed) return 'closed';
  return 'shown';
}

/** The follow-up points a render shows: in a public version, none that came from a closed item. */
export function visiblePoints<P extends Pick<FollowUp, 'id' | 'since'>>(points: readonly P[], selection: Selection): P[] {
  const withheld = selection.closedOrigin;
  if (selection.public !== true || withheld === undefined || withheld.size === 0) return [...points];
  return points.filter((p) => !withheld.has(pointKey(p)));
}
