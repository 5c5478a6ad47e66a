// Which items a render shows: track extracts keep one track (and items with none), public versions hide closed items.

import type { AgendaItem } from '../model.js';

export interface Selection {
  /** Keep only items of this track and items with no track. */
  track?: string;
  /** Leave out the content of closed items (lukket punkt). */
  public?: boolean;
}

/** `shown` in full, `closed`: only number and title with "Lukket punkt", `hidden`: not at all. */
export type ItemVisibility = 'shown' | 'closed' | 'hidden';

export function itemVisibility(item: AgendaItem, selection: Selection): ItemVisibility {
  if (selection.track !== undefined && item.track !== undefined && item.track !== selection.track) return 'hidden';
  if (selection.public === true && item.closed) return 'closed';
  return 'shown';
}
