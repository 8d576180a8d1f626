import { describe, expect, it } from 'vitest';
import { settlementSchema } from '../../domain/payment-requests.js';
import {
  defaultFourEyesThreshold,
  endToEndIdFor,
  formatMinor,
  fourEyesViolation,
  payoutChannel,
  repeatsDelivery,
  repeatsSettlement,
  totalsByCurrency,
} from '../../domain/payments.js';

describe('payout channels', () => {
  it('sends money by bank or cash desk, and delivers in-kind aid and services whatever payout was chosen', () => {
    expect(payoutChannel('cash', { method: 'bank_transfer' })).toBe('bank_transfer');
    expect(payoutChannel('cash', { method: 'cash_desk' })).toBe('cash_desk');
    expect(payoutChannel('cash', { method: 'in_kind' })).toBe('delivery');
    expect(payoutChannel('food_set', { method: 'bank_transfer' })).toBe('delivery');
    expect(payoutChannel('social_taxi', { method: 'cash_desk' })).toBe('delivery');
    expect(payoutChannel('school_start', { method: 'bank_transfer' })).toBe('bank_transfer');
  });
});

describe('settlements', () => {
  it('needs a reason for a failed payment and refuses one for a paid payment', () => {
    const failed = settlementSchema.safeParse({ status: 'failed' });
    const paid = settlementSchema.safeParse({ status: 'paid', reason: 'why' });
    expect(failed.success).toBe(false);
    expect(failed.error?.issues.map((i) => i.path.join('.'))).toEqual(['reason']);
    expect(paid.success).toBe(false);
    expect(settlementSchema.safeParse({ status: 'paid', bankReference: 'REF-1' }).success).toBe(true);
  });

  it('takes a retry (the same result, or with less said) as a repeat, and any change as a different settlement', () => {
    const recorded = { status: 'paid', bankReference: 'REF-1' } as const;
    expect(repeatsSettlement(recorded, { status: 'paid', bankReference: 'REF-1' })).toBe(true);
    expect(repeatsSettlement(recorded, { status: 'paid' })).toBe(true);
    expect(repeatsSettlement(recorded, { status: 'paid', bankReference: 'REF-2' })).toBe(false);
    expect(repeatsSettlement(recorded, { status: 'failed', reason: 'account closed' })).toBe(false);
    expect(
      repeatsDelivery({ deliveredAt: '2026-03-01', receivedBy: 'A' }, { deliveredAt: '2026-03-01' }),
    ).toBe(true);
    expect(repeatsDelivery({ deliveredAt: '2026-03-01' }, { deliveredAt: '2026-03-02' })).toBe(false);
  });
});

describe('four eyes on payment batches', () => {
  const item = (minor: number, sub: string, reference = 'AID-2026-000001') => ({
    disbursementId: `dsb_${reference}`,
    caseReference: reference,
    amount: { currency: 'RUB', minor },
    authorisedBy: sub,
    authorisedBySub: sub,
  });

  it('refuses the officer who authorised an item above the threshold, naming it', () => {
    const items = [item(20_000_000, 'sub-finance', 'AID-2026-000007'), item(50_000, 'sub-finance2')];
    const reason = fourEyesViolation(items, 'sub-finance', defaultFourEyesThreshold);
    expect(reason?.detail).toContain('AID-2026-000007');
    expect(reason?.detail).toContain('200000.00 RUB');
    expect(reason).toMatchObject({
      caseReference: 'AID-2026-000007',
      amount: { currency: 'RUB', minor: 20_000_000 },
      threshold: defaultFourEyesThreshold,
    });
    expect(fourEyesViolation(items, 'sub-finance2', defaultFourEyesThreshold)).toBeUndefined();
  });

  it('lets anyone batch items at or below the threshold, their own included', () => {
    const items = [item(defaultFourEyesThreshold.minor, 'sub-finance')];
    expect(fourEyesViolation(items, 'sub-finance', defaultFourEyesThreshold)).toBeUndefined();
  });
});

describe('amounts and ids in payment files', () => {
  it('writes minor units as exact decimals with two fraction digits', () => {
    expect([0, 1, 99, 100, 500_000, 1_234_567, 9_007_199_254_740_991].map(formatMinor)).toEqual([
      '0.00',
      '0.01',
      '0.99',
      '1.00',
      '5000.00',
      '12345.67',
      '90071992547409.91',
    ]);
  });

  it('sums control totals per currency', () => {
    expect(
      totalsByCurrency([
        { currency: 'RUB', minor: 5 },
        { currency: 'CNY', minor: 1 },
        { currency: 'RUB', minor: 7 },
      ]),
    ).toEqual([
      { currency: 'CNY', minor: 1 },
      { currency: 'RUB', minor: 12 },
    ]);
  });

  it('keeps end-to-end ids within ISO 20022 Max35Text, one per payment attempt', () => {
    const caseId = 'c56a4180-65aa-42ec-a945-5fd21dec0538';
    const ids = [1, 2, 99].map((attempt) => endToEndIdFor(caseId, attempt));
    expect(ids).toEqual([
      'c56a418065aa42eca9455fd21dec0538',
      'c56a418065aa42eca9455fd21dec0538-2',
      'c56a418065aa42eca9455fd21dec0538-99',
    ]);
    expect(ids.every((id) => id.length <= 35)).toBe(true);
  });
});
