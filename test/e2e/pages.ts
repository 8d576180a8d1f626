import type { Page } from 'playwright-core';

/** What a person does on each page, in the words of the page's own labels (by id, language-neutral). */

export async function fill(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`#${id}`).fill(value);
}

export async function choose(page: Page, name: string, value: string): Promise<void> {
  await page.locator(`input[name="${name}"][value="${value}"]`).check();
}

export async function submit(page: Page): Promise<void> {
  await page.locator('main form button[type="submit"]').last().click();
}

export interface ApplicationAnswers {
  fullName: string;
  birth: [string, string, string];
  phone: string;
  householdSize: string;
  children: string;
  income: string;
  categories: string[];
  aidType: string;
  amount: string;
  reason: string;
}

export const anna: ApplicationAnswers = {
  fullName: 'Анна Петровна Иванова',
  birth: ['2', '4', '1950'],
  phone: '+7 912 345-67-89',
  householdSize: '2',
  children: '0',
  income: '18000',
  categories: ['pensioner'],
  aidType: 'cash',
  amount: '5000',
  reason: 'Лекарства после операции.',
};

/** The form's first step (open): the name, the date of birth and the phone, not yet sent on. */
export async function answerAboutYou(page: Page, a: ApplicationAnswers): Promise<void> {
  await fill(page, 'fullName', a.fullName);
  await fill(page, 'birthDay', a.birth[0]);
  await fill(page, 'birthMonth', a.birth[1]);
  await fill(page, 'birthYear', a.birth[2]);
  await fill(page, 'phone', a.phone);
}

/** From the form's first step (open) to its payment step: the answers, step by step. */
export async function answerUpToPayment(page: Page, a: ApplicationAnswers): Promise<void> {
  await answerAboutYou(page, a);
  await submit(page);
  await page.locator('#householdSize').waitFor();
  await fill(page, 'householdSize', a.householdSize);
  await fill(page, 'children', a.children);
  await fill(page, 'income', a.income);
  await submit(page);
  await page.locator('input[name="categories"]').first().waitFor();
  for (const c of a.categories) await choose(page, 'categories', c);
  await submit(page);
  await page.locator('input[name="aidType"]').first().waitFor();
  await choose(page, 'aidType', a.aidType);
  await fill(page, 'amount', a.amount);
  await fill(page, 'reason', a.reason);
  await submit(page);
  await page.locator('input[name="payoutMethod"]').first().waitFor();
}

/** Waits until the page title (h1) is there and focused, i.e. the page has rendered. */
export async function ready(page: Page): Promise<void> {
  await page.locator('#page-title').waitFor();
}
