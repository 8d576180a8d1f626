import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { AidUsageRecord } from '../../functions/lib/store/usage-records.js';
import { usageKeys } from '../../functions/lib/store/usage-records.js';
import { localCredentials, localRegion } from '../../local/dynamodb-local.js';
import { appTableName } from '../../local/runtime.js';
import { axe, describeViolations, screenshot } from './browser.js';
import { choose, fill } from './pages.js';
import { browserSuite } from './suite.js';

/**
 * What the staff desk's usability review found, through the screens: an approval above the
 * requested amount, an "Add" that replaced an entry, a commission inbox with every seat, and an
 * "Aid paid" report table wider than a laptop's page.
 */

const suite = browserSuite('usability');

async function applyViaApi(fullName: string, rubles: number): Promise<{ reference: string }> {
  const res = await fetch(`${suite.runtime.url}/v1/aid-applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      applicant: { fullName, birthDate: '1951-03-04', phone: '+7 900 444-55-66', preferredLanguage: 'en' },
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

/**
 * A busy year of the aid usage report, as the table stream would have counted it: every funding
 * source pays several aid types, each figure in the millions of roubles and the thousands of people.
 */
async function putBusyAidUsageYear(year: number): Promise<void> {
  const sources = ['regional_budget', 'municipal_programme', 'own_income', 'charity', 'other_sources'];
  const aidTypes = ['medical_treatment', 'housing_repair', 'wildfire_insurance', 'social_taxi'];
  const rows: AidUsageRecord[] = sources.flatMap((source) =>
    aidTypes.map((aidType) => ({
      ...usageKeys.row(year, source, aidType),
      type: 'AidUsage' as const,
      year,
      source,
      aidType,
      currency: 'RUB',
      disabled_minor: 4_567_890_123,
      disabled_persons: 1_234,
      pensioners_minor: 9_876_543_210,
      pensioners_persons: 2_345,
      other_minor: 1_234_567_890,
      other_persons: 456,
      families_minor: 8_765_432_109,
      families_persons: 3_456,
    })),
  );
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: suite.runtime.dynamoEndpoint,
      region: localRegion,
      credentials: localCredentials,
    }),
  );
  for (let i = 0; i < rows.length; i += 25) {
    await doc.send(
      new BatchWriteCommand({
        RequestItems: { [appTableName]: rows.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
  doc.destroy();
}

const sourceOptions = (page: import('playwright-core').Page) =>
  page.locator('#fundingSource option').evaluateAll((os) => os.map((o) => o.textContent ?? ''));

describe('the staff desk after the usability review', () => {
  it('refuses an approval above the requested amount, showing what was asked and what each source has left', async () => {
    // Arrange: 20 000 requested; the reviewer's form first (no budget figures: a reviewer may not read budgets).
    const { reference } = await applyViaApi('Денежный Заявитель Тестов', 20_000);
    await suite.runtime.settle();
    const reviewer = await suite.desk.newPage();
    await suite.desk.signIn(reviewer, 'reviewer');
    await reviewer.goto(
      `${suite.runtime.url}/staff/tasks/${await suite.desk.openTaskOf('reviewer', reference, 'review')}?lang=en`,
    );
    await choose(reviewer, 'outcome', 'approve');
    await reviewer.locator('#fundingSource').waitFor();
    const reviewerSources = await sourceOptions(reviewer);
    await reviewer.close();
    await suite.desk.decideViaApi('reviewer', reference, 'review', { outcome: 'approve' });
    const taskId = await suite.desk.openTaskOf('head', reference, 'approve');
    const head = await suite.desk.newPage();
    await suite.desk.signIn(head, 'head');
    await head.goto(`${suite.runtime.url}/staff/tasks/${taskId}?lang=en`);
    await choose(head, 'outcome', 'approve');
    await head.locator('#fundingSource-hint').waitFor();

    // Act: "20 000,50", as the review found it typed.
    await fill(head, 'decisionAmount', '20 000,50');
    await head.getByRole('button', { name: 'Record the decision' }).click();
    await head.locator('#decisionAmount-error').waitFor();

    // Assert
    expect(reviewerSources.some((o) => o.includes('left'))).toBe(false);
    expect(await head.locator('#decisionAmount-hint').textContent()).toMatch(/Requested: .*20,000\.00/);
    const headSources = (await sourceOptions(head)).slice(1);
    expect(headSources.length).toBeGreaterThan(0);
    for (const option of headSources) expect(option).toMatch(/ — .*(left|no budget for \d{4})$/);
    expect(await head.locator('#fundingSource-hint').textContent()).toMatch(
      /Chosen: regional budget, .* left\./,
    );
    expect(await head.locator('#decisionAmount-error').textContent()).toMatch(
      /may not be more than the applicant asked for, .*20,000\.00/,
    );
    const violations = await axe(head);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(head, 'decision-above-requested');
    expect(await suite.desk.openTaskOf('head', reference, 'approve')).toBe(taskId);
    await head.close();
  });

  it('refuses to add a code the catalogue has and offers to change that entry instead', async () => {
    // Arrange
    const before = (await (await fetch(`${suite.runtime.url}/v1/catalogue`)).json()) as {
      aidTypes: { code: string }[];
    };
    const admin = await suite.desk.newPage();
    await suite.desk.signIn(admin, 'admin');
    await admin.goto(`${suite.runtime.url}/staff/catalogue?lang=en`);
    await admin.locator('#entryCode').waitFor();

    // Act: Add an entry → Aid types, code "fuel", which exists.
    await choose(admin, 'entryKind', 'aid-types');
    await fill(admin, 'entryCode', 'fuel');
    for (const lang of ['en', 'uk', 'ru', 'zh'])
      await fill(admin, `entryName-${lang}`, `Heating oil ${lang}`);
    await choose(admin, 'entryAidKind', 'money');
    await admin.locator('input[name="entrySources"]').first().check();
    await admin.getByRole('button', { name: 'Save the entry' }).click();
    await admin.locator('#entryCode-error').waitFor();

    // Assert: refused, nothing replaced; the offer opens the stored entry for a change.
    expect(await admin.locator('#entryCode-error').textContent()).toContain('already has “fuel”');
    const violations = await axe(admin);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(admin, 'catalogue-code-taken');
    const after = (await (await fetch(`${suite.runtime.url}/v1/catalogue`)).json()) as {
      aidTypes: { code: string }[];
    };
    expect(after.aidTypes.find((t) => t.code === 'fuel')).toEqual(
      before.aidTypes.find((t) => t.code === 'fuel'),
    );
    await admin.getByRole('button', { name: 'Change “fuel” instead' }).click();
    expect(await admin.locator('#catalogue-form-title').textContent()).toBe('Change fuel');
    expect(await admin.locator('#entryName-en').inputValue()).toBe('fuel / coal for heating');
    await admin.close();
  });

  it('shows a commission member one vote per case, and none once they voted', async () => {
    // Arrange: 45 000 is above the head's limit: three seats open.
    const { reference } = await applyViaApi('Комиссионный Заявитель Тестов', 45_000);
    await suite.runtime.settle();
    await suite.desk.decideViaApi('reviewer', reference, 'review', { outcome: 'approve' });
    const member = await suite.desk.newPage();
    await suite.desk.signIn(member, 'commission1');
    const rowsOf = async () => {
      await member.goto(`${suite.runtime.url}/staff/tasks?lang=en`);
      await member.locator('main table, main .inset').first().waitFor();
      return member.locator(`a[data-reference="${reference}"]`).count();
    };

    // Act
    const beforeVoting = await rowsOf();
    await suite.desk.decideViaApi('commission1', reference, 'commission_vote', { outcome: 'approve' });
    const afterVoting = await rowsOf();

    // Assert
    expect(beforeVoting).toBe(1);
    expect(afterVoting).toBe(0);
    await member.close();
  });

  it("gives the head the review's amount and reasons, and words a refusal above the head's limit in Ukrainian", async () => {
    // Arrange: 45 000 asked; the review proposes 25 000 (within the head's 30 000) with its reasons.
    const { reference } = await applyViaApi('Пропонований Заявник Тестів', 45_000);
    await suite.runtime.settle();
    await suite.desk.decideViaApi('reviewer', reference, 'review', {
      outcome: 'approve',
      amount: { currency: 'RUB', minor: 2_500_000 },
      comment: 'Дохід підтверджено; достатньо 25 000.',
    });
    const taskId = await suite.desk.openTaskOf('head', reference, 'approve');
    const head = await suite.desk.newPage();
    await suite.desk.signIn(head, 'head');
    await head.goto(`${suite.runtime.url}/staff/tasks/${taskId}?lang=uk`);
    await choose(head, 'outcome', 'approve');
    await head.locator('#decisionAmount').waitFor();
    const startsFrom = await head.locator('#decisionAmount').inputValue();
    const hint = await head.locator('#decisionAmount-hint').textContent();
    const history = await head.locator('.history-tasks').textContent();
    const gist = await head.locator('[data-testid="task-gist"]').textContent();

    // Act: 40 000 is within what was asked but above the head's limit.
    await fill(head, 'decisionAmount', '40000');
    await head.locator('main form button[type="submit"]').last().click();
    const refusal = head.locator('.decision-panel .alert--error');
    await refusal.waitFor();

    // Assert
    expect(startsFrom).toBe('25000');
    expect(hint).toMatch(/Запитано: .*45.000.*запропоновано .*25.000/);
    expect(history).toContain('Дохід підтверджено; достатньо 25 000.');
    // What the decision turns on, under the title: the amounts asked and proposed, the category.
    expect(gist).toMatch(/запитано 45.000,00.* · запропоновано під час розгляду 25.000,00.* · пенсіонер/);
    expect(history).toMatch(/reviewer \(25.000,00/);
    await expect.poll(() => refusal.textContent()).toMatch(/^Керівник може погодити до 30.000,00.*комісія/);
    expect(await refusal.textContent()).not.toMatch(/[A-Za-z]{4,}/);
    const violations = await axe(head);
    expect(violations, describeViolations(violations)).toEqual([]);
    await head.close();
  });

  it('keeps the catalogue\'s codes and "Change" links whole, in Russian at 1280 px', async () => {
    // Arrange
    const admin = await suite.desk.newPage(1280);
    await suite.desk.signIn(admin, 'admin', 'ru');
    await admin.goto(`${suite.runtime.url}/staff/catalogue?lang=ru`);
    await admin.locator('table[data-kind] tbody tr').first().waitFor();

    // Act: how many lines each code and each link's visible word is drawn on.
    const lines = await admin.evaluate(() => {
      const linesOf = (node: Node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return new Set(
          Array.from(range.getClientRects())
            .filter((r) => r.width > 0)
            .map((r) => Math.round(r.top)),
        ).size;
      };
      const rows = Array.from(document.querySelectorAll('table[data-kind] tbody tr'));
      return rows.map((row) => {
        const link = row.querySelector('td:last-child .button--link');
        return {
          code: row.querySelector('code')?.textContent ?? '',
          codeLines: linesOf(row.querySelector('code') as Node),
          linkLines: link?.firstChild ? linesOf(link.firstChild) : 0,
        };
      });
    });

    // Assert: every one on one line, and the page no wider than the window.
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter((l) => l.codeLines !== 1 || l.linkLines !== 1)).toEqual([]);
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await screenshot(admin, 'catalogue-ru-1280');
    await admin.close();
  });

  it('keeps the case search in the address, so Back from a case finds the same list', async () => {
    // Arrange
    const page = await suite.desk.newPage();
    await suite.desk.signIn(page, 'head');
    await page.goto(`${suite.runtime.url}/staff/cases?lang=en`);
    await page.locator('#caseStatus').waitFor();

    // Act: a bare number first, then every case in review.
    await fill(page, 'caseReference', '000005');
    await page.locator('main form button').first().click();
    const refused = await page.locator('#caseReference-error').textContent();
    await fill(page, 'caseReference', '');
    await page.locator('#caseStatus').selectOption('funds_reserved');
    await page.locator('main form button').first().click();
    await page.waitForURL(/status=funds_reserved/);
    await page.reload();
    await page.locator('#caseStatus').waitFor();

    // Assert: staff's own words for the reference, and the search as it was.
    expect(refused).toMatch(/Enter the whole reference, like AID-2026-000123/);
    expect(await page.locator('#caseStatus').inputValue()).toBe('funds_reserved');
    await page.close();
  });

  it('fits the "Aid paid" report on a 1280 px laptop in every language, and scrolls only its table at 360 px', async () => {
    // Arrange: a busy year, millions per cell; the head reads the reports.
    await putBusyAidUsageYear(new Date().getFullYear());
    const page = await suite.desk.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await suite.desk.signIn(page, 'head');
    const table = page.locator('[data-testid="aid-usage"]');
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    /** The figures that are not right-aligned, or whose sum does not keep to one line. */
    const figuresOutOfShape = () =>
      table.evaluate((t) =>
        Array.from(t.querySelectorAll('td.numeric'))
          .filter((cell) => {
            const sum = document.createRange();
            if (cell.firstChild) sum.selectNode(cell.firstChild);
            return getComputedStyle(cell).textAlign !== 'right' || sum.getClientRects().length !== 1;
          })
          .map((cell) => cell.textContent),
      );

    for (const lang of ['en', 'uk', 'ru', 'zh']) {
      // Act
      await page.goto(`${suite.runtime.url}/staff/reports?lang=${lang}`);
      await table.locator('tbody tr:not(.table-group)').nth(19).waitFor();

      // Assert: no sideways scroll, of the page nor of the table; each sum right-aligned on one line.
      expect(await pageWidth(), lang).toBeLessThanOrEqual(1280);
      const box = await table.evaluate((t) => {
        const wrap = t.closest('.table-wrap');
        return { scroll: wrap?.scrollWidth ?? 0, client: wrap?.clientWidth ?? 0 };
      });
      expect(box.scroll, lang).toBeLessThanOrEqual(box.client);
      expect(await figuresOutOfShape(), lang).toEqual([]);
      await screenshot(page, `desk-report-aid-usage-${lang}-1280`);
    }

    // Act: a phone's width, the table scrolled to its last column.
    await page.setViewportSize({ width: 360, height: 800 });
    const scrolled = await table.evaluate((t) => {
      const wrap = t.closest('.table-wrap');
      if (!wrap) return undefined;
      wrap.scrollLeft = wrap.scrollWidth;
      const name = t.querySelector('tbody tr:not(.table-group) > th');
      return {
        by: wrap.scrollLeft,
        nameFromBoxEdge: (name?.getBoundingClientRect().left ?? 0) - wrap.getBoundingClientRect().left,
      };
    });

    // Assert: the page does not scroll sideways; the table does, and each row's name stays in view.
    expect(await pageWidth()).toBeLessThanOrEqual(360);
    expect(scrolled?.by).toBeGreaterThan(0);
    expect(scrolled?.nameFromBoxEdge).toBe(0);
    await screenshot(page, 'desk-report-aid-usage-zh-360');
    await page.close();
  });
});
