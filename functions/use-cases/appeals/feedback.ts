import { tableName } from '../../lib/clients.js';
import { ConflictError, TransientError } from '../../lib/errors.js';
import { type AppealCaseRecord, appealChange, isAppealCase } from '../../lib/store/appeal-records.js';
import { transact } from '../../lib/store/transactions.js';
import { authenticateApplicant } from '../case-status.js';

export interface FeedbackInput {
  readonly rating: number;
  readonly comment?: string | undefined;
}

/**
 * The applicant rates the answer (1–5, optional comment), which closes the appeal. Only an
 * answered appeal can be rated, once; the same 404 as the status page for a wrong code.
 */
export async function submitFeedback(input: {
  reference: string;
  accessCode: string | undefined;
  sourceIp: string;
  feedback: FeedbackInput;
  now: Date;
}): Promise<{ reference: string; status: 'closed' }> {
  const found: unknown = await authenticateApplicant(input);
  if (!isAppealCase(found)) {
    throw new ConflictError('Feedback is asked for on appeals; an aid case has no answer to rate.', {
      code: 'feedback_not_for_aid',
    });
  }
  const current: AppealCaseRecord = found;
  if (current.feedback) {
    throw new ConflictError('You have already rated this answer. Thank you.', {
      code: 'feedback_already_given',
    });
  }
  if (current.status !== 'answered') {
    throw new ConflictError('This appeal has no answer to rate yet.', {
      code: 'no_answer_yet',
      caseStatus: current.status,
    });
  }
  const at = input.now.toISOString();
  const comment = input.feedback.comment?.trim();
  const outcome = await transact(
    appealChange(tableName(), current, {
      to: 'closed',
      at,
      actor: { kind: 'applicant' },
      action: 'appeal.feedback',
      set: { feedback: { rating: input.feedback.rating, ...(comment ? { comment } : {}), at } },
      details: { rating: input.feedback.rating },
    }),
  );
  if (!outcome.ok) throw new TransientError('the appeal changed while recording the feedback; try again');
  return { reference: current.reference, status: 'closed' };
}
