/** The longest period a report is asked for at once (five years): the server refuses a longer one. */
export const maxReportDays = 5 * 366;

/** Whether a period of civil dates (YYYY-MM-DD, `from` ≤ `to`) is longer than a report covers. */
export function reportPeriodTooLong(from: string, to: string): boolean {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 > maxReportDays;
}
