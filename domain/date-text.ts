import { type Language, localeOf } from './catalogue.js';

const formats = new Map<Language, Intl.DateTimeFormat>();

/**
 * A civil date (YYYY-MM-DD, or the date of an instant) as people write it in their language:
 * "22 December 2026", "22 декабря 2026 г.", "2026年12月22日". Messages and letters say dates this
 * way. "2026-12-22" is the machine's form, and in a letter to a pensioner it reads as a code. The
 * date is formatted in UTC, so the calendar day stays the one given.
 */
export function civilDateText(isoDate: string, language: Language): string {
  const day = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return isoDate;
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf[language], { dateStyle: 'long', timeZone: 'UTC' });
    formats.set(language, format);
  }
  return format.format(day);
}
