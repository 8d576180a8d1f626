import { describe, expect, it } from 'vitest';
import { aidStatuses } from '../../domain/aid-lifecycle.js';
import { withdrawalRefusal } from '../../domain/withdrawal.js';

describe('whether an application can still be withdrawn', () => {
  it('refuses once the payment is authorised, with a code the applicant’s page words', () => {
    expect(withdrawalRefusal('payment_authorised')?.code).toBe('payment_authorised');
  });

  it('refuses a closed application as closed, and lets an open one or a withdrawn one through', () => {
    expect(withdrawalRefusal('paid')?.code).toBe('case_closed');
    expect(withdrawalRefusal('rejected')?.code).toBe('case_closed');
    expect(withdrawalRefusal('submitted')).toBeUndefined();
    expect(withdrawalRefusal('in_review')).toBeUndefined();
    expect(withdrawalRefusal('withdrawn')).toBeUndefined();
  });

  it('gives every status either no refusal or one of the two codes', () => {
    for (const status of aidStatuses) {
      expect([undefined, 'payment_authorised', 'case_closed']).toContain(withdrawalRefusal(status)?.code);
    }
  });
});
