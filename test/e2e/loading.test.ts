import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Runtime, startRuntime } from '../../local/runtime.js';
import { axe, type Browser, describeViolations, launchBrowser, screenshot } from './browser.js';
import { fill, ready } from './pages.js';

/**
 * What an applicant's phone downloads, and what the page says when part of it does not arrive.
 * The app's script is split (docs/performance.md §17): the entry, one chunk per language, the
 * forms, the staff desk. Requests are matched by the chunk's name, which Vite keeps before its hash.
 */

let runtime: Runtime;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'aidflow-e2e-loading-'));
  [runtime, browser] = await Promise.all([startRuntime({ port: 0, dataDir }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A page that records the script files it fetches (its routing also turns the HTTP cache off). */
async function recordingPage(): Promise<{ page: Page; scripts: string[] }> {
  const page = await browser.context.newPage();
  const scripts: string[] = [];
  await page.route('**/assets/*.js', (route) => {
    // `staff-ru-AbCd1234.js` → `staff-ru`: the chunk's name before Vite's eight-character hash.
    scripts.push(
      new URL(route.request().url()).pathname.replace(/^\/assets\//, '').replace(/-[\w-]{8}\.js$/, ''),
    );
    return route.continue();
  });
  return { page, scripts };
}

/** Fails every fetch of the named chunk (e.g. `uk`, `staff`), as a dropped connection would. */
async function dropChunk(page: Page, name: string): Promise<void> {
  await page.route(new RegExp(`/assets/${name}-[\\w-]{8}\\.js$`), (route) => route.abort('connectionreset'));
}

describe('what the applicant downloads', () => {
  it('the start page fetches its own language and the form ahead, not the staff desk or the other languages', async () => {
    const { page, scripts } = await recordingPage();
    await page.goto(`${runtime.url}/?lang=ru`);
    await ready(page);
    // The form's code is fetched once the start page is up, so "Apply" opens at once.
    await expect.poll(() => scripts.includes('apply'), { timeout: 10_000 }).toBe(true);
    expect(scripts).toContain('index');
    // The strings are asked for by the small preload entry, beside the app's script, and only once.
    expect(scripts).toContain('language-preload');
    expect(scripts.filter((s) => s === 'ru')).toHaveLength(1);
    for (const other of ['en', 'uk', 'zh', 'staff', 'appeal']) expect(scripts).not.toContain(other);
    await page.close();
  });

  it('shows the service’s name while the app’s script is still on its way', async () => {
    const page = await browser.context.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/index-[\w-]{8}\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${runtime.url}/?lang=en`, { waitUntil: 'commit' });
    await page.locator('.brand-name', { hasText: 'AidFlow' }).waitFor();
    expect(await page.locator('#page-title').count()).toBe(0);
    release();
    await ready(page);
    expect(await page.locator('#app').getAttribute('aria-busy')).toBeNull();
    expect(await page.locator('.header').count()).toBe(1);
    await page.close();
  });

  it('the status page opens without the forms, and the staff desk is fetched on the first staff page', async () => {
    const { page, scripts } = await recordingPage();
    await page.goto(`${runtime.url}/status?lang=uk`);
    await ready(page);
    expect(scripts).toContain('uk');
    for (const other of ['apply', 'appeal', 'validation', 'staff']) expect(scripts).not.toContain(other);
    for (const staffOnly of ['staff', 'staff-uk']) expect(scripts).not.toContain(staffOnly);
    await page.goto(`${runtime.url}/staff?lang=uk`);
    await ready(page);
    expect(scripts).toContain('staff');
    expect(scripts).toContain('staff-uk');
    for (const other of ['staff-en', 'staff-ru', 'staff-zh']) expect(scripts).not.toContain(other);
    await page.close();
  });

  it('on the staff desk a language switch brings the desk’s strings in that language too', async () => {
    const { page, scripts } = await recordingPage();
    await page.goto(`${runtime.url}/staff?lang=en`);
    await ready(page);
    expect(await page.locator('#page-title').textContent()).toBe('Staff sign-in');
    await page.locator('a.language[lang="ru"]').click();
    await expect.poll(() => page.locator('#page-title').textContent()).toBe('Вход для сотрудников');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    expect(scripts).toContain('ru');
    expect(scripts).toContain('staff-ru');
    await page.close();
  });

  it('switching the language fetches that language once, and switching back fetches nothing', async () => {
    const { page, scripts } = await recordingPage();
    await page.goto(`${runtime.url}/status?lang=en`);
    await ready(page);
    await page.locator('a.language[lang="zh"]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh');
    await page.locator('a.language[lang="en"]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(scripts.filter((s) => s === 'zh')).toHaveLength(1);
    expect(scripts.filter((s) => s === 'en')).toHaveLength(1);
    await page.close();
  });
});

describe('when part of the app does not arrive', () => {
  it('the first language failing shows a notice in all four languages with a button that loads the page again', async () => {
    const page = await browser.context.newPage();
    await dropChunk(page, 'ru');
    await page.goto(`${runtime.url}/?lang=ru`);
    const notice = page.locator('[role="alert"]');
    await notice.waitFor();
    expect(await notice.locator('p').evaluateAll((ps) => ps.map((p) => p.getAttribute('lang')))).toEqual([
      'en',
      'uk',
      'ru',
      'zh',
    ]);
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    // The connection is back: the button loads the page again, in the language asked for.
    await page.unrouteAll();
    await notice.locator('button').click();
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await page.close();
  });

  it('a language that cannot be fetched leaves the page in the language it shows, and says so', async () => {
    const page = await browser.context.newPage();
    await dropChunk(page, 'uk');
    await page.goto(`${runtime.url}/status?lang=en`);
    await ready(page);
    await page.locator('a.language[lang="uk"]').click();
    await page.locator('.language-failed').waitFor();
    expect(await page.locator('.language-failed').textContent()).toContain('could not be loaded');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    // Tried again once the connection is back, the switch goes through and the notice goes.
    await page.unrouteAll();
    await page.locator('a.language[lang="uk"]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('uk');
    expect(await page.locator('.language-failed').count()).toBe(0);
    await page.close();
  });

  for (const chunk of ['staff', 'staff-en']) {
    it(`a page whose code cannot be fetched (${chunk}) says so and offers to load it again`, async () => {
      const page = await browser.context.newPage();
      await dropChunk(page, chunk);
      await page.goto(`${runtime.url}/staff?lang=en`);
      await ready(page);
      expect(await page.locator('#page-title').textContent()).toBe('This page could not be loaded');
      const violations = await axe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await page.unrouteAll();
      await page.locator('.alert button').click();
      await page.locator('#username').waitFor();
      await page.close();
    });
  }
});

describe('with no connection', () => {
  let phone: Browser;
  beforeAll(async () => {
    phone = await launchBrowser({ serviceWorkers: 'allow' });
  });
  afterAll(async () => {
    await phone?.close();
  });

  /** What the app's worker keeps: the URLs in each of its caches. */
  const kept = (page: Page) =>
    page.evaluate(async () => {
      const all: Record<string, string[]> = {};
      for (const name of await caches.keys())
        all[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
      return all;
    });

  it('opens the start page again in its language, and the form, and keeps the app’s code but nobody’s data', async () => {
    // Arrange: one visit with a connection, in Ukrainian; the worker keeps what the page fetched
    // (the form's code is fetched ahead, so it is among them).
    const page = await phone.context.newPage();
    await page.goto(`${runtime.url}/?lang=uk`);
    await ready(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect
      .poll(
        async () => (await kept(page))['aidflow-assets-v1']?.some((p) => /\/apply-[\w-]{8}\.js$/.test(p)),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);
    await expect.poll(async () => (await kept(page))['aidflow-shell-v1']).toEqual(['/']);
    const title = await page.locator('#page-title').textContent();

    // Act: the signal goes; the person opens the address again, then the form, and types.
    await phone.context.setOffline(true);
    await page.reload();
    await ready(page);
    const offlineTitle = await page.locator('#page-title').textContent();
    await page.locator('a[href="/apply"]').first().click();
    await ready(page);
    await fill(page, 'fullName', 'Олена Коваль');

    // Assert: the same page in the same language, which says there is no connection; the form
    // works; only code and the page are kept.
    expect(offlineTitle).toBe(title);
    expect(await page.locator('[data-testid="offline-notice"]').textContent()).toContain(
      'Немає з’єднання з інтернетом',
    );
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, 'apply-offline-uk');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');
    expect(await page.locator('#fullName').inputValue()).toBe('Олена Коваль');
    // The office's hotline and address are there to turn to, with no connection too.
    const contact = page.locator('[data-testid="office-contact"]');
    expect(await contact.locator('a').getAttribute('href')).toMatch(/^tel:\+\d{6,15}$/);
    expect(await contact.textContent()).toMatch(/^Гаряча лінія: .+Управління: .+$/s);
    const caches = await kept(page);
    expect(Object.keys(caches).sort()).toEqual(['aidflow-assets-v1', 'aidflow-shell-v1']);
    expect(caches['aidflow-assets-v1']?.every((p) => p.startsWith('/assets/'))).toBe(true);
    await phone.context.setOffline(false);
    await expect.poll(() => page.locator('[data-testid="offline-notice"]').textContent()).toBe('');
    await page.close();
  });

  it('asks the network first for a page, so a connected phone gets what the server says now', async () => {
    // Arrange: the worker is in charge, and holds a copy of the start page.
    const page = await phone.context.newPage();
    await page.goto(`${runtime.url}/?lang=en`);
    await ready(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(async () => (await kept(page))['aidflow-shell-v1']).toEqual(['/']);

    // Act: a mistyped address, which only the server knows is not a page.
    const response = await page.goto(`${runtime.url}/aply?lang=en`);
    await ready(page);

    // Assert: through the worker, from the server: its 404, not the copy's 200.
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(response?.fromServiceWorker()).toBe(true);
    expect(response?.status()).toBe(404);
    await page.close();
  });
});
