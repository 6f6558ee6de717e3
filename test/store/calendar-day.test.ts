import { describe, expect, it } from 'vitest';
import { calendarDay, isKnownTimeZone } from '../../src/store/calendar-day.js';

describe('calendarDay', () => {
  it('gives the day in the office time zone, not UTC', () => {
    expect(calendarDay(new Date('2026-12-21T04:59:59Z'), 'America/Toronto')).toBe('2026-12-20');
    expect(calendarDay(new Date('2026-12-21T05:00:00Z'), 'America/Toronto')).toBe('2026-12-21');
    expect(calendarDay(new Date('2026-12-21T07:59:59Z'), 'America/Vancouver')).toBe('2026-12-20');
    expect(calendarDay(new Date('2026-07-01T03:30:00Z'), 'America/St_Johns')).toBe('2026-07-01');
    expect(calendarDay(new Date('0999-01-01T12:00:00Z'), 'UTC')).toBe('0999-01-01');
  });

  it('knows real zones only', () => {
    expect(isKnownTimeZone('America/Toronto')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
