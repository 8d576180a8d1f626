import type { TaskType } from './tasks.js';

/*
 * Which decisions need a comment, and what it is for. Apart from decision.ts (zod) so that the
 * decision use case and the staff desk's task page share the rule without the schemas.
 */

export interface DecisionProblem {
  path: (string | number)[];
  message: string;
}

/**
 * What the comment of a decision is for, when the outcome needs one: the question the applicant
 * is sent (request_info), the reasons the applicant is told (an aid refused, or closed unpaid),
 * the reasons that go into the commission's minutes, the reason on an appeal's record, or the
 * body an appeal is forwarded to. The server refuses these outcomes without a comment, and the
 * staff desk labels and checks the field the same way before sending.
 */
export type CommentPurpose =
  | 'question'
  | 'rejection_reason'
  | 'closing_reason'
  | 'vote_reasons'
  | 'reason'
  | 'forwarded_to';

const appealTasks: ReadonlySet<TaskType> = new Set([
  'department_answer',
  'consolidate_answer',
  'sign_off_answer',
  'approve_extension',
]);
const appealOutcomesWithReasons: ReadonlySet<string> = new Set(['reject', 'extend', 'not_answerable']);

export function commentPurpose(type: TaskType, outcome: string): CommentPurpose | undefined {
  if (outcome === 'request_info') return 'question';
  if (appealTasks.has(type)) {
    if (outcome === 'forward') return 'forwarded_to';
    return appealOutcomesWithReasons.has(outcome) ? 'reason' : undefined;
  }
  if (type === 'commission_vote') return outcome === 'reject' ? 'vote_reasons' : undefined;
  if (outcome === 'reject') return 'rejection_reason';
  if (outcome === 'close') return 'closing_reason';
  return undefined;
}

const commentMissing: Readonly<Record<CommentPurpose, string>> = {
  question: 'Write the question for the applicant in "comment"; they are sent it.',
  rejection_reason: 'Give the reason for the rejection; the applicant is told it.',
  closing_reason: 'Give the reason the aid cannot be paid; the applicant is told it.',
  vote_reasons: 'Give the reasons for a vote to reject; they go into the minutes.',
  reason: 'Give the reason in "comment".',
  forwarded_to: 'Name the body the appeal is forwarded to in "comment"; the applicant is told.',
};

/** The problem with a decision's comment: missing (or blank) where the outcome needs one. */
export function commentProblem(
  type: TaskType,
  decision: { readonly outcome: string; readonly comment?: string | undefined },
): DecisionProblem | undefined {
  const purpose = commentPurpose(type, decision.outcome);
  if (!purpose || (decision.comment ?? '').trim().length > 0) return undefined;
  return { path: ['comment'], message: commentMissing[purpose] };
}
