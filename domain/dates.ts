import * as z from 'zod/mini';
import { meta, typeMessage } from './schema-helpers.js';

/**
 * Calendar dates as `YYYY-MM-DD` strings. Dates (birth dates, effective dates) are civil dates
 * with no time zone; comparing them as strings is correct because the format is fixed-width.
 * Nothing here reads the clock: "today" is always passed in.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** The parts of a real calendar date, or undefined ("2026-02-30" is not one). */
export function parseIsoDate(value: string): DateParts | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear keeps them as given.
  probe.setUTCFullYear(year);
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== undefined;
}

export function isoDateSchema(label: string) {
  return meta(
    z.string({ error: typeMessage(label, 'a date written as YYYY-MM-DD') }).check(
      z.refine((s) => ISO_DATE.test(s), {
        error: `${label} must be written as YYYY-MM-DD, for example 1950-04-02.`,
      }),
      z.refine((s) => !ISO_DATE.test(s) || isIsoDate(s), {
        error: `${label} is not a real calendar date: check the day and the month.`,
      }),
    ),
    { format: 'date' },
  );
}

// One formatter per zone, made once: making one costs far more than using it, and the intake
// takes the office's date on every request.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const clockFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterIn(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let formatter = cache.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
    cache.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The calendar date of an instant in a time zone (default UTC). An office in Moscow passes
 * 'Europe/Moscow' so that an application made at 01:00 local time on 1 January counts as
 * 1 January.
 */
export function toIsoDate(instant: Date, timeZone = 'UTC'): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('toIsoDate: invalid Date');
  if (timeZone === 'UTC') return instant.toISOString().slice(0, 10);
  const parts = formatterIn(dayFormatters, timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** How far a time zone's clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = formatterIn(clockFormatters, timeZone, {
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (instant.getTime() - instant.getUTCMilliseconds());
}

/**
 * The last millisecond of a calendar date in a time zone: "by 21 December" in Moscow ends at
 * 20:59:59.999 UTC that day. The offset is read at the guessed instant and once more at the
 * corrected one, which settles a change of clocks during the day.
 */
export function endOfDayIn(date: IsoDate, timeZone = 'UTC'): Date {
  const { year, month, day } = partsOrThrow(date);
  const nextMidnightAsUtc = Date.UTC(year, month - 1, day + 1);
  let start = nextMidnightAsUtc - zoneOffsetMs(new Date(nextMidnightAsUtc), timeZone);
  start = nextMidnightAsUtc - zoneOffsetMs(new Date(start), timeZone);
  return new Date(start - 1);
}

/** Accepts a date or an ISO instant (as stored for past payments) and returns the calendar date. */
export function dateOf(value: string | Date, timeZone = 'UTC'): IsoDate {
  if (value instanceof Date) return toIsoDate(value, timeZone);
  if (isIsoDate(value)) return value;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date or an ISO instant: "${value}"`);
  return toIsoDate(instant, timeZone);
}

function partsOrThrow(value: IsoDate): DateParts {
  const parts = parseIsoDate(value);
  if (!parts) throw new RangeError(`Not a YYYY-MM-DD calendar date: "${value}"`);
  return parts;
}

/**
 * Whole calendar months from `from` to `to`: 2025-03-15 → 2026-03-14 is 11, → 2026-03-15 is 12.
 * Negative when `to` is before `from`.
 */
export function fullMonthsBetween(from: IsoDate, to: IsoDate): number {
  const a = partsOrThrow(from);
  const b = partsOrThrow(to);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  if (months > 0 && b.day < a.day) return months - 1;
  if (months < 0 && b.day > a.day) return months + 1;
  return months;
}

/** Age in whole years on a date (someone born on 29 February turns a year older on 1 March). */
export function ageInYears(birthDate: IsoDate, on: IsoDate): number {
  return Math.trunc(fullMonthsBetween(birthDate, on) / 12);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); both YYYY-MM-DD calendar dates. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const day = (value: IsoDate) => {
    const parts = parseIsoDate(value);
    if (!parts) throw new RangeError(`Not a YYYY-MM-DD calendar date: "${value}"`);
    return Date.UTC(parts.year, parts.month - 1, parts.day);
  };
  return Math.round((day(to) - day(from)) / 86_400_000);
}
