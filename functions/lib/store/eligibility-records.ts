import type { LocalizedText } from '../../../domain/catalogue.js';
import type { EligibilityResult, RuleOutcome } from '../../../domain/eligibility.js';
import { getItem } from './reads.js';

/**
 * The eligibility explanation in every language (pk CASE#<caseId>, sk ELIGIBILITY; table-spec
 * #30), written once by the eligibility check in the transaction that records the verdict.
 *
 * The case item keeps the verdict and each rule's outcome (`CaseEligibility`): every later change
 * of the case (decisions, reservation, disbursement, settlement) rewrites, and is billed for, the
 * whole item (issue 7). The four-language texts were 2.5 KB of a 6.4 KB case; the facts with each
 * rule's facts, which nothing reads from the case, 0.75 KB of the 4.0 left; the reasons in the
 * applicant's language 0.8 KB of the 3.3 after that (the rule set is pinned on the case already).
 * The staff desk and the applicant's status page read the reasons here, beside the case; a
 * refusal letter has them from the case's decision, which names each failed rule with its reason.
 */
export interface EligibilityRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'Eligibility';
  readonly caseId: string;
  readonly result: EligibilityResult;
}

/**
 * A rule's outcome as the case carries it. Cases checked earlier carry more: `messages` (before
 * issue 7), `message` and `factsUsed` (before 2026-12-06).
 */
export type CaseRuleOutcome = Pick<RuleOutcome, 'code' | 'passed' | 'mandatory'> & {
  readonly message?: string;
  readonly messages?: LocalizedText;
  readonly factsUsed?: RuleOutcome['factsUsed'];
};

/** As the case carries it; the facts and the rule set's id, version and hash only on earlier cases. */
export type CaseEligibility = Pick<EligibilityResult, 'verdict' | 'asOf' | 'language'> &
  Partial<Pick<EligibilityResult, 'facts' | 'ruleSetId' | 'ruleSetVersion' | 'ruleSetHash'>> & {
    readonly rules: readonly CaseRuleOutcome[];
  };

export const eligibilityKey = (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'ELIGIBILITY' });

/** What the case item keeps of a result: everything but the texts in the other languages. */
export function caseEligibility(result: EligibilityResult): CaseEligibility {
  return {
    verdict: result.verdict,
    asOf: result.asOf,
    language: result.language,
    rules: result.rules.map(({ code, passed, mandatory }) => ({ code, passed, mandatory })),
  };
}

export function eligibilityPut(table: string, caseId: string, result: EligibilityResult) {
  const item: EligibilityRecord = { ...eligibilityKey(caseId), type: 'Eligibility', caseId, result };
  return { Put: { TableName: table, Item: item } };
}

/**
 * The explanation of a case in every language, if the check wrote one (read it beside the case;
 * a case checked before the item existed carries the four languages itself).
 */
export async function storedExplanation(caseId: string): Promise<EligibilityResult | undefined> {
  return (await getItem<EligibilityRecord>(eligibilityKey(caseId)))?.result;
}
