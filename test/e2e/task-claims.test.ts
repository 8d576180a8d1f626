import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/lib/store/keys.js';
import { localCredentials, localRegion } from '../../local/dynamodb-local.js';
import { appTableName } from '../../local/runtime.js';
import { axe, describeViolations, screenshot } from './browser.js';
import { choose, fill } from './pages.js';
import { browserSuite } from './suite.js';

/**
 * Two reviewers working one inbox: the task one of them has open goes to the end of the other's
 * list with the name of who has it, and opening it anyway says so, with a way to take it over.
 */

const suite = browserSuite('claims');

async function applyViaApi(fullName: string, rubles = 2_000): Promise<{ reference: string }> {
  const res = await fetch(`${suite.runtime.url}/v1/aid-applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      applicant: { fullName, birthDate: '1956-07-08', phone: '+7 900 222-33-44', preferredLanguage: 'en' },
      categories: ['pensioner'],
      household: { size: 1, children: 0, monthlyIncome: { currency: 'RUB', minor: 1_000_000 } },
      aidType: 'cash',
      requestedAmount: { currency: 'RUB', minor: rubles * 100 },
      reason: 'e2e',
      payout: { method: 'cash_desk' },
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { reference: string };
}

describe('two reviewers on one inbox', () => {
  it('puts the task a colleague has open last, says who has it, and lets a reviewer take it over', async () => {
    // Arrange: two new cases; the first would head both inboxes (the older, due sooner).
    const first = await applyViaApi('Первый Заявитель Тестов');
    const second = await applyViaApi('Второй Заявитель Тестов');
    await suite.runtime.settle();
    const firstTask = await suite.desk.openTaskOf('reviewer', first.reference, 'review');
    const anna = await suite.desk.newPage();
    await suite.desk.signIn(anna, 'reviewer');
    const boris = await suite.desk.newPage();
    await suite.desk.signIn(boris, 'reviewer2');

    // Act: one reviewer opens the first task; the other looks at the inbox.
    await anna.goto(`${suite.runtime.url}/staff/tasks/${firstTask}?lang=en`);
    await anna.locator('#outcome').waitFor();
    await anna.waitForLoadState('networkidle');
    await boris.goto(`${suite.runtime.url}/staff/tasks?lang=en`);
    const rows = boris.locator('tbody tr');
    await rows.first().waitFor();

    // Assert: the first case is now after the second, marked with who has it.
    const order = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelector('a[data-reference]')?.getAttribute('data-reference')),
    );
    expect(order.indexOf(second.reference)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(first.reference)).toBeGreaterThan(order.indexOf(second.reference));
    const claimedRow = boris.locator(`tr[data-claimed-by="reviewer"]`);
    expect(await claimedRow.textContent()).toContain('Being looked at by reviewer');
    await screenshot(boris, 'tasks-claimed-by-colleague');

    // Opening it anyway says who has it; taking it over moves the claim.
    await boris.locator(`a[data-reference="${first.reference}"]`).click();
    await boris.locator('[data-testid="claim-held"]').waitFor();
    expect(await boris.locator('[data-testid="claim-held"]').textContent()).toContain('reviewer');
    const violations = await axe(boris);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(boris, 'task-claimed-by-colleague');
    await boris.getByRole('button', { name: 'Take it over' }).click();
    await boris.locator('.alert--success').waitFor();
    expect(await boris.locator('[data-testid="claim-held"]').count()).toBe(0);

    await anna.reload();
    await anna.locator('[data-testid="claim-held"]').waitFor();
    expect(await anna.locator('[data-testid="claim-held"]').textContent()).toContain('reviewer2');
    await anna.close();
    await boris.close();
  });

  it('gives the claim up when the reviewer goes back to the inbox without deciding', async () => {
    // Arrange: the reviewer has a task open, so the colleague's inbox marks it.
    const { reference } = await applyViaApi('Оставленный Заявитель Тестов');
    await suite.runtime.settle();
    const taskId = await suite.desk.openTaskOf('reviewer', reference, 'review');
    const anna = await suite.desk.newPage();
    await suite.desk.signIn(anna, 'reviewer');
    await anna.goto(`${suite.runtime.url}/staff/tasks/${taskId}?lang=en`);
    await anna.locator('#outcome').waitFor();
    await anna.waitForLoadState('networkidle');
    const boris = await suite.desk.newPage();
    await suite.desk.signIn(boris, 'reviewer2');
    const claimedFor = async () => {
      await boris.goto(`${suite.runtime.url}/staff/tasks?lang=en`);
      const link = boris.locator(`a[data-reference="${reference}"]`);
      await link.waitFor();
      return link.locator('xpath=ancestor::tr').getAttribute('data-claimed-by');
    };
    const before = await claimedFor();

    // Act: back to the inbox by the link, as a reviewer glancing at tasks does.
    await anna.getByRole('link', { name: 'Back to your tasks' }).first().click();
    await anna.locator('tbody tr').first().waitFor();
    await anna.waitForLoadState('networkidle');

    // Assert
    expect(before).toBe('reviewer');
    await expect.poll(claimedFor).toBeNull();
    await anna.close();
    await boris.close();
  });

  it('shows each task with its case at a glance, and keeps the inbox page across a task and back', async () => {
    // Arrange: more than a page of reviews (20 a page).
    const applied: { reference: string }[] = [];
    for (let n = 1; n <= 21; n++) applied.push(await applyViaApi(`Триаж Заявитель ${n}`, 1_000 + n));
    await suite.runtime.settle();
    const page = await suite.desk.newPage();
    await suite.desk.signIn(page, 'reviewer');

    // Act: page 2, a task from it, then back to the tasks.
    await page.goto(`${suite.runtime.url}/staff/tasks?lang=en`);
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page
      .locator('.pagination [aria-current="page"]')
      .filter({ hasText: /^Page 2 of/ })
      .waitFor();
    const link = page.locator('tbody tr a[data-reference]').first();
    const reference = (await link.getAttribute('data-reference')) ?? '';
    await link.click();
    await page.locator('#outcome').waitFor();
    await page.getByRole('link', { name: 'Back to your tasks' }).first().click();
    await page.locator('tbody tr').first().waitFor();

    // Assert: back on page 2; a row says whose case, what aid and how much.
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    expect(await page.locator('.pagination [aria-current="page"]').textContent()).toMatch(/^Page 2 of/);
    const ours = applied.at(-1)?.reference ?? '';
    await page.goto(`${suite.runtime.url}/staff/tasks?lang=en&page=1`);
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    const row = page.locator(`tr:has(a[data-reference="${ours}"])`);
    const onFirstPage = (await row.count()) > 0;
    if (!onFirstPage) await page.getByRole('button', { name: 'Next' }).click();
    await row.waitFor();
    expect(await row.textContent()).toMatch(
      /Review · Триаж Заявитель 21 · .+ · RUB.1,021\.00|Review · Триаж Заявитель 21 · .+ · .1,021\.00/,
    );
    expect(reference).toMatch(/^AID-/);
    await page.close();
  });
});

/** Moves a task's due date (as if it had been waiting that long). */
async function setDueAt(taskId: string, dueAt: Date): Promise<void> {
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: suite.runtime.dynamoEndpoint,
      region: localRegion,
      credentials: localCredentials,
    }),
  );
  await doc.send(
    new UpdateCommand({
      TableName: appTableName,
      Key: keys.task(taskId),
      UpdateExpression: 'SET dueAt = :dueAt',
      ExpressionAttributeValues: { ':dueAt': dueAt.toISOString() },
    }),
  );
  doc.destroy();
}

describe('a reviewer working through the inbox', () => {
  it('opens the inbox’s next task after recording a decision, when asked to, and keeps that choice', async () => {
    // Arrange: two new reviews; the reviewer has the first open.
    const first = await applyViaApi('Первый Подряд Тестов');
    await applyViaApi('Второй Подряд Тестов');
    await suite.runtime.settle();
    const firstTask = await suite.desk.openTaskOf('reviewer', first.reference, 'review');
    const page = await suite.desk.newPage();
    await suite.desk.signIn(page, 'reviewer');
    await page.goto(`${suite.runtime.url}/staff/tasks/${firstTask}?lang=en`);
    await page.locator('#outcome').waitFor();
    expect(await page.locator('#openNext').isChecked()).toBe(false);

    // Act: a refusal, recorded with "then open the next task" ticked.
    await choose(page, 'outcome', 'reject');
    await fill(page, 'comment', 'Income above the minimum for this aid.');
    await page.getByLabel('Then open the next task in my inbox').check();
    await page.getByRole('button', { name: 'Record the decision' }).click();

    // Assert: another task's page, which says the decision was recorded, with the choice still ticked.
    await page.waitForURL(
      (u) => /^\/staff\/tasks\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith(firstTask),
    );
    await page.locator('[data-testid="flash"] .alert').waitFor();
    expect(await page.locator('[data-testid="flash"]').textContent()).toBe(
      `Decision recorded for ${first.reference}. This is the next task in your inbox.`,
    );
    await page.locator('#outcome').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 5_000 })
      .toBe('page-title');
    expect(await page.locator('#openNext').isChecked()).toBe(true);
    // Read down to the eligibility check's last rule: the decision is still in view beside it.
    await page.locator('main table tr').last().scrollIntoViewIfNeeded();
    const button = await page.getByRole('button', { name: 'Record the decision' }).boundingBox();
    const height = page.viewportSize()?.height ?? 0;
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(button && button.y >= 0 && button.y + button.height <= height).toBe(true);
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, 'task-opened-next');
    // It is the task the inbox now puts first.
    const opened = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
    const inbox = await suite.desk.newPage();
    await suite.desk.signIn(inbox, 'reviewer');
    await inbox.goto(`${suite.runtime.url}/staff/tasks?lang=en`);
    const top = inbox.locator('tbody tr a[data-reference]').first();
    await top.waitFor();
    expect(await top.getAttribute('href')).toBe(`/staff/tasks/${encodeURIComponent(opened)}`);
    expect(opened).not.toBe(firstTask);
    await inbox.close();
    await page.close();
  });
});

describe('an inbox with overdue tasks', () => {
  it('says how many are overdue beside the count, and puts them first', async () => {
    // Arrange: a review whose due date passed yesterday.
    const { reference } = await applyViaApi('Просроченный Заявитель Тестов');
    await suite.runtime.settle();
    const taskId = await suite.desk.openTaskOf('reviewer', reference, 'review');
    await setDueAt(taskId, new Date(Date.now() - 86_400_000));
    const page = await suite.desk.newPage();
    await suite.desk.signIn(page, 'reviewer');

    // Act
    await page.goto(`${suite.runtime.url}/staff/tasks?lang=en`);
    await page.locator('tbody tr').first().waitFor();

    // Assert
    expect(await page.locator('[data-testid="task-count"]').textContent()).toMatch(/open tasks · 1 overdue$/);
    expect(await page.locator('tbody tr a[data-reference]').first().getAttribute('data-reference')).toBe(
      reference,
    );
    await page.close();
  });
});

describe('an inbox with several kinds of work', () => {
  it('shows one kind at a time, keeps the choice in the address, and opens the next task of that kind', async () => {
    // Arrange: two reviews, and a department answer overdue the longest, so it would come first.
    const review = await applyViaApi('Ольга Фильтрова Тестов');
    await applyViaApi('Павел Фильтров Тестов');
    const res = await fetch(`${suite.runtime.url}/v1/appeals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        applicant: { fullName: 'Олена Відділ', birthDate: '1961-06-05', email: 'olena@example.org' },
        kind: 'complaint',
        topic: 'aid',
        subject: 'Довго немає відповіді',
        text: 'Я подала заяву місяць тому і досі не маю відповіді.',
      }),
    });
    expect(res.status).toBe(201);
    const appeal = (await res.json()) as { reference: string };
    await suite.runtime.settle();
    const answerTask = await suite.desk.openTaskOf('reviewer', appeal.reference, 'department_answer');
    await setDueAt(answerTask, new Date(Date.now() - 3 * 86_400_000));
    const page = await suite.desk.newPage();
    await suite.desk.signIn(page, 'reviewer', 'uk');
    await page.goto(`${suite.runtime.url}/staff/tasks?lang=uk`);
    await page.locator('#taskType').waitFor();
    expect(await page.locator('tbody tr a[data-task-type]').first().getAttribute('data-task-type')).toBe(
      'department_answer',
    );

    // Act: reviews only.
    await page.locator('#taskType').selectOption('review');
    await page.waitForURL((u) => u.searchParams.get('type') === 'review');

    // Assert: reviews only, counted, with the choice named in Ukrainian; a reload keeps it.
    const types = () =>
      page
        .locator('tbody tr a[data-task-type]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('data-task-type')));
    expect(new Set(await types())).toEqual(new Set(['review']));
    const open = await suite.desk.apiAs<{ items: { type: string }[] }>(
      'reviewer',
      'GET',
      '/v1/tasks?limit=100',
    );
    const reviews = open.items.filter((task) => task.type === 'review').length;
    expect(await page.locator('[data-testid="task-count"]').textContent()).toMatch(
      new RegExp(`^Відкритих завдань: ${reviews}( ·|$)`),
    );
    expect(reviews).toBeLessThan(open.items.length);
    const options = await page.locator('#taskType option').allTextContents();
    expect(options[0]).toMatch(/^Усі завдання \(\d+\)$/);
    expect(options).toContain('Відповідь відділу (1)');
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, 'inbox-one-kind-uk');
    await page.reload();
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('#taskType').inputValue()).toBe('review');
    expect(new Set(await types())).toEqual(new Set(['review']));

    // Act: a review decided with "then open the next task".
    const reviewTask = await suite.desk.openTaskOf('reviewer', review.reference, 'review');
    await page.goto(`${suite.runtime.url}/staff/tasks/${reviewTask}?lang=uk`);
    await page.locator('#outcome').waitFor();
    await choose(page, 'outcome', 'reject');
    await fill(page, 'comment', 'Дохід вищий за межу для цієї допомоги.');
    if (!(await page.locator('#openNext').isChecked())) await page.locator('#openNext').check();
    await page.locator('main form button[type="submit"]').last().click();

    // Assert: the next review, not the overdue department answer that leads the whole inbox.
    await page.waitForURL(
      (u) => /^\/staff\/tasks\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith(reviewTask),
    );
    const opened = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
    expect(opened).not.toBe(answerTask);
    const { items } = await suite.desk.apiAs<{ items: { taskId: string; type: string }[] }>(
      'reviewer',
      'GET',
      '/v1/tasks?limit=100',
    );
    expect(items.find((task) => task.taskId === opened)?.type).toBe('review');
    await page.close();
  });
});
