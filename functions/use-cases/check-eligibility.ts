import { isTerminal } from '../../domain/aid-lifecycle.js';
import type { Language } from '../../domain/catalogue.js';
import {
  type EligibilityHistory,
  type EligibilityPolicy,
  evaluateEligibility,
} from '../../domain/eligibility.js';
import { onePersonsRecords } from '../../domain/same-person.js';
import { personKeyVariants, personNameKey } from '../lib/access-codes.js';
import { tableName } from '../lib/clients.js';
import { PermanentStepError, TransientError } from '../lib/errors.js';
import { officeDate } from '../lib/office-day.js';
import { systemActor } from '../lib/store/audit.js';
import { caseStatusChange } from '../lib/store/case-writes.js';
import { caseEligibility, eligibilityPut } from '../lib/store/eligibility-records.js';
import { caseIdsOfPerson } from '../lib/store/person-cases.js';
import { batchGetCases, getCase, policyInForce } from '../lib/store/reads.js';
import type { AidCaseRecord } from '../lib/store/records.js';
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

  const result = await evaluateEligibility({
    application: current,
    ruleSet,
    policy,
    history: await personHistory(current),
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

/**
 * The person's other cases of the same aid type, whatever spelling of their name each was sent
 * under and whether or not it gave the national id: by the name key (table-spec #37), by this
 * case's own key and by the national id's keys (an earlier case that gave the id is keyed by it);
 * samePerson decides. The latest grant is for the once-a-year rules; the ones still open go to a
 * person. One under the very key this one has needs no second look.
 */
async function personHistory(current: AidCaseRecord): Promise<EligibilityHistory> {
  const { applicant, aidType } = current;
  const byKey = [
    current.personKey,
    ...(applicant.nationalId ? personKeyVariants({ nationalId: applicant.nationalId }) : []),
  ];
  const found = await Promise.all([
    caseIdsOfPerson(current.nameKey ?? personNameKey(applicant), aidType, 'nameKey'),
    ...[...new Set(byKey)].map((key) => caseIdsOfPerson(key, aidType)),
  ]);
  const ids = [...new Set(found.flat())].filter((id) => id !== current.caseId);
  if (ids.length === 0) return {};
  const cases = (await batchGetCases(ids)).filter((c) => onePersonsRecords(current, c));
  const lastCashAidAt = cases
    .filter((c) => grantedStatuses.has(c.status))
    .map((c) => c.decision?.decidedAt ?? c.updatedAt)
    .sort()
    .at(-1);
  const otherOpenApplications = cases
    .filter((c) => !isTerminal(c.status))
    .map((c) => c.reference)
    .sort();
  return {
    ...(lastCashAidAt ? { lastCashAidAt } : {}),
    ...(otherOpenApplications.length > 0 ? { otherOpenApplications } : {}),
  };
}
