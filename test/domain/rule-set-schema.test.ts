import { describe, expect, it } from 'vitest';
import { demoRuleSets } from '../../domain/eligibility-demo.js';
import { ruleSetSchema } from '../../domain/rule-set-schema.js';

const set = demoRuleSets[0];
const rule = set?.rules[0];
if (!set || !rule) throw new Error('the demo has no rules');

const issues = (changes: Record<string, unknown>) =>
  (ruleSetSchema.safeParse({ ...set, rules: [{ ...rule, ...changes }] }).error?.issues ?? []).map((i) => ({
    path: i.path.join('.'),
    message: i.message,
  }));

describe('the rule set schema', () => {
  it.each([
    ['path', { fact: 'categories', path: '$[0]' }],
    ['params', { fact: 'ageYears', params: { at: 'today' } }],
  ])('refuses a fact reference with %s, which our evaluator does not read', (key, value) => {
    const conditions = { all: [{ fact: 'aidType', operator: 'equal', value }] };

    expect(issues({ conditions })).toEqual([
      {
        path: `rules.0.conditions.all.0.value.${key}`,
        message: `A fact reference is { "fact": name } and nothing else; "${key}" is not supported.`,
      },
    ]);
  });

  it('accepts a plain fact reference', () => {
    const conditions = {
      all: [
        { fact: 'perCapitaIncomeMinor', operator: 'lessThan', value: { fact: 'subsistenceMinimumMinor' } },
      ],
    };

    expect(issues({ conditions })).toEqual([]);
  });

  it('refuses the rule code "error", which json-rules-engine could not report as passed', () => {
    expect(issues({ code: 'error' })).toEqual([
      { path: 'rules.0.code', message: 'Rule code "error" is reserved; choose another.' },
    ]);
    expect(issues({ code: 'error_margin' })).toEqual([]);
  });
});
