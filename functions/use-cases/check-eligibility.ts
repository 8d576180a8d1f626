import type { Language } from '../../domain/catalogue.js';
import { type EligibilityPolicy, evaluateEligibility } from '../../domain/eligibility.js';
import { tableName } from '../lib/clients.js';
import { PermanentStepError, TransientError } from '../lib/errors.js';
import { officeDate } from '../lib/office-day.js';
import { systemActor } from '../lib/store/audit.js';
import { caseStatusChange } from '../lib/store/case-writes.js';
import { caseEligibility, eligibilityPut } from '../lib/store/eligibility-records.js';
import { caseIdsOfPerson } from '../lib/store/person-cases.js';
import { batchGetCases, getCase, policyInForce } from '../lib/store/reads.js';
import { cachedRuleSetVersion } from '../lib/store/rule-set-versions.js';
import { transact } from '../lib/store/transactions.js';

/** Statuses that mean aid was (or is being) granted, for frequency rules. */
const grantedStatuses = new Set(['approved', 'funds_reserved', 'payment_authorised', 'paid']);

export interface EligibilityStepResult {
  readonly verdict: 'eligible' | 'ineligible' | 'needs_review';
}

/**
 * Evaluates the case against the rule set pinned at submission and records the verdict with a
 * reason per rule. Ineligible → rejected with those reasons; otherwise the case goes to review.
 * Running it twice records once: a second run finds the verdict already stored.
 */
export async function checkEligibility(caseId: string, now: Date): Promise<EligibilityStepResult> {
  const current = await getCase(caseId);
  if (!current) throw new PermanentStepError(`case ${caseId} not found`);
  // A reopened case (an appeal contests its rejection) goes to a person, whatever the rules said.
  if (current.reconsideration && current.status === 'in_review') return { verdict: 'needs_review' };
  if (current.eligibility && current.status !== 'submitted') return { verdict: current.eligibility.verdict };

  const ruleSet = await cachedRuleSetVersion(current.aidType, current.ruleSet.id, current.ruleSet.version);
  if (!ruleSet)
    throw new PermanentStepError(`rule set ${current.ruleSet.id} v${current.ruleSet.version} is missing`);
  // The policy in force on the office's day of submission, as the rule set was pinned (intake).
  const asOfDate = officeDate(current.submittedAt);
  const policy = await policyInForce<EligibilityPolicy>('subsistence-minimum', asOfDate);
  if (!policy) throw new PermanentStepError(`no subsistence minimum in force on ${asOfDate}`);

  const history = await previousGrants(current.personKey, current.aidType, caseId);
  const result = await evaluateEligibility({
    application: current,
    ruleSet,
    policy,
    history: history ? { lastCashAidAt: history } : {},
    asOf: new Date(current.submittedAt),
    language: current.language as Language,
  });

  const at = now.toISOString();
  const rejected = result.verdict === 'ineligible';
  const reasons = result.rules.filter((r) => !r.passed).map((r) => ({ code: r.code, message: r.message }));
  const table = tableName();
  const outcome = await transact([
    ...caseStatusChange(table, current, {
      to: rejected ? 'rejected' : 'in_review',
      at,
      actor: systemActor('eligibility-check'),
      action: rejected ? 'eligibility.rejected' : 'eligibility.checked',
      ...(rejected
        ? { note: 'Does not meet the conditions for this aid', noteCode: 'eligibility_not_met' }
        : {}),
      set: {
        // The case keeps the reasons in the applicant's language; all four go beside it, once.
        eligibility: caseEligibility(result),
        ...(rejected ? { decision: { outcome: 'rejected', reasons, decidedAt: at } } : {}),
      },
      details: {
        verdict: result.verdict,
        ruleSetHash: result.ruleSetHash,
        failed: reasons.map((r) => r.code),
      },
    }),
    eligibilityPut(table, caseId, result),
  ]);
  if (!outcome.ok) throw new TransientError('case changed while checking eligibility');
  return { verdict: result.verdict };
}

/** The latest grant of the same aid type to the same person, other than this case. */
async function previousGrants(
  personKey: string,
  aidType: string,
  caseId: string,
): Promise<string | undefined> {
  const sameType = (await caseIdsOfPerson(personKey, aidType)).filter((id) => id !== caseId);
  if (sameType.length === 0) return undefined;
  const cases = await batchGetCases(sameType);
  const granted = cases
    .filter((c) => grantedStatuses.has(c.status))
    .map((c) => c.decision?.decidedAt ?? c.updatedAt)
    .sort();
  return granted.at(-1);
}
