import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aidTypes } from '../../domain/catalogue-seed.js';
import {
  eligibilityFacts,
  eligibilityReasons,
  evaluateEligibility,
  type RuleSet,
  ruleSetHash,
  ruleSetSchema,
  selectRuleSet,
} from '../../domain/eligibility.js';
import { demoPolicy, demoRuleSets } from '../../domain/eligibility-demo.js';
import { CurrencyMismatchError } from '../../domain/money.js';
import { goldenCases } from './eligibility.golden.js';
import { anApplication, rub } from './fixtures.js';

const MARCH_15 = '2026-03-15T09:00:00Z';

function cashRuleSet(): RuleSet {
  const set = selectRuleSet(demoRuleSets, 'cash', '2026-03-15');
  if (!set) throw new Error('the demo has no cash rule set');
  return set;
}

describe('eligibility of the golden applicants', () => {
  it.each(goldenCases)('$name → $verdict', async ({ application, history, asOf, verdict, failing }) => {
    // Arrange
    const ruleSet = selectRuleSet(demoRuleSets, application.aidType, '2026-03-15');
    if (!ruleSet) throw new Error(`no demo rule set for ${application.aidType}`);

    // Act
    const result = await evaluateEligibility({
      application,
      ruleSet,
      policy: demoPolicy,
      history: history ?? {},
      asOf: new Date(asOf ?? MARCH_15),
      language: 'en',
    });

    // Assert
    expect(result.verdict).toBe(verdict);
    expect(result.rules.filter((r) => !r.passed).map((r) => r.code)).toEqual(failing);
  });
});

describe('eligibility results', () => {
  it('explains each rule with the facts it read, in the applicant’s language by default', async () => {
    const application = anApplication({ household: { size: 2, children: 0, monthlyIncome: rub(30_000) } });

    const result = await evaluateEligibility({
      application,
      ruleSet: cashRuleSet(),
      policy: demoPolicy,
      history: {},
      asOf: new Date(MARCH_15),
    });

    const need = result.rules[0];
    expect(result.language).toBe('ru');
    expect(need).toMatchObject({
      code: 'income_below_minimum_or_emergency',
      passed: false,
      mandatory: true,
      factsUsed: {
        perCapitaIncomeMinor: 1_500_000,
        subsistenceMinimumMinor: 1_500_000,
        categories: ['pensioner'],
      },
    });
    expect(need?.message.replace(/\s/g, ' ')).toContain('составляет 15 000,00 ₽');
    expect(need?.messages.en.replace(/\s/g, ' ')).toContain('income per person is RUB 15,000.00');
    expect(result).toMatchObject({
      ruleSetId: 'demo-cash-2026',
      ruleSetVersion: 1,
      ruleSetHash: ruleSetHash(cashRuleSet()),
      asOf: '2026-03-15T09:00:00.000Z',
    });
    expect(eligibilityReasons(result).map((r) => r.code)).toEqual(['income_below_minimum_or_emergency']);
  });

  it('states the date of the last payment when refusing a second one', async () => {
    const result = await evaluateEligibility({
      application: anApplication(),
      ruleSet: cashRuleSet(),
      policy: demoPolicy,
      history: { lastCashAidAt: '2025-11-20' },
      asOf: new Date(MARCH_15),
      language: 'en',
    });

    expect(result.rules.find((r) => r.code === 'once_in_12_months')?.message).toBe(
      'Cash aid is paid at most once in 12 months; you last received it on 2025-11-20 (3 full months ago).',
    );
  });

  it('sends an eligible application to a person while another of the same person is open', async () => {
    const result = await evaluateEligibility({
      application: anApplication(),
      ruleSet: cashRuleSet(),
      policy: demoPolicy,
      history: { otherOpenApplications: ['AID-2026-000017'] },
      asOf: new Date(MARCH_15),
      language: 'en',
    });

    expect(result.verdict).toBe('needs_review');
    expect(result.rules.at(-1)).toMatchObject({
      code: 'other_open_application',
      passed: false,
      mandatory: false,
      message: expect.stringContaining('AID-2026-000017'),
    });
    expect(
      Object.values(result.rules.at(-1)?.messages ?? {}).every((m) => m.includes('AID-2026-000017')),
    ).toBe(true);
  });

  it('still rejects an application that fails a mandatory rule while another is open', async () => {
    const result = await evaluateEligibility({
      application: anApplication(),
      ruleSet: cashRuleSet(),
      policy: demoPolicy,
      history: { lastCashAidAt: '2025-11-20', otherOpenApplications: ['AID-2026-000017'] },
      asOf: new Date(MARCH_15),
    });

    expect(result.verdict).toBe('ineligible');
  });

  it('leaves the rule set it was given untouched', async () => {
    const ruleSet = cashRuleSet();
    const before = structuredClone(ruleSet);

    await evaluateEligibility({
      application: anApplication(),
      ruleSet,
      policy: demoPolicy,
      history: {},
      asOf: new Date(MARCH_15),
    });

    expect(ruleSet).toEqual(before);
  });

  it('refuses to compare amounts in another currency than the policy’s', async () => {
    const application = anApplication({ requestedAmount: { currency: 'USD', minor: 100 } });

    await expect(
      evaluateEligibility({
        application,
        ruleSet: cashRuleSet(),
        policy: demoPolicy,
        history: {},
        asOf: new Date(MARCH_15),
      }),
    ).rejects.toThrow(CurrencyMismatchError);
  });
});

describe('eligibility facts', () => {
  it('computes income per person rounded down, age, and months since the last cash aid', () => {
    const application = anApplication({
      applicant: { birthDate: '1950-03-16' },
      household: { size: 3, children: 1, monthlyIncome: { currency: 'RUB', minor: 1_000_000 } },
    });

    const facts = eligibilityFacts(
      application,
      demoPolicy,
      { lastCashAidAt: '2025-01-31' },
      new Date(MARCH_15),
    );

    expect(facts).toMatchObject({
      perCapitaIncomeMinor: 333_333,
      subsistenceMinimumMinor: 1_500_000,
      ageYears: 75,
      hasChildren: true,
      isFamilyWithChildren: true,
      reportGroup: 'families',
      receivedCashAidBefore: true,
      lastCashAidDate: '2025-01-31',
      monthsSinceLastCashAid: 13,
    });
  });

  it('uses null, not zero, for months since a cash aid that never happened', () => {
    const facts = eligibilityFacts(anApplication(), demoPolicy, {}, new Date(MARCH_15));

    expect(facts.receivedCashAidBefore).toBe(false);
    expect(facts.monthsSinceLastCashAid).toBeNull();
    expect(facts.lastCashAidDate).toBeNull();
  });
});

describe('demo rule sets', () => {
  it('cover every aid type of the catalogue from 1 January 2026', () => {
    for (const { code } of aidTypes) {
      expect(selectRuleSet(demoRuleSets, code, '2026-01-01'), code).toBeDefined();
      expect(selectRuleSet(demoRuleSets, code, '2025-12-31'), code).toBeUndefined();
    }
  });

  it('are plain data that the rule-set schema accepts unchanged', () => {
    for (const set of demoRuleSets) {
      expect(ruleSetSchema.parse(set), set.id).toEqual(set);
      expect(JSON.parse(JSON.stringify(set)), set.id).toEqual(set);
    }
  });

  it('seed the 15 000 RUB subsistence minimum from 2026', () => {
    expect(demoPolicy).toMatchObject({
      currency: 'RUB',
      subsistenceMinimumMinor: 1_500_000,
      effectiveFrom: '2026-01-01',
    });
  });
});

describe('rule set selection and hashing', () => {
  const base = cashRuleSet();
  const v = (effectiveFrom: string, version: number): RuleSet => ({
    ...base,
    id: `${effectiveFrom}/${version}`,
    effectiveFrom,
    version,
  });
  const sets = [v('2026-01-01', 1), v('2026-07-01', 1), v('2026-07-01', 2), v('2027-01-01', 1)];

  it.each([
    ['2026-06-30', '2026-01-01/1'],
    ['2026-07-01', '2026-07-01/2'],
    ['2026-12-31', '2026-07-01/2'],
    ['2027-01-01', '2027-01-01/1'],
  ])('picks on %s the set %s (latest effective date, then highest version)', (date, id) => {
    expect(selectRuleSet(sets, 'cash', date)?.id).toBe(id);
  });

  it('finds nothing for another aid type or before the first set', () => {
    expect(selectRuleSet(sets, 'fuel', '2026-08-01')).toBeUndefined();
    expect(selectRuleSet(sets, 'cash', '2025-12-31')).toBeUndefined();
  });

  it('hashes equal data equally whatever the key order, and differently when a value changes', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as RuleSet;
    const changed = { ...base, version: 2 };

    expect(ruleSetHash(reordered)).toBe(ruleSetHash(base));
    expect(ruleSetHash(changed)).not.toBe(ruleSetHash(base));
    expect(ruleSetHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('rule set schema', () => {
  const rule = cashRuleSet().rules[0];
  if (!rule) throw new Error('the cash rule set has no rules');
  const withRule = (changes: Record<string, unknown>) => ({
    ...cashRuleSet(),
    rules: [{ ...rule, ...changes }],
  });
  const issuePaths = (value: unknown) =>
    (ruleSetSchema.safeParse(value).error?.issues ?? []).map((i) => i.path);

  it.each([
    ['an unknown fact', { conditions: { all: [{ fact: 'salary', operator: 'lessThan', value: 1 }] } }],
    ['an unknown operator', { conditions: { all: [{ fact: 'ageYears', operator: 'olderThan', value: 1 }] } }],
    [
      'an unknown fact reference',
      { conditions: { all: [{ fact: 'ageYears', operator: 'lessThan', value: { fact: 'x' } }] } },
    ],
    ['a bare condition at the top', { conditions: { fact: 'ageYears', operator: 'lessThan', value: 1 } }],
    [
      'an unknown placeholder',
      { messages: { ...rule.messages, pass: { ...rule.messages.pass, en: 'Hi {name}.' } } },
    ],
    ['a missing language', { description: { en: 'x', uk: 'x', ru: 'x' } }],
  ])('refuses a rule with %s', (_name, changes) => {
    expect(issuePaths(withRule(changes)).length).toBeGreaterThan(0);
    expect(issuePaths(withRule(changes)).every((p) => p[0] === 'rules' && p[1] === 0)).toBe(true);
  });

  it('accepts decorated operators such as someFact:in', () => {
    const conditions = { all: [{ fact: 'categories', operator: 'someFact:in', value: ['pensioner'] }] };

    expect(issuePaths(withRule({ conditions }))).toEqual([]);
  });

  it('refuses two rules with one code', () => {
    const set = cashRuleSet();

    expect(issuePaths({ ...set, rules: [rule, rule] })).toEqual([['rules', 1, 'code']]);
  });

  it('can be published as JSON Schema for the rules API', () => {
    expect(() => z.toJSONSchema(ruleSetSchema)).not.toThrow();
  });
});
