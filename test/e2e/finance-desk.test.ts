import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, describeViolations, screenshot } from './browser.js';
import { choose, fill, ready } from './pages.js';
import { browserSuite } from './suite.js';

/**
 * The finance desk's safeguards in a real browser: a batch is sent to the bank once and says so
 * before anyone downloads it again; a re-issued payment says it is one, on its authorisation and
 * in the Failed list; a cash-desk payout asks about the cash, not the bank; and a decision's
 * comment is labelled and required for what it is (the question to the applicant, the reasons).
 */

const suite = browserSuite('finance');
const newPage = () => suite.desk.newPage();
const signIn = (page: Page, username: string, lang?: string) => suite.desk.signIn(page, username, lang);
const apiAs = <T>(username: string, method: string, path: string, body?: unknown) =>
  suite.desk.apiAs<T>(username, method, path, body);
const decideViaApi = (username: string, reference: string, type: string, decision: object) =>
  suite.desk.decideViaApi(username, reference, type, decision);

const bankTransfer = {
  method: 'bank_transfer',
  accountHolder: 'Иван Банков',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
};

let people = 0;
async function applyViaApi(minor: number, payout: object = { method: 'cash_desk' }) {
  people += 1;
  const res = await fetch(`${suite.runtime.url}/v1/aid-applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      applicant: {
        fullName: `Финансовый Тест ${people}`,
        birthDate: `1955-03-${String(people).padStart(2, '0')}`,
        phone: '+7 900 111-22-33',
        preferredLanguage: 'en',
      },
      categories: ['pensioner'],
      household: { size: 1, children: 0, monthlyIncome: { currency: 'RUB', minor: 1_000_000 } },
      aidType: 'cash',
      requestedAmount: { currency: 'RUB', minor },
      reason: 'e2e',
      payout,
    }),
  });
  expect(res.status).toBe(201);
  await suite.runtime.settle();
  return (await res.json()) as { caseId: string; reference: string };
}

/** A case approved and authorised for payment (the first attempt). */
async function authorised(minor: number, payout?: object) {
  const c = await applyViaApi(minor, payout);
  await decideViaApi('reviewer', c.reference, 'review', { outcome: 'approve' });
  await decideViaApi('head', c.reference, 'approve', { outcome: 'approve' });
  await decideViaApi('finance', c.reference, 'authorise_payment', { outcome: 'approve' });
  return c;
}

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const violations = await axe(page);
  expect(violations, `${what}\n${describeViolations(violations)}`).toEqual([]);
}

const shared: { batchId?: string } = {};

describe('the finance desk', () => {
  it('records a batch sent to the bank once, and warns before its files are downloaded again', async () => {
    // Arrange: a bank transfer and a cash-desk payout in one batch.
    const transfer = await authorised(300_000, bankTransfer);
    const cash = await authorised(120_000);
    const { batchId } = await apiAs<{ batchId: string }>('finance2', 'POST', '/v1/payment-batches', {
      disbursementIds: [`dsb_${transfer.caseId}`, `dsb_${cash.caseId}`],
    });
    shared.batchId = batchId;
    const page = await newPage();
    await signIn(page, 'finance');

    // The register lists it, not sent yet; its page offers both files.
    await page.goto(`${suite.runtime.url}/staff/payments?tab=batches&lang=en`);
    const row = page.locator(`tr[data-batch="${batchId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-batch-status')).toBe('created');
    expect(await row.textContent()).toContain('finance2');
    await expectNoAxeViolations(page, 'batch register');
    await screenshot(page, 'finance-batch-register');
    await row.locator('a').click();
    await page.locator('#batch-files-title').waitFor();

    // Downloading a batch not yet sent asks nothing, and is recorded.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button', { hasText: 'Download CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`${batchId}.csv`);
    await page.locator('tr[data-download="csv"]').waitFor();

    // Marked sent: who and when, for everyone.
    await page.locator('button', { hasText: 'Mark as sent to the bank' }).click();
    await page.locator('.alert--success', { hasText: 'Sent to the bank by finance' }).waitFor();
    await page.locator('[data-testid="batch-sent"]').waitFor();
    expect(await page.locator('button', { hasText: 'Mark as sent to the bank' }).count()).toBe(0);

    // Downloading it again first says it was sent, and waits for the officer to go on.
    let downloads = 0;
    page.on('download', () => {
      downloads += 1;
    });
    await page.locator('button', { hasText: 'Download pain.001' }).click();
    const confirm = page.locator('[data-testid="confirm-download"]');
    // Status alerts fill a moment after their live region is in the page (ui.tsx Alert).
    await expect.poll(() => confirm.textContent()).toContain('Sent to the bank by finance');
    await expectNoAxeViolations(page, 'download of a sent batch, asking first');
    await screenshot(page, 'finance-batch-sent-confirm');
    await confirm.locator('button', { hasText: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(downloads).toBe(0);
    await page.locator('button', { hasText: 'Download pain.001' }).click();
    const [xml] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="confirm-download"] button', { hasText: 'Download it anyway' }).click(),
    ]);
    expect(xml.suggestedFilename()).toBe(`${batchId}.xml`);
    await page.locator('tr[data-download="pain001"]').waitFor();

    // The register says it was sent, and by whom.
    await page.locator('a.back-link').click();
    await page.locator(`tr[data-batch="${batchId}"][data-batch-status="sent"]`).waitFor();
    await page.close();
  });

  it('asks about the cash for a cash-desk payout, and shows a re-issued payment as one', async () => {
    // Arrange: a cash-desk payout, batched.
    const c = await authorised(150_000);
    const { batchId } = await apiAs<{ batchId: string }>('finance2', 'POST', '/v1/payment-batches', {
      disbursementIds: [`dsb_${c.caseId}`],
    });
    const page = await newPage();
    await signIn(page, 'finance2');
    await page.goto(`${suite.runtime.url}/staff/payments?tab=batched&lang=en`);
    const row = page.locator(`tr[data-reference="${c.reference}"]`);

    // Not handed to the cash desk yet: no result to record, and the row says why.
    await row.locator('[data-testid="batch-not-sent"]').waitFor();
    expect(await row.locator('.button--secondary').count()).toBe(0);
    await expectNoAxeViolations(page, 'a batched payment whose batch is not sent');
    await apiAs('finance2', 'POST', `/v1/payment-batches/${batchId}/sent`);
    await page.reload();
    await row.locator('.button--secondary').click();

    // The cash desk, not the bank.
    await page.locator('#settlementStatus').waitFor();
    expect(await page.locator('.decision-panel legend').first().textContent()).toContain(
      'Was the cash collected?',
    );
    expect(await page.locator('.decision-panel').textContent()).not.toContain('bank');
    await choose(page, 'settlementStatus', 'failed');
    await fill(page, 'failureReason', 'Did not come within 30 days');
    await page.locator('.decision-panel button[type="submit"]').click();
    await page.locator('.alert--success', { hasText: c.reference }).waitFor();

    // Re-issued (same details), the authorisation says it is attempt 2 and why attempt 1 failed.
    await decideViaApi('finance2', c.reference, 'reissue_payment', { outcome: 'reissue' });
    await page.goto(`${suite.runtime.url}/staff/payments?tab=failed&lang=en`);
    await page.locator(`tr[data-reference="${c.reference}"] [data-follow-up="reissue_pending"]`).waitFor();
    await signIn(page, 'finance');
    await page.goto(`${suite.runtime.url}/staff/tasks?lang=en`);
    await page.locator(`a[data-task-type="authorise_payment"][data-reference="${c.reference}"]`).click();
    const attempts = page.locator('[data-testid="payment-attempts"]');
    await attempts.waitFor();
    expect(await page.locator('.alert--warning').first().textContent()).toContain('attempt 2');
    expect(await attempts.textContent()).toContain('Did not come within 30 days');
    await expectNoAxeViolations(page, 'authorisation of a re-issued payment');
    await screenshot(page, 'finance-reissue-authorisation');

    // Authorised: the Failed list says the first attempt was re-issued as attempt 2.
    await choose(page, 'outcome', 'approve');
    await page.locator('.decision-panel button[type="submit"]').click();
    await page.locator('.alert--success').waitFor();
    await suite.runtime.settle();
    await page.goto(`${suite.runtime.url}/staff/payments?tab=failed&lang=en`);
    const followUp = page.locator(`tr[data-reference="${c.reference}"] [data-follow-up="reissued"]`);
    await followUp.waitFor();
    expect(await followUp.textContent()).toContain('attempt 2');
    await page.close();
  });

  it('says at the delivery address that an in-kind re-issue needs one when the applicant gave no postal address', async () => {
    // Arrange: a bank transfer the bank returned, for an applicant who gave no postal address.
    const c = await authorised(120_000, bankTransfer);
    const disbursementId = `dsb_${c.caseId}`;
    const { batchId } = await apiAs<{ batchId: string }>('finance2', 'POST', '/v1/payment-batches', {
      disbursementIds: [disbursementId],
    });
    await apiAs('finance2', 'POST', `/v1/payment-batches/${batchId}/sent`);
    await apiAs('finance2', 'POST', `/v1/disbursements/${disbursementId}/settlement`, {
      status: 'failed',
      reason: 'Account closed',
    });
    await suite.runtime.settle();
    const page = await newPage();
    await signIn(page, 'finance2');
    await page.goto(`${suite.runtime.url}/staff/tasks?lang=en`);
    await page.locator(`a[data-task-type="reissue_payment"][data-reference="${c.reference}"]`).click();
    await choose(page, 'outcome', 'reissue');
    await choose(page, 'correctPayout', 'yes');
    await choose(page, 'payoutMethod', 'in_kind');

    // Act: sent with the delivery address left empty (the server refuses it there).
    await page.locator('.decision-panel button[type="submit"]').click();

    // Assert: the problem is at the field, in the desk's words, and the field was never optional.
    const error = page.locator('#deliveryAddress-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(
      'Enter the address to deliver the aid to: the applicant gave no postal address',
    );
    expect(await page.locator('label[for="deliveryAddress"]').textContent()).not.toContain('optional');
    await expectNoAxeViolations(page, 'an in-kind re-issue refused for want of an address');
    await page.close();
  });

  it('keeps the officer at their place in the list when a result is recorded or the form cancelled', async () => {
    // Arrange: several bank transfers in a batch sent to the bank, on a short window, so the last
    // row's form is well below the top of the page.
    const cases = [];
    for (let i = 0; i < 4; i += 1) cases.push(await authorised(90_000 + i * 1_000, bankTransfer));
    const { batchId } = await apiAs<{ batchId: string }>('finance2', 'POST', '/v1/payment-batches', {
      disbursementIds: cases.map((c) => `dsb_${c.caseId}`),
    });
    await apiAs('finance2', 'POST', `/v1/payment-batches/${batchId}/sent`);
    const page = await newPage();
    await page.setViewportSize({ width: 1280, height: 500 });
    await signIn(page, 'finance');
    await page.goto(`${suite.runtime.url}/staff/payments?tab=batched&lang=en`);
    const lastRow = page.locator(`tr[data-reference="${cases[3]?.reference}"]`);
    await lastRow.waitFor();
    // The table as it is now: a list read again in place is still this element afterwards.
    await page.evaluate(() => {
      (window as unknown as { shownTable?: Element | null }).shownTable =
        document.querySelector('main table');
    });

    // Cancelled: focus goes back to the row's button that opened the form.
    await lastRow.locator('.row-actions button').click();
    await page.locator('#settlementStatus').waitFor();
    await page.locator('.decision-panel button', { hasText: 'Cancel' }).click();
    await page.locator('#settlementStatus').waitFor({ state: 'detached' });
    expect(
      await page.evaluate(
        (reference) =>
          document.activeElement ===
          document.querySelector(`tr[data-reference="${reference}"] .row-actions button`),
        cases[3]?.reference,
      ),
    ).toBe(true);

    // Recorded: the notice takes the form's place and focus; the list stays and the page is not
    // sent back to the top.
    await lastRow.locator('.row-actions button').click();
    await choose(page, 'settlementStatus', 'paid');
    await page.locator('.decision-panel button[type="submit"]').click();
    const notice = page.locator('[data-testid="form-notice"]');
    await notice.locator('.alert--success', { hasText: cases[3]?.reference ?? '' }).waitFor();
    await lastRow.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'form-notice',
    );
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(
      await page.evaluate(
        () =>
          (window as unknown as { shownTable?: Element | null }).shownTable ===
          document.querySelector('main table'),
      ),
      'the list was replaced by "Loading" while it was read again',
    ).toBe(true);
    await expectNoAxeViolations(page, 'a bank result recorded');
    await page.close();
  });

  it('words the payment authorisation as what it does: refusing it rejects the application', async () => {
    // Arrange: an application approved by the head, waiting for finance.
    const c = await applyViaApi(70_000);
    await decideViaApi('reviewer', c.reference, 'review', { outcome: 'approve' });
    await decideViaApi('head', c.reference, 'approve', { outcome: 'approve' });
    const page = await newPage();
    await signIn(page, 'finance');
    const taskId = await suite.desk.openTaskOf('finance', c.reference, 'authorise_payment');
    await page.goto(`${suite.runtime.url}/staff/tasks/${taskId}?lang=en`);
    await page.locator('#outcome').waitFor();

    // The outcomes say what they do, and what not authorising does to the application.
    expect(await page.locator('label[for="outcome"]').textContent()).toBe('Authorise the payment');
    expect(await page.locator('label[for="outcome-reject"]').textContent()).toBe(
      'Do not authorise: reject the application',
    );
    expect(await page.locator('#outcome-reject-item-hint').textContent()).toContain(
      'the applicant is told the reasons',
    );
    expect(await page.locator('#outcome-reject').getAttribute('value')).toBe('reject');

    // The comment's hint speaks of this task's outcomes only: finance asks the applicant nothing.
    const hint = await page.locator('#comment-hint').textContent();
    expect(hint).toContain('Required for “Do not authorise: reject the application”');
    expect(hint).not.toMatch(/information|question/i);
    await expectNoAxeViolations(page, 'payment authorisation');

    // In every language the desk speaks.
    for (const [lang, words] of [
      ['uk', 'відмовити в задоволенні заяви'],
      ['ru', 'отказать в удовлетворении заявления'],
      ['zh', '驳回申请'],
    ] as const) {
      await page.goto(`${suite.runtime.url}/staff/tasks/${taskId}?lang=${lang}`);
      await page.locator('#outcome').waitFor();
      expect(await page.locator('label[for="outcome-reject"]').textContent(), lang).toContain(words);
    }
    await page.close();
  });

  it('describes the case to staff in the third person, with every bank detail of the payout', async () => {
    // Arrange: an application to be paid by bank transfer.
    const c = await applyViaApi(60_000, bankTransfer);
    const page = await newPage();
    await signIn(page, 'reviewer');
    const rowOf = (key: string) => page.locator('#aid-title ~ .summary .summary-row', { hasText: key });

    // Act: the case as a reviewer reads it, in English and in Russian.
    await page.goto(`${suite.runtime.url}/staff/cases/${c.caseId}?lang=en`);
    await page.locator('#aid-title').waitFor();
    const reasonEn = await rowOf('Why the applicant asks for help').textContent();
    const payoutEn = await rowOf('Payment').textContent();
    const aidEn = await page.locator('#aid-title ~ .summary').textContent();
    await page.goto(`${suite.runtime.url}/staff/cases/${c.caseId}?lang=ru`);
    await page.locator('#aid-title').waitFor();
    const aidRu = await page.locator('#aid-title ~ .summary').textContent();

    // Assert: about the applicant, not "you" or "my account"; the holder, the IBAN and the BIC.
    expect(reasonEn).toContain('e2e');
    expect(payoutEn).toContain('Bank transfer to the applicant’s account');
    expect(payoutEn).toContain('account holder Иван Банков');
    expect(payoutEn).toContain('IBAN DE89370400440532013000');
    expect(payoutEn).toContain('BIC COBADEFFXXX');
    expect(aidEn).not.toMatch(/\b(you|my)\b/i);
    expect(aidRu).toContain('Почему заявитель просит о помощи');
    expect(aidRu).toContain('Перевод на банковский счёт заявителя');
    expect(aidRu).not.toMatch(/(^|[^а-яё])(вам|вы|мой)([^а-яё]|$)/i);
    await page.close();
  });

  it('labels the comment by outcome and requires the question before asking the applicant', async () => {
    // Arrange: an application in review.
    const c = await applyViaApi(80_000);
    const page = await newPage();
    await signIn(page, 'reviewer');
    await page.goto(`${suite.runtime.url}/staff/tasks?lang=en`);
    await page.locator(`a[data-task-type="review"][data-reference="${c.reference}"]`).click();
    await page.locator('#outcome').waitFor();
    const label = page.locator('label[for="comment"]');
    // Before choosing, the hint names what the comment is required for: a review may ask a question.
    expect(await page.locator('#comment-hint').textContent()).toContain(
      'Required for “Ask the applicant for more information”: it is the question the applicant receives.',
    );

    // Approving: the comment is optional.
    await choose(page, 'outcome', 'approve');
    expect(await label.textContent()).toContain('(optional)');

    // Asking for information: the comment is the question, and required.
    await choose(page, 'outcome', 'request_info');
    expect(await label.textContent()).toBe('Question to the applicant');
    await page.locator('.decision-panel button[type="submit"]').click();
    const summary = page.locator('.error-summary a[href="#comment"]');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Write the question to the applicant');
    await expectNoAxeViolations(page, 'request for information without the question');
    const { items } = await apiAs<{ items: { caseReference: string }[] }>(
      'reviewer',
      'GET',
      '/v1/tasks?limit=100',
    );
    expect(items.some((t) => t.caseReference === c.reference)).toBe(true);

    // Rejecting: the reasons.
    await choose(page, 'outcome', 'reject');
    expect(await label.textContent()).toBe('Reasons for the rejection');

    // With the question, the request goes.
    await choose(page, 'outcome', 'request_info');
    await fill(page, 'comment', 'Please send the pension certificate.');
    await page.locator('.decision-panel button[type="submit"]').click();
    await page.locator('.alert--success', { hasText: c.reference }).waitFor();
    await page.close();
  });
});

describe('accessibility of the batch pages in every language', () => {
  for (const lang of ['en', 'uk', 'ru', 'zh'] as const) {
    it(`the register, a sent batch and the Failed list in ${lang}`, async () => {
      if (!shared.batchId) throw new Error('the finance desk tests did not run');
      const page = await newPage();
      await signIn(page, 'finance', lang);
      for (const path of [
        '/staff/payments?tab=batches',
        `/staff/payments/${shared.batchId}`,
        '/staff/payments?tab=failed',
      ]) {
        await page.goto(`${suite.runtime.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        await ready(page);
        await page.waitForFunction(() => document.querySelector('.loading') === null);
        await expectNoAxeViolations(page, `${path} (${lang})`);
        await page.setViewportSize({ width: 360, height: 800 });
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${path} at 360 px`,
        ).toBeLessThanOrEqual(360);
        await page.setViewportSize({ width: 1280, height: 900 });
      }
      await page.close();
    });
  }
});
