import { daysBetween } from './dates.js';

/** The longest period a report is asked for at once (five years): the server refuses a longer one. */
export const maxReportDays = 5 * 366;

/** Whether a period of calendar dates (YYYY-MM-DD, `from` ≤ `to`) is longer than a report covers. */
export function reportPeriodTooLong(from: string, to: string): boolean {
  return daysBetween(from, to) > maxReportDays;
}
