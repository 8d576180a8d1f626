import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type aidTypeCodes, categoryCodes, languages } from '../../domain/catalogue.js';
import { toIsoDate } from '../../domain/dates.js';
import { evaluateEligibility, type RuleSet } from '../../domain/eligibility.js';
import { demoPolicy, demoRuleSets } from '../../domain/eligibility-demo.js';
import { anApplication } from './fixtures.js';

const day = (min: string, max: string) =>
  fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true });

const household = fc.integer({ min: 1, max: 10 }).chain((size) =>
  fc.record({
    size: fc.constant(size),
    children: fc.integer({ min: 0, max: size }),
    monthlyIncome: fc.record({
      currency: fc.constant('RUB'),
      minor: fc.integer({ min: 0, max: 20_000_000 }),
    }),
  }),
);

const scenario = fc.record({
  ruleSetIndex: fc.nat({ max: demoRuleSets.length - 1 }),
  // Re-flags each rule as mandatory or discretionary, so that every verdict is reachable.
  mandatoryFlags: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  birthDate: day('1920-01-01', '2025-12-31').map((d) => toIsoDate(d)),
  categories: fc.uniqueArray(fc.constantFrom(...categoryCodes), { minLength: 1, maxLength: 4 }),
  household,
  requestedMinor: fc.integer({ min: 1, max: 20_000_000 }),
  lastCashAidAt: fc.option(
    day('2020-01-01', '2027-12-31').map((d) => d.toISOString()),
    { nil: undefined },
  ),
  asOf: day('2026-01-01', '2027-12-31'),
  language: fc.constantFrom(...languages),
});

const PLACEHOLDER = /\{[A-Za-z][A-Za-z0-9]*\}/;

describe('eligibility, for any applicant', () => {
  it('is ineligible iff a mandatory rule failed, and explains every rule once in all four languages', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        // Arrange
        const demo = demoRuleSets[s.ruleSetIndex] as RuleSet;
        const ruleSet: RuleSet = {
          ...demo,
          rules: demo.rules.map((r, i) => ({ ...r, mandatory: s.mandatoryFlags[i] ?? r.mandatory })),
        };
        const application = anApplication({
          aidType: demo.aidType as (typeof aidTypeCodes)[number],
          applicant: { birthDate: s.birthDate, preferredLanguage: s.language },
          categories: s.categories,
          household: s.household,
          requestedAmount: { currency: 'RUB', minor: s.requestedMinor },
        });

        // Act
        const result = await evaluateEligibility({
          application,
          ruleSet,
          policy: demoPolicy,
          history: s.lastCashAidAt === undefined ? {} : { lastCashAidAt: s.lastCashAidAt },
          asOf: s.asOf,
        });

        // Assert
        const mandatoryFailed = result.rules.some((r) => r.mandatory && !r.passed);
        const anyFailed = result.rules.some((r) => !r.passed);
        expect(result.verdict === 'ineligible').toBe(mandatoryFailed);
        expect(result.verdict === 'eligible').toBe(!anyFailed);
        expect(result.rules.map((r) => r.code)).toEqual(ruleSet.rules.map((r) => r.code));
        for (const rule of result.rules) {
          expect(rule.message).toBe(rule.messages[s.language]);
          for (const language of languages) {
            expect(rule.messages[language].trim()).not.toBe('');
            expect(rule.messages[language]).not.toMatch(PLACEHOLDER);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
