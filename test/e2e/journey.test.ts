import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCredentials, localRegion } from '../../local/dynamodb-local.js';
import { appTableName, type Runtime, startRuntime } from '../../local/runtime.js';
import { distinctApplicant, distinctApplication } from '../support/api-client.js';
import { axe, type Browser, describeViolations, launchBrowser, screenshot } from './browser.js';
import { anna, answerAboutYou, choose, fill, ready, submit } from './pages.js';
import { staffDesk } from './staff-desk.js';

/**
 * The whole journey in a real browser, through the screens a person uses:
 * an applicant applies → a reviewer approves → the head approves → finance authorises → the
 * applicant sees "payment authorised". Journeys whose API is still being built (payment batches
 * and settlement → "paid"; appeals answered and rated) run as soon as the server publishes their
 * routes in /openapi.json, and are skipped until then.
 */

let runtime: Runtime;
let browser: Browser;
let dataDir: string;
let apiPaths: Set<string>;
const journey: { reference?: string; accessCode?: string; caseId?: string } = {};
let desk: ReturnType<typeof staffDesk>;
const newPage = (width?: number) => desk.newPage(width);
const signIn = (page: Page, username: string, lang?: string) => desk.signIn(page, username, lang);
const decideViaApi = (username: string, reference: string, type: string, decision: object) =>
  desk.decideViaApi(username, reference, type, decision);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'aidflow-e2e-'));
  [runtime, browser] = await Promise.all([startRuntime({ port: 0, dataDir }), launchBrowser()]);
  const openapi = (await (await fetch(`${runtime.url}/openapi.json`)).json()) as {
    paths: Record<string, unknown>;
  };
  apiPaths = new Set(Object.keys(openapi.paths));
  desk = staffDesk(runtime.url, browser, () => runtime.settle());
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A new application by a person of this name (one open application per person and aid type). */
async function applyViaApi(
  fullName: string,
  minor: number,
  overrides: Record<string, unknown> = {},
): Promise<{ caseId: string; reference: string; accessCode: string }> {
  const res = await fetch(`${runtime.url}/v1/aid-applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      applicant: { fullName, birthDate: '1958-03-04', phone: '+7 900 111-22-33', preferredLanguage: 'en' },
      categories: ['pensioner'],
      household: { size: 1, children: 0, monthlyIncome: { currency: 'RUB', minor: 1_000_000 } },
      aidType: 'cash',
      requestedAmount: { currency: 'RUB', minor },
      reason: 'e2e',
      payout: { method: 'cash_desk' },
      ...overrides,
    }),
  });
  expect(res.status).toBe(201);
  await runtime.settle();
  return (await res.json()) as { caseId: string; reference: string; accessCode: string };
}

/** Waits until no part of the page is still loading. */
async function loaded(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.loading') === null);
}

/** The applicant's status page for a case (shown at once when this tab created the case). */
async function openCase(page: Page, lang: string, reference: string, accessCode: string): Promise<void> {
  await page.goto(`${runtime.url}/status?lang=${lang}&reference=${reference}`);
  await page.locator('#accessCode, [data-testid="case-status"]').first().waitFor();
  // The tab that created the case looks it up at once: let that finish before deciding.
  await page.waitForLoadState('networkidle');
  if (await page.locator('#accessCode').isVisible()) {
    await fill(page, 'accessCode', accessCode);
    await submit(page);
  }
  await page.locator('[data-testid="case-status"]').waitFor();
  // The page moves focus to its title in an effect after the case renders; a keyboard step taken
  // before that lands on an element that is about to lose focus (CI saw Enter on the summary do nothing).
  await page.waitForFunction(
    (ref) => document.activeElement?.id === 'page-title' && document.activeElement.textContent?.includes(ref),
    reference,
  );
}

/** Opens the open task of `type` for the case from the inbox, decides it, and sees the confirmation. */
async function decide(username: string, type: string, shot: string, extra?: (page: Page) => Promise<void>) {
  await runtime.settle();
  const page = await newPage();
  await signIn(page, username);
  const link = page.locator(`a[data-task-type="${type}"][data-reference="${journey.reference}"]`);
  await link.waitFor();
  await screenshot(page, `${shot}-inbox`);
  await link.click();
  await page.locator('#outcome').waitFor();
  await choose(page, 'outcome', 'approve');
  if (extra) await extra(page);
  await screenshot(page, `${shot}-task`);
  await page.locator('.decision-panel button[type="submit"]').click();
  await page.locator('.alert--success').waitFor();
  expect(await page.locator('.alert--success').textContent()).toContain(journey.reference);
  await page.close();
}

/**
 * From the receipt of the batch just made: its page, "Mark as sent to the bank" (or as handed to
 * the cash desk), then the payments in a batch, whose results can be recorded from then on.
 */
async function sendTheBatch(page: Page): Promise<void> {
  await page.locator('[data-testid="batch-receipt"] a').first().click();
  await page.locator('section[aria-labelledby="batch-send-title"] button').click();
  await page.locator('[data-testid="batch-sent"]').waitFor();
  await page.goto(`${runtime.url}/staff/payments?tab=batched&lang=en`);
}

describe('an aid application, end to end in the browser', () => {
  it('the applicant applies step by step and gets a reference and an access code', async () => {
    const page = await newPage(360);
    await page.goto(`${runtime.url}/`);
    await ready(page);
    await page.locator('a[href="/apply"]').first().click();
    await ready(page);

    // Continue without answering: the errors say what to fix and link to the fields.
    await submit(page);
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary a').count()).toBeGreaterThan(1);
    await screenshot(page, 'apply-1-about-errors-360');

    await answerAboutYou(page, anna);
    await choose(page, 'preferredLanguage', 'ru');
    await screenshot(page, 'apply-1-about-360');
    await submit(page);

    await page.locator('#householdSize').waitFor();
    // The shared schema's cross-field rule: children cannot outnumber the household.
    await fill(page, 'householdSize', '2');
    await fill(page, 'children', '3');
    await fill(page, 'income', anna.income);
    await submit(page);
    await page.locator('#children-error').waitFor();
    await fill(page, 'children', anna.children);
    await screenshot(page, 'apply-2-household-360');
    await submit(page);

    await page.locator('input[name="categories"]').first().waitFor();
    // The phone's Back button goes back one step with the answers kept, and Forward returns.
    await page.goBack();
    await page.locator('#householdSize').waitFor();
    expect(await page.locator('#householdSize').inputValue()).toBe('2');
    await page.goForward();
    await page.locator('input[name="categories"]').first().waitFor();
    for (const c of anna.categories) await choose(page, 'categories', c);
    await screenshot(page, 'apply-3-categories-360');
    await submit(page);

    await page.locator('input[name="aidType"]').first().waitFor();
    await choose(page, 'aidType', anna.aidType);
    await fill(page, 'amount', anna.amount);
    await fill(page, 'reason', anna.reason);
    await submit(page);

    await page.locator('input[name="payoutMethod"]').first().waitFor();
    await choose(page, 'payoutMethod', 'cash_desk');
    await screenshot(page, 'apply-5-payment-360');
    await submit(page);

    await page.locator('.summary').first().waitFor();
    await screenshot(page, 'apply-6-check-360');
    expect(await page.locator('main').textContent()).toContain(anna.fullName);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await submit(page);

    await page.locator('[data-testid="reference"]').waitFor();
    journey.reference = (await page.locator('[data-testid="reference"]').textContent())?.trim();
    journey.accessCode = (await page.locator('[data-testid="access-code"]').textContent())?.trim();
    expect(journey.reference).toMatch(/^AID-\d{4}-\d{6}$/);
    expect(journey.accessCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await screenshot(page, 'apply-7-confirmation-360');

    // A reload, or Back from the application, shows the same reference and code again.
    await page.reload();
    await page.locator('[data-testid="access-code"]').waitFor();
    expect((await page.locator('[data-testid="access-code"]').textContent())?.trim()).toBe(
      journey.accessCode,
    );
    await page.locator(`a[href^="/status?reference="]`).click();
    await page.locator('[data-testid="case-status"]').waitFor();
    await page.goBack();
    await page.locator('[data-testid="access-code"]').waitFor();
    expect((await page.locator('[data-testid="reference"]').textContent())?.trim()).toBe(journey.reference);
    // The form again in this tab: empty, and saying what this tab has already sent.
    await page.goto(`${runtime.url}/apply`);
    await ready(page);
    expect(await page.locator('main .alert--info').textContent()).toContain(journey.reference);
    expect(await page.locator('#fullName').inputValue()).toBe('');
    await page.close();
  });

  it('a reviewer approves it from the inbox', async () => {
    await decide('reviewer', 'review', 'staff-1-reviewer');
  });

  it('the head of department approves it with a funding source', async () => {
    await decide('head', 'approve', 'staff-2-head', async (page) => {
      await page.locator('#fundingSource').selectOption('regional_budget');
    });
  });

  it('finance authorises the payment and sees the disbursement', async () => {
    await decide('finance', 'authorise_payment', 'staff-3-finance');
    await runtime.settle();
    const page = await newPage();
    await signIn(page, 'finance');
    await page.goto(`${runtime.url}/staff/payments?lang=en`);
    await page.locator(`tr[data-reference="${journey.reference}"]`).waitFor();
    await screenshot(page, 'staff-4-payments');
    await page.close();
  });

  it('the applicant sees the status "payment authorised", with the timeline and the checks', async () => {
    await runtime.settle();
    const page = await newPage(360);
    await page.goto(`${runtime.url}/status?lang=ru`);
    await ready(page);
    await fill(page, 'reference', journey.reference ?? '');
    await fill(page, 'accessCode', (journey.accessCode ?? '').toLowerCase());
    await submit(page);
    const status = page.locator('[data-testid="case-status"]');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('payment_authorised');
    expect(await page.locator('.timeline li').count()).toBeGreaterThan(3);
    await screenshot(page, 'status-payment-authorised-ru-360');
    await page.close();
  });

  it('finance batches and settles the payment, and the applicant sees "paid"', async (ctx) => {
    if (
      !apiPaths.has('/v1/payment-batches') ||
      !apiPaths.has('/v1/disbursements/{disbursementId}/settlement')
    ) {
      ctx.skip();
    }
    const page = await newPage();
    await signIn(page, 'finance');
    await page.goto(`${runtime.url}/staff/payments?lang=en`);
    await page.locator(`tr[data-reference="${journey.reference}"]`).waitFor();
    await page.locator('main .button--primary').click();
    await page.locator('.alert--success').waitFor();
    await page.locator('#batch-title').waitFor();
    await screenshot(page, 'staff-5-batch-created');
    await sendTheBatch(page);
    const row = page.locator(`tr[data-reference="${journey.reference}"]`);
    await row.locator('.button--secondary').click();
    await page.locator('#settlementStatus').waitFor();
    await choose(page, 'settlementStatus', 'paid');
    await fill(page, 'bankReference', 'BANK-E2E-0001');
    await page.locator('.decision-panel button[type="submit"]').click();
    await page.locator('.alert--success', { hasText: journey.reference }).waitFor();
    await screenshot(page, 'staff-5-settled');
    await runtime.settle();
    await openCase(page, 'en', journey.reference ?? '', journey.accessCode ?? '');
    const status = page.locator('[data-testid="case-status"]');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('paid');
    await screenshot(page, 'status-paid');
    await page.close();
  });

  it('an applicant withdraws an application from the status page, by keyboard', async () => {
    const res = await fetch(`${runtime.url}/v1/aid-applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        applicant: { fullName: 'Олена Відкликана', birthDate: '1961-07-30', phone: '+380 67 123 4567' },
        categories: ['pensioner'],
        household: { size: 2, children: 0, monthlyIncome: { currency: 'RUB', minor: 1_800_000 } },
        aidType: 'cash',
        requestedAmount: { currency: 'RUB', minor: 500_000 },
        reason: 'Ліки після операції.',
        payout: { method: 'cash_desk' },
      }),
    });
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as { reference: string; accessCode: string };
    await runtime.settle();
    const page = await newPage(360);
    await openCase(page, 'uk', receipt.reference, receipt.accessCode);
    await page.locator('details.withdraw summary').focus();
    await page.keyboard.press('Enter');
    await fill(page, 'withdrawReason', 'Знайшла роботу');
    expect(await axe(page), 'status page with the withdrawal form (uk)').toEqual([]);
    await page.locator('details.withdraw button').press('Enter');
    const status = page.locator('[data-testid="case-status"][data-status="withdrawn"]');
    await status.waitFor();
    await screenshot(page, 'status-withdrawn-uk-360');
    expect(await page.locator('details.withdraw').count()).toBe(0);
    await page.close();
  });

  it('an appeal is sent, answered by the office and rated by the applicant', async (ctx) => {
    if (!apiPaths.has('/v1/appeals') || !apiPaths.has('/v1/cases/{reference}/feedback')) ctx.skip();
    const page = await newPage(360);
    await page.goto(`${runtime.url}/appeal?lang=uk`);
    await ready(page);
    await choose(page, 'kind', 'complaint');
    await choose(page, 'topic', 'aid');
    await fill(page, 'subject', 'Довго немає відповіді');
    await fill(page, 'text', 'Я подала заяву місяць тому і досі не маю відповіді.');
    await fill(page, 'fullName', 'Олена Коваль');
    await fill(page, 'birthDay', '5');
    await fill(page, 'birthMonth', '6');
    await fill(page, 'birthYear', '1961');
    await fill(page, 'email', 'olena@example.org');
    await submit(page);
    await page.locator('[data-testid="reference"]').waitFor();
    const reference = (await page.locator('[data-testid="reference"]').textContent())?.trim() ?? '';
    const accessCode = (await page.locator('[data-testid="access-code"]').textContent())?.trim() ?? '';
    await screenshot(page, 'appeal-registered-uk-360');

    // The office answers: each department task, then the clerk's consolidated answer.
    // A complaint's answer is signed off by the head before it goes out. The clerk writes from
    // the department's answer, and the head signs off the clerk's: each reads it on the task.
    const departmentAnswer = 'Заяву розглянуто 2 грудня, допомогу призначено.';
    const consolidated = 'Вашу заяву розглянуто; рішення надіслано поштою.';
    for (const [username, type, outcome, reads] of [
      ['reviewer', 'department_answer', 'answer', undefined],
      ['clerk', 'consolidate_answer', 'answer', departmentAnswer],
      ['head', 'sign_off_answer', 'approve', consolidated],
    ] as const) {
      await runtime.settle();
      const staff = await newPage();
      await signIn(staff, username);
      const links = staff.locator(`a[data-task-type="${type}"][data-reference="${reference}"]`);
      await links.first().waitFor();
      // The inbox names the department whose answer it is (aid: the social support department).
      if (type === 'department_answer')
        expect(await links.first().locator('xpath=ancestor::tr').textContent()).toContain(
          'Social support department',
        );
      await links.first().click();
      await staff.locator('#outcome').waitFor();
      if (reads) {
        expect(await staff.locator('[data-testid="appeal-answers"]').textContent()).toContain(reads);
        const violations = await axe(staff);
        expect(violations, `${type} with the answers\n${describeViolations(violations)}`).toEqual([]);
      }
      await choose(staff, 'outcome', outcome);
      if (outcome === 'answer')
        await fill(staff, 'answer', type === 'department_answer' ? departmentAnswer : consolidated);
      await staff.locator('.decision-panel button[type="submit"]').click();
      await staff
        .locator('.alert--success, .decision-panel .alert--error, .decision-panel .error-summary')
        .first()
        .waitFor();
      await screenshot(staff, `appeal-${type}`);
      if ((await staff.locator('.alert--success').count()) === 0) {
        throw new Error(`${type} was not recorded: ${await staff.locator('.decision-panel').innerText()}`);
      }
      await staff.close();
    }
    await runtime.settle();
    await openCase(page, 'uk', reference, accessCode);
    await screenshot(page, 'appeal-answered-uk-360');
    await page.locator('#answer-title').waitFor();
    await choose(page, 'rating', '5');
    await page.locator('#feedback-title ~ form button[type="submit"]').click();
    await page.locator('.alert--success').waitFor();
    await screenshot(page, 'appeal-answered-rated-uk-360');
    await page.close();
  });
});

describe('what applicants get wrong: the pages forgive it or say what to fix', () => {
  it('a reference typed with spaces and an access code pasted in groups open the case', async () => {
    if (!journey.reference || !journey.accessCode) throw new Error('the first journey did not apply');
    const page = await newPage(360);
    await page.goto(`${runtime.url}/status?lang=ru`);
    await ready(page);

    await fill(page, 'reference', journey.reference.toLowerCase().replaceAll('-', ' '));
    await fill(page, 'accessCode', ` ${journey.accessCode.replaceAll('-', ' ')} `);
    await submit(page);

    await page.locator('[data-testid="case-status"]').waitFor();
    expect(await page.locator('#page-title').textContent()).toContain(journey.reference);
    await page.close();
  });

  it('a name too long and a date that does not exist are explained as such, not as missing', async () => {
    const page = await newPage(360);
    await page.goto(`${runtime.url}/apply?lang=en`);
    await ready(page);

    await fill(page, 'fullName', 'A'.repeat(201));
    await fill(page, 'birthDay', '31');
    await fill(page, 'birthMonth', '2');
    await fill(page, 'birthYear', '1950');
    await submit(page);

    await page.locator('.error-summary').waitFor();
    expect(await page.locator('#fullName-error').textContent()).toContain('up to 200 characters');
    expect(await page.locator('.error-summary').textContent()).toContain('Enter a real date of birth');
    await page.close();
  });

  it('an applicant asked for more information reads the question and its date beside the answer box', async () => {
    const applied = await applyViaApi('Марія Степанівна Бойко', 300_000);
    const question = 'Please send a copy of your pension certificate.';
    await decideViaApi('reviewer', applied.reference, 'review', {
      outcome: 'request_info',
      comment: question,
    });
    const page = await newPage(360);

    await openCase(page, 'en', applied.reference, applied.accessCode);

    const reply = page.locator('#reply-title').locator('..');
    expect(await reply.locator('[data-testid="info-question"]').textContent()).toContain(question);
    expect(await reply.textContent()).toMatch(/Please answer by\s*\d{1,2} \w+ \d{4}/);
    await screenshot(page, 'status-info-requested-360');
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.close();
  });

  it('an appeal keeps its answers across a reload, warns once past the ways to answer left empty, and says so after sending', async () => {
    const page = await newPage(360);
    await page.goto(`${runtime.url}/appeal?lang=ru`);
    await ready(page);
    await choose(page, 'kind', 'proposal');
    await choose(page, 'topic', 'transport');
    await fill(page, 'subject', 'Автобус до села');
    await fill(page, 'text', 'Прошу вернуть утренний рейс автобуса до нашего села.');

    await page.reload();
    await ready(page);
    expect(await page.locator('#subject').inputValue()).toBe('Автобус до села');
    // Not before the person has been past the ways to answer them: no warning's status box yet.
    const warningBox = page.locator('main form div[role="status"]');
    expect(await warningBox.count()).toBe(0);
    await page.locator('#email').focus();
    await page.locator('#address').focus();
    expect(await warningBox.count()).toBe(0);
    // The e-mail, phone and address left behind, all empty: the page says before sending that there
    // may be no answer (a status box fills a moment after it appears: ui.tsx's Alert).
    await page.keyboard.press('Tab');
    await page.locator('main form .alert--warning').waitFor();
    expect(await page.locator('main form .alert--warning').count()).toBe(1);
    const warned = await axe(page);
    expect(warned, `appeal form with the warning\n${describeViolations(warned)}`).toEqual([]);
    await fill(page, 'email', 'selo@example.org');
    expect(await page.locator('main form .alert--warning').count()).toBe(0);
    await fill(page, 'email', '');
    await fill(page, 'fullName', 'Пётр Ильич Соколов');
    await submit(page);

    await page.locator('[data-testid="reference"]').waitFor();
    await screenshot(page, 'appeal-not-answerable-ru-360');
    // Russia's law does not answer an appeal without a way to reply: no promised date.
    await page.locator('main .alert--warning').nth(1).waitFor();
    expect(await page.locator('main .alert--warning').count()).toBe(2);
    expect(await page.locator('main').textContent()).not.toContain('Мы ответим до');
    const sent = await axe(page);
    expect(sent, `appeal registered without a way to answer\n${describeViolations(sent)}`).toEqual([]);
    await page.reload();
    await page.locator('[data-testid="access-code"]').waitFor();
    await page.goto(`${runtime.url}/appeal?lang=ru`);
    await ready(page);
    expect(await page.locator('#subject').inputValue()).toBe('');
    await page.close();
  });
});

describe('the staff desk: cases, commission votes, the finance desk, reports, rules, catalogue, mailbox', () => {
  it("a clerk finds a caller's cases by the name and the date of birth, without the reference", async () => {
    if (!journey.reference) throw new Error('the first journey did not apply');
    const page = await newPage();
    await signIn(page, 'clerk');
    await page.goto(`${runtime.url}/staff/cases?lang=en`);
    await ready(page);

    await fill(page, 'personName', anna.fullName.toLowerCase());
    await fill(page, 'personDay', anna.birth[0]);
    await fill(page, 'personMonth', anna.birth[1]);
    await fill(page, 'personYear', anna.birth[2]);
    await page.getByRole('button', { name: 'Find their cases' }).click();

    await page.locator(`tr[data-reference="${journey.reference}"]`).waitFor();
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.close();
  });

  it('staff find the case by reference, open it, and the auditor reads its audit trail a page at a time', async () => {
    const page = await newPage();
    await signIn(page, 'auditor');
    await page.goto(`${runtime.url}/staff/cases?lang=en`);
    await ready(page);
    // The page's first form searches by reference or status (the second finds a person).
    const searchButton = page.getByRole('button', { name: 'Search', exact: true });
    await fill(page, 'caseReference', 'AID-20');
    await searchButton.click();
    // A malformed reference is explained at the field, linked from the summary.
    await page.locator('.error-summary a[href="#caseReference"]').waitFor();
    await fill(page, 'caseReference', journey.reference ?? '');
    await searchButton.click();
    const link = page.locator(`tr[data-reference="${journey.reference}"] a`);
    await link.waitFor();
    await screenshot(page, 'desk-cases-search');
    await link.click();
    await page.locator('#eligibility-title').waitFor();
    journey.caseId = new URL(page.url()).pathname.split('/').pop();
    expect(await page.locator('main').textContent()).toContain(anna.fullName);
    // What the applicant was told: the local mailbox took every message, so each says it was sent.
    await page.locator('[data-testid="messages"] li[data-message-status="sent"]').first().waitFor();
    expect(await page.locator('[data-testid="messages"] li:not([data-message-status="sent"])').count()).toBe(
      0,
    );
    await screenshot(page, 'desk-case-view');
    await page.locator('a.tab', { hasText: 'Audit trail' }).click();
    await page.locator('[data-testid="audit"] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid="audit"] tbody tr').count()).toBeGreaterThan(3);
    expect(await page.locator('[data-testid="audit"]').textContent()).toContain('reviewer');
    // The auditor has the whole chain checked, and the trail downloads as CSV.
    await page.getByRole('button', { name: 'Check the chain' }).click();
    await page.locator('[data-testid="audit-check"]').waitFor();
    expect(await page.locator('.alert--success').textContent()).toContain('The trail is intact');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the trail (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, 'desk-case-audit');
    await page.close();
  });

  it('staff see a message whose send was never confirmed, and a reviewer has it sent again', async () => {
    // Arrange: a delivery claimed the message an hour ago and died before the provider answered.
    const stuck = await applyViaApi('Пётр Неизвестный', 200_000);
    const doc = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: runtime.dynamoEndpoint,
        region: localRegion,
        credentials: localCredentials,
      }),
    );
    const { Items } = await doc.send(
      new QueryCommand({
        TableName: appTableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :n)',
        ExpressionAttributeValues: { ':pk': `CASE#${stuck.caseId}`, ':n': 'NOTIFICATION#' },
        ConsistentRead: true,
      }),
    );
    const [first] = Items ?? [];
    await doc.send(
      new UpdateCommand({
        TableName: appTableName,
        Key: { pk: first?.pk, sk: first?.sk },
        UpdateExpression: 'SET #status = :sending, claimedAt = :at REMOVE sentAt, providerMessageId',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':at': new Date(Date.now() - 3_600_000).toISOString(),
        },
      }),
    );
    doc.destroy();
    const page = await newPage();
    await signIn(page, 'reviewer');

    // Act
    await page.goto(`${runtime.url}/staff/cases/${stuck.caseId}?lang=en`);

    // Assert
    const unconfirmed = page.locator('[data-testid="messages"] li[data-message-status="unconfirmed"]');
    await expect.poll(() => unconfirmed.textContent()).toContain('never confirmed');
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    const sentBefore = await page.locator('[data-testid="messages"] li[data-message-status="sent"]').count();

    // Act: the reviewer has it sent again.
    await unconfirmed.getByRole('button', { name: /^Send again/ }).click();
    await runtime.settle();

    // Assert: sent once more, through the queue, and no longer said to be lost.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.locator('[data-testid="messages"]').waitFor();
          return page.locator('[data-testid="messages"] li[data-message-status="sent"]').count();
        },
        { timeout: 20_000 },
      )
      .toBe(sentBefore + 1);
    expect(await page.locator('[data-testid="messages"] li[data-message-status="unconfirmed"]').count()).toBe(
      0,
    );
    await page.close();
  });

  it('a commission member sees the other members’ votes only after voting, and the minutes download', async () => {
    // Arrange: 40 000 RUB is above the head's limit, so the review sends it to the commission.
    const voted = await applyViaApi('Ольга Комиссарова', 4_000_000);
    await decideViaApi('reviewer', voted.reference, 'review', { outcome: 'approve' });

    const voteAs = async (username: string, shot: string, expectedBefore: number) => {
      const page = await newPage();
      await signIn(page, username);
      // Each member sees one seat of the vote (domain/commission-inbox.ts); it is theirs to vote in.
      const link = page
        .locator(`a[data-task-type="commission_vote"][data-reference="${voted.reference}"]`)
        .first();
      await link.waitFor();
      await link.click();
      await page.locator('#outcome').waitFor();
      // Before voting: no votes on the page, and a note that they come after.
      expect(await page.locator('[data-testid="votes"]').count()).toBe(0);
      // (The page header names who is signed in; the case and its history name no voter.)
      expect(await page.locator('.columns').textContent()).not.toMatch(/commission\d/);
      await screenshot(page, `${shot}-before`);
      await choose(page, 'outcome', 'approve');
      await fill(page, 'comment', `Agreed (${username}).`);
      await page.locator('.decision-panel button[type="submit"]').click();
      await page.locator('[data-testid="votes"]').waitFor();
      expect(await page.locator('[data-testid="votes"] tbody tr').count()).toBe(expectedBefore + 1);
      const violations = await axe(page);
      expect(violations, `vote task after voting\n${describeViolations(violations)}`).toEqual([]);
      await screenshot(page, `${shot}-after`);
      await page.close();
    };
    await voteAs('commission1', 'desk-vote-1', 0);
    await voteAs('commission2', 'desk-vote-2', 1);
    await runtime.settle();

    const page = await newPage();
    await signIn(page, 'head');
    await page.goto(`${runtime.url}/staff/cases/${voted.caseId}?lang=en`);
    await page.locator('#minutes-title').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#minutes-title ~ .button').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`minutes-${voted.reference}.md`);
    await screenshot(page, 'desk-case-commission');
    await page.close();
  });

  it('finance records a failed payment (the reason is required) and re-issues it from the task', async () => {
    // Arrange: a case authorised for payment.
    const failing = await applyViaApi('Пётр Неудачин', 600_000);
    await decideViaApi('reviewer', failing.reference, 'review', { outcome: 'approve' });
    await decideViaApi('head', failing.reference, 'approve', { outcome: 'approve' });
    await decideViaApi('finance', failing.reference, 'authorise_payment', { outcome: 'approve' });

    const page = await newPage();
    await signIn(page, 'finance2');
    await page.goto(`${runtime.url}/staff/payments?lang=en`);
    await page.locator(`tr[data-reference="${failing.reference}"]`).waitFor();
    await page.locator('main .button--primary').click();
    await page.locator('#batch-title').waitFor();
    await sendTheBatch(page);
    const row = page.locator(`tr[data-reference="${failing.reference}"]`);
    await row.locator('.button--secondary').click();
    await choose(page, 'settlementStatus', 'failed');
    await page.locator('.decision-panel button[type="submit"]').click();
    await page.locator('.error-summary a[href="#failureReason"]').waitFor();
    const violations = await axe(page);
    expect(violations, `settlement with errors\n${describeViolations(violations)}`).toEqual([]);
    await screenshot(page, 'desk-settlement-errors');
    await fill(page, 'failureReason', 'Account closed');
    await page.locator('.decision-panel button[type="submit"]').click();
    await page.locator('.alert--success', { hasText: failing.reference }).waitFor();
    await page.locator('.tab', { hasText: 'Failed' }).click();
    await page.locator(`tr[data-reference="${failing.reference}"]`, { hasText: 'Account closed' }).waitFor();
    await screenshot(page, 'desk-payment-failed');

    await runtime.settle();
    await page.goto(`${runtime.url}/staff/tasks?lang=en`);
    await page.locator(`a[data-task-type="reissue_payment"][data-reference="${failing.reference}"]`).click();
    await page.locator('#outcome').waitFor();
    await choose(page, 'outcome', 'reissue');
    await page.locator('.decision-panel button[type="submit"]').click();
    await page.locator('.error-summary a[href="#correctPayout"]').waitFor();
    await choose(page, 'correctPayout', 'yes');
    await choose(page, 'payoutMethod', 'bank_transfer');
    await fill(page, 'accountHolder', 'Неудачин Пётр');
    await fill(page, 'iban', 'DE89 3704 0044 0532 0130 01');
    await page.locator('.decision-panel button[type="submit"]').click();
    // The shared schema checks the IBAN in the browser: a wrong check digit is caught at the field.
    await page.locator('.error-summary a[href="#iban"]').waitFor();
    await screenshot(page, 'desk-reissue-errors');
    await fill(page, 'iban', 'DE89 3704 0044 0532 0130 00');
    await page.locator('.decision-panel button[type="submit"]').click();
    await page.locator('.alert--success').waitFor();
    // Re-issued: the money is reserved again and the payment waits for authorisation once more.
    await runtime.settle();
    await page.goto(`${runtime.url}/staff/tasks?lang=en`);
    await page
      .locator(`a[data-task-type="authorise_payment"][data-reference="${failing.reference}"]`)
      .waitFor();
    await screenshot(page, 'desk-payment-reissued');
    await page.close();
  });

  it('finance confirms that in-kind aid was handed over (no bank batch for it)', async () => {
    // Arrange: a food set, delivered, authorised for payment.
    const food = await applyViaApi('Зинаида Продуктова', 250_000, {
      aidType: 'food_set',
      payout: { method: 'in_kind', deliveryAddress: 'ул. Садовая, 5' },
    });
    await decideViaApi('reviewer', food.reference, 'review', { outcome: 'approve' });
    await decideViaApi('head', food.reference, 'approve', { outcome: 'approve' });
    await decideViaApi('finance', food.reference, 'authorise_payment', { outcome: 'approve' });

    const page = await newPage();
    await signIn(page, 'finance2');
    await page.goto(`${runtime.url}/staff/payments?lang=en`);
    const row = page.locator(`tr[data-reference="${food.reference}"]`);
    await row.locator('.button--secondary').click();
    await page.locator('#deliveredAt').waitFor();
    await fill(page, 'receivedBy', 'Зинаида Продуктова');
    await page.locator('.decision-panel button[type="submit"]').click();
    await page.locator('.alert--success', { hasText: food.reference }).waitFor();
    await page.locator('.tab', { hasText: 'Paid' }).click();
    await page.locator(`tr[data-reference="${food.reference}"]`, { hasText: 'Delivered' }).waitFor();
    await screenshot(page, 'desk-delivery-confirmed');
    await page.close();
  });

  it('reports show the paid aid as a chart and a table, and download as CSV', async () => {
    const page = await newPage();
    await signIn(page, 'head');
    await page.goto(`${runtime.url}/staff/reports?lang=en`);
    await ready(page);
    await loaded(page);
    await page.locator('[data-chart="chart-aid-usage"] .chart-bar').first().waitFor();
    await page.locator('[data-chart="chart-budgets"]').waitFor();
    await page.locator('[data-chart="chart-appeals"]').waitFor();
    // At a laptop's width the budget figures that matter (the closing balance, what is left) are
    // in the table's visible part, in every language, without scrolling it sideways.
    for (const lang of ['en', 'uk', 'ru', 'zh']) {
      await page.goto(`${runtime.url}/staff/reports?lang=${lang}`);
      await ready(page);
      await loaded(page);
      const hidden = await page.locator('[data-testid="budget-balances"]').evaluate((table) => {
        const visible = (table.closest('.table-wrap') ?? table).getBoundingClientRect();
        return ['closing', 'remaining'].filter((column) => {
          const th = table.querySelector(`thead th[data-column="${column}"]`);
          return !th || th.getBoundingClientRect().right > visible.right + 1;
        });
      });
      expect(hidden, lang).toEqual([]);
    }
    await page.goto(`${runtime.url}/staff/reports?lang=en`);
    await ready(page);
    await loaded(page);
    await page.locator('[data-chart="chart-budgets"]').waitFor();
    // At a phone's width every name stays whole (wrapped, not cut at the chart's edge).
    const wide = page.viewportSize();
    await page.setViewportSize({ width: 360, height: 740 });
    const cut = await page.locator('.chart').evaluateAll((charts) =>
      charts.flatMap((chart) => {
        const edge = chart.getBoundingClientRect().right + 1;
        return Array.from(chart.querySelectorAll('.chart-label, .chart-value'))
          .filter((text) => text.getBoundingClientRect().right > edge)
          .map((text) => text.textContent);
      }),
    );
    expect(cut).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    if (wide) await page.setViewportSize(wide);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#aid-usage-title ~ .button').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^aid-usage-\d{4}\.csv$/);
    await screenshot(page, 'desk-reports');
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'desk-reports-360');
    await page.close();
  });

  it('the administrator checks a new rule set version in the browser before saving it', async () => {
    const page = await newPage();
    await signIn(page, 'admin');
    await page.goto(`${runtime.url}/staff/rules?lang=en`);
    await page.locator('#rules').waitFor();
    const valid = await page.locator('#rules').inputValue();
    await fill(page, 'rules', '[{"code": "Not Snake"}]');
    await page.locator('.decision-panel button[type="submit"]').click();
    await page.locator('.error-summary a[href="#rules"]').first().waitFor();
    await screenshot(page, 'desk-rules-errors');
    await fill(page, 'rules', valid);
    await page.locator('.decision-panel button[type="submit"]').click();
    await page.locator('.alert--success').waitFor();
    await page.locator('.rule-set').nth(1).waitFor();
    await screenshot(page, 'desk-rules-saved');
    await page.close();
  });

  it('the administrator adds a recipient category with four names, and the catalogue shows it', async () => {
    const page = await newPage();
    await signIn(page, 'admin');
    await page.goto(`${runtime.url}/staff/catalogue?lang=en`);
    await page.locator('#entryCode').waitFor();
    await choose(page, 'entryKind', 'recipient-categories');
    await fill(page, 'entryCode', 'chernobyl_liquidator');
    await fill(page, 'entryName-en', 'Chernobyl clean-up worker');
    await page.locator('.decision-panel button[type="submit"]').click();
    await page.locator('.error-summary a[href="#entryName-uk"]').waitFor();
    await fill(page, 'entryName-uk', 'Ліквідатор наслідків аварії на ЧАЕС');
    await fill(page, 'entryName-ru', 'Ликвидатор последствий аварии на ЧАЭС');
    await fill(page, 'entryName-zh', '切尔诺贝利事故清理人员');
    await page.locator('.decision-panel button[type="submit"]').click();
    await page.locator('.alert--success').waitFor();
    await page.reload();
    await page
      .locator('table[data-kind="recipient-categories"]', { hasText: 'chernobyl_liquidator' })
      .waitFor();
    await screenshot(page, 'desk-catalogue');
    await page.close();
  });

  it('in December the administrator is told of next year’s missing budget lines and sets one from the warning', async () => {
    // Arrange: the browser's calendar at 10 December of the runtime's year, whose lines the seed set.
    const year = new Date().getFullYear();
    const next = String(year + 1);
    const page = await newPage();
    await page.clock.setFixedTime(new Date(`${year}-12-10T09:00:00`));
    await signIn(page, 'admin');

    // Act: any page of the desk carries the warning; its link opens next year's budgets.
    await page.goto(`${runtime.url}/staff/rules?lang=en`);
    const deskWarning = page.locator('.alert--warning', { has: page.locator('[data-budget-gap="coming"]') });
    await deskWarning.waitFor();
    const listed = await deskWarning.textContent();
    const link = deskWarning.getByRole('link', { name: `Set the budget lines for ${next}` });
    const first = new URL((await link.getAttribute('href')) ?? '', runtime.url).searchParams.get('source');
    await link.click();

    // Assert: every seeded source is named, and the form is ready for the first of them.
    for (const source of ['regional budget', 'charitable donations']) expect(listed).toContain(source);
    await page.locator('#budget-form-title:focus').waitFor();
    expect(await page.locator('#budget-form-title').textContent()).toContain(next);
    expect(await page.locator('#budgetSource').inputValue()).toBe(first);
    const firstName = (await page.locator('#budgetSource option:checked').textContent()) ?? '';
    expect(listed).toContain(firstName);
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // Act: set that line.
    await fill(page, 'budgetAllocated', '1500000');
    await page.locator('.decision-panel button[type="submit"]').click();
    await page.locator('.alert--success').waitFor();

    // Assert: the warning no longer names it and still names the rest.
    const pageWarning = page.locator('.alert--warning', { has: page.locator('[data-budget-gap="coming"]') });
    await expect.poll(async () => pageWarning.textContent()).not.toContain(firstName);
    const rest = firstName === 'regional budget' ? 'charitable donations' : 'regional budget';
    expect(await pageWarning.textContent()).toContain(rest);
    await screenshot(page, 'desk-budgets-year-turn');
    await page.close();
  });

  it('the head reads the year-turn warning on the budgets page only, without the way to set them', async () => {
    // Arrange
    const year = new Date().getFullYear();
    const page = await newPage();
    await page.clock.setFixedTime(new Date(`${year}-12-10T09:00:00`));
    await signIn(page, 'head');

    // Act: the inbox, with every request answered.
    await page.goto(`${runtime.url}/staff/tasks?lang=en`);
    await page.locator('#page-title').waitFor();
    await page.waitForLoadState('networkidle');

    // Assert: the warning is for whoever sets budgets on every page; the head sees it with the budgets.
    expect(await page.locator('[data-budget-gap]').count()).toBe(0);
    await page.goto(`${runtime.url}/staff/budgets?lang=en`);
    const warning = page.locator('.alert--warning', { has: page.locator('[data-budget-gap="coming"]') });
    await warning.waitFor();
    expect(await warning.textContent()).toContain(`Budget lines for ${year + 1} are not set yet`);
    expect(await warning.locator('a, button').count()).toBe(0);
    await page.close();
  });

  it('the clerk prints the letters to applicants who gave only a postal address, and marks one posted', async () => {
    // Arrange: an application whose only contact is a postal address, so its first message is a letter.
    const applicant: Record<string, unknown> = {
      ...distinctApplicant(),
      phone: undefined,
      address: 'д. Заречье, ул. Лесная, 3',
    };
    const res = await fetch(`${runtime.url}/v1/aid-applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(distinctApplication({ applicant })),
    });
    expect(res.status).toBe(201);
    const { reference, caseId } = (await res.json()) as { reference: string; caseId: string };
    await runtime.settle();
    const page = await newPage();
    await signIn(page, 'clerk');

    // Act
    await page.locator('.staff-nav a[href="/staff/letters"]').click();
    const letter = page.locator('.letter', { hasText: reference });
    await letter.waitFor();

    // Assert: addressed from the case, in the applicant's language, and printable one to a sheet.
    expect(await letter.textContent()).toContain(String(applicant.fullName));
    expect(await letter.textContent()).toContain('д. Заречье, ул. Лесная, 3');
    // The text, and around it the office, the subject and how to ask by phone, all in Russian;
    // dated the day it is printed, written out as people write dates.
    expect(await letter.locator('p[lang="ru"]').count()).toBe(4);
    expect(await letter.locator('.letter-sender').textContent()).toContain('Управление социальной защиты');
    expect(await letter.locator('[data-testid="letter-date"]').textContent()).toMatch(
      /^\d{1,2} [а-я]+ \d{4} г\.$/,
    );
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.staff-bar').isVisible()).toBe(false);
    expect(await letter.locator('button').isVisible()).toBe(false);
    expect(await letter.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await screenshot(page, 'desk-letters');

    // Act: posted.
    await letter.getByRole('button', { name: `Mark as posted ${reference}` }).click();

    // Assert: said, and off the list.
    await page.locator('.alert--success', { hasText: reference }).waitFor();
    await expect.poll(() => page.locator('.letter', { hasText: reference }).count()).toBe(0);

    // The person rings: the letter never came. The clerk reads out what it said, and has it printed
    // again after saying so twice.
    await page.goto(`${runtime.url}/staff/cases/${caseId}?lang=en`);
    const message = page.locator('[data-testid="messages"] li').first();
    await message.waitFor();
    await message.locator('details.message-text summary').click();
    expect(await message.locator('details.message-text p').textContent()).toContain(reference);
    await message.getByRole('button', { name: /The letter never arrived/ }).click();
    const violations2 = await axe(page);
    expect(violations2, describeViolations(violations2)).toEqual([]);
    await message.getByRole('button', { name: 'Print it again' }).click();
    await page.locator('.staff-nav a[href="/staff/letters"]').click();
    await page.locator('.letter', { hasText: reference }).waitFor();
    await page.close();
  });

  it('the local mailbox shows what was sent about a case', async () => {
    const page = await newPage();
    await signIn(page, 'clerk');
    await page.locator('.staff-nav a[href="/staff/mailbox"]').waitFor();
    await page.goto(`${runtime.url}/staff/mailbox?lang=en`);
    await fill(page, 'mailboxReference', journey.reference ?? '');
    await submit(page);
    await page.locator('.mailbox .card').first().waitFor();
    expect(await page.locator('.mailbox').textContent()).toContain(journey.reference);
    await screenshot(page, 'desk-mailbox');
    await page.close();
  });
});

describe('accessibility: axe-core on every page in every language', () => {
  const languages = ['en', 'uk', 'ru', 'zh'] as const;
  const publicPages = ['/', '/apply', '/status', '/appeal', '/staff'];
  /** Every staff page, as a role that sees all of it (forms included); grouped by who signs in. */
  const staffPages = (): [string, string][] => [
    ['reviewer', '/staff/tasks'],
    ['reviewer', '/staff/rules'],
    ['auditor', '/staff/cases'],
    ...(journey.caseId
      ? ([
          ['auditor', `/staff/cases/${journey.caseId}`],
          ['auditor', `/staff/cases/${journey.caseId}?tab=audit`],
        ] as [string, string][])
      : []),
    ['finance', '/staff/payments'],
    ['clerk', '/staff/letters'],
    ['head', '/staff/budgets'],
    ['head', '/staff/reports'],
    ['admin', '/staff/budgets'],
    ['admin', '/staff/rules'],
    ['admin', '/staff/catalogue'],
    ['admin', '/staff/staff-identities'],
    ['admin', '/staff/mailbox'],
  ];
  const checked: string[] = [];

  for (const lang of languages) {
    it(`public pages in ${lang}, with and without errors, at 1280 and 360 px`, async () => {
      const page = await newPage();
      for (const path of publicPages) {
        await page.goto(`${runtime.url}${path}?lang=${lang}`);
        await ready(page);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        const violations = await axe(page);
        expect(violations, `${path} (${lang})\n${describeViolations(violations)}`).toEqual([]);
        checked.push(`${path} ${lang}`);
        if (['/apply', '/status', '/appeal', '/staff'].includes(path)) {
          // The error state: submit the empty form.
          await submit(page);
          await page.locator('.error-summary').waitFor();
          const withErrors = await axe(page);
          expect(withErrors, `${path} with errors (${lang})\n${describeViolations(withErrors)}`).toEqual([]);
          checked.push(`${path} (errors) ${lang}`);
        }
        await screenshot(page, `a11y-${lang}${path === '/' ? '-home' : path.replaceAll('/', '-')}`);
      }
      await page.setViewportSize({ width: 360, height: 800 });
      for (const path of publicPages) {
        await page.goto(`${runtime.url}${path}?lang=${lang}`);
        await ready(page);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${path} at 360 px`,
        ).toBeLessThanOrEqual(360);
      }
      await page.close();
    });

    it(`the applicant's case and the staff pages in ${lang}`, async () => {
      const page = await newPage();
      if (journey.reference) {
        await page.goto(`${runtime.url}/status?lang=${lang}&reference=${journey.reference}`);
        await fill(page, 'accessCode', journey.accessCode ?? '');
        await submit(page);
        await page.locator('[data-testid="case-status"]').waitFor();
        const violations = await axe(page);
        expect(violations, `case view (${lang})\n${describeViolations(violations)}`).toEqual([]);
        checked.push(`/status (case) ${lang}`);
        await screenshot(page, `a11y-${lang}-case`);
      }
      // Every page is checked before the test fails, so one run reports them all.
      const problems: string[] = [];
      let signedIn: string | undefined;
      for (const [username, path] of staffPages()) {
        if (signedIn !== username) {
          await page.evaluate(() => sessionStorage.clear());
          await signIn(page, username, lang);
          signedIn = username;
        }
        await page.goto(`${runtime.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        await ready(page);
        await loaded(page);
        const violations = await axe(page);
        const name = `${path.replace(journey.caseId ?? '#', '{caseId}')} as ${username}`;
        if (violations.length > 0) problems.push(`${name} (${lang})\n${describeViolations(violations)}`);
        checked.push(`${name} ${lang}: ${violations.length} violations`);
        await screenshot(
          page,
          `a11y-${lang}-${username}${path.replace(journey.caseId ?? '#', 'case').replace(/[/?=]/g, '-')}`,
        );
        await page.setViewportSize({ width: 360, height: 800 });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 360) problems.push(`${name} (${lang}) is ${width} px wide at 360 px`);
        await page.setViewportSize({ width: 1280, height: 900 });
      }
      await page.evaluate(() => sessionStorage.clear());
      expect(problems).toEqual([]);
      // A task with its case, eligibility and history: create one and open it as the reviewer.
      const res = await fetch(`${runtime.url}/v1/aid-applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          applicant: {
            fullName: `Test ${lang}`,
            birthDate: '1960-01-01',
            phone: '+7 900 000-00-00',
            preferredLanguage: lang,
          },
          categories: ['low_income'],
          household: { size: 3, children: 1, monthlyIncome: { currency: 'RUB', minor: 2_400_000 } },
          aidType: 'cash',
          requestedAmount: { currency: 'RUB', minor: 700_000 },
          reason: 'a11y',
          payout: { method: 'cash_desk' },
        }),
      });
      const { reference } = (await res.json()) as { reference: string };
      await runtime.settle();
      await signIn(page, 'reviewer', lang);
      const link = page.locator(`a[data-reference="${reference}"]`);
      await link.waitFor();
      await link.click();
      await page.locator('#outcome').waitFor();
      await page.locator('.decision-panel button[type="submit"]').click();
      await page.locator('.decision-panel .error-summary').waitFor();
      const violations = await axe(page);
      expect(violations, `task view (${lang})\n${describeViolations(violations)}`).toEqual([]);
      checked.push(`/staff/tasks/{id} ${lang}`);
      await screenshot(page, `a11y-${lang}-task`);
      await page.close();
    });
  }

  afterAll(() => {
    console.log(`axe-core: ${checked.length} page states checked:\n  ${checked.join('\n  ')}`);
  });
});
