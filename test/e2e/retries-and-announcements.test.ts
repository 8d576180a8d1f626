import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localeOf } from '../../domain/catalogue.js';
import { en } from '../../web/src/messages/en.js';
import { ru } from '../../web/src/messages/ru.js';
import { axe, describeViolations, screenshot } from './browser.js';
import { choose, fill, ready } from './pages.js';
import { browserSuite } from './suite.js';

/**
 * A request that reached the server but whose answer was lost on the way back, and what the
 * person then sees: the applicant's reply to a request for information and finance's payment
 * batch, each retried, are recognised as done (in the page's language, never the server's
 * English); a typed reply survives a reload; the status page's forms announce their errors and
 * their success by moving focus to them.
 */

const suite = browserSuite('retries');
const newPage = () => suite.desk.newPage();
const decideViaApi = (username: string, reference: string, type: string, decision: object) =>
  suite.desk.decideViaApi(username, reference, type, decision);

let people = 0;
async function applyViaApi(
  minor: number,
): Promise<{ caseId: string; reference: string; accessCode: string }> {
  people += 1;
  const res = await fetch(`${suite.runtime.url}/v1/aid-applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      applicant: {
        fullName: `Повтор Тестович ${people}`,
        birthDate: `1952-07-${String(people).padStart(2, '0')}`,
        phone: '+7 900 111-22-33',
        preferredLanguage: 'ru',
      },
      categories: ['pensioner'],
      household: { size: 1, children: 0, monthlyIncome: { currency: 'RUB', minor: 1_000_000 } },
      aidType: 'cash',
      requestedAmount: { currency: 'RUB', minor },
      reason: 'e2e',
      payout: { method: 'cash_desk' },
    }),
  });
  expect(res.status).toBe(201);
  await suite.runtime.settle();
  return (await res.json()) as { caseId: string; reference: string; accessCode: string };
}

/** Lets the request reach the server, then loses its answer (once): the browser sees a network error. */
async function loseNextAnswer(
  page: Page,
  urlPart: string,
  method: string,
): Promise<{ reached: () => number }> {
  let reached = 0;
  await page.route(
    (url) => url.pathname.includes(urlPart),
    async (route) => {
      if (route.request().method() !== method || reached > 0) return route.fallback();
      reached += 1;
      await route.fetch();
      await route.abort('failed');
    },
  );
  return { reached: () => reached };
}

async function openCase(page: Page, lang: string, reference: string, accessCode: string): Promise<void> {
  await page.goto(`${suite.runtime.url}/status?lang=${lang}&reference=${reference}`);
  await ready(page);
  await fill(page, 'accessCode', accessCode);
  await page.locator('main form button[type="submit"]').last().click();
  await page.locator('[data-testid="case-status"]').waitFor();
}

const focusedTestId = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? el?.className ?? el?.tagName ?? '';
  });

describe('an answer lost on the way back, then a retry', () => {
  it('the applicant’s reply: kept across a reload, and on a retry said to be received, in Russian', async () => {
    // Arrange: the reviewer asks a question.
    const applied = await applyViaApi(250_000);
    await decideViaApi('reviewer', applied.reference, 'review', {
      outcome: 'request_info',
      comment: 'Пришлите копию пенсионного удостоверения.',
    });
    await suite.runtime.settle();
    const page = await newPage();
    await openCase(page, 'ru', applied.reference, applied.accessCode);

    // Act 1: send nothing.
    await page.locator('#reply-title ~ form button[type="submit"]').click();

    // Assert 1: an error summary, focused, links the empty field.
    await page.locator('.error-summary').waitFor();
    await expect.poll(() => focusedTestId(page)).toContain('error-summary');
    expect(await page.locator('.error-summary a[href="#reply"]').count()).toBe(1);

    // Act 2: half a reply, and a reload.
    const text = 'Копию удостоверения отправила почтой 3 числа.';
    await fill(page, 'reply', text);
    await page.reload();
    await page.locator('[data-testid="case-status"]').waitFor();

    // Assert 2: the case is shown again, with the reply as it was typed.
    expect(await page.locator('#reply').inputValue()).toBe(text);

    // Act 3: the answer to the first send is lost; the applicant sends again.
    const lost = await loseNextAnswer(page, '/responses', 'POST');
    await page.locator('#reply-title ~ form button[type="submit"]').click();
    await page.locator('#reply-title ~ div .alert--error').waitFor();
    const afterLoss = await page.locator('main').innerText();
    await page.locator('#reply-title ~ form button[type="submit"]').click();

    // Assert 3: the retry is recognised as received, focused, in Russian; the status moved on.
    const notice = page.locator('[data-testid="reply-notice"]');
    await notice.waitFor();
    expect(lost.reached()).toBe(1);
    expect(afterLoss).toContain('Не удалось');
    expect(await notice.innerText()).toMatch(/Спасибо\. Ваш ответ получен .*\d{4}/);
    await expect.poll(() => focusedTestId(page)).toBe('reply-notice');
    expect(await page.locator('[data-testid="case-status"]').getAttribute('data-status')).toBe('in_review');
    const shown = await page.locator('main').innerText();
    expect(shown).not.toMatch(/nothing was asked|nothing to answer|in_review/);
    expect(
      await page.evaluate((ref) => sessionStorage.getItem(`aidflow.reply.${ref}`), applied.reference),
    ).toBe(null);
    await screenshot(page, 'status-reply-retried-ru');
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.close();
  });

  it('finance’s batch: the list is read again, the retry shows the batch made, never a second one', async () => {
    // Arrange: two cash-desk payments authorised by finance; finance2 batches them (four eyes).
    const cases = [await applyViaApi(110_000), await applyViaApi(120_000)];
    for (const c of cases) {
      await decideViaApi('reviewer', c.reference, 'review', { outcome: 'approve' });
      await decideViaApi('head', c.reference, 'approve', { outcome: 'approve' });
      await decideViaApi('finance', c.reference, 'authorise_payment', { outcome: 'approve' });
    }
    const page = await newPage();
    await suite.desk.signIn(page, 'finance2', 'ru');
    await page.goto(`${suite.runtime.url}/staff/payments?lang=ru`);
    for (const c of cases) await page.locator(`tr[data-reference="${c.reference}"]`).waitFor();
    const lost = await loseNextAnswer(page, '/v1/payment-batches', 'POST');

    // Act 1: the batch is made, its answer lost.
    const create = page.locator('main p > button').last();
    await create.click();
    await page.locator('.alert--error').waitFor();

    // Assert 1: the officer hears that it may have been made, in Russian; the list is read again.
    expect(lost.reached()).toBe(1);
    expect(await page.locator('.alert--error').innerText()).toContain(
      'Не удалось узнать, сформирован ли реестр',
    );
    for (const c of cases)
      await page.locator(`tr[data-reference="${c.reference}"]`).waitFor({ state: 'detached' });

    // Act 2: again.
    await create.click();

    // Assert 2: the batch made the first time, with its id, count and link; focus on it.
    const receipt = page.locator('[data-testid="batch-receipt"]');
    await receipt.waitFor();
    const batchId = (await receipt.getAttribute('data-batch')) ?? '';
    expect(batchId).toMatch(/^bat_/);
    expect(await receipt.innerText()).toContain('2');
    expect(await receipt.locator(`a[href="/staff/payments/${batchId}"]`).count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('batch-title');
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/nothing to batch|There is/);
    const { items } = await suite.desk.apiAs<{ items: { batchId: string; count: number }[] }>(
      'finance2',
      'GET',
      '/v1/payment-batches',
    );
    expect(items.map((b) => [b.batchId, b.count])).toEqual([[batchId, 2]]);
    await screenshot(page, 'payments-batch-retried-ru');
    await page.close();
  });
});

describe('the status page’s notices', () => {
  it('say what became of an answer again in the language the page is switched to, its date too', async () => {
    // Arrange: a question to answer; the answer's first send arrives and its reply is lost, so the
    // second is told when the answer arrived.
    const applied = await applyViaApi(260_000);
    await decideViaApi('reviewer', applied.reference, 'review', {
      outcome: 'request_info',
      comment: 'Send a copy of your pension certificate.',
    });
    await suite.runtime.settle();
    const page = await newPage();
    await openCase(page, 'en', applied.reference, applied.accessCode);
    await fill(page, 'reply', 'I posted the copy on the 3rd.');
    await loseNextAnswer(page, '/responses', 'POST');
    await page.locator('#reply-title ~ form button[type="submit"]').click();
    await page.locator('#reply-title ~ div .alert--error').waitFor();
    const retried = page.waitForResponse(
      (r) => r.url().includes('/responses') && r.request().method() === 'POST' && r.ok(),
    );
    await page.locator('#reply-title ~ form button[type="submit"]').click();
    const { answeredAt } = (await (await retried).json()) as { answeredAt: string };
    const notice = page.locator('[data-testid="reply-notice"] .alert');
    await notice.waitFor();
    const written = (locale: string) =>
      page.evaluate(
        ({ at, locale }) =>
          new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)),
        { at: answeredAt, locale },
      );
    expect(await notice.innerText()).toBe(en.replyReceived(await written(localeOf.en)));

    // Act
    await page.locator('a.language[lang="ru"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'ru');

    // Assert: the notice as a Russian page says it, with the date written the Russian way.
    expect(await notice.innerText()).toBe(ru.replyReceived(await written(localeOf.ru)));
    await page.close();
  });
});

describe('the status page’s rating form', () => {
  it('announces a missing rating with a focused error summary, and its success by moving focus to it', async () => {
    // Arrange: an appeal answered by the office.
    const res = await fetch(`${suite.runtime.url}/v1/appeals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        applicant: {
          fullName: 'Олена Оцінка',
          birthDate: '1961-06-05',
          email: 'olena@example.org',
          preferredLanguage: 'uk',
        },
        kind: 'complaint',
        topic: 'aid',
        subject: 'Довго немає відповіді',
        text: 'Я подала заяву місяць тому і досі не маю відповіді.',
      }),
    });
    expect(res.status).toBe(201);
    const appeal = (await res.json()) as { reference: string; accessCode: string };
    await suite.runtime.settle();
    await decideViaApi('reviewer', appeal.reference, 'department_answer', {
      outcome: 'answer',
      answer: 'Розглянуто.',
    });
    await decideViaApi('clerk', appeal.reference, 'consolidate_answer', {
      outcome: 'answer',
      answer: 'Розглянуто; рішення надіслано.',
    });
    await decideViaApi('head', appeal.reference, 'sign_off_answer', { outcome: 'approve' });
    await suite.runtime.settle();
    const page = await newPage();
    await openCase(page, 'uk', appeal.reference, appeal.accessCode);
    await page.locator('#feedback-title').waitFor();

    // Act 1
    await page.locator('#feedback-title ~ form button[type="submit"]').click();

    // Assert 1
    await page.locator('.error-summary').waitFor();
    await expect.poll(() => focusedTestId(page)).toContain('error-summary');
    expect(await page.locator('.error-summary').getAttribute('role')).toBe('alert');

    // Act 2
    await choose(page, 'rating', '4');
    await page.locator('#feedback-title ~ form button[type="submit"]').click();

    // Assert 2
    await page.locator('[data-testid="feedback-sent"]').waitFor();
    await expect.poll(() => focusedTestId(page)).toBe('feedback-sent');
    expect(await page.locator('[data-testid="feedback-sent"]').innerText()).toContain('Дякуємо');
    await page.close();
  });
});
