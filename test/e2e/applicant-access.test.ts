import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, describeViolations, screenshot } from './browser.js';
import { anna, answerAboutYou, answerUpToPayment, choose, fill, ready, submit } from './pages.js';
import { browserSuite } from './suite.js';

/**
 * The applicant's pages for someone on a cheap phone, with large text, a screen reader or only a
 * keyboard, in the language a link chose: found in the accessibility review of 2026-12-07.
 */

const suite = browserSuite('access');

async function phone(width = 360): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.setViewportSize({ width, height: 740 });
  return page;
}

const activeId = (page: Page) =>
  page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);

describe('the applicant on a phone', () => {
  it('keeps the focus in a field someone types into after a refused Continue', async () => {
    // Arrange: the first step sent empty; the error summary takes the focus, as it should.
    const page = await phone();
    await page.goto(`${suite.runtime.url}/apply?lang=ru`);
    await ready(page);
    await submit(page);
    await page.locator('.error-summary').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    // Each box of the birth date names the error itself: TalkBack reads the focused box, not its fieldset.
    for (const id of ['birthDay', 'birthMonth', 'birthYear']) {
      expect(await page.locator(`#${id}`).getAttribute('aria-describedby')).toBe(
        'birthDate-hint birthDay-error',
      );
    }

    // Act: tap the name field and type, letter by letter.
    await page.locator('#fullName').click();
    await page.keyboard.type('Анна Иванова', { delay: 20 });
    await page.locator('#birthYear').click();
    await page.keyboard.type('1950', { delay: 20 });

    // Assert
    expect(await page.locator('#fullName').inputValue()).toBe('Анна Иванова');
    expect(await page.locator('#birthYear').inputValue()).toBe('1950');
    expect(await activeId(page)).toBe('birthYear');
    await page.close();
  });

  it('keeps the focus on the button when a send fails, with the message announced', async () => {
    // Arrange: the office's system is down.
    const page = await phone();
    await page.route('**/v1/cases/**', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: '{"message":"unavailable"}' }),
    );
    await page.goto(`${suite.runtime.url}/status?lang=uk`);
    await ready(page);
    await fill(page, 'reference', 'AID-2026-000001');
    await fill(page, 'accessCode', 'ABCD-EFGH-JKLM-NPQR');

    // Act
    await page.locator('main form button[type="submit"]').last().focus();
    await page.keyboard.press('Enter');
    await page.locator('[role="alert"]').first().waitFor();

    // Assert: not dropped to <body>, so TalkBack goes on from where the person was.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    await page.close();
  });

  it('keeps the language a link chose on the next page and after a reload', async () => {
    // Arrange: the office's SMS links to the start page in Ukrainian; the phone is set to English.
    const page = await phone();
    await page.goto(`${suite.runtime.url}/?lang=uk`);
    await ready(page);

    // Act
    await page.locator('main a[href="/apply"]').first().click();
    await ready(page);
    await page.reload();
    await ready(page);

    // Assert
    expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');
    expect(await page.locator('a.language[lang="en"]').count()).toBe(1);
    await page.close();
  });

  it('answers a mistyped address with the page-not-found page in the person’s language', async () => {
    // Act
    const page = await phone();
    const response = await page.goto(`${suite.runtime.url}/zayava?lang=ru`);
    await ready(page);
    const slash = await phone();
    const apply = await slash.goto(`${suite.runtime.url}/apply/?lang=ru`);
    await ready(slash);

    // Assert
    expect(response?.status()).toBe(404);
    expect(await page.locator('#page-title').textContent()).toBe('Страница не найдена');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(apply?.status()).toBe(200);
    expect(await slash.locator('#page-title').textContent()).not.toBe('Страница не найдена');
    await page.close();
    await slash.close();
  });

  it('fits a 360 px phone with the text at 200 %, in Ukrainian and Russian', async () => {
    for (const lang of ['uk', 'ru']) {
      for (const path of ['/', '/apply', '/appeal', '/status']) {
        // Arrange: the phone's text size at 200 %.
        const page = await phone();
        await page.goto(`${suite.runtime.url}${path}?lang=${lang}`);
        await ready(page);

        // Act
        await page.evaluate(() =>
          document.documentElement.style.setProperty('font-size', '200%', 'important'),
        );

        // Assert: nothing runs past the screen's edge.
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 360) await screenshot(page, `reflow-${lang}${path.replaceAll('/', '-')}`);
        expect(width, `${path} in ${lang}`).toBeLessThanOrEqual(360);
        await page.close();
      }
    }
  });

  it('gives the language links a tap area a finger can hit', async () => {
    // Act
    const page = await phone();
    await page.goto(`${suite.runtime.url}/?lang=en`);
    await ready(page);
    const heights = await page
      .locator('a.language')
      .evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height));

    // Assert
    expect(heights.length).toBe(3);
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(44);
    await page.close();
  });
});

describe('the application form, as the review of the applicant pages found it', () => {
  it('asks where to deliver in-kind aid when no postal address was given, and says when it may be left empty', async () => {
    // Arrange: only a phone on the first step.
    const page = await phone();
    await page.goto(`${suite.runtime.url}/apply?lang=en`);
    await ready(page);
    await answerUpToPayment(page, anna);

    // Act: in kind, with the delivery address left empty.
    await choose(page, 'payoutMethod', 'in_kind');
    const hintWithoutPostalAddress = await page.locator('#deliveryAddress-hint').count();
    await submit(page);

    // Assert: refused, saying why; the hint about the postal address is not offered.
    expect(hintWithoutPostalAddress).toBe(0);
    expect(await page.locator('#deliveryAddress-error').textContent()).toContain(
      'you did not give a postal address',
    );

    // With a postal address on the first step, the delivery address may be left empty, as the hint says.
    await page.goto(`${suite.runtime.url}/apply?lang=en`);
    await ready(page);
    await fill(page, 'address', 'ул. Ленина, 1, с. Берёзовка');
    await page.goto(`${suite.runtime.url}/apply?step=payment&lang=en`);
    await ready(page);
    expect(await page.locator('#deliveryAddress-hint').textContent()).toBe(
      'Leave empty to use your postal address.',
    );
    await submit(page);
    await page.locator('.summary').first().waitFor();
    await page.close();
  });

  it('says the answers are kept in this tab, and they are: a reload keeps them, another tab does not', async () => {
    // Arrange: a name typed on the first step (drafts are in sessionStorage: a shared phone forgets them).
    const page = await phone();
    await page.goto(`${suite.runtime.url}/apply?lang=en`);
    await ready(page);
    await fill(page, 'fullName', anna.fullName);

    // Act
    await page.reload();
    await ready(page);
    const otherTab = await phone();
    await otherTab.goto(`${suite.runtime.url}/apply?lang=en`);
    await ready(otherTab);

    // Assert
    expect(await page.locator('main form .hint').last().textContent()).toBe(
      'Your answers are kept in this tab until you close it or send the form.',
    );
    expect(await page.locator('#fullName').inputValue()).toBe(anna.fullName);
    expect(await otherTab.locator('#fullName').inputValue()).toBe('');
    await page.close();
    await otherTab.close();
  });

  it("goes back a step with the form's Back as the phone's Back does, and the phone's Back then leaves the form", async () => {
    // Arrange: from the start page to the form's second step.
    const page = await phone();
    await page.goto(`${suite.runtime.url}/?lang=en`);
    await ready(page);
    await page.locator('main a[href="/apply"]').first().click();
    await ready(page);
    await answerAboutYou(page, anna);
    await submit(page);
    await page.locator('#householdSize').waitFor();
    const back = page.locator('main button.back-link');

    // Act: the form's Back, then the phone's.
    await back.click();
    await page.locator('#fullName').waitFor();
    await page.goBack();

    // Assert: out of the form, on the start page (not forward again to the second step).
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');

    // A step opened from a link has no step below it: Back takes its place, and the phone's Back leaves.
    await page.goto(`${suite.runtime.url}/apply?step=household`);
    await ready(page);
    await back.click();
    await page.locator('#fullName').waitFor();
    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await page.close();
  });

  it("shows the form's Back arrow beside the word, in a tap area a finger can hit", async () => {
    // Arrange
    const page = await phone();
    await page.goto(`${suite.runtime.url}/apply?step=household&lang=en`);
    await ready(page);

    // Act
    await screenshot(page, 'apply-back-link-360');
    const box = await page.locator('main button.back-link').evaluate((button) => {
      const style = getComputedStyle(button);
      const arrow = getComputedStyle(button, '::before');
      const rect = button.getBoundingClientRect();
      const textTop = parseFloat(style.paddingTop);
      const textBottom = rect.height - parseFloat(style.paddingBottom);
      const arrowMiddle = parseFloat(arrow.top) + parseFloat(arrow.height) / 2;
      return { height: rect.height, textTop, textBottom, arrowMiddle };
    });

    // Assert: the arrow's middle within the word's line, and the button at least 24 px tall.
    expect(box.height).toBeGreaterThanOrEqual(24);
    expect(box.arrowMiddle).toBeGreaterThan(box.textTop);
    expect(box.arrowMiddle).toBeLessThan(box.textBottom);
    await page.close();
  });

  it('shows the reference and the access code each on one line of a 360 px phone', async () => {
    // Arrange: an application sent from this tab, so its confirmation shows the code.
    const page = await phone();
    await page.goto(`${suite.runtime.url}/apply?lang=en`);
    await ready(page);
    await answerUpToPayment(page, { ...anna, fullName: 'Нина Сергеевна Орлова' });
    await choose(page, 'payoutMethod', 'cash_desk');
    await submit(page);
    await page.locator('.summary').first().waitFor();
    await submit(page);
    await page.locator('[data-testid="access-code"]').waitFor();

    // Act: the lines each value's text takes.
    await screenshot(page, 'apply-confirmation-one-line-360');
    const lines = await page
      .locator('[data-testid="reference"], [data-testid="access-code"]')
      .evaluateAll((values) =>
        values.map((value) => {
          const text = document.createRange();
          text.selectNodeContents(value);
          return new Set(Array.from(text.getClientRects(), (r) => Math.round(r.top))).size;
        }),
      );

    // Assert
    expect(lines).toEqual([1, 1]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });

  it("writes letters in the page's language until the person chooses one, on both forms", async () => {
    const page = await phone();
    const lettersLanguage = () =>
      page.locator('input[name="preferredLanguage"]:checked').getAttribute('value');
    const switchTo = async (lang: string) => {
      await page.locator(`a.language[lang="${lang}"]`).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    };
    for (const form of ['/apply', '/appeal']) {
      // Arrange
      await page.goto(`${suite.runtime.url}${form}?lang=en`);
      await ready(page);
      const atFirst = await lettersLanguage();

      // Act: the page's language switched mid-form; then a choice of the person's own, and another switch.
      await switchTo('ru');
      const afterSwitch = await lettersLanguage();
      await choose(page, 'preferredLanguage', 'uk');
      await switchTo('zh');

      // Assert
      expect([atFirst, afterSwitch, await lettersLanguage()], form).toEqual(['en', 'ru', 'uk']);
    }
    await page.close();
  });

  it('says the problems again in the language the page is switched to', async () => {
    /** The error summary, each field's error and the failure box, as shown. */
    const problemsShown = (page: Page) =>
      page
        .locator('.error-summary li, [id$="-error"], main .alert--error p')
        .evaluateAll((shown) => shown.map((e) => e.textContent?.trim()));
    const refused = async (page: Page, path: string, lang: string) => {
      await page.goto(`${suite.runtime.url}${path}?lang=${lang}`);
      await ready(page);
      // The status page's failure message besides the fields' problems: a case that is not found.
      if (path === '/status') {
        await submit(page);
        await page.locator('.error-summary').waitFor();
        await fill(page, 'reference', 'AID-2026-999999');
        await fill(page, 'accessCode', 'ABCD-EFGH-JKMN-PQRS');
        await submit(page);
        await page.locator('main .alert--error').waitFor();
      } else {
        await submit(page);
        await page.locator('.error-summary').waitFor();
      }
    };
    for (const path of ['/apply', '/appeal', '/status']) {
      // Arrange: the problems of the form sent empty, as a page opened in Russian says them.
      const russian = await phone();
      await refused(russian, path, 'ru');
      const inRussian = await problemsShown(russian);
      const page = await phone();
      await refused(page, path, 'en');
      const inEnglish = await problemsShown(page);

      // Act
      await page.locator('a.language[lang="ru"]').click();
      await page.waitForFunction(() => document.documentElement.lang === 'ru');

      // Assert
      expect(inEnglish, path).not.toEqual(inRussian);
      expect(await problemsShown(page), path).toEqual(inRussian);
      await page.close();
      await russian.close();
    }
  });
});

describe('the appeal form, as the review of the applicant pages found it', () => {
  it('lists the problems in the order of the fields on the page', async () => {
    // Arrange
    const page = await phone();
    await page.goto(`${suite.runtime.url}/appeal?lang=en`);
    await ready(page);

    // Act: sent empty.
    await submit(page);
    await page.locator('.error-summary').waitFor();

    // Assert: the summary's links in the order of the fields they lead to, top to bottom.
    const linked = await page
      .locator('.error-summary a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const onPage = await page.evaluate(
      (ids) =>
        [...ids].sort((a, b) => {
          const [first, second] = [a, b].map((id) => document.querySelector(id));
          if (!first || !second) return 0;
          return first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
        }),
      linked.map((href) => href ?? ''),
    );
    expect(linked.length).toBeGreaterThan(2);
    expect(linked).toEqual(onPage);
    await page.close();
  });

  it('warns that there may be no answer only once a send was tried with no way to answer', async () => {
    // Arrange
    const page = await phone();
    await page.goto(`${suite.runtime.url}/appeal?lang=en`);
    await ready(page);
    const warningBox = page.locator('main form div[role="status"]');
    const beforeSending = await warningBox.count();

    // Act: sent empty, so refused for its other fields.
    await submit(page);
    await page.locator('.error-summary').waitFor();

    // Assert
    expect(beforeSending).toBe(0);
    await page.locator('main form .alert--warning').waitFor();
    await page.close();
  });

  it('marks every field an appeal may leave empty as optional, the birth date too', async () => {
    // Arrange
    const page = await phone();
    await page.goto(`${suite.runtime.url}/appeal?lang=en`);
    await ready(page);

    // Act
    const birthDateLegend = await page
      .locator('fieldset:has(#birthDay) legend')
      .evaluate((legend) => legend.textContent);

    // Assert: the birth date may be left out of an appeal (domain/appeal.ts), as these may.
    expect(birthDateLegend).toBe('Date of birth (optional)');
    for (const id of ['relatedReference', 'email', 'phone', 'address']) {
      expect(await page.locator(`label[for="${id}"] .optional`).count(), id).toBe(1);
    }
    await page.close();
  });
});
