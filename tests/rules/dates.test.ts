import { describe, expect, it } from 'vitest';
import { daysBetween, formatDateLong, formatDateShort, formatTime, isCalendarDate, parseTimeSpan } from '../../src/rules/dates.js';

describe('dates', () => {
  it('accepts real calendar days only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2024-02-30')).toBe(false);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-5-1')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
  });
  it('formats Danish dates', () => {
    expect(formatDateLong('2024-12-05')).toBe('5. december 2024');
    expect(formatDateShort('2024-12-05')).toBe('05.12.2024');
    expect(daysBetween('2024-12-05', '2025-01-28')).toBe(54);
  });
  it('formats times the Danish way', () => {
    expect(formatTime('10:00-14:00')).toBe('Kl. 10-14');
    expect(formatTime('08:30-12:00')).toBe('Kl. 8.30-12');
    expect(formatTime('9.00')).toBe('Kl. 9');
  });
});

describe('times as people write them', () => {
  it('reads a leading kl., dots and a single time', () => {
    expect(formatTime('kl. 10-14')).toBe('Kl. 10-14');
    expect(formatTime('Kl. 10.00-14.00')).toBe('Kl. 10-14');
    expect(formatTime('10:00')).toBe('Kl. 10');
    expect(formatTime('10:00 – 13:30')).toBe('Kl. 10-13.30');
  });
  it('prints what is not a time as written, without Kl.', () => {
    expect(formatTime('hele dagen')).toBe('hele dagen');
    expect(formatTime('25:00-26:00')).toBe('25:00-26:00');
    expect(formatTime('10-12-14')).toBe('10-12-14');
  });
  it('parses spans for the calendar', () => {
    expect(parseTimeSpan('08:30-12:00')).toEqual({ start: { hours: 8, minutes: 30 }, end: { hours: 12, minutes: 0 } });
    expect(parseTimeSpan('hele dagen')).toBeUndefined();
  });
});
