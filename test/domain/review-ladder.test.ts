import { describe, expect, it } from 'vitest';
import { CurrencyMismatchError } from '../../domain/money.js';
import {
  approvalLadderSchema,
  approverFor,
  commissionOutcome,
  demoApprovalLadder,
} from '../../domain/review-ladder.js';

const rub = (major: number) => ({ currency: 'RUB', minor: major * 100 });

describe('approval ladder', () => {
  it('is valid data', () => {
    expect(approvalLadderSchema.parse(demoApprovalLadder)).toEqual(demoApprovalLadder);
  });

  it.each([
    ['cash', 30_000, 'head'],
    ['cash', 30_000.01, 'commission'],
    ['medical_treatment', 45_000, 'commission'],
    ['housing_repair', 30_000, 'head'],
    ['food_set', 5_000, 'head'],
    ['food_set', 5_000.01, 'commission'],
    ['fuel', 12_000, 'commission'],
    ['social_taxi', 800, 'head'],
    ['flood_insurance', 6_000, 'head'],
    ['a_type_added_later', 6_000, 'commission'],
  ] as const)('sends %s of %d RUB to the %s', (aidType, major, approver) => {
    const amount = { currency: 'RUB', minor: Math.round(major * 100) };

    expect(approverFor({ aidType, amount, ladder: demoApprovalLadder })).toBe(approver);
  });

  it('honours a limit set for one aid type', () => {
    const ladder = { ...demoApprovalLadder, headLimitMinorByAidType: { fuel: rub(15_000).minor } };

    expect(approverFor({ aidType: 'fuel', amount: rub(12_000), ladder })).toBe('head');
  });

  it('refuses an amount in another currency', () => {
    expect(() =>
      approverFor({ aidType: 'cash', amount: { currency: 'USD', minor: 1 }, ladder: demoApprovalLadder }),
    ).toThrow(CurrencyMismatchError);
  });

  it('refuses a commission whose deciding votes are not a majority', () => {
    const issues = approvalLadderSchema.safeParse({
      ...demoApprovalLadder,
      commission: { members: 4, votesToDecide: 2 },
    }).error?.issues;

    expect(issues?.map((i) => i.path)).toEqual([['commission', 'votesToDecide']]);
  });
});

describe('commission vote', () => {
  const { commission } = demoApprovalLadder;

  it('decides once two of three members agree, without waiting for the third', () => {
    expect(commissionOutcome([{ memberId: 'c1', outcome: 'approve' }], commission)).toBe('pending');
    expect(
      commissionOutcome(
        [
          { memberId: 'c1', outcome: 'approve' },
          { memberId: 'c2', outcome: 'approve' },
        ],
        commission,
      ),
    ).toBe('approve');
  });

  it('waits for the third vote after a split', () => {
    const split = [
      { memberId: 'c1', outcome: 'approve' },
      { memberId: 'c2', outcome: 'reject' },
    ] as const;

    expect(commissionOutcome(split, commission)).toBe('pending');
    expect(commissionOutcome([...split, { memberId: 'c3', outcome: 'reject' }], commission)).toBe('reject');
  });

  it('counts a member once, however often the vote is sent', () => {
    const votes = [
      { memberId: 'c1', outcome: 'approve' },
      { memberId: 'c1', outcome: 'approve' },
    ] as const;

    expect(commissionOutcome(votes, commission)).toBe('pending');
  });

  it('does not grant aid when an even commission ties', () => {
    const votes = (['approve', 'approve', 'reject', 'reject'] as const).map((outcome, i) => ({
      memberId: `c${i}`,
      outcome,
    }));

    expect(commissionOutcome(votes, { members: 4, votesToDecide: 3 })).toBe('reject');
  });
});
