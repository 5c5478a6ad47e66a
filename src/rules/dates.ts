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

const CLOCK = /^(\d{1,2})[:.](\d{2})$/;

/** "10:00" → "10", "08:30" → "8.30": the Danish way of writing a time of day after "kl.". */
function danishClock(t: string): string {
  const m = CLOCK.exec(t.trim());
  if (!m) return t.trim();
  const h = String(Number(m[1]));
  return m[2] === '00' ? h : `${h}.${m[2]}`;
}

/** "10:00-14:00" → "Kl. 10-14"; "08:30-12:00" → "Kl. 8.30-12"; anything else is printed as written after "Kl.". */
export function formatTime(time: string): string {
  const [from, to] = time.split(/\s*[-–]\s*/, 2);
  if (from === undefined || from === '') return time;
  return to === undefined ? `Kl. ${danishClock(from)}` : `Kl. ${danishClock(from)}-${danishClock(to)}`;
}
