import type { LocalizedText } from '../../../domain/catalogue.js';
import type { EligibilityResult, RuleOutcome } from '../../../domain/eligibility.js';
import { getItem } from './reads.js';

/**
 * The eligibility explanation in every language (pk CASE#<caseId>, sk ELIGIBILITY; table-spec
 * #30), written once by the eligibility check in the transaction that records the verdict.
 *
 * The case item keeps the verdict, the facts and each rule's outcome with its reason in the
 * applicant's language only (`CaseEligibility`): the four-language texts were 2.5 KB of a 6.4 KB
 * case, and every later change of the case (decisions, reservation, disbursement, settlement)
 * rewrites, and is billed for, the whole item (issue 7). The staff desk, which shows the reasons
 * in the reader's language, reads this item beside the case.
 */
export interface EligibilityRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'Eligibility';
  readonly caseId: string;
  readonly result: EligibilityResult;
}

/** A rule's outcome as the case carries it: `messages` only on cases checked before issue 7. */
export type CaseRuleOutcome = Omit<RuleOutcome, 'messages'> & { readonly messages?: LocalizedText };

export type CaseEligibility = Omit<EligibilityResult, 'rules'> & {
  readonly rules: readonly CaseRuleOutcome[];
};

export const eligibilityKey = (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'ELIGIBILITY' });

/** What the case item keeps of a result: everything but the texts in the other languages. */
export function caseEligibility(result: EligibilityResult): CaseEligibility {
  return { ...result, rules: result.rules.map(({ messages: _others, ...rule }) => rule) };
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
