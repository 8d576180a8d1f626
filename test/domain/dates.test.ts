import { describe, expect, it } from 'vitest';
import { ageInYears, dateOf, fullMonthsBetween, isIsoDate, toIsoDate } from '../../domain/dates.js';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['0099-01-01', true],
  ])('knows whether %s is a real date (%s)', (s, real) => {
    expect(isIsoDate(s)).toBe(real);
  });

  it.each([
    ['2025-03-15', '2026-03-14', 11],
    ['2025-03-15', '2026-03-15', 12],
    ['2025-01-31', '2025-02-28', 0],
    ['2025-01-31', '2025-03-01', 1],
    ['2026-03-15', '2025-03-16', -11],
  ])('counts whole months from %s to %s as %i', (from, to, months) => {
    expect(fullMonthsBetween(from, to)).toBe(months);
  });

  it('ages a leap-day child on 1 March in common years', () => {
    expect(ageInYears('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageInYears('2000-02-29', '2025-03-01')).toBe(25);
  });

  it('takes the calendar date of an instant in the office’s time zone', () => {
    const instant = new Date('2025-12-31T22:30:00Z');

    expect(toIsoDate(instant)).toBe('2025-12-31');
    expect(toIsoDate(instant, 'Europe/Moscow')).toBe('2026-01-01');
    expect(dateOf('2025-12-31T22:30:00Z', 'Europe/Moscow')).toBe('2026-01-01');
    expect(dateOf('2025-06-01')).toBe('2025-06-01');
    expect(() => dateOf('last week')).toThrow(RangeError);
  });
});
