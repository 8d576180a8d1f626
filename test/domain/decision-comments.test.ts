import { describe, expect, it } from 'vitest';
import { checkDecision } from '../../domain/decision.js';
import { commentProblem, commentPurpose } from '../../domain/decision-comments.js';
import { allowedOutcomes, type TaskType, taskTypes } from '../../domain/tasks.js';

describe('the comment a decision needs', () => {
  it.each([
    ['review', 'request_info', 'question'],
    ['review', 'reject', 'rejection_reason'],
    ['approve', 'reject', 'rejection_reason'],
    ['authorise_payment', 'reject', 'rejection_reason'],
    ['close_unanswered_request', 'reject', 'rejection_reason'],
    ['reissue_payment', 'close', 'closing_reason'],
    ['commission_vote', 'reject', 'vote_reasons'],
    ['consolidate_answer', 'forward', 'forwarded_to'],
    ['consolidate_answer', 'extend', 'reason'],
    ['consolidate_answer', 'not_answerable', 'reason'],
    ['sign_off_answer', 'reject', 'reason'],
    ['approve_extension', 'reject', 'reason'],
  ] as const)('is required for %s → %s, as the %s', (type, outcome, purpose) => {
    expect(commentPurpose(type, outcome)).toBe(purpose);
    expect(commentProblem(type, { outcome })?.path).toEqual(['comment']);
    expect(commentProblem(type, { outcome, comment: '   ' })?.path).toEqual(['comment']);
    expect(commentProblem(type, { outcome, comment: 'Because.' })).toBeUndefined();
  });

  it('is optional for every approval, answer, re-issue and the extension of an unanswered request', () => {
    const optional = taskTypes.flatMap((type: TaskType) =>
      allowedOutcomes[type].filter((o) => commentPurpose(type, o) === undefined).map((o) => `${type}:${o}`),
    );
    expect(optional.sort()).toEqual(
      [
        'approve:approve',
        'approve_extension:approve',
        'authorise_payment:approve',
        'close_unanswered_request:extend',
        'commission_vote:approve',
        'consolidate_answer:answer',
        'department_answer:answer',
        'reissue_payment:reissue',
        'review:approve',
        'sign_off_answer:approve',
      ].sort(),
    );
  });

  it('is checked with the decision, in the browser as on the server', () => {
    expect(checkDecision('review', { outcome: 'request_info' })).toEqual([
      { path: ['comment'], message: 'Write the question for the applicant in "comment"; they are sent it.' },
    ]);
    expect(checkDecision('review', { outcome: 'request_info', comment: 'Send the statement.' })).toEqual([]);
  });
});
