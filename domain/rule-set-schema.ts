import * as z from 'zod/mini';
import { languages, type ReportGroup } from './catalogue.js';
import { type IsoDate, isoDateSchema } from './dates.js';
import { localizedTextSchema } from './localized-text-schema.js';
import { meta, strictObject, text, wholeNumber } from './schema-helpers.js';

/**
 * The shape of eligibility rule sets (facts, operators, conditions, rules, versions), apart from
 * their evaluation (rule-conditions.ts, eligibility.ts): the web app and the rule-set routes check a
 * new version with these schemas, and must not bundle the evaluation or node:crypto to do so.
 * eligibility.ts re-exports all of it.
 */

// --- facts ------------------------------------------------------------------------------------

/** Everything a rule may look at. Amounts are integer minor units in the policy's currency. */
export interface EligibilityFacts {
  aidType: string;
  categories: string[];
  ageYears: number;
  householdSize: number;
  children: number;
  /** At least one child in the household. */
  hasChildren: boolean;
  /** A family with children in the sense of the finance report (children, or a family category). */
  isFamilyWithChildren: boolean;
  reportGroup: ReportGroup;
  currency: string;
  monthlyIncomeMinor: number;
  /** Household income per person, rounded down to the kopeck (in the applicant's favour). */
  perCapitaIncomeMinor: number;
  subsistenceMinimumMinor: number;
  requestedAmountMinor: number;
  receivedCashAidBefore: boolean;
  lastCashAidDate: IsoDate | null;
  /** Whole calendar months since the last cash aid; null if there was none. */
  monthsSinceLastCashAid: number | null;
}

const factNameSet: Record<keyof EligibilityFacts, true> = {
  aidType: true,
  categories: true,
  ageYears: true,
  householdSize: true,
  children: true,
  hasChildren: true,
  isFamilyWithChildren: true,
  reportGroup: true,
  currency: true,
  monthlyIncomeMinor: true,
  perCapitaIncomeMinor: true,
  subsistenceMinimumMinor: true,
  requestedAmountMinor: true,
  receivedCashAidBefore: true,
  lastCashAidDate: true,
  monthsSinceLastCashAid: true,
};
export type EligibilityFactName = keyof EligibilityFacts;
export const eligibilityFactNames = Object.keys(factNameSet) as [
  EligibilityFactName,
  ...EligibilityFactName[],
];

/** Placeholders a rule message may use: every fact, and each `…Minor` amount formatted as money without the suffix. */
export const messageVariables: readonly string[] = [
  ...eligibilityFactNames,
  ...eligibilityFactNames.filter((f) => f.endsWith('Minor')).map((f) => f.slice(0, -'Minor'.length)),
];

// --- rule sets --------------------------------------------------------------------------------

const baseOperators = [
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
] as const;
const operatorDecorators = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'] as const;

/**
 * json-rules-engine's built-in operators, optionally decorated ("someFact:in", "not:contains"), as
 * rule-conditions.ts evaluates them.
 */
export function isKnownOperator(operator: string): boolean {
  const parts = operator.split(':');
  const base = parts.pop() ?? '';
  return (
    (baseOperators as readonly string[]).includes(base) &&
    parts.every((d) => (operatorDecorators as readonly string[]).includes(d))
  );
}

export type FactCondition = {
  fact: EligibilityFactName;
  operator: string;
  /** A literal, or `{ fact: name }` to compare with another fact. */
  value: unknown;
};
export type RuleCondition =
  | FactCondition
  | { all: RuleCondition[] }
  | { any: RuleCondition[] }
  | { not: RuleCondition };
export type TopLevelRuleCondition =
  | { all: RuleCondition[] }
  | { any: RuleCondition[] }
  | { not: RuleCondition };

const factNameSchema = z.enum(eligibilityFactNames, {
  error: (issue) =>
    `Unknown fact "${String(issue.input)}". Rules may use: ${eligibilityFactNames.join(', ')}.`,
});

const factConditionSchema = z
  .strictObject({
    fact: factNameSchema,
    operator: z.string().check(
      z.refine(isKnownOperator, {
        error: `Unknown operator. Use one of ${baseOperators.join(', ')}, optionally prefixed by ${operatorDecorators.map((d) => `"${d}:"`).join(', ')}.`,
      }),
    ),
    value: z.json().check(z.refine((v) => v !== undefined, { error: 'A condition needs a "value".' })),
  })
  .check(
    z.superRefine((c, ctx) => {
      const v = c.value;
      if (typeof v === 'object' && v !== null && !Array.isArray(v) && 'fact' in v) {
        const ref = (v as { fact: unknown }).fact;
        if (typeof ref !== 'string' || !(eligibilityFactNames as readonly string[]).includes(ref)) {
          ctx.addIssue({
            code: 'custom',
            path: ['value', 'fact'],
            message: `Unknown fact "${String(ref)}".`,
          });
        }
        // json-rules-engine's `params` and JSONPath `path` mean nothing for our facts, which are plain values.
        for (const key of Object.keys(v).filter((k) => k !== 'fact')) {
          ctx.addIssue({
            code: 'custom',
            path: ['value', key],
            message: `A fact reference is { "fact": name } and nothing else; "${key}" is not supported.`,
          });
        }
      }
    }),
  );

const ruleConditionSchema: z.ZodMiniType<RuleCondition> = z.lazy(() =>
  z.union([
    factConditionSchema as z.ZodMiniType<FactCondition>,
    z.strictObject({ all: z.array(ruleConditionSchema).check(z.minLength(1)) }),
    z.strictObject({ any: z.array(ruleConditionSchema).check(z.minLength(1)) }),
    z.strictObject({ not: ruleConditionSchema }),
  ]),
);

export const topLevelConditionSchema: z.ZodMiniType<TopLevelRuleCondition> = z.union(
  [
    z.strictObject({ all: z.array(ruleConditionSchema).check(z.minLength(1)) }),
    z.strictObject({ any: z.array(ruleConditionSchema).check(z.minLength(1)) }),
    z.strictObject({ not: ruleConditionSchema }),
  ],
  { error: 'Conditions must be an object with exactly one of "all", "any" or "not".' },
);

export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

const messageSchema = localizedTextSchema.check(
  z.superRefine((texts, ctx) => {
    for (const language of languages) {
      for (const [, name] of texts[language].matchAll(PLACEHOLDER)) {
        if (name !== undefined && !messageVariables.includes(name)) {
          ctx.addIssue({
            code: 'custom',
            path: [language],
            message: `Unknown placeholder {${name}}. Messages may use: ${messageVariables.map((v) => `{${v}}`).join(', ')}.`,
          });
        }
      }
    }
  }),
);

export const eligibilityRuleSchema = meta(
  strictObject('Rule', {
    code: z.string().check(
      z.regex(/^[a-z][a-z0-9_]*$/, { error: 'Rule code must be snake_case, e.g. income_below_minimum.' }),
      // json-rules-engine failed the whole evaluation whenever a rule named "error" passed (its
      // event emitter throws on an unheard "error" event); the evaluator does not mimic that.
      z.refine((code) => code !== 'error', { error: 'Rule code "error" is reserved; choose another.' }),
    ),
    /** A failed mandatory rule makes the applicant ineligible; a failed discretionary one sends the case to review with a flag. */
    mandatory: z.boolean(),
    description: localizedTextSchema,
    messages: strictObject('Messages', { pass: messageSchema, fail: messageSchema }),
    conditions: topLevelConditionSchema,
  }),
  { id: 'EligibilityRule' },
);

export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;

export const ruleSetSchema = meta(
  strictObject('Rule set', {
    id: text('Rule set id', 100),
    /** An aid type code of the catalogue (a string: the catalogue can grow without a release). */
    aidType: text('Aid type', 64),
    version: wholeNumber('Version', 1, 1_000_000),
    effectiveFrom: isoDateSchema('Effective from'),
    rules: z.array(eligibilityRuleSchema).check(
      z.minLength(1, { error: 'A rule set needs at least one rule.' }),
      z.superRefine((rules, ctx) => {
        const seen = new Set<string>();
        rules.forEach((r, i) => {
          if (seen.has(r.code)) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'code'],
              message: `Rule code "${r.code}" is used twice.`,
            });
          }
          seen.add(r.code);
        });
      }),
    ),
  }),
  { id: 'EligibilityRuleSet' },
);

export type RuleSet = z.infer<typeof ruleSetSchema>;
