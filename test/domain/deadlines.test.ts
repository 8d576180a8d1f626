import { describe, expect, it } from 'vitest';
import {
  addMonths,
  deadlinePolicies,
  departmentDueDate,
  dueDateFor,
  escalationLevel,
  extendDueDate,
  forwardBy,
  isWorkingDay,
  type Jurisdiction,
  lateRegistration,
  nextWorkingDay,
  officeDateOf,
  termStart,
} from '../../domain/deadlines.js';

const policy = (j: Jurisdiction) => deadlinePolicies[j];

describe('appeal due dates, per jurisdiction (test vectors)', () => {
  it.each([
    // jurisdiction, registered on, categories, due date, why
    ['ru', '2026-03-02', [], '2026-04-01', '30 days, a Wednesday'],
    ['ru', '2026-01-24', [], '2026-02-24', '23 February is a public holiday'],
    ['ru', '2026-02-05', [], '2026-03-10', 'Saturday, Sunday, then 9 March (for 8 March)'],
    ['ru', '2026-04-01', [], '2026-05-04', '1 May holiday, then the weekend'],
    ['ru', '2026-12-01', [], '2027-01-11', '31 December, the New Year holidays and a weekend'],
    ['ru', '2026-06-01', ['war_veteran'], '2026-06-16', 'a war veteran: the 15-day clock'],
    ['ru', '2026-05-28', ['disabled'], '2026-06-15', 'priority clock ending on 12 June (Russia Day)'],
    ['ua', '2026-03-16', [], '2026-04-16', 'one calendar month'],
    ['ua', '2026-01-31', [], '2026-03-02', 'a month from 31 January ends 28 February, a Saturday'],
    ['ua', '2026-11-25', [], '2026-12-25', 'Christmas is worked under martial law'],
    ['ua', '2026-03-16', ['disabled'], '2026-03-31', 'a person with a disability: 15 days'],
    ['cn', '2026-08-01', [], '2026-09-30', '60 days'],
    ['cn', '2026-03-02', [], '2026-05-06', 'Labour Day holidays 1–5 May'],
    ['cn', '2026-08-02', [], '2026-10-08', 'National Day holidays 1–7 October'],
    ['cn', '2026-07-21', [], '2026-09-20', 'Sunday 20 September is a working day (调休)'],
    ['cn', '2026-06-01', ['wheelchair_or_bedridden'], '2026-07-01', 'priority: 30 days'],
  ] as const)('%s: registered %s %j → due %s (%s)', (j, registeredOn, categories, due, _why) => {
    const result = dueDateFor({ policy: policy(j), registeredOn, categories });

    expect(result.dueDate).toBe(due);
    expect(result.priority).toBe(categories.length > 0);
  });

  it('gives no priority to categories outside the list (a pensioner alone)', () => {
    expect(
      dueDateFor({ policy: policy('ru'), registeredOn: '2026-03-02', categories: ['pensioner'] }),
    ).toEqual({
      dueDate: '2026-04-01',
      priority: false,
      periodEnd: '2026-04-01',
    });
  });
});

describe('the day the term runs from', () => {
  it.each([
    // jurisdiction, arrived, registered, term runs from, why
    ['ru', '2026-03-02', '2026-03-04', '2026-03-04', '59-FZ art. 12(1): from registration'],
    ['cn', '2026-03-02', '2026-03-04', '2026-03-04', '信访工作条例 art. 32: from acceptance'],
    ['ua', '2026-03-02', '2026-03-04', '2026-03-02', 'Law on citizens’ appeals art. 20: from arrival'],
    ['ua', '2026-03-04', '2026-03-04', '2026-03-04', 'registered the day it arrived'],
  ] as const)('%s: arrived %s, registered %s → from %s (%s)', (j, receivedOn, registeredOn, from, _why) => {
    expect(termStart(policy(j), { registeredOn, receivedOn })).toBe(from);
  });

  it('runs a Ukrainian letter’s month from the day it arrived, not the day it was registered', () => {
    const from = termStart(policy('ua'), { registeredOn: '2026-03-20', receivedOn: '2026-03-16' });

    expect(dueDateFor({ policy: policy('ua'), registeredOn: from }).dueDate).toBe('2026-04-16');
  });
});

describe('working-day calendars', () => {
  it.each([
    ['ru', '2026-01-09', false, 'moved New Year holiday'],
    ['ru', '2026-01-12', true, 'first working Monday'],
    ['ru', '2026-03-08', false, 'a Sunday'],
    ['ua', '2026-08-24', true, 'Independence Day is worked under martial law'],
    ['cn', '2026-02-14', true, 'a Saturday made a working day'],
    ['cn', '2026-02-18', false, 'Spring Festival'],
  ] as const)('%s: %s is a working day: %s (%s)', (j, date, working, _why) => {
    expect(isWorkingDay(policy(j).calendar, date)).toBe(working);
  });

  it('leaves a working day where it is and moves a day off forward', () => {
    expect(nextWorkingDay(policy('ru').calendar, '2026-04-01')).toBe('2026-04-01');
    expect(nextWorkingDay(policy('ru').calendar, '2026-01-01')).toBe('2026-01-12');
  });

  it('clamps a month to the end of a shorter month, leap years included', () => {
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});

describe('registering on time', () => {
  it('counts a Russian registration late after three calendar days, and never a Ukrainian one', () => {
    const days = (receivedOn: string) => ({ receivedOn, registeredOn: '2026-03-20' });

    expect(lateRegistration(policy('ru'), days('2026-03-17'))).toBeUndefined();
    expect(lateRegistration(policy('ru'), days('2026-03-16'))).toEqual({ daysAfterArrival: 4, limitDays: 3 });
    expect(lateRegistration(policy('ua'), days('2026-03-01'))).toBeUndefined();
  });
});

describe('extensions', () => {
  it('extends a Russian appeal once by up to 30 days, moving off a day off', () => {
    const first = extendDueDate({
      policy: policy('ru'),
      termStartsOn: '2026-03-02',
      currentDue: '2026-04-01',
      extensionsSoFar: 0,
      days: 30,
      today: '2026-03-25',
    });

    expect(first).toEqual({ ok: true, dueDate: '2026-05-04', days: 33 });
  });

  it('refuses a second extension, a longer one, and one after the deadline passed', () => {
    const base = {
      policy: policy('ru'),
      termStartsOn: '2026-03-02',
      currentDue: '2026-04-01',
      today: '2026-03-25',
    };

    expect(extendDueDate({ ...base, extensionsSoFar: 1, days: 10 })).toMatchObject({
      ok: false,
      refusal: { code: 'already_extended' },
    });
    expect(extendDueDate({ ...base, extensionsSoFar: 0, days: 31 })).toMatchObject({
      ok: false,
      refusal: { code: 'too_long' },
    });
    expect(extendDueDate({ ...base, extensionsSoFar: 0, days: 5, today: '2026-04-02' })).toMatchObject({
      ok: false,
      refusal: { code: 'past_due' },
    });
  });

  it('keeps a Ukrainian appeal within 45 days in total', () => {
    const base = {
      policy: policy('ua'),
      termStartsOn: '2026-03-16',
      currentDue: '2026-04-16',
      extensionsSoFar: 0,
      today: '2026-04-01',
    };

    expect(extendDueDate({ ...base, days: 14 })).toEqual({ ok: true, dueDate: '2026-04-30', days: 14 });
    expect(extendDueDate({ ...base, days: 15 })).toMatchObject({ ok: false, refusal: { code: 'too_long' } });
  });

  it('extends a Chinese appeal by up to 30 days', () => {
    expect(
      extendDueDate({
        policy: policy('cn'),
        termStartsOn: '2026-03-02',
        currentDue: '2026-05-06',
        extensionsSoFar: 0,
        days: 30,
        today: '2026-05-01',
      }),
    ).toEqual({ ok: true, dueDate: '2026-06-05', days: 30 });
  });
});

describe('forwarding, department deadlines and the chase ladder', () => {
  it.each([
    ['ru', '2026-03-02', '2026-03-10', '7 days lands on 9 March, a holiday'],
    ['ua', '2026-03-16', '2026-03-23', '5 days lands on a Saturday'],
    ['cn', '2026-09-20', '2026-10-08', '15 days lands in the National Day holidays'],
  ] as const)('%s: an appeal registered %s is forwarded by %s (%s)', (j, registeredOn, by, _why) => {
    expect(forwardBy(policy(j), registeredOn)).toBe(by);
  });

  it('gives departments a working day well before the case is due', () => {
    expect(departmentDueDate(policy('ru'), '2026-03-02', '2026-04-01')).toBe('2026-03-20');
    expect(departmentDueDate(policy('ru'), '2026-03-31', '2026-04-01')).toBe('2026-03-31');
  });

  it.each([
    ['2026-03-20', 'none'],
    ['2026-03-27', 'department_reminded'],
    ['2026-03-30', 'head_told'],
    ['2026-04-01', 'head_told'],
    ['2026-04-02', 'overdue'],
  ] as const)('puts an appeal due 2026-04-01 on the rung "%s" → %s', (today, level) => {
    expect(escalationLevel(policy('ru'), '2026-04-01', today)).toBe(level);
  });
});

describe("the office's date of an instant", () => {
  it('is the Moscow day for a Russian office at 01:30 Moscow time, though UTC says the day before', () => {
    expect(officeDateOf(new Date('2026-03-01T22:30:00.000Z'), 'ru')).toBe('2026-03-02');
  });

  it('is the UTC day for an unknown jurisdiction', () => {
    expect(officeDateOf(new Date('2026-03-01T22:30:00.000Z'), undefined)).toBe('2026-03-01');
  });
});
