import { describe, expect, it } from 'vitest';
import { addYears, anniversary, compareDates } from '../../src/decision/calendar-date.js';

describe('calendar dates', () => {
  it('compares ISO dates', () => {
    expect(compareDates('2026-11-20', '2026-12-01')).toBeLessThan(0);
    expect(compareDates('2026-12-01', '2026-12-01')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
  });

  it.each([
    ['2026-12-01', 3, '2029-12-01'],
    ['2028-02-29', 3, '2031-03-01'],
    ['2028-02-29', 4, '2032-02-29'],
    ['2026-03-01', 1, '2027-03-01'],
  ])('%s plus %i years is %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    ['2026-12-01', 3, '2029-12-01'],
    ['2028-02-29', 3, '2031-02-28'],
    ['2028-02-29', 4, '2032-02-29'],
    ['2027-02-28', 1, '2028-02-28'],
  ])('the anniversary of %s after %i years, a leap day falling on the last day of February, is %s', (date, years, expected) => {
    expect(anniversary(date, years)).toBe(expected);
  });
});
