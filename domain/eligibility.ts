import * as z from 'zod/mini';
import { canonicalJson, ruleSetHash } from './canonical-json.js';
import { type Language, type LocalizedText, languages, localeOf, reportGroupOf } from './catalogue.js';
import { aidTypeName, categoryName } from './catalogue-seed.js';
import { ageInYears, dateOf, fullMonthsBetween, isoDateSchema, toIsoDate } from './dates.js';
import { CurrencyMismatchError, formatMoney } from './money.js';
import { currencySchema } from './money-schema.js';
import { conditionsHold } from './rule-conditions.js';
import {
  type EligibilityFactName,
  type EligibilityFacts,
  eligibilityFactNames,
  PLACEHOLDER,
  type RuleCondition,
  type RuleSet,
} from './rule-set-schema.js';
import { selectEffective, selectRuleSet } from './rule-set-selection.js';
import { meta, strictObject, text, wholeNumber } from './schema-helpers.js';

// The rule set schemas live in rule-set-schema.ts (the web app checks new versions with them).
export * from './rule-set-schema.js';

/**
 * Eligibility as data: versioned rule sets per aid type (json-rules-engine's condition format over
 * a fixed set of facts, see rule-conditions.ts), evaluated by a pure function that returns a
 * verdict and, for every rule, whether it passed and why, in the applicant's language. The rule
 * set is pinned to the case at submission by its hash, so the explanation a reviewer reads later
 * is the one that was computed.
 */

// --- policy and history -----------------------------------------------------------------------

export const eligibilityPolicySchema = meta(
  strictObject('Policy', {
    id: z.optional(text('Policy id', 100)),
    effectiveFrom: z.optional(isoDateSchema('Effective from')),
    currency: currencySchema,
    subsistenceMinimumMinor: wholeNumber('Subsistence minimum', 0, Number.MAX_SAFE_INTEGER),
    /** The office's time zone: "today" and past payment dates are taken in it. Default UTC. */
    timeZone: z.optional(text('Time zone', 64)),
  }),
  { id: 'EligibilityPolicy' },
);

export type EligibilityPolicy = z.infer<typeof eligibilityPolicySchema>;

export interface EligibilityHistory {
  /** When cash aid was last paid to this person (date or instant), if ever. */
  lastCashAidAt?: string;
  /**
   * The references of the person's other applications for the same aid that are still open.
   * Intake refuses a second one under the same spelling of a name; one under another spelling
   * (or with a national id the first did not give) is found here, and a person decides.
   */
  otherOpenApplications?: readonly string[];
}

/** The check eligibility adds to a rule set's when the person has another open application. */
export const otherOpenApplicationCode = 'other_open_application';

const otherOpenApplicationTexts: Readonly<Record<Language, (references: string) => string>> = {
  en: (r) =>
    `You have another application for this aid that is still open (${r}). A member of staff checks that this one asks for something else before it goes on.`,
  uk: (r) =>
    `У вас є інша заява на цю допомогу, яка ще розглядається (${r}). Працівник перевірить, що ця заява про інше, перш ніж розглядати її далі.`,
  ru: (r) =>
    `У вас есть другое заявление на эту помощь, которое ещё рассматривается (${r}). Сотрудник проверит, что это заявление о другом, прежде чем рассматривать его дальше.`,
  zh: (r) => `您还有一份同类援助申请仍在办理中（${r}）。工作人员会先核实本申请是否为另一事项，再继续办理。`,
};

function otherOpenApplicationOutcome(references: readonly string[], language: Language): RuleOutcome {
  const messages = Object.fromEntries(
    languages.map((l) => [l, otherOpenApplicationTexts[l](references.join(', '))]),
  ) as LocalizedText;
  return {
    code: otherOpenApplicationCode,
    passed: false,
    mandatory: false,
    message: messages[language],
    messages,
    factsUsed: { otherOpenApplications: [...references] },
  };
}

/** The part of an application that eligibility reads (an `AidApplication` fits). */
export interface EligibilityApplication {
  applicant: { birthDate: string; preferredLanguage?: Language };
  categories: readonly string[];
  household: { size: number; children: number; monthlyIncome: { currency: string; minor: number } };
  aidType: string;
  requestedAmount: { currency: string; minor: number };
}

/**
 * The facts of one application on one day. Throws `CurrencyMismatchError` when the application's
 * amounts are not in the policy's currency (`aidApplicationSchemaAt(…, { currency })` refuses such
 * applications at submission, so this is a programming error, not an applicant's).
 */
export function eligibilityFacts(
  application: EligibilityApplication,
  policy: Pick<EligibilityPolicy, 'currency' | 'subsistenceMinimumMinor' | 'timeZone'>,
  history: EligibilityHistory,
  asOf: Date,
): EligibilityFacts {
  const { household, requestedAmount } = application;
  for (const amount of [household.monthlyIncome, requestedAmount]) {
    if (amount.currency !== policy.currency)
      throw new CurrencyMismatchError(amount.currency, policy.currency);
  }
  const timeZone = policy.timeZone ?? 'UTC';
  const today = toIsoDate(asOf, timeZone);
  const lastCashAidDate =
    history.lastCashAidAt === undefined ? null : dateOf(history.lastCashAidAt, timeZone);
  const categories = [...application.categories];
  const reportGroup = reportGroupOf(categories, household);
  return {
    aidType: application.aidType,
    categories,
    ageYears: ageInYears(application.applicant.birthDate, today),
    householdSize: household.size,
    children: household.children,
    hasChildren: household.children > 0,
    isFamilyWithChildren: reportGroup === 'families',
    reportGroup,
    currency: policy.currency,
    monthlyIncomeMinor: household.monthlyIncome.minor,
    perCapitaIncomeMinor: Math.floor(household.monthlyIncome.minor / household.size),
    subsistenceMinimumMinor: policy.subsistenceMinimumMinor,
    requestedAmountMinor: requestedAmount.minor,
    receivedCashAidBefore: lastCashAidDate !== null,
    lastCashAidDate,
    monthsSinceLastCashAid: lastCashAidDate === null ? null : fullMonthsBetween(lastCashAidDate, today),
  };
}

// Selection lives in rule-set-selection.ts (light to import, for the rule-set routes).
// canonicalJson and ruleSetHash live in canonical-json.ts (light to import, for intake).
export { canonicalJson, ruleSetHash, selectEffective, selectRuleSet };

// --- evaluation -------------------------------------------------------------------------------

export type Verdict = 'eligible' | 'ineligible' | 'needs_review';

export interface RuleOutcome {
  code: string;
  passed: boolean;
  mandatory: boolean;
  /** In the requested language. */
  message: string;
  /** In every language, for letters re-sent in another language. */
  messages: LocalizedText;
  /** The facts the rule's conditions read, with their values. */
  factsUsed: Record<string, unknown>;
}

export interface EligibilityResult {
  verdict: Verdict;
  ruleSetId: string;
  ruleSetVersion: number;
  ruleSetHash: string;
  /** The instant of evaluation (ISO 8601). */
  asOf: string;
  language: Language;
  facts: EligibilityFacts;
  rules: RuleOutcome[];
}

export interface EvaluateEligibilityInput {
  application: EligibilityApplication;
  ruleSet: RuleSet;
  policy: Pick<EligibilityPolicy, 'currency' | 'subsistenceMinimumMinor' | 'timeZone'>;
  history: EligibilityHistory;
  asOf: Date;
  /** Default: the applicant's preferred language, else Russian. */
  language?: Language;
}

function factsReadBy(condition: RuleCondition, into: Set<EligibilityFactName>): Set<EligibilityFactName> {
  if ('all' in condition) for (const c of condition.all) factsReadBy(c, into);
  else if ('any' in condition) for (const c of condition.any) factsReadBy(c, into);
  else if ('not' in condition) factsReadBy(condition.not, into);
  else {
    into.add(condition.fact);
    const v = condition.value;
    if (typeof v === 'object' && v !== null && 'fact' in v)
      into.add((v as { fact: EligibilityFactName }).fact);
  }
  return into;
}

function messageVariablesFor(facts: EligibilityFacts, language: Language): Record<string, string> {
  const locale = localeOf[language];
  const numbers = new Intl.NumberFormat(locale);
  const vars: Record<string, string> = {};
  for (const name of eligibilityFactNames) {
    const value = facts[name];
    if (value === null) vars[name] = '—';
    else if (typeof value === 'number') vars[name] = numbers.format(value);
    else vars[name] = String(value);
    if (name.endsWith('Minor') && typeof value === 'number') {
      vars[name.slice(0, -'Minor'.length)] = formatMoney({ currency: facts.currency, minor: value }, locale);
    }
  }
  vars.categories = facts.categories
    .map((c) => categoryName(c, language))
    .join(language === 'zh' ? '、' : ', ');
  vars.aidType = aidTypeName(facts.aidType, language);
  return vars;
}

export function interpolate(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => vars[name] ?? whole);
}

/**
 * Evaluates every rule of the set. Verdict: any mandatory rule failed → `ineligible`; only
 * discretionary rules failed → `needs_review`; none failed → `eligible`.
 */
export async function evaluateEligibility(input: EvaluateEligibilityInput): Promise<EligibilityResult> {
  const { application, ruleSet, policy, history, asOf } = input;
  const language = input.language ?? application.applicant.preferredLanguage ?? 'ru';
  const facts = eligibilityFacts(application, policy, history, asOf);

  // Every rule is evaluated before any outcome is used: a rule that cannot be evaluated (an
  // undefined fact, `in` against a number) fails the whole check loudly, never "passes".
  const passed = new Set(
    ruleSet.rules.filter((rule) => conditionsHold(rule.conditions, facts)).map((r) => r.code),
  );

  const varsByLanguage = Object.fromEntries(
    languages.map((l) => [l, messageVariablesFor(facts, l)]),
  ) as Record<Language, Record<string, string>>;

  const rules: RuleOutcome[] = ruleSet.rules.map((rule) => {
    const ok = passed.has(rule.code);
    const templates = ok ? rule.messages.pass : rule.messages.fail;
    const messages = Object.fromEntries(
      languages.map((l) => [l, interpolate(templates[l], varsByLanguage[l])]),
    ) as LocalizedText;
    const factsUsed: Record<string, unknown> = {};
    for (const name of factsReadBy(rule.conditions, new Set())) factsUsed[name] = facts[name];
    return {
      code: rule.code,
      passed: ok,
      mandatory: rule.mandatory,
      message: messages[language],
      messages,
      factsUsed,
    };
  });

  // Not a rule of the set: discretionary, so it sends the case to a person and never rejects it.
  if (history.otherOpenApplications?.length)
    rules.push(otherOpenApplicationOutcome(history.otherOpenApplications, language));

  const failed = rules.filter((r) => !r.passed);
  const verdict: Verdict = failed.some((r) => r.mandatory)
    ? 'ineligible'
    : failed.length > 0
      ? 'needs_review'
      : 'eligible';

  return {
    verdict,
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    ruleSetHash: ruleSetHash(ruleSet),
    asOf: asOf.toISOString(),
    language,
    facts,
    rules,
  };
}

/** The reasons for a decision letter (API.md `decision.reasons`): the failed rules, or all rules when none failed. */
export function eligibilityReasons(result: EligibilityResult): { code: string; message: string }[] {
  const failed = result.rules.filter((r) => !r.passed);
  return (failed.length > 0 ? failed : result.rules).map((r) => ({ code: r.code, message: r.message }));
}
