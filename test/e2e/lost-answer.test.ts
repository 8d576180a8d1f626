import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, describeViolations, screenshot } from './browser.js';
import { type ApplicationAnswers, anna, answerUpToPayment, choose, fill, ready, submit } from './pages.js';
import { browserSuite } from './suite.js';

/**
 * A cheap phone on a line that drops: the request reaches AidFlow, the case is made, and the answer
 * never comes back. Sending again (after a reload, after changing an answer) brings back the case's
 * reference and access code, never a second case, and says in the page's language what the office
 * got. Also: Back from the confirmation lands on a step that says what was sent.
 */

const suite = browserSuite('lost-answer');

interface Receipt {
  caseId: string;
  reference: string;
  accessCode: string;
}

/** Lets the next request to `path` reach the server, then drops its answer; resolves to that answer. */
async function loseTheAnswer(page: Page, path: string): Promise<() => Receipt | undefined> {
  let receipt: Receipt | undefined;
  await page.route(`**${path}`, async (route: Route) => {
    const res = await route.fetch();
    receipt = (await res.json()) as Receipt;
    await route.abort('failed');
  });
  return () => receipt;
}

/** Drops the next request to `path` before it reaches the server. */
async function loseTheRequest(page: Page, path: string): Promise<void> {
  await page.route(`**${path}`, (route) => route.abort('failed'));
}

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const violations = await axe(page);
  expect(violations, `${what}\n${describeViolations(violations)}`).toEqual([]);
}

async function applyUpToCheck(page: Page, lang: string, a: ApplicationAnswers): Promise<void> {
  await page.goto(`${suite.runtime.url}/apply?lang=${lang}`);
  await ready(page);
  await answerUpToPayment(page, a);
  await choose(page, 'payoutMethod', 'cash_desk');
  await submit(page);
  await page.locator('.summary').first().waitFor();
}

/** "Change" the amount from the check step, and back to the check step. */
async function changeAmount(page: Page, amount: string): Promise<void> {
  // The aid section's Change links: the type, the amount, the reason.
  await page.locator('a[href="#aid"]').nth(1).click();
  await page.locator('#amount').waitFor();
  await fill(page, 'amount', amount);
  await submit(page);
  await page.locator('.summary').first().waitFor();
}

async function requestedMinor(caseId: string): Promise<number> {
  const full = await suite.desk.apiAs<{ requestedAmount?: { minor: number } }>(
    'reviewer',
    'GET',
    `/v1/cases/by-id/${caseId}`,
  );
  return full.requestedAmount?.minor ?? Number.NaN;
}

/** The ids of the cases with this reference: one, unless a send made two. */
async function casesWithReference(reference: string): Promise<string[]> {
  const found = await suite.desk.apiAs<{ items: { caseId: string }[] }>(
    'reviewer',
    'GET',
    `/v1/cases?reference=${reference}`,
  );
  return found.items.map((c) => c.caseId);
}

const text = async (page: Page, testId: string) =>
  ((await page.locator(`[data-testid="${testId}"]`).textContent()) ?? '').trim();

describe('an aid application whose answer is lost', () => {
  it('sent, answer lost, amount changed, sent again: the first receipt comes back, in Ukrainian, and Back says it was sent', async () => {
    // Arrange: the application reaches AidFlow and its answer is lost.
    const page = await suite.desk.newPage(360);
    await applyUpToCheck(page, 'uk', { ...anna, fullName: 'Ганна Петрівна Іваненко' });
    const made = await loseTheAnswer(page, '/v1/aid-applications');
    await submit(page);
    await page.locator('[data-testid="send-unknown"]').waitFor();
    const first = made();
    expect(first?.reference).toMatch(/^AID-\d{4}-\d{6}$/);
    expect(await text(page, 'send-unknown')).toContain('Відповідь AidFlow не дійшла');
    await page.unroute('**/v1/aid-applications');
    await screenshot(page, 'lost-answer-apply-unknown-uk-360');
    await expectNoAxeViolations(page, 'check step after a lost answer (uk)');

    // Act: the applicant changes the amount (the warning stays on the check step) and sends again.
    await changeAmount(page, '7000');
    await page.locator('[data-testid="send-unknown"]').waitFor();
    await submit(page);
    await page.locator('[data-testid="reference"]').waitFor();

    // Assert: the case the first send made, with its access code, and what the office has.
    expect(await text(page, 'reference')).toBe(first?.reference);
    expect(await text(page, 'access-code')).toBe(first?.accessCode);
    expect(await text(page, 'sent-as-earlier')).toContain('без змін, внесених пізніше');
    expect(await page.locator('main').textContent()).not.toContain('Idempotency');
    await screenshot(page, 'lost-answer-apply-received-as-first-uk-360');
    await expectNoAxeViolations(page, 'confirmation of the first send (uk)');
    expect(await requestedMinor(first?.caseId ?? '')).toBe(500_000);
    const status = await fetch(`${suite.runtime.url}/v1/cases/${first?.reference}`, {
      headers: { 'x-access-code': first?.accessCode ?? '' },
    });
    expect(status.status).toBe(200);

    // Back from the confirmation lands on an emptied step, which says what was sent and links to it.
    await page.goBack();
    await ready(page);
    const note = page.locator('main .alert--info');
    await note.waitFor();
    expect(await note.textContent()).toContain(first?.reference);
    expect(new URL(page.url()).searchParams.get('step')).not.toBeNull();
    await expectNoAxeViolations(page, 'a step after Back from the confirmation (uk)');
    await note.locator('a').click();
    await page.locator('[data-testid="access-code"]').waitFor();
    expect(await text(page, 'access-code')).toBe(first?.accessCode);
    await page.close();
  });

  it('a send that never arrived, then a changed amount: the changed application is the one made', async () => {
    // Arrange
    const page = await suite.desk.newPage(360);
    await applyUpToCheck(page, 'en', { ...anna, fullName: 'Мария Сергеевна Орлова' });
    await loseTheRequest(page, '/v1/aid-applications');
    await submit(page);
    await page.locator('[data-testid="send-unknown"]').waitFor();
    await page.unroute('**/v1/aid-applications');

    // Act: a reload in between (the draft and what was sent are kept), then the change and the send.
    await page.reload();
    await page.locator('[data-testid="send-unknown"]').waitFor();
    await changeAmount(page, '6500');
    await submit(page);
    await page.locator('[data-testid="reference"]').waitFor();

    // Assert: the confirmation's notices are in (a status box fills a moment after it appears).
    await page.locator('main .alert--warning').first().waitFor();
    expect(await page.locator('[data-testid="sent-as-earlier"]').count()).toBe(0);
    const made = await casesWithReference(await text(page, 'reference'));
    expect(made).toHaveLength(1);
    expect(await requestedMinor(made[0] ?? '')).toBe(650_000);
    await page.close();
  });
});

describe('an appeal whose answer is lost', () => {
  it('sent, answer lost, reloaded, text changed, sent again: its reference and code in Russian, as an appeal', async () => {
    // Arrange
    const page = await suite.desk.newPage(360);
    await page.goto(`${suite.runtime.url}/appeal?lang=ru`);
    await ready(page);
    await choose(page, 'kind', 'request');
    await choose(page, 'topic', 'transport');
    await fill(page, 'subject', 'Остановка у школы');
    await fill(page, 'text', 'Прошу перенести остановку ближе к школе.');
    await fill(page, 'fullName', 'Ирина Львовна Белова');
    await fill(page, 'email', 'belova@example.org');
    const made = await loseTheAnswer(page, '/v1/appeals');
    await submit(page);
    await page.locator('[data-testid="send-unknown"]').waitFor();
    await page.unroute('**/v1/appeals');
    const first = made();
    expect(first?.reference).toMatch(/^APL-\d{4}-\d{6}$/);
    expect(await text(page, 'send-unknown')).toContain('Ответ AidFlow не дошёл');
    await expectNoAxeViolations(page, 'appeal form after a lost answer (ru)');

    // Act
    await page.reload();
    await page.locator('[data-testid="send-unknown"]').waitFor();
    await fill(page, 'text', 'Прошу перенести остановку ближе к школе: дети переходят трассу.');
    await submit(page);
    await page.locator('[data-testid="reference"]').waitFor();

    // Assert: the appeal the first send registered; everything in Russian, worded for an appeal.
    expect(await text(page, 'reference')).toBe(first?.reference);
    expect(await text(page, 'access-code')).toBe(first?.accessCode);
    expect(await text(page, 'sent-as-earlier')).toContain('обращение в том виде');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Посмотреть обращение');
    expect(main).toContain('посмотреть обращение и ответ на него');
    expect(main).not.toContain('заявлени');
    expect(main).not.toMatch(/Idempotency|[A-Za-z]{4,} [a-z]{4,}/);
    await screenshot(page, 'lost-answer-appeal-received-as-first-ru-360');
    await expectNoAxeViolations(page, 'appeal confirmation of the first send (ru)');

    // The form again in this tab says what it sent a moment ago.
    await page.goto(`${suite.runtime.url}/appeal?lang=ru`);
    await ready(page);
    expect(await page.locator('main .alert--info').textContent()).toContain(first?.reference);
    await page.close();
  });

  it('the clerk registers a phoned-in appeal, the answer is lost, and registering again shows the same appeal', async () => {
    // Arrange: received today, so the form's instant is "now": a retry must send the same one.
    const page = await suite.desk.newPage();
    await suite.desk.signIn(page, 'clerk', 'ru');
    await page.goto(`${suite.runtime.url}/staff/register-appeal?lang=ru`);
    await ready(page);
    await choose(page, 'channel', 'phone');
    await choose(page, 'kind', 'complaint');
    await choose(page, 'topic', 'accessibility');
    await fill(page, 'subject', 'Нет пандуса');
    await fill(page, 'text', 'У подъезда нет пандуса.');
    await fill(page, 'fullName', 'Пётр Звонков');
    await fill(page, 'phone', '+7 912 000-11-23');
    const made = await loseTheAnswer(page, '/v1/appeals');
    await submit(page);
    await page.locator('[data-testid="send-unknown"]').waitFor();
    await page.unroute('**/v1/appeals');
    const first = made();
    await expectNoAxeViolations(page, 'register form after a lost answer (ru)');

    // Act: a moment later, the same form again.
    await new Promise((r) => setTimeout(r, 1_100));
    await submit(page);
    await page.locator('[data-testid="reference"]').waitFor();

    // Assert: the same appeal, nothing said about changes (there were none).
    await page.locator('main .alert--warning').first().waitFor();
    expect(await text(page, 'reference')).toBe(first?.reference);
    expect(await text(page, 'access-code')).toBe(first?.accessCode);
    expect(await page.locator('[data-testid="sent-as-earlier"]').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain('Idempotency');
    await page.close();
  });
});

/** Counts the form's sends to `path` from now on (a send the browser could not even start counts too). */
function countSends(page: Page, path: string): () => number {
  let sends = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === path) sends += 1;
  });
  return () => sends;
}

/** Fills the appeal form in English, with a way to be answered. */
async function fillAppeal(page: Page, subject: string): Promise<void> {
  await page.goto(`${suite.runtime.url}/appeal?lang=en`);
  await ready(page);
  await choose(page, 'kind', 'request');
  await choose(page, 'topic', 'transport');
  await fill(page, 'subject', subject);
  await fill(page, 'text', 'Please add an evening bus to the district hospital.');
  await fill(page, 'fullName', 'Oksana Melnyk');
  await fill(page, 'email', 'melnyk@example.org');
}

/**
 * An appeal whose send failed before it reached AidFlow, with the phone still online; the page's
 * clock is the test's from the start, and its sends are counted from then on.
 */
async function appealSentOnAFailingLine(subject: string): Promise<{ page: Page; sends: () => number }> {
  const page = await suite.desk.newPage(360);
  await page.clock.install();
  await fillAppeal(page, subject);
  await loseTheRequest(page, '/v1/appeals');
  await submit(page);
  await page.locator('[data-testid="send-when-online"]').waitFor();
  await page.unroute('**/v1/appeals');
  return { page, sends: countSends(page, '/v1/appeals') };
}

describe('a form sent with no connection', () => {
  it('says, in Ukrainian, that it sends by itself, and does so as soon as the phone is online again', async () => {
    // Arrange: the signal goes just before Send.
    const page = await suite.desk.newPage(360);
    await applyUpToCheck(page, 'uk', { ...anna, fullName: 'Олена Миколаївна Ткач' });
    const sends = countSends(page, '/v1/aid-applications');
    await page.context().setOffline(true);
    try {
      await submit(page);
      await page.locator('[data-testid="send-when-online"]').waitFor();
      expect(await text(page, 'send-when-online')).toContain('вона сама надішле ще раз');
      await screenshot(page, 'send-when-online-uk-360');
      await expectNoAxeViolations(page, 'check step waiting for a connection (uk)');
      expect(sends()).toBe(1);
    } finally {
      // Act: the signal comes back; nobody presses anything.
      await page.context().setOffline(false);
    }

    // Assert: the application is made from these answers, once, and its receipt is shown.
    await page.locator('[data-testid="reference"]').waitFor();
    expect(sends()).toBe(2);
    const made = await casesWithReference(await text(page, 'reference'));
    expect(made).toHaveLength(1);
    expect(await requestedMinor(made[0] ?? '')).toBe(500_000);
    await page.close();
  });

  it('on a line that fails with the phone still online, sends again by itself after 30 seconds', async () => {
    // Arrange: the page's clock is the test's.
    const { page, sends } = await appealSentOnAFailingLine('Evening bus');

    // Act and Assert: nothing before its time, then one send, which brings the receipt.
    await page.clock.fastForward(29_000);
    expect(sends()).toBe(0);
    await page.clock.fastForward(2_000);
    await page.locator('[data-testid="reference"]').waitFor();
    expect(sends()).toBe(1);
    expect(await text(page, 'reference')).toMatch(/^APL-\d{4}-\d{6}$/);
    await page.close();
  });

  it('waits longer once a send of its own fails too: 30 seconds, then 60', async () => {
    // Arrange: the line fails the person's send, then the page's first send of its own.
    const page = await suite.desk.newPage(360);
    await page.clock.install();
    await fillAppeal(page, 'Evening bus, on a line that fails twice');
    await loseTheRequest(page, '/v1/appeals');
    const sends = countSends(page, '/v1/appeals');
    await submit(page);
    await page.locator('[data-testid="send-when-online"]').waitFor();
    const ownSendFailed = page.waitForEvent('requestfailed');
    await page.clock.fastForward(31_000);
    await ownSendFailed;
    // Hidden while it sent, and said again once that send failed.
    await page.locator('[data-testid="send-when-online"]').waitFor();
    await page.unroute('**/v1/appeals');

    // Act and Assert: the next send waits 60 seconds from then, not 30 again.
    expect(sends()).toBe(2);
    await page.clock.fastForward(31_000);
    expect(sends()).toBe(2);
    await page.clock.fastForward(30_000);
    await page.locator('[data-testid="reference"]').waitFor();
    expect(sends()).toBe(3);
    await page.close();
  });

  it('sends nothing by itself when the person changed an answer while the send was on its way', async () => {
    // Arrange: the send hangs on a bad line; meanwhile the person edits the text.
    const page = await suite.desk.newPage(360);
    await page.clock.install();
    await fillAppeal(page, 'Evening bus, changed in flight');
    let failTheSend: () => void = () => {};
    const sendHangs = new Promise<void>((resolve) => {
      void page.route('**/v1/appeals', (route) => {
        failTheSend = () => void route.abort('failed');
        resolve();
      });
    });
    await submit(page);
    await sendHangs;
    await fill(page, 'text', 'Please add an evening bus to the district hospital, at 19:00.');

    // Act: the send fails for want of a connection, then the line is there for minutes.
    failTheSend();
    await page.locator('[data-testid="send-unknown"]').waitFor();
    await page.unroute('**/v1/appeals');
    const sends = countSends(page, '/v1/appeals');
    await page.clock.fastForward(180_000);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));

    // Assert: the changed answers wait for the person's Send.
    expect(sends()).toBe(0);
    expect(await page.locator('[data-testid="send-when-online"]').count()).toBe(0);
    await page.close();
  });

  it('sends nothing by itself once the person changes an answer: only what they sent goes without them', async () => {
    // Arrange
    const { page, sends } = await appealSentOnAFailingLine('Evening bus, changed');

    // Act: the person edits the text, and the connection is there for minutes.
    await fill(page, 'text', 'Please add an evening bus to the district hospital, at 19:00.');
    await page.clock.fastForward(180_000);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));

    // Assert: still waiting for the person's Send, and the page no longer says it sends by itself.
    expect(sends()).toBe(0);
    await page.locator('[data-testid="send-unknown"]').waitFor();
    expect(await page.locator('[data-testid="send-when-online"]').count()).toBe(0);
    await page.close();
  });
});
