import fc from 'fast-check';
import { Engine, type TopLevelCondition as EngineCondition } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { type aidTypeCodes, categoryCodes, reportGroups } from '../../domain/catalogue.js';
import { toIsoDate } from '../../domain/dates.js';
import { eligibilityFacts, evaluateEligibility } from '../../domain/eligibility.js';
import { demoPolicy, demoRuleSets } from '../../domain/eligibility-demo.js';
import { conditionsHold } from '../../domain/rule-conditions.js';
import {
  type EligibilityFacts,
  eligibilityFactNames,
  type RuleCondition,
  type RuleSet,
  ruleSetSchema,
  type TopLevelRuleCondition,
} from '../../domain/rule-set-schema.js';
import { anApplication } from './fixtures.js';

/*
 * The evaluator against json-rules-engine 7.3.1 (a devDependency, for this test only): random facts
 * and random conditions over everything ruleSetSchema accepts, the same rules passing, or both
 * failing the run.
 */

type Outcome = { passed: string[] } | { throws: true };

/** What CheckEligibility computed before rule-conditions.ts: the engine's passing rules. */
async function engineOutcome(rules: RuleSet['rules'], facts: EligibilityFacts): Promise<Outcome> {
  try {
    const engine = new Engine([], { allowUndefinedFacts: false });
    for (const rule of rules) {
      engine.addRule({
        name: rule.code,
        conditions: structuredClone(rule.conditions) as EngineCondition,
        event: { type: rule.code },
      });
    }
    const { results } = await engine.run({ ...facts });
    const passed = new Set(results.map((r) => String(r.name)));
    return { passed: rules.map((r) => r.code).filter((code) => passed.has(code)) };
  } catch {
    return { throws: true };
  }
}

function evaluatorOutcome(rules: RuleSet['rules'], facts: EligibilityFacts): Outcome {
  try {
    return { passed: rules.filter((r) => conditionsHold(r.conditions, facts)).map((r) => r.code) };
  } catch {
    return { throws: true };
  }
}

// Facts and values come from overlapping pools, so that equalities, memberships and comparisons
// hold often enough to matter.
const dates = ['2025-12-31', '2026-01-01', '2026-03-15', '2027-06-30'];
const smallNumber = fc.integer({ min: -1, max: 6 });
const amount = fc.oneof(smallNumber, fc.constantFrom(0, 1_500_000, 1_499_999, 5_000_000), fc.nat(20_000_000));
const atom = fc.oneof(
  smallNumber,
  amount,
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...categoryCodes, ...reportGroups, ...dates, 'cash', 'RUB', '', '3', '1500000', 'abc'),
);
const factArbitraries: { [K in keyof EligibilityFacts]: fc.Arbitrary<EligibilityFacts[K]> } = {
  aidType: fc.constantFrom('cash', 'fuel', 'social_taxi', 'low_income'),
  categories: fc.uniqueArray(fc.constantFrom(...categoryCodes, '3'), { maxLength: 4 }),
  ageYears: fc.oneof(smallNumber, fc.integer({ min: 0, max: 110 })),
  householdSize: fc.integer({ min: 1, max: 6 }),
  children: fc.integer({ min: 0, max: 6 }),
  hasChildren: fc.boolean(),
  isFamilyWithChildren: fc.boolean(),
  reportGroup: fc.constantFrom(...reportGroups),
  currency: fc.constantFrom('RUB', 'EUR'),
  monthlyIncomeMinor: amount,
  perCapitaIncomeMinor: amount,
  subsistenceMinimumMinor: amount,
  requestedAmountMinor: amount,
  receivedCashAidBefore: fc.boolean(),
  lastCashAidDate: fc.option(fc.constantFrom(...dates), { nil: null }),
  monthsSinceLastCashAid: fc.option(smallNumber, { nil: null }),
};
const facts = fc.record(factArbitraries) as fc.Arbitrary<EligibilityFacts>;

const factName = fc.constantFrom(...eligibilityFactNames);
const baseOperator = fc.constantFrom(
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
);
const decorator = fc.constantFrom('someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not');
const operator = fc
  .tuple(fc.array(decorator, { maxLength: 3 }), baseOperator)
  .map(([decorators, base]) => [...decorators, base].join(':'));
const value = (listsMostly: boolean) =>
  fc.oneof(
    { arbitrary: atom, weight: listsMostly ? 1 : 4 },
    { arbitrary: fc.array(atom, { maxLength: 4 }), weight: listsMostly ? 12 : 3 },
    { arbitrary: factName.map((fact) => ({ fact })), weight: 2 },
    { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
  );
// `in` and the …Value decorators throw on a value that is not a list (or a string): mostly lists
// for them, or most runs would only compare two failures.
const factCondition = fc
  .tuple(factName, operator)
  .chain(([fact, op]) =>
    value(/(^|:)(in|notIn)$|Value:/.test(op)).map((v) => ({ fact, operator: op, value: v }) as RuleCondition),
  );

const { condition } = fc.letrec<{ condition: RuleCondition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    factCondition,
    fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('condition') }),
  ),
}));
const topLevel: fc.Arbitrary<TopLevelRuleCondition> = fc.oneof(
  fc.record({ all: fc.array(condition, { minLength: 1, maxLength: 3 }) }),
  fc.record({ any: fc.array(condition, { minLength: 1, maxLength: 3 }) }),
  fc.record({ not: condition }),
);

// Short messages: the schema checks every placeholder of every language on each run.
const text = { en: 'x', uk: 'x', ru: 'x', zh: 'x' };
const ruleTemplate = { description: text, messages: { pass: text, fail: text } };
const demoConditions = demoRuleSets.flatMap((set) => set.rules.map((r) => r.conditions));
const rules: fc.Arbitrary<RuleSet['rules']> = fc
  .array(fc.oneof(topLevel, fc.constantFrom(...demoConditions)), { minLength: 1, maxLength: 4 })
  .chain((conditions) =>
    fc.tuple(...conditions.map(() => fc.boolean())).map((mandatory) =>
      conditions.map((c, i) => ({
        ...ruleTemplate,
        code: `rule_${i}`,
        mandatory: mandatory[i] ?? true,
        conditions: c,
      })),
    ),
  );

/** Only what the API stores: the generators may produce a rule set it would refuse. */
const accepted = (r: RuleSet['rules']): boolean =>
  ruleSetSchema.safeParse({ ...demoRuleSets[0], rules: r }).success;

describe('rule conditions, for any facts and any condition the API accepts', () => {
  it('pass and fail the same rules as json-rules-engine, or both fail the run', async () => {
    const seen = { passed: 0, failed: 0, threw: 0 };
    await fc.assert(
      fc.asyncProperty(rules, facts, async (r, f) => {
        fc.pre(accepted(r));
        // Act
        const ours = evaluatorOutcome(r, f);
        const theirs = await engineOutcome(r, f);

        // Assert
        expect(ours).toEqual(theirs);
        if ('throws' in ours) seen.threw += 1;
        else {
          seen.passed += ours.passed.length;
          seen.failed += r.length - ours.passed.length;
        }
      }),
      { numRuns: 2000 },
    );
    // Not a vacuous comparison: rules passed and failed often, and some runs failed in both.
    expect(seen.threw).toBeGreaterThan(0);
    expect(seen.passed).toBeGreaterThan(seen.threw);
    expect(seen.failed).toBeGreaterThan(seen.threw);
  }, 120_000);

  it('leave the rule set untouched', () => {
    fc.assert(
      fc.property(rules, facts, (r, f) => {
        const before = structuredClone(r);
        evaluatorOutcome(r, f);
        expect(r).toEqual(before);
      }),
    );
  });
});

describe('eligibility, for any applicant and any rule set the API accepts', () => {
  const day = (min: string, max: string) =>
    fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true });
  const scenario = fc.record({
    rules,
    categories: fc.uniqueArray(fc.constantFrom(...categoryCodes), { minLength: 1, maxLength: 4 }),
    birthDate: day('1920-01-01', '2025-12-31').map((d) => toIsoDate(d)),
    size: fc.integer({ min: 1, max: 6 }),
    children: fc.integer({ min: 0, max: 5 }),
    incomeMinor: fc.nat(10_000_000),
    requestedMinor: fc.integer({ min: 1, max: 10_000_000 }),
    lastCashAidAt: fc.option(
      day('2020-01-01', '2027-12-31').map((d) => d.toISOString()),
      { nil: undefined },
    ),
    asOf: day('2026-01-01', '2027-12-31'),
  });

  it('reports the rules json-rules-engine passed as passed, and every other one as failed', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        fc.pre(accepted(s.rules));
        // Arrange
        const ruleSet: RuleSet = { ...(demoRuleSets[0] as RuleSet), rules: s.rules };
        const application = anApplication({
          aidType: ruleSet.aidType as (typeof aidTypeCodes)[number],
          categories: s.categories,
          household: {
            size: s.size,
            children: Math.min(s.children, s.size),
            monthlyIncome: { currency: 'RUB', minor: s.incomeMinor },
          },
          requestedAmount: { currency: 'RUB', minor: s.requestedMinor },
          applicant: { birthDate: s.birthDate },
        });
        const history = s.lastCashAidAt === undefined ? {} : { lastCashAidAt: s.lastCashAidAt };
        const theirs = await engineOutcome(
          s.rules,
          eligibilityFacts(application, demoPolicy, history, s.asOf),
        );

        // Act
        const ours = await evaluateEligibility({
          application,
          ruleSet,
          policy: demoPolicy,
          history,
          asOf: s.asOf,
        })
          .then((result) => ({ result }))
          .catch(() => ({ throws: true as const }));

        // Assert
        if ('throws' in theirs) {
          expect(ours).toEqual({ throws: true });
          return;
        }
        if (!('result' in ours)) throw new Error('the evaluator failed where json-rules-engine did not');
        const failedByEngine = s.rules.filter((r) => !theirs.passed.includes(r.code));
        expect(ours.result.rules.map((r) => [r.code, r.passed])).toEqual(
          s.rules.map((r) => [r.code, theirs.passed.includes(r.code)]),
        );
        expect(ours.result.verdict).toBe(
          failedByEngine.some((r) => r.mandatory)
            ? 'ineligible'
            : failedByEngine.length > 0
              ? 'needs_review'
              : 'eligible',
        );
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
