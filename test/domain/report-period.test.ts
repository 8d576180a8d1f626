import { describe, expect, it } from 'vitest';
import { maxReportDays, reportPeriodTooLong } from '../../domain/report-period.js';

describe('the period a report covers', () => {
  it('allows five years, leap days included, and refuses a day more', () => {
    expect(maxReportDays).toBe(1830);
    expect(reportPeriodTooLong('2021-01-01', '2026-01-05')).toBe(false);
    expect(reportPeriodTooLong('2021-01-01', '2026-01-06')).toBe(true);
    expect(reportPeriodTooLong('2026-01-01', '2026-12-31')).toBe(false);
  });
});
