import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../domain/dates.js';
import { addDays, deadlinePolicies, dueDateFor } from '../../domain/deadlines.js';
import { axe, describeViolations, screenshot } from './browser.js';
import { choose, fill, ready, submit } from './pages.js';
import { browserSuite } from './suite.js';

/**
 * An appeal that came by phone, registered by the clerk on the desk (channel and the day it
 * arrived), shown to staff with both, counted under its channel; a second one from the same
 * person on the same topic links back to the first; the head's list of repeat appellants.
 */

const suite = browserSuite('register');

const languages = ['en', 'uk', 'ru', 'zh'] as const;

/** axe on the page as it is now, in every language (the switch keeps the page). */
async function axeInEveryLanguage(page: Page, path: string, what: string): Promise<void> {
  for (const lang of languages) {
    await page.goto(`${suite.runtime.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
    await ready(page);
    await page.waitForLoadState('networkidle');
    const violations = await axe(page);
    expect(violations, `${what} (${lang}): ${describeViolations(violations)}`).toEqual([]);
  }
}

/** Today in the browser's (this machine's) calendar, as the form counts it. */
function localDay(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function fillPhonedComplaint(page: Page, subject: string): Promise<void> {
  await choose(page, 'channel', 'phone');
  await fill(page, 'receivedOn', localDay(-3));
  await choose(page, 'kind', 'complaint');
  await choose(page, 'topic', 'accessibility');
  await fill(page, 'subject', subject);
  await fill(page, 'text', 'Не может выйти из дома на коляске: у подъезда нет пандуса.');
  await fill(page, 'fullName', 'Пётр Звонков');
  await fill(page, 'birthDay', '11');
  await fill(page, 'birthMonth', '2');
  await fill(page, 'birthYear', '1948');
  await page.locator('input[name="categories"][value="war_veteran"]').check();
  await fill(page, 'phone', '+7 912 000-11-22');
}

describe('registering an appeal on the staff desk', () => {
  let first: { reference: string; accessCode: string };

  it('registers a phoned-in appeal with its channel and the day it arrived, and shows both to staff', async () => {
    // Arrange: the clerk's desk offers the page; the head's does not.
    const page = await suite.desk.newPage();
    await suite.desk.signIn(page, 'clerk');
    const nav = page.locator('.staff-nav');
    expect(await nav.getByRole('link', { name: 'Register an appeal' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Repeat appellants' }).count()).toBe(0);
    await axeInEveryLanguage(page, '/staff/register-appeal', 'the empty form');
    await page.goto(`${suite.runtime.url}/staff/register-appeal?lang=en`);
    await ready(page);
    expect(await page.locator('#receivedOn').inputValue()).toBe(localDay());

    // Act 1: nothing chosen, a day ahead: the form says what is missing.
    await fill(page, 'receivedOn', localDay(1));
    await submit(page);
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('#channel-error').textContent()).toContain(
      'Choose how the appeal reached the office',
    );
    expect(await page.locator('#receivedOn-error').textContent()).toContain(
      'The date received cannot be in the future',
    );
    const invalid = await axe(page);
    expect(invalid, describeViolations(invalid)).toEqual([]);
    // A reload keeps what the clerk has typed so far.
    await fill(page, 'subject', 'Звонок по поводу пандуса');
    await page.reload();
    await ready(page);
    expect(await page.locator('#subject').inputValue()).toBe('Звонок по поводу пандуса');
    expect(await page.locator('#receivedOn').inputValue()).toBe(localDay(1));

    // Act 2: the call of three days ago.
    await fillPhonedComplaint(page, 'Нет пандуса у подъезда');
    await submit(page);
    await page.locator('[data-testid="access-code"]').waitFor();

    // Assert: the reference, the code to read out, the due date.
    const reference = (await page.locator('[data-testid="reference"]').textContent())?.trim() ?? '';
    const accessCode = (await page.locator('[data-testid="access-code"]').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^APL-\d{4}-\d{6}$/);
    expect(accessCode).not.toBe('');
    expect((await page.locator('[data-testid="due-date"]').textContent())?.trim()).not.toBe('');
    const done = await axe(page);
    expect(done, describeViolations(done)).toEqual([]);
    await screenshot(page, 'register-appeal-done');
    first = { reference, accessCode };

    // As the applicant sees it: by phone, received three days ago, on the war veteran's clock
    // counted from registration (59-FZ, the runtime's jurisdiction).
    const view = (await (
      await fetch(`${suite.runtime.url}/v1/cases/${reference}`, { headers: { 'x-access-code': accessCode } })
    ).json()) as { channel: string; receivedAt: string; dueDate: string; priority: boolean };
    const policy = deadlinePolicies.ru;
    const registeredOn = toIsoDate(new Date(), policy.timeZone);
    expect(view.channel).toBe('phone');
    expect(view.receivedAt).toBe(new Date(`${localDay(-3)}T12:00:00`).toISOString());
    expect(view.priority).toBe(true);
    expect(view.dueDate).toBe(dueDateFor({ policy, registeredOn, categories: ['war_veteran'] }).dueDate);

    // The case for staff: received, the channel, registered.
    await page.getByRole('link', { name: `Open the whole case ${reference}` }).click();
    await page.locator('[data-testid="case-dates"]').waitFor();
    const dates = (await page.locator('[data-testid="case-dates"]').textContent()) ?? '';
    expect(dates).toContain('Channel: phone (hotline)');
    expect(dates).toContain('Registered:');
    expect(await page.locator('[data-testid="repeat-of"]').count()).toBe(0);

    // The search lists it as received three days ago, by phone.
    await page.goto(`${suite.runtime.url}/staff/cases?reference=${reference}&lang=en`);
    const row = page.locator(`tr[data-reference="${reference}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('(phone (hotline))');
    await page.close();
  });

  it('links a second appeal of the same person on the topic to the first, and lists them for the head', async () => {
    // Arrange
    const clerk = await suite.desk.newPage();
    await suite.desk.signIn(clerk, 'clerk');
    await clerk.goto(`${suite.runtime.url}/staff/register-appeal?lang=en`);
    await ready(clerk);

    // Act: the same person calls again about the same ramp.
    await fillPhonedComplaint(clerk, 'Пандуса всё нет');
    await submit(clerk);
    await clerk.locator('[data-testid="access-code"]').waitFor();
    const second = (await clerk.locator('[data-testid="reference"]').textContent())?.trim() ?? '';

    // Assert: the case says what it repeats, and the link opens the earlier case.
    await clerk.getByRole('link', { name: `Open the whole case ${second}` }).click();
    const repeat = clerk.locator('[data-testid="repeat-of"]');
    await repeat.waitFor();
    expect(await repeat.textContent()).toBe(
      `Repeats ${first.reference} (the 2nd appeal on this topic in 12 months)`,
    );
    const caseUrl = clerk.url().replace(/\?.*$/, '').replace(suite.runtime.url, '');
    await axeInEveryLanguage(clerk, caseUrl, 'the repeat appeal’s case');
    await clerk.goto(`${suite.runtime.url}${caseUrl}?lang=en`);
    await repeat.getByRole('link', { name: first.reference }).click();
    await clerk.getByRole('heading', { name: new RegExp(first.reference) }).waitFor();
    await clerk.close();

    // The reports count both under the phone, none under the web.
    await suite.runtime.settle();
    const report = await suite.desk.apiAs<{
      received: { byChannel: Record<string, number> };
      repeatAppeals: number;
    }>('head', 'GET', `/v1/reports/appeals?from=${addDays(localDay(), -40)}&to=${addDays(localDay(), 1)}`);
    expect(report.received.byChannel.phone).toBe(2);
    expect(report.received.byChannel.web ?? 0).toBe(0);
    expect(report.repeatAppeals).toBe(1);

    // The head's list of repeat appellants, and the clerk's desk has no such page.
    const head = await suite.desk.newPage();
    await suite.desk.signIn(head, 'head');
    const nav = head.locator('.staff-nav');
    expect(await nav.getByRole('link', { name: 'Register an appeal' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Repeat appellants' }).click();
    const table = head.locator('[data-testid="repeat-appellants"]');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const cells = await rows.first().locator('td').allTextContents();
    expect(cells[0]).toBe('Пётр Звонков');
    expect(cells[1]).toBe('1');
    expect(cells[2]).toBe('Access for people with disabilities: ramps, lifts');
    expect(cells[3]).toContain(second);
    await screenshot(head, 'repeat-appellants');
    await axeInEveryLanguage(head, '/staff/repeat-appellants', 'the repeat appellants');
    await head.goto(`${suite.runtime.url}/staff/repeat-appellants?lang=en`);
    await head.getByRole('link', { name: second }).click();
    await head.locator(`tr[data-reference="${second}"]`).waitFor();
    await head.close();
  });

  it('warns the clerk and shows on the case a letter registered later than 59-FZ’s 3 days', async () => {
    // Arrange
    const clerk = await suite.desk.newPage();
    await suite.desk.signIn(clerk, 'clerk');
    await clerk.goto(`${suite.runtime.url}/staff/register-appeal?lang=en`);
    await ready(clerk);

    // Act: a letter that lay in the post room for eight days.
    await fillPhonedComplaint(clerk, 'Письмо о протекающей крыше');
    await choose(clerk, 'channel', 'post');
    await fill(clerk, 'receivedOn', localDay(-8));
    await fill(clerk, 'fullName', 'Анна Письмова');
    await submit(clerk);
    await clerk.locator('[data-testid="access-code"]').waitFor();

    // Assert: the warning on the confirmation, and on the case in Russian.
    expect(await clerk.locator('[data-testid="registered-late"]').textContent()).toMatch(
      /^Registered [89] days after it arrived; the law requires registration within 3 days\.$/,
    );
    const reference = (await clerk.locator('[data-testid="reference"]').textContent())?.trim() ?? '';
    await clerk.getByRole('link', { name: `Open the whole case ${reference}` }).click();
    await clerk.locator('[data-testid="registered-late"]').waitFor();
    await clerk.goto(`${clerk.url().replace(/\?.*$/, '')}?lang=ru`);
    await clerk.locator('[data-testid="case-dates"]').waitFor();
    expect(await clerk.locator('[data-testid="registered-late"]').textContent()).toMatch(
      /^Зарегистрировано через [89] дней после поступления; закон требует регистрации в течение 3 дней\.$/,
    );
    const violations = await axe(clerk);
    expect(violations, describeViolations(violations)).toEqual([]);
    await clerk.close();
  });
});
