import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOfDayIn, toIsoDate } from '../../domain/dates.js';
import { infoRequestDeadlineSeconds, infoRequestDueAt } from '../../domain/info-request.js';

describe('the time an applicant has to answer a request for information', () => {
  it('runs to midnight of the 14th day where the office is', () => {
    // Asked at 12:00 in Moscow on 9 April: answer by the end of 23 April, Moscow time.
    expect(infoRequestDueAt(new Date('2036-04-09T09:00:00Z'), 'Europe/Moscow')).toBe(
      '2036-04-23T20:59:59.999Z',
    );
  });

  it("counts from the office's day of the request, not the UTC one", () => {
    // 01:30 on 10 April in Moscow is still 9 April in UTC.
    expect(infoRequestDueAt(new Date('2036-04-09T22:30:00Z'), 'Europe/Moscow')).toBe(
      '2036-04-24T20:59:59.999Z',
    );
  });

  it('ends before the workflow stops waiting, and after 14 full days, whenever the request is made', () => {
    const zones = fc.constantFrom(
      'Europe/Moscow',
      'Asia/Vladivostok',
      'Europe/Kaliningrad',
      'UTC',
      'Europe/Berlin',
    );
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
        zones,
        (at, zone) => {
          const due = Date.parse(infoRequestDueAt(at, zone));
          expect(due).toBeGreaterThanOrEqual(at.getTime() + 14 * 86_400_000);
          expect(due).toBeLessThan(at.getTime() + infoRequestDeadlineSeconds * 1000);
        },
      ),
    );
  });
});

describe('the end of a calendar day in a time zone', () => {
  it('is the last millisecond of that day there, across a change of clocks', () => {
    // Berlin moves its clocks forward on 29 March 2026 (UTC+1 → UTC+2) and back on 25 October.
    for (const day of ['2026-03-29', '2026-10-25', '2026-07-01']) {
      const end = endOfDayIn(day, 'Europe/Berlin');
      expect(toIsoDate(end, 'Europe/Berlin')).toBe(day);
      expect(toIsoDate(new Date(end.getTime() + 1), 'Europe/Berlin')).not.toBe(day);
    }
  });
});
