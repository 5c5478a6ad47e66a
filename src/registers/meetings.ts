// The list of meetings: date, kind, status and counts, one row per meeting folder. Pure.

import type { Diagnostic } from '../diagnostics.js';
import type { Config, Meeting } from '../model.js';
import { carriedPoints } from '../rules/carry-forward.js';
import { kindLabel } from '../rules/kinds.js';
import type { Column } from './format.js';

export interface MeetingRow {
  date: string;
  kind: string;
  /** "godkendt", "udkast", or why the meeting could not be read. */
  status: string;
  items: number | null;
  openPoints: number | null;
  place: string;
}

export const MEETING_COLUMNS: Column<MeetingRow>[] = [
  { key: 'date', header: 'date' },
  { key: 'kind', header: 'kind' },
  { key: 'status', header: 'status' },
  { key: 'items', header: 'items', align: 'right' },
  { key: 'openPoints', header: 'open points', align: 'right' },
  { key: 'place', header: 'place' },
];

const STATUS: Record<Meeting['status'], string> = { draft: 'udkast', approved: 'godkendt' };

/** One row for a meeting as it was loaded: the meeting, or the diagnostics that kept it from loading. */
export function meetingRow(config: Config, date: string, loaded: { meeting?: Meeting; diagnostics: readonly Diagnostic[] }): MeetingRow {
  const { meeting } = loaded;
  if (meeting === undefined) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
    return { date, kind: '', status: `invalid (${errors} ${errors === 1 ? 'error' : 'errors'}: ddh validate ${date})`, items: null, openPoints: null, place: '' };
  }
  return {
    date,
    kind: kindLabel(config, meeting.kind),
    status: STATUS[meeting.status],
    items: meeting.items.length,
    openPoints: carriedPoints(meeting).filter((p) => p.status === 'open').length,
    place: meeting.place ?? '',
  };
}
