import type { AidApplication } from '../../domain/aid-application.js';
import type { EligibilityHistory, Verdict } from '../../domain/eligibility.js';
import { anApplication, rub } from './fixtures.js';

/**
 * Golden cases for the demo rule sets (DOMAIN.md "The demo rule set"): who gets what, and which
 * rules say no. Subsistence minimum 15 000 RUB per person; "today" is 15 March 2026 in Moscow
 * unless a case says otherwise.
 */
export interface GoldenCase {
  name: string;
  application: AidApplication;
  history?: EligibilityHistory;
  asOf?: string;
  verdict: Verdict;
  failing: string[];
}

const single = (income: number) => ({ size: 1, children: 0, monthlyIncome: rub(income) });

export const goldenCases: GoldenCase[] = [
  {
    name: 'cash: a pensioner living alone on 10 000 RUB asks for 10 000 RUB',
    application: anApplication({ household: single(10_000), requestedAmount: rub(10_000) }),
    verdict: 'eligible',
    failing: [],
  },
  {
    name: 'cash: income per person exactly at the minimum (2 people, 30 000 RUB) is not below it',
    application: anApplication({ household: { size: 2, children: 0, monthlyIncome: rub(30_000) } }),
    verdict: 'ineligible',
    failing: ['income_below_minimum_or_emergency'],
  },
  {
    name: 'cash: income per person one kopeck below the minimum',
    application: anApplication({ household: single(14_999.99) }),
    verdict: 'eligible',
    failing: [],
  },
  {
    name: 'cash: 44 999.99 RUB for 3 people rounds down to 14 999.99 per person, in the applicant’s favour',
    application: anApplication({ household: { size: 3, children: 0, monthlyIncome: rub(44_999.99) } }),
    verdict: 'eligible',
    failing: [],
  },
  {
    name: 'cash: an emergency victim qualifies whatever the income',
    application: anApplication({ categories: ['emergency_victim'], household: single(40_000) }),
    verdict: 'eligible',
    failing: [],
  },
  {
    name: 'cash: paid 11 full months ago, so not yet again',
    application: anApplication(),
    history: { lastCashAidAt: '2025-03-16' },
    verdict: 'ineligible',
    failing: ['once_in_12_months'],
  },
  {
    name: 'cash: paid exactly 12 months ago, so again from today',
    application: anApplication(),
    history: { lastCashAidAt: '2025-03-15' },
    verdict: 'eligible',
    failing: [],
  },
  {
    name: 'cash: a payment at 01:30 Moscow time on 16 March 2025 (15 March in UTC) is only 11 months ago',
    application: anApplication(),
    history: { lastCashAidAt: '2025-03-15T22:30:00Z' },
    verdict: 'ineligible',
    failing: ['once_in_12_months'],
  },
  {
    name: 'cash: exactly the 50 000 RUB limit per person',
    application: anApplication({ requestedAmount: rub(50_000) }),
    verdict: 'eligible',
    failing: [],
  },
  {
    name: 'cash: one kopeck above the 50 000 RUB limit',
    application: anApplication({ requestedAmount: rub(50_000.01) }),
    verdict: 'ineligible',
    failing: ['within_cash_limit'],
  },
  {
    name: 'cash: a family with two children may ask for 100 000 RUB',
    application: anApplication({
      categories: ['family_with_children'],
      household: { size: 4, children: 2, monthlyIncome: rub(40_000) },
      requestedAmount: rub(100_000),
    }),
    verdict: 'eligible',
    failing: [],
  },
  {
    name: 'cash: a family with children one kopeck above 100 000 RUB',
    application: anApplication({
      categories: ['large_family'],
      household: { size: 5, children: 3, monthlyIncome: rub(50_000) },
      requestedAmount: rub(100_000.01),
    }),
    verdict: 'ineligible',
    failing: ['within_cash_limit'],
  },
  {
    name: 'cash: an emergency victim living alone may ask for 100 000 RUB',
    application: anApplication({ categories: ['emergency_victim'], requestedAmount: rub(100_000) }),
    verdict: 'eligible',
    failing: [],
  },
  {
    name: 'cash: children in the household count as a family even without a family category',
    application: anApplication({
      categories: ['low_income'],
      household: { size: 2, children: 1, monthlyIncome: rub(20_000) },
      requestedAmount: rub(80_000),
    }),
    verdict: 'eligible',
    failing: [],
  },
  {
    name: 'cash: too much income, paid 3 months ago and above the limit: every reason is given',
    application: anApplication({ household: single(40_000), requestedAmount: rub(60_000) }),
    history: { lastCashAidAt: '2025-12-01T10:00:00Z' },
    verdict: 'ineligible',
    failing: ['income_below_minimum_or_emergency', 'once_in_12_months', 'within_cash_limit'],
  },
  {
    name: 'vegetable set: a pensioner alone is not among its categories',
    application: anApplication({ aidType: 'vegetable_set', requestedAmount: rub(1_500) }),
    verdict: 'ineligible',
    failing: ['eligible_category'],
  },
  {
    name: 'vegetable set: a war veteran',
    application: anApplication({
      aidType: 'vegetable_set',
      categories: ['war_veteran'],
      requestedAmount: rub(1_500),
    }),
    verdict: 'eligible',
    failing: [],
  },
  {
    name: 'food set: a low-income claim with income above the minimum goes to a specialist',
    application: anApplication({
      aidType: 'food_set',
      categories: ['low_income'],
      household: single(20_000),
    }),
    verdict: 'needs_review',
    failing: ['income_below_minimum'],
  },
  {
    name: 'social taxi: "over 80" claimed at 69 is flagged for the reviewer',
    application: anApplication({
      aidType: 'social_taxi',
      categories: ['aged_80_plus_immobile'],
      applicant: { birthDate: '1956-06-01' },
      requestedAmount: rub(800),
    }),
    verdict: 'needs_review',
    failing: ['age_matches_80_plus'],
  },
  {
    name: 'social taxi: a disabled person over 80',
    application: anApplication({
      aidType: 'social_taxi',
      categories: ['aged_80_plus_immobile', 'disabled'],
      applicant: { birthDate: '1940-01-10' },
      requestedAmount: rub(800),
    }),
    verdict: 'eligible',
    failing: [],
  },
  {
    name: 'flood insurance: a pensioner below the minimum',
    application: anApplication({ aidType: 'flood_insurance', requestedAmount: rub(3_000) }),
    verdict: 'eligible',
    failing: [],
  },
  {
    name: 'flood insurance: a pensioner exactly at the minimum',
    application: anApplication({
      aidType: 'flood_insurance',
      household: single(15_000),
      requestedAmount: rub(3_000),
    }),
    verdict: 'ineligible',
    failing: ['insurance_target_group'],
  },
  {
    name: 'wildfire insurance: a large family with children, whatever its income',
    application: anApplication({
      aidType: 'wildfire_insurance',
      categories: ['large_family'],
      household: { size: 5, children: 3, monthlyIncome: rub(120_000) },
      requestedAmount: rub(4_000),
    }),
    verdict: 'eligible',
    failing: [],
  },
  {
    name: 'fuel: a low-income family with children gets coal',
    application: anApplication({
      aidType: 'fuel',
      categories: ['single_parent'],
      household: { size: 3, children: 2, monthlyIncome: rub(30_000) },
      requestedAmount: rub(12_000),
    }),
    verdict: 'eligible',
    failing: [],
  },
  {
    name: 'fuel: a pensioner above the minimum does not',
    application: anApplication({ aidType: 'fuel', household: single(25_000), requestedAmount: rub(12_000) }),
    verdict: 'ineligible',
    failing: ['low_income_pensioner_or_family'],
  },
  {
    name: 'New Year gift: a household without children',
    application: anApplication({
      aidType: 'new_year_gift',
      categories: ['low_income'],
      requestedAmount: rub(1_000),
    }),
    verdict: 'ineligible',
    failing: ['household_has_children'],
  },
  {
    name: 'school start: a family with one pupil',
    application: anApplication({
      aidType: 'school_start',
      categories: ['family_with_children'],
      household: { size: 2, children: 1, monthlyIncome: rub(60_000) },
      requestedAmount: rub(5_000),
    }),
    verdict: 'eligible',
    failing: [],
  },
];
