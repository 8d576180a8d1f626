import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, describeViolations, screenshot } from './browser.js';
import { fill, ready } from './pages.js';
import { browserSuite } from './suite.js';

/**
 * The administrator's "Staff identities": recording who a member of staff is as a person (PUT
 * /v1/staff/{username}/identity) on the desk instead of with curl, and checking whether a username
 * has one (GET). The name, birth date and ID must not stay in the page or in the tab's storage.
 */

const suite = browserSuite('staff-identities');

/** Everything the tab keeps in sessionStorage and localStorage, as one text. */
const storedText = (page: Page) =>
  page.evaluate(() => JSON.stringify([sessionStorage, localStorage].map((s) => Object.entries({ ...s }))));

async function recordIdentity(
  page: Page,
  p: { username: string; fullName: string; birth: [string, string, string]; nationalId?: string },
) {
  await fill(page, 'identityUsername', p.username);
  await fill(page, 'identityFullName', p.fullName);
  await fill(page, 'identityDay', p.birth[0]);
  await fill(page, 'identityMonth', p.birth[1]);
  await fill(page, 'identityYear', p.birth[2]);
  if (p.nationalId) await fill(page, 'identityNationalId', p.nationalId);
  await page.locator('form:has(#identityUsername) button[type="submit"]').click();
  // The success box fills a moment after its live region is in the page (ui.tsx Alert).
  await page.locator('[data-testid="identity-saved"] .alert').waitFor();
}

async function checkUsername(page: Page, username: string): Promise<string> {
  await fill(page, 'checkUsername', username);
  await page.locator('form:has(#checkUsername) button[type="submit"]').click();
  const status = page.locator('[data-testid="identity-status"] .alert');
  await status.waitFor();
  return (await status.textContent()) ?? '';
}

const personalFields = [
  'identityFullName',
  'identityDay',
  'identityMonth',
  'identityYear',
  'identityNationalId',
];

describe('staff identities on the desk', () => {
  it('records an identity as the administrator, clears the person from the page, and the check finds it', async () => {
    // Arrange: the administrator's menu leads to the page; the username has no identity yet.
    const page = await suite.desk.newPage();
    await suite.desk.signIn(page, 'admin');
    await page.locator('.staff-nav a[href="/staff/staff-identities"]').click();
    await ready(page);
    const before = await checkUsername(page, 'reviewer3');

    // Act 1: the empty form, then a username with a space.
    await fill(page, 'identityUsername', 'reviewer 3');
    await page.getByRole('button', { name: 'Record the identity' }).click();
    await page.locator('.error-summary').waitFor();
    const fieldErrors = await page.locator('.field-error').allTextContents();
    const errorIds = await page.locator('.field-error').evaluateAll((ps) => ps.map((p) => p.id));
    const withErrors = await axe(page);
    await screenshot(page, 'staff-identities-errors');

    // Act 2: a valid identity.
    await recordIdentity(page, {
      username: 'reviewer3',
      fullName: 'Ирина Сергеевна Проверочная',
      birth: ['3', '9', '1982'],
      nationalId: '4510 246810',
    });

    // Assert: what was recorded, and nothing of the person left behind.
    expect(before).toBe(
      "reviewer3: no identity recorded, so this person's own applications would not be recognised.",
    );
    expect(errorIds.sort()).toEqual([
      'identityDay-error',
      'identityFullName-error',
      'identityUsername-error',
    ]);
    expect(fieldErrors).toContain('Enter the full name');
    expect(fieldErrors.some((e) => e.startsWith('Enter the username'))).toBe(true);
    expect(withErrors, describeViolations(withErrors)).toEqual([]);
    const saved = (await page.locator('[data-testid="identity-saved"]').textContent()) ?? '';
    expect(saved).toMatch(/Person keys\s*2/);
    expect(saved).toMatch(/Recorded\s*\S/);
    for (const id of personalFields) expect(await page.locator(`#${id}`).inputValue(), id).toBe('');
    const shown = await page.locator('main').innerText();
    const stored = await storedText(page);
    for (const secret of ['Проверочная', '246810', '1982']) {
      expect(shown).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
    const afterSaving = await axe(page);
    expect(afterSaving, describeViolations(afterSaving)).toEqual([]);
    await screenshot(page, 'staff-identities-recorded');

    // The check now answers when and by whom, as the API does.
    const after = await checkUsername(page, 'reviewer3');
    expect(after).toMatch(/^reviewer3: identity recorded on .+ by admin \(2 person keys\)\.$/);
    const api = await suite.desk.apiAs<Record<string, unknown>>(
      'admin',
      'GET',
      '/v1/staff/reviewer3/identity',
    );
    expect(api).toMatchObject({ username: 'reviewer3', recorded: true, personKeys: 2, updatedBy: 'admin' });
    expect(Object.keys(api).sort()).toEqual(['personKeys', 'recorded', 'updatedAt', 'updatedBy', 'username']);
    await page.close();
  });

  it('does the same in Ukrainian, without a national ID', async () => {
    // Arrange
    const page = await suite.desk.newPage();
    await suite.desk.signIn(page, 'admin', 'uk');
    const link = page.locator('.staff-nav a[href="/staff/staff-identities"]');
    const linkText = await link.textContent();
    await link.click();
    await ready(page);

    // Act
    await recordIdentity(page, {
      username: 'clerk2',
      fullName: 'Оксана Петрівна Перевірна',
      birth: ['14', '2', '1990'],
    });
    const recorded = await checkUsername(page, 'clerk2');
    const saved = (await page.locator('[data-testid="identity-saved"]').textContent()) ?? '';
    const violations = await axe(page);
    await screenshot(page, 'staff-identities-uk');
    const missing = await checkUsername(page, 'clerk9');

    // Assert
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');
    expect(linkText).toBe('Ідентифікація працівників');
    expect(await page.locator('#page-title').textContent()).toBe('Ідентифікація працівників');
    expect(saved).toContain('Особу записано для clerk2');
    expect(saved).toMatch(/Ключі особи\s*1/);
    expect(recorded).toMatch(/^clerk2: особу записано .+, записав\(ла\) admin \(ключів особи: 1\)\.$/);
    expect(missing).toBe('clerk9: особу не записано, тож власні заяви цієї людини не буде розпізнано.');
    expect(violations, describeViolations(violations)).toEqual([]);
    for (const id of personalFields) expect(await page.locator(`#${id}`).inputValue(), id).toBe('');
    expect(await storedText(page)).not.toContain('Перевірна');
    await page.close();
  });

  it('is not offered to staff who may not record identities', async () => {
    const page = await suite.desk.newPage();
    await suite.desk.signIn(page, 'head');
    const links = await page.locator('.staff-nav a[href="/staff/staff-identities"]').count();
    await page.goto(`${suite.runtime.url}/staff/staff-identities?lang=en`);
    await page.locator('main .alert').first().waitFor();

    expect(links).toBe(0);
    expect(await page.locator('#identityFullName').count()).toBe(0);
    await page.close();
  });
});
