import { canReopen } from '../../../domain/aid-lifecycle.js';
import { onePersonsRecords } from '../../../domain/same-person.js';
import { tableName } from '../../lib/clients.js';
import { TransientError } from '../../lib/errors.js';
import {
  type AppealCaseRecord,
  appealChange,
  type ContestedDecision,
} from '../../lib/store/appeal-records.js';
import { systemActor } from '../../lib/store/audit.js';
import { caseReopening } from '../../lib/store/case-writes.js';
import { getCaseByReference } from '../../lib/store/reads.js';
import type { Reconsideration } from '../../lib/store/records.js';
import { transact } from '../../lib/store/transactions.js';

const actor = systemActor('appeals');

/**
 * An appeal that names an aid decision (`relatedReference`) contests it. When the decision was a
 * rejection and the appeal comes from the applicant of that case, the case is reopened for a fresh
 * review: rejected → in_review, in one transaction with the appeal's note of it; the stream then
 * starts the case's workflow again (round n), and decide-task keeps everyone who took part in the
 * earlier rounds off it. Anything else (unknown reference, someone else's case, a decision still
 * open or already paid) is recorded on the appeal for the department that answers it, and nothing
 * is reopened. Idempotent: a retried routing step finds `contestedDecision` and does nothing.
 */
export async function contestAidDecision(appeal: AppealCaseRecord, now: Date): Promise<ContestedDecision> {
  if (appeal.contestedDecision) return appeal.contestedDecision;
  const reference = appeal.relatedReference;
  const at = now.toISOString();
  const table = tableName();
  const aid = reference?.startsWith('AID-') ? await getCaseByReference(reference) : undefined;

  let contested: ContestedDecision;
  if (!reference || !aid) {
    contested = { reference: reference ?? '', outcome: 'not_reopened', reason: 'unknown_reference' };
  } else if (!onePersonsRecords(appeal, aid)) {
    // Only the applicant may reopen their own case, however she spelt her name on the appeal; a
    // stranger's appeal is still answered.
    contested = { reference, caseId: aid.caseId, outcome: 'not_reopened', reason: 'not_the_applicant' };
  } else if (!canReopen(aid.status)) {
    contested = { reference, caseId: aid.caseId, outcome: 'not_reopened', reason: 'not_a_closed_rejection' };
  } else {
    const reconsideration: Reconsideration = {
      appealCaseId: appeal.caseId,
      appealReference: appeal.reference,
      requestedAt: at,
      round: (aid.reconsideration?.round ?? 0) + 1,
    };
    contested = { reference, caseId: aid.caseId, outcome: 'reopened', round: reconsideration.round };
    const outcome = await transact([
      ...caseReopening(table, aid, {
        at,
        actor,
        action: 'case.reopened',
        note: `Reopened for review: appeal ${appeal.reference}`,
        noteCode: 'reopened_by_appeal',
        noteArgs: { appeal: appeal.reference },
        // The rejection stops being the answer (the status page shows none) but stays on record.
        set: { reconsideration, previousDecision: aid.decision ?? null, decision: null },
        details: { appealReference: appeal.reference, round: reconsideration.round },
      }),
      ...appealChange(table, appeal, {
        at,
        actor,
        action: 'appeal.contests_decision',
        note: `Aid decision ${reference} reopened for review`,
        noteCode: 'decision_reopened',
        noteArgs: { reference },
        set: { contestedDecision: contested },
        details: { reference, outcome: 'reopened' },
      }),
    ]);
    if (!outcome.ok) throw new TransientError('the aid case or the appeal changed while reopening');
    return contested;
  }

  const outcome = await transact(
    appealChange(table, appeal, {
      at,
      actor,
      action: 'appeal.contests_decision',
      set: { contestedDecision: contested },
      details: { reference: contested.reference, outcome: contested.outcome, reason: contested.reason },
    }),
  );
  if (!outcome.ok) throw new TransientError('the appeal changed while noting the contested decision');
  return contested;
}
