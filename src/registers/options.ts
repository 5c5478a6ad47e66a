// Checks shared by the register commands: date flags and a repository whose meetings all load.

import { DdhError, fail, problem, type Diagnostic } from '../diagnostics.js';
import type { Meeting } from '../model.js';
import { isCalendarDate } from '../rules/dates.js';

/** A date flag's value, refused unless it is a real YYYY-MM-DD calendar date. */
export function dateOption(flag: string, value: string): string {
  if (!isCalendarDate(value)) {
    fail('', `${flag} ${value} is not a date`, { rule: 'option', hint: `write the date as YYYY-MM-DD, e.g. ${flag} 2026-03-12` });
  }
  return value;
}

/** A whole number of at least `min` from a flag. */
export function countOption(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min) fail('', `${flag} ${value} is not a whole number of at least ${min}`, { rule: 'option', hint: `e.g. ${flag} 3` });
  return n;
}

/** Today in the local calendar, YYYY-MM-DD: the default as-of date of the follow-up register. */
export function localToday(now: Date = new Date()): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/**
 * The meetings of a validated repository, or a DdhError with its errors: a register over meetings that do not all
 * load would silently leave rows out.
 */
export function meetingsForRegister(validated: { meetings: Meeting[]; diagnostics: Diagnostic[] }, what: string): Meeting[] {
  const errors = validated.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const head = problem('', `the ${what} needs every meeting to load, and some have errors`, {
      rule: 'register',
      hint: 'fix the problems below (`ddh validate` lists them too), then run the command again',
    });
    throw new DdhError([head, ...errors]);
  }
  return validated.meetings;
}
