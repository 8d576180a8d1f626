import type { CategoryCode } from './catalogue.js';
import { daysBetween, type IsoDate, parseIsoDate, toIsoDate } from './dates.js';

/**
 * Appeal deadlines as policy: which clock an appeal runs on, when it is due, how far it may be
 * extended, and when the sweeper chases it. Pure: the jurisdiction's policy and its working-day
 * calendar are data handed in, and "today" is always an argument.
 *
 * Deadlines are counted in calendar days (or months) from the day of registration, or of receipt
 * where the law says so (`termRunsFrom`); a deadline that falls on a day off moves to the next working day (the general rule of
 * civil law, e.g. art. 193 of the Russian Civil Code, which offices apply to appeal terms too).
 */

export const jurisdictions = ['ru', 'ua', 'cn'] as const;
export type Jurisdiction = (typeof jurisdictions)[number];

/** A length of time: whole calendar days, or calendar months (a month from 31 January is 28/29 February). */
export interface Period {
  readonly amount: number;
  readonly unit: 'days' | 'months';
}

/**
 * Which days are worked. `holidays` are days off that would otherwise be worked; `workingWeekends`
 * are weekend days made working days by a transfer (China's 调休, Russia's occasional Saturdays).
 */
export interface WorkingCalendar {
  /** ISO weekday numbers that are days off: 1 = Monday … 7 = Sunday. */
  readonly weekend: readonly number[];
  readonly holidays: readonly IsoDate[];
  readonly workingWeekends: readonly IsoDate[];
  /** Where the list comes from, so that whoever updates it next year knows where to look. */
  readonly source: string;
}

export interface DeadlinePolicy {
  readonly jurisdiction: Jurisdiction;
  readonly law: string;
  /** The office's time zone: an appeal registered at 01:00 local time counts from that local day. */
  readonly timeZone: string;
  /**
   * The day the term runs from: the day of registration (Russia, art. 12(1) 59-FZ; China, the day
   * of acceptance, art. 32), or the day the appeal arrived (Ukraine, art. 20: "від дня їх
   * надходження"), which differ for a letter or a call registered days later.
   */
  readonly termRunsFrom: 'registration' | 'receipt';
  /**
   * Calendar days within which an appeal must be registered after it arrives (Russia, art. 8(2)
   * 59-FZ: 3), where the law gives such a term. The clerk and the head see a late registration:
   * where the term runs from registration, a late one quietly gives the office more time.
   */
  readonly registerWithinDays?: number;
  readonly answerWithin: Period;
  /** The shorter clock of priority categories (and urgent appeals, where the law has them). */
  readonly priorityAnswerWithin: Period;
  /** Categories whose appeals get the priority clock and flag. */
  readonly priorityCategories: readonly CategoryCode[];
  readonly extension: {
    /** How often the answer may be extended (once, in all three laws). */
    readonly times: number;
    readonly maxDays: number;
    /** An upper bound on the whole term from its start (termStart), extension included (Ukraine: 45 days). */
    readonly maxTotalDays?: number;
  };
  /** An appeal outside the office's competence is forwarded (and the applicant told) within this. */
  readonly forwardWithinDays: number;
  /** Whether an appeal with no way to reply is registered as `not_answerable` rather than worked. */
  readonly noContactIsNotAnswerable: boolean;
  /** The chase ladder: the department is reminded, then the head is told, before the due date. */
  readonly escalation: {
    readonly remindDepartmentDaysBefore: number;
    readonly tellHeadDaysBefore: number;
  };
  readonly calendar: WorkingCalendar;
}

// -------------------------------------------------------------------------------------------
// Calendars (data; each office checks them against the official notice every year)

/**
 * Russia, 2026 production calendar (Government decree on moving days off in 2026): the New Year
 * holidays 1–11 January (with 3–4 January moved to 9 January and 31 December), 23 February,
 * 9 March (8 March falls on a Sunday), 1 May, 11 May (for 9 May, a Saturday), 12 June, 4 November,
 * 31 December.
 */
export const russiaCalendar: WorkingCalendar = {
  weekend: [6, 7],
  holidays: [
    '2026-01-01',
    '2026-01-02',
    '2026-01-05',
    '2026-01-06',
    '2026-01-07',
    '2026-01-08',
    '2026-01-09',
    '2026-02-23',
    '2026-03-09',
    '2026-05-01',
    '2026-05-11',
    '2026-06-12',
    '2026-11-04',
    '2026-12-31',
    // 1–8 January are holidays every year (Labour Code art. 112); 2027's transfers follow by decree.
    ...range('2027-01-01', '2027-01-08'),
  ],
  workingWeekends: [],
  source: 'Production calendar of the Russian Federation for 2026 (Government decree on moving days off)',
};

/**
 * Ukraine: while martial law is in force, public holidays are working days (Law No. 2136-IX
 * suspends art. 73 of the Labour Code), so only weekends are days off. When it ends, the
 * holidays of art. 73 go back into this list.
 */
export const ukraineCalendar: WorkingCalendar = {
  weekend: [6, 7],
  holidays: [],
  workingWeekends: [],
  source: 'Labour Code art. 73, suspended under martial law by Law No. 2136-IX',
};

/**
 * China, 2026 (State Council General Office notice on the 2026 holiday arrangements): New Year
 * 1–3 Jan (4 Jan worked), Spring Festival 15–23 Feb (14 and 28 Feb worked), Qingming 4–6 Apr,
 * Labour Day 1–5 May (9 May worked), Dragon Boat 19–21 Jun, Mid-Autumn 25–27 Sep, National Day
 * 1–7 Oct (20 Sep and 10 Oct worked).
 */
export const chinaCalendar: WorkingCalendar = {
  weekend: [6, 7],
  holidays: [
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    ...range('2026-02-15', '2026-02-23'),
    ...range('2026-04-04', '2026-04-06'),
    ...range('2026-05-01', '2026-05-05'),
    ...range('2026-06-19', '2026-06-21'),
    ...range('2026-09-25', '2026-09-27'),
    ...range('2026-10-01', '2026-10-07'),
  ],
  workingWeekends: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  source: 'State Council General Office notice on the 2026 public holiday arrangements',
};

// -------------------------------------------------------------------------------------------
// Policies

const priorityCategories: readonly CategoryCode[] = [
  'disabled',
  'disabled_child',
  'wheelchair_or_bedridden',
  'war_veteran',
];

export const deadlinePolicies: Readonly<Record<Jurisdiction, DeadlinePolicy>> = {
  ru: {
    jurisdiction: 'ru',
    law: 'Federal Law No. 59-FZ "On the procedure for considering appeals of citizens"',
    timeZone: 'Europe/Moscow',
    termRunsFrom: 'registration',
    // Art. 8(2): a written appeal is registered within 3 days of its arrival.
    registerWithinDays: 3,
    // Art. 12(1): 30 days from registration; art. 12(2): extended once by up to 30 days with notice.
    answerWithin: { amount: 30, unit: 'days' },
    // 59-FZ has no shorter term; 15 days for people with disabilities and war veterans is the
    // office's own policy (regional laws give them priority reception), kept as data here.
    priorityAnswerWithin: { amount: 15, unit: 'days' },
    priorityCategories,
    extension: { times: 1, maxDays: 30 },
    // Art. 8(3): forwarded within 7 days of registration, the applicant told.
    forwardWithinDays: 7,
    // Art. 11(1): no name or no postal/e-mail address → no answer.
    noContactIsNotAnswerable: true,
    escalation: { remindDepartmentDaysBefore: 5, tellHeadDaysBefore: 2 },
    calendar: russiaCalendar,
  },
  ua: {
    jurisdiction: 'ua',
    law: 'Law of Ukraine "On citizens\' appeals"',
    timeZone: 'Europe/Kyiv',
    termRunsFrom: 'receipt',
    // Art. 20: within one month; those needing no further study at once, at most 15 days;
    // extendable, but never beyond 45 days in total.
    answerWithin: { amount: 1, unit: 'months' },
    priorityAnswerWithin: { amount: 15, unit: 'days' },
    priorityCategories,
    extension: { times: 1, maxDays: 45, maxTotalDays: 45 },
    // Art. 7: sent on to the competent body within 5 days, the applicant told.
    forwardWithinDays: 5,
    // Art. 8: anonymous appeals are not considered.
    noContactIsNotAnswerable: true,
    escalation: { remindDepartmentDaysBefore: 5, tellHeadDaysBefore: 2 },
    calendar: ukraineCalendar,
  },
  cn: {
    jurisdiction: 'cn',
    law: 'Regulations on Letters and Visits (信访工作条例, 2022)',
    timeZone: 'Asia/Shanghai',
    termRunsFrom: 'registration',
    // Art. 32: handled within 60 days of acceptance; complex matters extended by up to 30 days.
    answerWithin: { amount: 60, unit: 'days' },
    priorityAnswerWithin: { amount: 30, unit: 'days' },
    priorityCategories,
    extension: { times: 1, maxDays: 30 },
    // Art. 22: a matter for another body is passed on within 15 days.
    forwardWithinDays: 15,
    // 12345 hotlines act on anonymous reports too (the street is still cleaned); only the reply
    // is impossible, so the appeal is worked rather than closed as not answerable.
    noContactIsNotAnswerable: false,
    escalation: { remindDepartmentDaysBefore: 7, tellHeadDaysBefore: 3 },
    calendar: chinaCalendar,
  },
};

export function deadlinePolicy(jurisdiction: Jurisdiction): DeadlinePolicy {
  return deadlinePolicies[jurisdiction];
}

/**
 * The office's date of an instant: the day the law counts in (an answer at 01:30 in Moscow is
 * given on that Moscow day, though UTC still says the day before). UTC for an unknown jurisdiction.
 */
export function officeDateOf(instant: Date, jurisdiction: string | undefined): IsoDate {
  const known = (jurisdictions as readonly string[]).includes(jurisdiction ?? '');
  return toIsoDate(instant, known ? deadlinePolicy(jurisdiction as Jurisdiction).timeZone : 'UTC');
}

// -------------------------------------------------------------------------------------------
// Date arithmetic on civil dates (UTC midnight; no time zone enters here)

function toDate(value: IsoDate): Date {
  const parts = parseIsoDate(value);
  if (!parts) throw new RangeError(`Not a YYYY-MM-DD calendar date: "${value}"`);
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
}

// A declaration, not an arrow: the calendars above call it while the module is still loading.
function fromDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromDate(d);
}

/** Calendar months, the day clamped to the end of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = toDate(date);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return fromDate(target);
}

export function addPeriod(date: IsoDate, period: Period): IsoDate {
  return period.unit === 'days' ? addDays(date, period.amount) : addMonths(date, period.amount);
}

export { daysBetween };

function range(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function isWorkingDay(calendar: WorkingCalendar, date: IsoDate): boolean {
  if (calendar.workingWeekends.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = toDate(date).getUTCDay() || 7;
  return !calendar.weekend.includes(weekday);
}

/** The date itself when it is worked, else the first working day after it. */
export function nextWorkingDay(calendar: WorkingCalendar, date: IsoDate): IsoDate {
  let d = date;
  // A year has no run of 30 days off; the bound only stops a malformed calendar looping forever.
  for (let i = 0; i < 60 && !isWorkingDay(calendar, d); i++) d = addDays(d, 1);
  return d;
}

// -------------------------------------------------------------------------------------------
// The rules

export interface DueDate {
  readonly dueDate: IsoDate;
  /** Whether the appeal runs on the shorter clock (and carries the priority flag). */
  readonly priority: boolean;
  /** The date the period itself ended on, before moving off a day off. */
  readonly periodEnd: IsoDate;
}

export function isPriority(policy: DeadlinePolicy, categories: readonly string[]): boolean {
  return categories.some((c) => (policy.priorityCategories as readonly string[]).includes(c));
}

/** The day an appeal's term runs from: its registration day, or (where the law says so) its arrival day. */
export function termStart(
  policy: DeadlinePolicy,
  days: { registeredOn: IsoDate; receivedOn: IsoDate },
): IsoDate {
  return policy.termRunsFrom === 'receipt' && days.receivedOn < days.registeredOn
    ? days.receivedOn
    : days.registeredOn;
}

/** How late an appeal was registered, where the law gives a term for registering it. */
export function lateRegistration(
  policy: DeadlinePolicy,
  days: { registeredOn: IsoDate; receivedOn: IsoDate },
): { readonly daysAfterArrival: number; readonly limitDays: number } | undefined {
  const limitDays = policy.registerWithinDays;
  if (limitDays === undefined) return undefined;
  const daysAfterArrival = daysBetween(days.receivedOn, days.registeredOn);
  return daysAfterArrival > limitDays ? { daysAfterArrival, limitDays } : undefined;
}

/** The legal due date of an appeal whose term runs from `registeredOn` (see termStart). */
export function dueDateFor(input: {
  policy: DeadlinePolicy;
  registeredOn: IsoDate;
  categories?: readonly string[];
}): DueDate {
  const priority = isPriority(input.policy, input.categories ?? []);
  const periodEnd = addPeriod(
    input.registeredOn,
    priority ? input.policy.priorityAnswerWithin : input.policy.answerWithin,
  );
  return { dueDate: nextWorkingDay(input.policy.calendar, periodEnd), priority, periodEnd };
}

/** The day by which an appeal outside the office's competence must have been forwarded. */
export function forwardBy(policy: DeadlinePolicy, registeredOn: IsoDate): IsoDate {
  return nextWorkingDay(policy.calendar, addDays(registeredOn, policy.forwardWithinDays));
}

/**
 * When a department's answer is due: a share of the time left before the case's own deadline,
 * so that the coordinator has days to consolidate (and the head to sign) before it. Never later
 * than the working day before the due date, never before `today`.
 */
export function departmentDueDate(policy: DeadlinePolicy, today: IsoDate, caseDue: IsoDate): IsoDate {
  const left = daysBetween(today, caseDue);
  const reserve = Math.max(1, Math.ceil(left / 3));
  let due = addDays(caseDue, -reserve);
  while (due > today && !isWorkingDay(policy.calendar, due)) due = addDays(due, -1);
  return due < today ? today : due;
}

export type ExtensionRefusal =
  | { readonly code: 'already_extended'; readonly message: string }
  | { readonly code: 'too_long'; readonly message: string }
  | { readonly code: 'not_positive'; readonly message: string }
  | { readonly code: 'past_due'; readonly message: string };

export type ExtensionResult =
  | { readonly ok: true; readonly dueDate: IsoDate; readonly days: number }
  | { readonly ok: false; readonly refusal: ExtensionRefusal };

/**
 * Extends an appeal's due date by `days` from its current due date: allowed `extension.times`
 * times, by at most `extension.maxDays`, and (Ukraine) never beyond `maxTotalDays` from the day
 * the term runs from (`termStart`: for a letter registered late, the day it arrived, so a backdated
 * appeal's 45 days are not counted twice). The new date moves off a day off like any other.
 */
export function extendDueDate(input: {
  policy: DeadlinePolicy;
  termStartsOn: IsoDate;
  currentDue: IsoDate;
  extensionsSoFar: number;
  days: number;
  today: IsoDate;
}): ExtensionResult {
  const { policy, days } = input;
  const limit = policy.extension;
  if (input.extensionsSoFar >= limit.times) {
    return {
      ok: false,
      refusal: {
        code: 'already_extended',
        message: `The deadline may be extended ${limit.times === 1 ? 'once' : `${limit.times} times`}; it already was.`,
      },
    };
  }
  if (!Number.isInteger(days) || days < 1) {
    return {
      ok: false,
      refusal: { code: 'not_positive', message: 'Extend by a whole number of days, at least one.' },
    };
  }
  if (input.today > input.currentDue) {
    return {
      ok: false,
      refusal: {
        code: 'past_due',
        message: 'The deadline has passed; an extension must be decided before it.',
      },
    };
  }
  const allowed = Math.min(
    limit.maxDays,
    limit.maxTotalDays === undefined
      ? limit.maxDays
      : limit.maxTotalDays - daysBetween(input.termStartsOn, input.currentDue),
  );
  if (days > allowed) {
    return {
      ok: false,
      refusal: {
        code: 'too_long',
        message:
          allowed <= 0
            ? `The term may not exceed ${limit.maxTotalDays} days in total; no extension is left.`
            : `The deadline may be extended by at most ${allowed} days.`,
      },
    };
  }
  let dueDate = nextWorkingDay(policy.calendar, addDays(input.currentDue, days));
  // Moving off a day off must not break the total cap: step back to the last working day within it.
  if (limit.maxTotalDays !== undefined) {
    const cap = addDays(input.termStartsOn, limit.maxTotalDays);
    if (dueDate > cap) {
      dueDate = cap;
      while (!isWorkingDay(policy.calendar, dueDate)) dueDate = addDays(dueDate, -1);
    }
  }
  return { ok: true, dueDate, days: daysBetween(input.currentDue, dueDate) };
}

/** The rung of the chase ladder an open appeal stands on today. */
export type EscalationLevel = 'none' | 'department_reminded' | 'head_told' | 'overdue';

export const escalationOrder: readonly EscalationLevel[] = [
  'none',
  'department_reminded',
  'head_told',
  'overdue',
];

export function escalationLevel(policy: DeadlinePolicy, dueDate: IsoDate, today: IsoDate): EscalationLevel {
  const left = daysBetween(today, dueDate);
  if (left < 0) return 'overdue';
  if (left <= policy.escalation.tellHeadDaysBefore) return 'head_told';
  if (left <= policy.escalation.remindDepartmentDaysBefore) return 'department_reminded';
  return 'none';
}
