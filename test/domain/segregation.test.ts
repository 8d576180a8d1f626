import { describe, expect, it } from 'vitest';
import { paymentStageViolation, segregationViolation } from '../../domain/segregation.js';

describe('segregation of duties', () => {
  const actor = { userId: 'u-head', email: 'Head@Office.example', nationalId: '1234 567890' };

  it('lets a colleague who has not decided on the case decide', () => {
    expect(
      segregationViolation({
        actor,
        priorDecisions: [{ userId: 'u-reviewer', outcome: 'approve' }],
        applicant: { email: 'citizen@example.org' },
      }),
    ).toBeUndefined();
  });

  it('stops a second decision by the same person on one case', () => {
    expect(
      segregationViolation({
        actor: { userId: 'u-reviewer' },
        priorDecisions: [{ userId: 'u-reviewer', outcome: 'approve' }],
        applicant: {},
      }),
    ).toMatch(/already decided/);
  });

  it('lets a reviewer who asked for more information review the answer', () => {
    expect(
      segregationViolation({
        actor: { userId: 'u-reviewer' },
        priorDecisions: [{ userId: 'u-reviewer', outcome: 'request_info' }],
        applicant: {},
      }),
    ).toBeUndefined();
  });

  it('stops staff deciding on their own application, matched by email or national id', () => {
    expect(
      segregationViolation({ actor, priorDecisions: [], applicant: { email: ' head@office.example' } }),
    ).toMatch(/your own application/);
    expect(
      segregationViolation({ actor, priorDecisions: [], applicant: { nationalId: '1234-567890' } }),
    ).toMatch(/your own application/);
  });
});

describe('segregation on the finance stages of a re-issued payment', () => {
  const firstAttempt = [
    { stage: 'approve', userId: 'u-head', outcome: 'approve' },
    { stage: 'authorise_payment', userId: 'u-finance', outcome: 'approve' },
  ];

  it('bars whoever corrected the payout details from authorising the re-issued payment', () => {
    const decisions = [
      ...firstAttempt,
      { stage: 'reissue_payment', userId: 'u-finance2', outcome: 'reissue' },
    ];
    expect(
      paymentStageViolation({ taskType: 'authorise_payment', actorId: 'u-finance2', decisions }),
    ).toMatch(/corrected the payout details/);
  });

  it('lets the officer who authorised the first attempt authorise the re-issue someone else corrected', () => {
    const decisions = [
      ...firstAttempt,
      { stage: 'reissue_payment', userId: 'u-finance2', outcome: 'reissue' },
    ];
    expect(
      paymentStageViolation({ taskType: 'authorise_payment', actorId: 'u-finance', decisions }),
    ).toBeUndefined();
  });

  it('judges by the latest correction only', () => {
    const decisions = [
      ...firstAttempt,
      { stage: 'reissue_payment', userId: 'u-finance2', outcome: 'reissue' },
      { stage: 'authorise_payment', userId: 'u-finance', outcome: 'approve' },
      { stage: 'reissue_payment', userId: 'u-finance', outcome: 'reissue' },
    ];
    expect(
      paymentStageViolation({ taskType: 'authorise_payment', actorId: 'u-finance2', decisions }),
    ).toBeUndefined();
    expect(paymentStageViolation({ taskType: 'authorise_payment', actorId: 'u-finance', decisions })).toMatch(
      /colleague/,
    );
  });
});
