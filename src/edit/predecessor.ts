// Finding and reading the meeting a new or refreshed meeting carries its follow-up points from.

import { DdhError, fail, problem } from '../diagnostics.js';
import { readMeeting } from '../load/index.js';
import type { Meeting, Repository } from '../model.js';
import { isCalendarDate } from '../rules/dates.js';

/** Refuses anything but a real calendar date written YYYY-MM-DD, before any path is built from it (HOSTILE 21). */
export function checkMeetingDate(date: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    fail('', `'${date}' is not a meeting date`, { rule: 'date', hint: 'write the date as YYYY-MM-DD, e.g. 2026-04-28' });
  }
  if (!isCalendarDate(date)) {
    fail('', `${date} is not a date in the calendar`, { rule: 'date', hint: 'check the day and the month: ddh never rolls a date over into the next month' });
  }
}

/** The date of the latest meeting before `date`, if any. */
export function predecessorDate(repo: Repository, date: string): string | undefined {
  return repo.meetingDates.filter((d) => d < date).at(-1);
}

/**
 * Reads the predecessor of `date`. A predecessor with errors stops the run with a message that says why its
 * points cannot be carried, followed by its own problems: carrying from a meeting that cannot be read could lose points.
 */
export async function readPredecessor(repo: Repository, date: string, retry: string): Promise<Meeting | undefined> {
  const previous = predecessorDate(repo, date);
  if (previous === undefined) return undefined;
  try {
    return (await readMeeting(repo, previous)).meeting;
  } catch (error) {
    if (!(error instanceof DdhError)) throw error;
    const head = problem('', `the previous meeting ${previous} has errors, so its open follow-up points cannot be carried into ${date}`, {
      rule: 'carry-predecessor',
      hint: `fix the problems below (ddh validate ${previous}), then run: ${retry}`,
    });
    throw new DdhError([head, ...error.diagnostics], { cause: error });
  }
}
