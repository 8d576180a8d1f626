import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../functions/lib/http.js';
import type { AidCaseRecord, Decider, TaskRecord } from '../../../functions/lib/store/records.js';
import { assertSegregation, outcomesFor } from '../../../functions/use-cases/decide-task.js';

const at = '2026-03-01T10:00:00.000Z';
const decider = (stage: Decider['stage'], username: string, outcome: string): Decider => ({
  stage,
  username,
  sub: `sub-${username}`,
  outcome,
  at,
});
const staff = (username: string, role: string): Principal => ({
  sub: `sub-${username}`,
  username,
  roles: [role],
});
const caseWith = (deciders: Decider[]) =>
  ({ personKey: 'p-applicant', deciders }) as unknown as AidCaseRecord;
const task = (taskType: TaskRecord['taskType']) => ({ taskType }) as TaskRecord;

function refusal(current: AidCaseRecord, type: TaskRecord['taskType'], who: Principal): string | undefined {
  try {
    assertSegregation(current, task(type), who);
    return undefined;
  } catch (error) {
    const { name, message, extra } = error as Error & { extra: Record<string, unknown> };
    return `${name} ${String(extra.code)}${extra.stage ? ` (${String(extra.stage)})` : ''}: ${message}`;
  }
}

describe('segregation of duties on a re-issued payment', () => {
  const failedOnce = [
    decider('review', 'reviewer', 'approve'),
    decider('approve', 'head', 'approve'),
    decider('authorise_payment', 'finance', 'approve'),
  ];

  it('lets the officer who authorised the first attempt correct the payout, or authorise a re-issue someone else corrected', () => {
    const corrected = caseWith([...failedOnce, decider('reissue_payment', 'finance2', 'reissue')]);
    expect(refusal(caseWith(failedOnce), 'reissue_payment', staff('finance', 'finance'))).toBeUndefined();
    expect(refusal(corrected, 'authorise_payment', staff('finance', 'finance'))).toBeUndefined();
  });

  it('refuses the re-issued payment to whoever corrected its payout details', () => {
    const corrected = caseWith([...failedOnce, decider('reissue_payment', 'finance2', 'reissue')]);
    expect(refusal(corrected, 'authorise_payment', staff('finance2', 'finance'))).toMatch(
      /^ForbiddenError corrected_payout: You corrected the payout details/,
    );
  });

  it('still refuses the re-issued payment to anyone who approved the aid', () => {
    const approverInFinance = caseWith([
      decider('review', 'reviewer', 'approve'),
      decider('approve', 'finance2', 'approve'),
      decider('authorise_payment', 'finance', 'approve'),
      decider('reissue_payment', 'finance', 'reissue'),
    ]);
    expect(refusal(approverInFinance, 'authorise_payment', staff('finance2', 'finance'))).toMatch(
      /^ForbiddenError approved_this_aid \(approve\): You approved this aid/,
    );
  });

  it('refuses a second decision on the case with the step of the first, for the desk to name', () => {
    const reviewed = caseWith([decider('review', 'reviewer', 'approve')]);
    expect(refusal(reviewed, 'approve', staff('reviewer', 'head'))).toMatch(
      /^ForbiddenError decided_before \(review\): /,
    );
  });

  it('offers the re-issue task its two outcomes', () => {
    expect(outcomesFor('reissue_payment')).toEqual(['reissue', 'close']);
  });
});
