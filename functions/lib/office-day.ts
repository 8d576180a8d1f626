import type { IsoDate } from '../../domain/dates.js';
import { deadlinePolicy, officeDateOf } from '../../domain/deadlines.js';
import { config } from './config.js';

/**
 * The office's calendar: which day and year an instant falls on where the office is. The law and
 * the staff count in the office's days (rules in force, reference years, budget years, payment
 * dates), and between midnight and 03:00 in Moscow the UTC date is still the day before. One
 * deployment is one office, so its zone is the one of its jurisdiction (JURISDICTION, which infra
 * sets on every function; the same zone the appeal deadlines use).
 */
export function officeTimeZone(): string {
  return deadlinePolicy(config().JURISDICTION).timeZone;
}

/** The office's date of an instant (a Date or an ISO timestamp as stored): `officeDateOf` here. */
export function officeDate(instant: Date | string): IsoDate {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new RangeError(`officeDate: not a time: ${String(instant)}`);
  return officeDateOf(at, config().JURISDICTION);
}

/** The office's calendar year of an instant: the year of its references and of its budget. */
export function officeYear(instant: Date | string): number {
  return Number(officeDate(instant).slice(0, 4));
}
