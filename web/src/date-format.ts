import { office } from './office.js';

/**
 * How the pages write a date: a calendar date (YYYY-MM-DD, no zone) as that day everywhere, and
 * the day of an instant as the office counts it, so that a deadline at the end of the office's
 * day (the API's) is that day on a phone in any zone (office.ts `timeZone`).
 */
export function dateFormatter(locale: string): (isoDateOrInstant: string) => string {
  const long = { day: 'numeric', month: 'long', year: 'numeric' } as const;
  const civil = new Intl.DateTimeFormat(locale, { ...long, timeZone: 'UTC' });
  const officeDay = new Intl.DateTimeFormat(locale, { ...long, timeZone: office.timeZone });
  return (value) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return civil.format(new Date(`${value}T12:00:00Z`));
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? value : officeDay.format(d);
  };
}
