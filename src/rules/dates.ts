// Danish dates and times, and the calendar checks that keep 2024-02-30 from rolling over into March.

const MONTHS = [
  'januar', 'februar', 'marts', 'april', 'maj', 'juni',
  'juli', 'august', 'september', 'oktober', 'november', 'december',
] as const;

/** Danish month names, for recognising dates in text ("6. marts 2025"). */
export const DANISH_MONTHS: readonly string[] = MONTHS;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits a strictly formatted YYYY-MM-DD date that exists in the calendar; undefined otherwise. */
function parts(iso: string): [number, number, number] | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= last ? [y, mo, d] : undefined;
}

/** True for `YYYY-MM-DD` naming a real calendar day: `2024-02-29` yes, `2024-02-30` and `2024-5-1` no. */
export function isCalendarDate(iso: string): boolean {
  return parts(iso) !== undefined;
}

function mustParse(iso: string): [number, number, number] {
  const p = parts(iso);
  if (!p) throw new RangeError(`not a calendar date: ${iso}`);
  return p;
}

/** "5. december 2024" */
export function formatDateLong(iso: string): string {
  const [y, m, d] = mustParse(iso);
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}

/** "05.12.2024" */
export function formatDateShort(iso: string): string {
  const [y, m, d] = mustParse(iso);
  return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = mustParse(from);
  const [y2, m2, d2] = mustParse(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** A time of day: hours 0–23 and minutes 0–59. */
export interface Clock {
  hours: number;
  minutes: number;
}

const CLOCK = /^(\d{1,2})(?:[:.](\d{2}))?$/;

function parseClock(text: string): Clock | undefined {
  const m = CLOCK.exec(text.trim());
  if (!m) return undefined;
  const clock = { hours: Number(m[1]), minutes: Number(m[2] ?? '0') };
  return clock.hours <= 23 && clock.minutes <= 59 ? clock : undefined;
}

/**
 * Reads a meeting time as written in the plan or meeting.yaml: "10:00-14:00", "9.30-12", "kl. 10-14",
 * "10:00". Undefined when it is not a time of day or a span of two ("hele dagen").
 */
export function parseTimeSpan(time: string): { start: Clock; end?: Clock } | undefined {
  // Split and trim rather than one regex with \s* around the dash: no backtracking on long blank runs.
  const text = time.trim().replace(/^kl\.?/i, '');
  const parts = text.split(/[-–]/);
  if (parts.length > 2) return undefined;
  const start = parseClock(parts[0] ?? '');
  if (start === undefined) return undefined;
  if (parts[1] === undefined) return { start };
  const end = parseClock(parts[1]);
  return end === undefined ? undefined : { start, end };
}

/** 10:00 → "10", 08:30 → "8.30": the Danish way of writing a time of day after "kl.". */
function danishClock({ hours, minutes }: Clock): string {
  return minutes === 0 ? String(hours) : `${hours}.${String(minutes).padStart(2, '0')}`;
}

/** "10:00-14:00" → "Kl. 10-14"; "08:30-12:00" → "Kl. 8.30-12"; what is not a time ("hele dagen") is printed as written. */
export function formatTime(time: string): string {
  const span = parseTimeSpan(time);
  if (span === undefined) return time.trim();
  return span.end === undefined ? `Kl. ${danishClock(span.start)}` : `Kl. ${danishClock(span.start)}-${danishClock(span.end)}`;
}
