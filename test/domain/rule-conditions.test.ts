import { Engine, type TopLevelCondition as EngineCondition } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { conditionsHold } from '../../domain/rule-conditions.js';
import type { EligibilityFacts, TopLevelRuleCondition } from '../../domain/rule-set-schema.js';

const facts: EligibilityFacts = {
  aidType: 'cash',
  categories: ['pensioner', 'disabled'],
  ageYears: 76,
  householdSize: 2,
  children: 0,
  hasChildren: false,
  isFamilyWithChildren: false,
  reportGroup: 'pensioners',
  currency: 'RUB',
  monthlyIncomeMinor: 1_800_000,
  perCapitaIncomeMinor: 900_000,
  subsistenceMinimumMinor: 1_500_000,
  requestedAmountMinor: 500_000,
  receivedCashAidBefore: true,
  lastCashAidDate: '2025-11-20',
  monthsSinceLastCashAid: 3,
};

async function engineHolds(conditions: unknown): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: false });
  engine.addRule({
    name: 'rule',
    conditions: structuredClone(conditions) as EngineCondition,
    event: { type: 'x' },
  });
  const { results } = await engine.run({ ...facts });
  return results.length === 1;
}

const all = (...conditions: unknown[]) => ({ all: conditions }) as TopLevelRuleCondition;

describe('rule conditions', () => {
  it.each([
    [
      'a number below a limit',
      all({ fact: 'perCapitaIncomeMinor', operator: 'lessThan', value: 1_500_000 }),
      true,
    ],
    [
      'a category among the claimed',
      all({ fact: 'categories', operator: 'contains', value: 'pensioner' }),
      true,
    ],
    [
      'some claimed category in a list',
      all({ fact: 'categories', operator: 'someFact:in', value: ['low_income', 'disabled'] }),
      true,
    ],
    [
      'no claimed category in a list',
      all({ fact: 'categories', operator: 'not:someFact:in', value: ['low_income', 'disabled'] }),
      false,
    ],
    [
      'one fact against another',
      all({ fact: 'perCapitaIncomeMinor', operator: 'lessThan', value: { fact: 'subsistenceMinimumMinor' } }),
      true,
    ],
    [
      'ISO dates, compared as strings',
      all({ fact: 'lastCashAidDate', operator: 'lessThan', value: '2026-01-01' }),
      true,
    ],
    [
      'a number against a list (swap)',
      all({ fact: 'ageYears', operator: 'swap:contains', value: [75, 76] }),
      true,
    ],
    ['not', { not: { fact: 'hasChildren', operator: 'equal', value: true } } as TopLevelRuleCondition, true],
    [
      'any, where one member holds',
      {
        any: [
          { fact: 'children', operator: 'greaterThan', value: 0 },
          { fact: 'ageYears', operator: 'greaterThanInclusive', value: 65 },
        ],
      } as TopLevelRuleCondition,
      true,
    ],
    ['a comparison with a null fact', all({ fact: 'ageYears', operator: 'lessThan', value: null }), false],
    ['an empty any (the schema refuses it)', { any: [] } as unknown as TopLevelRuleCondition, true],
  ])('decide %s as json-rules-engine does', async (_name, conditions, expected) => {
    expect(conditionsHold(conditions, facts)).toBe(expected);
    expect(await engineHolds(conditions)).toBe(expected);
  });

  it.each([
    ['`in` against a number', all({ fact: 'ageYears', operator: 'in', value: 76 })],
    ['someValue against a string', all({ fact: 'ageYears', operator: 'someValue:equal', value: 'x' })],
    [
      'a condition that fails beside one that holds in `any`',
      {
        any: [
          { fact: 'ageYears', operator: 'equal', value: 76 },
          { fact: 'ageYears', operator: 'in', value: 1 },
        ],
      } as TopLevelRuleCondition,
    ],
    ['an undefined fact', all({ fact: 'salary', operator: 'equal', value: 1 })],
    [
      'a reference to an undefined fact',
      all({ fact: 'ageYears', operator: 'equal', value: { fact: 'salary' } }),
    ],
    ['an unknown operator', all({ fact: 'ageYears', operator: 'olderThan', value: 1 })],
  ])('fail on %s, as json-rules-engine does', async (_name, conditions) => {
    expect(() => conditionsHold(conditions, facts)).toThrow();
    await expect(engineHolds(conditions)).rejects.toThrow();
  });

  describe('in a rule set stored before fact references were only { fact }', () => {
    it('ignore params, as json-rules-engine did for facts that are plain values', async () => {
      const conditions = all({
        fact: 'ageYears',
        operator: 'equal',
        value: { fact: 'ageYears', params: { a: 1 } },
      });

      expect(conditionsHold(conditions, facts)).toBe(true);
      expect(await engineHolds(conditions)).toBe(true);
    });

    it('ignore a path into a fact that is not an object, as json-rules-engine did', async () => {
      const conditions = all({
        fact: 'ageYears',
        operator: 'equal',
        value: { fact: 'ageYears', path: '$.x' },
      });

      expect(conditionsHold(conditions, facts)).toBe(true);
      expect(await engineHolds(conditions)).toBe(true);
    });

    it('refuse a JSONPath into the categories rather than guess what it selects', () => {
      const conditions = all({
        fact: 'aidType',
        operator: 'in',
        value: { fact: 'categories', path: '$[0]' },
      });

      expect(() => conditionsHold(conditions, facts)).toThrow(/JSONPath/);
    });
  });
});
