import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalIssuer } from '../../local/local-issuer.js';
import { type Runtime, startRuntime } from '../../local/runtime.js';
import { axe, type Browser, describeViolations, launchBrowser, screenshot } from './browser.js';
import { choose, fill, ready } from './pages.js';
import { staffDesk } from './staff-desk.js';

/**
 * What a reviewer with forty cases a day found: a sign-in that ends under a half-typed decision,
 * a decision that meets another (or one's own, retried), a task or case page that failed to load,
 * the "Decision recorded" nobody heard, and the eligibility table's rows.
 *
 * Its own runtime (not browserSuite): a short-lived token is minted with the runtime's issuer key,
 * which lives in the data folder, the way the local issuer signs every token.
 */

let runtime: Runtime;
let browser: Browser;
let desk: ReturnType<typeof staffDesk>;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'aidflow-e2e-session-'));
  [runtime, browser] = await Promise.all([startRuntime({ port: 0, dataDir }), launchBrowser()]);
  desk = staffDesk(runtime.url, browser, () => runtime.settle());
});
afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function applyViaApi(fullName: string): Promise<{ reference: string; caseId: string }> {
  const res = await fetch(`${runtime.url}/v1/aid-applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      applicant: { fullName, birthDate: '1954-05-06', phone: '+7 900 555-66-77', preferredLanguage: 'en' },
      categories: ['pensioner'],
      household: { size: 1, children: 0, monthlyIncome: { currency: 'RUB', minor: 1_000_000 } },
      aidType: 'cash',
      requestedAmount: { currency: 'RUB', minor: 300_000 },
      reason: 'e2e',
      payout: { method: 'cash_desk' },
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { reference: string; caseId: string };
}

/** A new case's review task, ready in the reviewers' inbox. */
async function reviewTask(fullName: string) {
  const created = await applyViaApi(fullName);
  await runtime.settle();
  return { ...created, taskId: await desk.openTaskOf('reviewer', created.reference, 'review') };
}

/**
 * Puts a sign-in in the tab whose token the server accepts for `ttlSeconds` only; the tab believes
 * it lasts `believedSeconds` (by default as long as the token).
 */
async function shortSignIn(page: Page, username: string, ttlSeconds: number, believedSeconds = ttlSeconds) {
  const issuer = await LocalIssuer.open(dataDir, `http://localhost:${runtime.port}/auth/local`);
  const token = await issuer.sign({ username, groups: ['reviewer'] }, ttlSeconds);
  await page.goto(`${runtime.url}/staff?lang=en`);
  await ready(page);
  await page.evaluate(
    ([token, username, believed]) =>
      sessionStorage.setItem(
        'aidflow.staff-session',
        JSON.stringify({
          token,
          username,
          roles: ['reviewer'],
          expiresAt: Date.now() + Number(believed) * 1000,
        }),
      ),
    [token, username, String(believedSeconds)] as const,
  );
  return Date.now() + ttlSeconds * 1000;
}

/** Waits (really) until the server refuses a token that ended at `endsAt` (it allows 5 s of skew). */
async function untilRefused(page: Page, endsAt: number) {
  await page.waitForTimeout(Math.max(0, endsAt - Date.now()) + 6_500);
}

async function signInOnForm(page: Page, username: string) {
  await page.locator('#username').waitFor();
  await fill(page, 'username', username);
  await fill(page, 'password', 'demo');
  await page.locator('main form button[type="submit"]').last().click();
  await page.locator('.staff-nav').waitFor();
}

const draftKeys = (page: Page) =>
  page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('aidflow.decision-draft.')));

describe('a desk in use all day', () => {
  const savedSession = (page: Page) =>
    page.evaluate(
      () =>
        JSON.parse(sessionStorage.getItem('aidflow.staff-session') ?? 'null') as {
          token: string;
          expiresAt: number;
          refreshToken?: string;
        } | null,
    );
  /** As the tab sees it, its hour ran out a minute ago (the laptop slept); the server is not told. */
  const endTheHour = (page: Page, changes: Record<string, unknown> = {}) =>
    page.evaluate((changes) => {
      const saved = JSON.parse(sessionStorage.getItem('aidflow.staff-session') ?? '{}');
      sessionStorage.setItem(
        'aidflow.staff-session',
        JSON.stringify({ ...saved, expiresAt: Date.now() - 60_000, ...changes }),
      );
    }, changes);

  it('renews the sign-in before it ends, so the desk neither warns nor asks for the password', async () => {
    // Arrange: signed in through the form, which gives a refresh token with the hour's token.
    const { taskId } = await reviewTask('Долгий День Тестов');
    const page = await desk.newPage();
    await page.clock.install();
    await desk.signIn(page, 'reviewer');
    const first = await savedSession(page);
    await page.goto(`${runtime.url}/staff/tasks/${taskId}?lang=en`);
    await page.locator('#outcome').waitFor();
    await fill(page, 'comment', 'Read the file after lunch.');

    // Act: 56 minutes on, four before the hour's end (the warning would have shown at 55).
    await page.clock.fastForward('56:00');
    await expect
      .poll(async () => (await savedSession(page))?.token, { timeout: 10_000 })
      .not.toBe(first?.token);

    // Assert: the desk says nothing, the form is as it was, and the new token is accepted.
    expect(await page.locator('[data-testid="session-notice"]').getAttribute('data-phase')).toBe('live');
    expect(await page.locator('#comment').inputValue()).toBe('Read the file after lunch.');
    await page.getByRole('link', { name: 'Back to your tasks' }).first().click();
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('#username').count()).toBe(0);
    await page.close();
  });

  it('renews on a reload after the hour ran out, and comes back to the task with what was typed', async () => {
    // Arrange
    const { taskId } = await reviewTask('Вернувшийся Заявитель Тестов');
    const page = await desk.newPage();
    await desk.signIn(page, 'reviewer');
    const first = await savedSession(page);
    await page.goto(`${runtime.url}/staff/tasks/${taskId}?lang=en`);
    await page.locator('#outcome').waitFor();
    await fill(page, 'comment', 'Typed before the laptop slept.');
    expect(await draftKeys(page)).toHaveLength(1);

    // Act
    await endTheHour(page);
    await page.reload();

    // Assert: no sign-in form; the task, the draft and a new hour.
    await page.locator('[data-testid="draft-restored"]').waitFor();
    expect(await page.locator('#username').count()).toBe(0);
    expect(await page.locator('#comment').inputValue()).toBe('Typed before the laptop slept.');
    const renewed = await savedSession(page);
    expect(renewed?.token).not.toBe(first?.token);
    expect(renewed?.expiresAt).toBeGreaterThan(Date.now() + 50 * 60_000);
    await page.close();
  });

  it('ends the sign-in on signing out, so a copy of its refresh token renews nothing', async () => {
    // Arrange
    const page = await desk.newPage();
    await desk.signIn(page, 'reviewer');
    const refreshToken = (await savedSession(page))?.refreshToken;
    expect(refreshToken).toBeTruthy();

    // Act
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#username').waitFor();
    const renewal = await fetch(`${runtime.url}/auth/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: refreshToken }),
    });

    // Assert
    expect(renewal.status).toBe(400);
    expect(await renewal.json()).toMatchObject({ detail: 'The sign-in was ended.' });
    await page.close();
  });

  it('asks for the password on a reload after the hour when the refresh token is refused', async () => {
    const page = await desk.newPage();
    await desk.signIn(page, 'reviewer');

    await endTheHour(page, { refreshToken: 'forged' });
    await page.reload();

    await page.locator('#username').waitFor();
    expect(await savedSession(page)).toBeNull();
    await page.close();
  });

  it('warns as before when the renewal is refused', async () => {
    // Arrange: a refresh token the issuer did not sign.
    const page = await desk.newPage();
    await page.clock.install();
    await desk.signIn(page, 'reviewer');
    await page.evaluate(() => {
      const saved = JSON.parse(sessionStorage.getItem('aidflow.staff-session') ?? '{}');
      sessionStorage.setItem('aidflow.staff-session', JSON.stringify({ ...saved, refreshToken: 'forged' }));
    });
    await page.reload();
    await page.locator('.staff-nav').waitFor();

    // Act
    await page.clock.fastForward('56:00');

    // Assert
    await page.locator('[data-testid="session-notice"][data-phase="ending"] .alert').waitFor();
    await page.close();
  });
});

describe('a sign-in that ends under a decision being typed', () => {
  it('keeps the outcome and the reasons through signing in again, and records them', async () => {
    // Arrange: a token that lives 8 seconds.
    const { reference, taskId } = await reviewTask('Обеденный Заявитель Тестов');
    const page = await desk.newPage();
    const endsAt = await shortSignIn(page, 'reviewer', 8);
    await page.goto(`${runtime.url}/staff/tasks/${taskId}?lang=en`);
    await page.locator('#outcome').waitFor();
    await choose(page, 'outcome', 'reject');
    await fill(page, 'comment', 'Income above the minimum; typed before lunch.');

    // Act: lunch; back, the page says the sign-in ended but keeps the form; "Record" then signs in.
    await untilRefused(page, endsAt);
    await page.locator('[data-testid="session-notice"][data-phase="ended"] .alert').waitFor();
    expect(await page.locator('#comment').inputValue()).toContain('typed before lunch');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await signInOnForm(page, 'reviewer');

    // Assert: the same task, with the decision as it was typed.
    await page.locator('[data-testid="draft-restored"]').waitFor();
    expect(page.url()).toContain(`/staff/tasks/${taskId}`);
    expect(await page.locator('input[name="outcome"][value="reject"]').isChecked()).toBe(true);
    expect(await page.locator('#comment').inputValue()).toBe('Income above the minimum; typed before lunch.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.locator('[data-testid="flash"] .alert').waitFor();
    expect(await page.locator('[data-testid="flash"]').textContent()).toContain(reference);
    expect(await draftKeys(page)).toEqual([]);
    await page.close();
  });

  it('warns before the end, and a claim renewal refused in the background signs nobody out', async () => {
    // Arrange: the tab believes in 10 minutes; the server ends the token after 8 seconds.
    const { taskId } = await reviewTask('Фоновый Заявитель Тестов');
    const page = await desk.newPage();
    await page.clock.install();
    const endsAt = await shortSignIn(page, 'reviewer', 8, 600);
    await page.goto(`${runtime.url}/staff/tasks/${taskId}?lang=en`);
    await page.locator('#outcome').waitFor();
    await choose(page, 'outcome', 'reject');
    await fill(page, 'comment', 'Half a sentence');
    expect(await page.locator('[data-testid="session-notice"]').getAttribute('data-phase')).toBe('live');

    // Act 1: six minutes on: five before the end.
    await page.clock.fastForward('06:00');
    await page.locator('[data-testid="session-notice"][data-phase="ending"] .alert').waitFor();
    const warning = await page.locator('[data-testid="session-notice"]').textContent();
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, 'session-ending-warning');

    // Act 2: the server has ended the token; the claim's renewal (every 8 minutes) meets a 401.
    await untilRefused(page, endsAt);
    await page.clock.fastForward('02:30');
    await page.locator('[data-testid="session-notice"][data-phase="ended"] .alert').waitFor();
    await fill(page, 'comment', 'Half a sentence, and the other half.');

    // Assert: warned, told, and still on the form with what was typed; no sign-in form.
    expect(warning).toMatch(/Your sign-in ends at .*a decision you have started is kept/);
    expect(await page.locator('#username').count()).toBe(0);
    expect(await page.locator('#comment').inputValue()).toBe('Half a sentence, and the other half.');
    await screenshot(page, 'session-ended-notice');

    // Signing in again from the notice brings the same task back with the draft.
    await page
      .locator('[data-testid="session-notice"]')
      .getByRole('button', { name: 'Sign in again' })
      .click();
    await signInOnForm(page, 'reviewer');
    await page.locator('[data-testid="draft-restored"]').waitFor();
    expect(await page.locator('#comment').inputValue()).toBe('Half a sentence, and the other half.');
    // Signing out takes the draft with it.
    await page.locator('.staff-who button').click();
    await page.locator('#username').waitFor();
    expect(await draftKeys(page)).toEqual([]);
    await page.close();
  });
});

describe('a decision that meets one already made', () => {
  it("calls one's own decision (its answer lost, then retried) a success, and says so on the task", async () => {
    // Arrange: the first send reaches the server, but its answer never reaches the page.
    const { reference, taskId } = await reviewTask('Потерянный Ответ Тестов');
    const page = await desk.newPage();
    await desk.signIn(page, 'reviewer');
    await page.goto(`${runtime.url}/staff/tasks/${taskId}?lang=en`);
    await page.locator('#outcome').waitFor();
    await choose(page, 'outcome', 'reject');
    await fill(page, 'comment', 'Reasons given once.');
    let sends = 0;
    await page.route(`**/v1/tasks/${taskId}/decision`, async (route) => {
      sends += 1;
      if (sends > 1) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });

    // Act
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.locator('.decision-panel .alert--error').waitFor();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.locator('[data-testid="flash"] .alert').waitFor();

    // Assert: the inbox says it was recorded (what), not that someone else decided.
    const flash = await page.locator('[data-testid="flash"]').textContent();
    expect(flash).toBe(`Your decision on ${reference} was already recorded: Reject.`);
    expect(sends).toBe(2);
    // Opening the decided task again says who decided it: you.
    await page.goto(`${runtime.url}/staff/tasks/${taskId}?lang=en`);
    await page.locator('[data-testid="task-decided"]').waitFor();
    expect(await page.locator('[data-testid="task-decided"]').textContent()).toMatch(
      /^You decided this task: Reject, /,
    );
    expect(await page.locator('#outcome').count()).toBe(0);
    await page.close();
  });

  it("shows a colleague's decision with the task as it now is: who, what, and no form", async () => {
    // Arrange: reviewer2 has the task open; the reviewer opens it too and types a decision.
    const { taskId } = await reviewTask('Двойной Заявитель Тестов');
    const boris = await desk.newPage();
    await desk.signIn(boris, 'reviewer2');
    await boris.goto(`${runtime.url}/staff/tasks/${taskId}?lang=en`);
    await boris.locator('#outcome').waitFor();
    await boris.waitForLoadState('networkidle');
    const anna = await desk.newPage();
    await desk.signIn(anna, 'reviewer');
    await anna.goto(`${runtime.url}/staff/tasks/${taskId}?lang=en`);
    await anna.locator('[data-testid="claim-held"]').waitFor();
    await choose(anna, 'outcome', 'reject');
    await fill(anna, 'comment', 'Too late.');

    // Act: reviewer2 approves; then the reviewer records hers.
    await desk.apiAs('reviewer2', 'POST', `/v1/tasks/${taskId}/decision`, { outcome: 'approve' });
    await anna.getByRole('button', { name: 'Record the decision' }).click();
    await anna.locator('[data-testid="task-decided"]').waitFor();

    // Assert
    const note = anna.locator('[data-testid="task-decided"]');
    expect(await note.textContent()).toMatch(
      /^reviewer2 decided this task: Approve, .*\. Your decision was not recorded\./,
    );
    await expect
      .poll(() => anna.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('task-decided');
    expect(await anna.locator('#outcome').count()).toBe(0);
    expect(await anna.locator('[data-testid="claim-held"]').count()).toBe(0);
    expect(await anna.locator('.history-tasks').textContent()).toContain('Approve by reviewer2');
    expect(await anna.locator('.history-tasks').textContent()).not.toContain('Review: open');
    const violations = await axe(anna);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(anna, 'task-decided-by-colleague');
    expect(await draftKeys(anna)).toEqual([]);
    await anna.close();
    await boris.close();
  });
});

describe('a task or case page that failed to load', () => {
  it('offers "Try again" on a server error and a timeout, and recovers without a browser reload', async () => {
    const { caseId, taskId } = await reviewTask('Сбойный Заявитель Тестов');
    const page = await desk.newPage();
    await desk.signIn(page, 'reviewer');

    // The task page: a 503 first.
    await page.route(`**/v1/tasks/${taskId}`, (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ title: 'Service Unavailable', status: 503 }),
      }),
    );
    await page.goto(`${runtime.url}/staff/tasks/${taskId}?lang=en`);
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    expect(await page.locator('#page-title').textContent()).toBe('The task could not be opened');
    const taskViolations = await axe(page);
    expect(taskViolations, describeViolations(taskViolations)).toEqual([]);
    await page.unroute(`**/v1/tasks/${taskId}`);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('#outcome').waitFor();
    expect(await page.locator('.alert--error').count()).toBe(0);

    // The case page: no answer (a timeout).
    await page.route(`**/v1/cases/by-id/${caseId}`, (route) => route.abort('timedout'));
    await page.goto(`${runtime.url}/staff/cases/${caseId}?lang=en`);
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    const text = await page.locator('.alert--error').textContent();
    expect(text).toContain('We could not reach AidFlow');
    expect(text).not.toContain('Nothing was lost');
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.unroute(`**/v1/cases/by-id/${caseId}`);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('#eligibility-title').waitFor();
    expect(await page.locator('.alert--error').count()).toBe(0);
    await page.close();
  });
});

describe('the inbox after a decision, and the eligibility table, in Ukrainian', () => {
  it('names each rule in a row header, and puts "Decision recorded" into a live region already there', async () => {
    const { reference, caseId, taskId } = await reviewTask('Озвученный Заявитель Тестов');
    const page = await desk.newPage();
    // Every node added with the message: was it put into a live region that was already there?
    await page.addInitScript(() => {
      const w = window as unknown as { flashInserts: boolean[] };
      w.flashInserts = [];
      new MutationObserver((mutations) => {
        for (const m of mutations)
          for (const n of Array.from(m.addedNodes))
            if (n.textContent?.includes('записано'))
              w.flashInserts.push(
                m.target instanceof Element &&
                  m.target.closest('[aria-live], [role="status"], [role="alert"]') !== null,
              );
      }).observe(document, { childList: true, subtree: true });
    });
    await desk.signIn(page, 'reviewer', 'uk');
    await page.goto(`${runtime.url}/staff/tasks/${taskId}?lang=uk`);
    await page.locator('#outcome').waitFor();

    // The eligibility table: a row header per rule, named in Ukrainian from the rule set.
    await page.locator('tr[data-rule="once_in_12_months"] th[scope="row"]').waitFor();
    await page.waitForFunction(() =>
      document
        .querySelector('tr[data-rule="once_in_12_months"] th')
        ?.textContent?.startsWith('За останні 12 місяців'),
    );
    const rows = await page.locator('#eligibility-title ~ * tbody tr').count();
    expect(await page.locator('#eligibility-title ~ * tbody tr th[scope="row"]').count()).toBe(rows);
    expect(
      await page.locator('tr[data-rule="income_below_minimum_or_emergency"] th').textContent(),
    ).not.toMatch(/^income_below_minimum_or_emergency/);

    // Act: approve.
    await choose(page, 'outcome', 'approve');
    await page.locator('main form button[type="submit"]').last().click();
    await page.locator('[data-testid="flash"] .alert').waitFor();

    // Assert: the heading has the focus, and the message went into the region after it got it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('page-title');
    expect(await page.locator('[data-testid="flash"]').textContent()).toBe(
      `Рішення щодо ${reference} записано.`,
    );
    expect(await page.locator('[data-testid="flash"]').getAttribute('role')).toBe('status');
    expect(
      await page.evaluate(() => (window as unknown as { flashInserts: boolean[] }).flashInserts),
    ).toEqual([true]);
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // The case page has the same table, named the same way.
    await page.goto(`${runtime.url}/staff/cases/${caseId}?lang=uk`);
    await page.waitForFunction(() =>
      document
        .querySelector('tr[data-rule="once_in_12_months"] th[scope="row"]')
        ?.textContent?.startsWith('За останні 12 місяців'),
    );
    await page.close();
  });
});
