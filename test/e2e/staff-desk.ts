import type { Page } from 'playwright-core';
import type { Browser } from './browser.js';
import { fill, ready } from './pages.js';

/** What every browser suite does around the staff desk, against one running runtime. */
export function staffDesk(url: string, browser: Browser, settle: () => Promise<void>) {
  async function newPage(width = 1280): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    return page;
  }

  /** Signs in; on a page already signed in as someone else too (the session is the tab's). */
  async function signIn(page: Page, username: string, lang = 'en'): Promise<void> {
    await page.goto(`${url}/staff?lang=${lang}`);
    await ready(page);
    if (await page.locator('.staff-nav').count()) {
      await page.evaluate(() => sessionStorage.clear());
      await page.goto(`${url}/staff?lang=${lang}`);
      await ready(page);
    }
    await fill(page, 'username', username);
    await fill(page, 'password', 'demo');
    await page.locator('main form button[type="submit"]').last().click();
    await page.locator('.staff-nav').waitFor();
  }

  /** The staff API directly, to put cases where a screen under test starts (not what is tested). */
  async function apiAs<T>(username: string, method: string, path: string, body?: unknown): Promise<T> {
    const auth = await fetch(`${url}/auth/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo' }),
    });
    const { access_token } = (await auth.json()) as { access_token: string };
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} as ${username}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The open task of `type` for a case in `username`'s inbox. */
  async function openTaskOf(username: string, reference: string, type: string): Promise<string> {
    const { items } = await apiAs<{ items: { taskId: string; type: string; caseReference: string }[] }>(
      username,
      'GET',
      '/v1/tasks?limit=100',
    );
    const task = items.find((t) => t.caseReference === reference && t.type === type);
    if (!task) throw new Error(`no open ${type} task for ${reference} in ${username}'s inbox`);
    return task.taskId;
  }

  /** Decides the open task of `type` for the case through the API, as `username`; its task id. */
  async function decideViaApi(username: string, reference: string, type: string, decision: object) {
    await settle();
    const taskId = await openTaskOf(username, reference, type);
    await apiAs(username, 'POST', `/v1/tasks/${taskId}/decision`, decision);
    await settle();
    return taskId;
  }

  return { newPage, signIn, apiAs, openTaskOf, decideViaApi };
}
