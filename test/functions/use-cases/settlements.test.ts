import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BudgetFigures, balances as figuresBalance } from '../../../domain/budget.js';
import type { Principal } from '../../../functions/lib/http.js';
import { keys } from '../../../functions/lib/store/keys.js';
import type {
  AidCaseRecord,
  BudgetRecord,
  DisbursementRecord,
  ReservationRecord,
} from '../../../functions/lib/store/records.js';
import { createDisbursement } from '../../../functions/use-cases/create-disbursement.js';
import { reserveFunds } from '../../../functions/use-cases/funds.js';
import { recordDelivery, recordSettlement } from '../../../functions/use-cases/settlements.js';
import { budgetItem } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const year = 2032;
const now = new Date(`${year}-03-02T10:00:00Z`);
const finance: Principal = { sub: 'sub-finance', username: 'finance', roles: ['finance'] };
const finance2: Principal = { sub: 'sub-finance2', username: 'finance2', roles: ['finance'] };
const bank = {
  method: 'bank_transfer',
  accountHolder: 'Анна Иванова',
  iban: 'DE89370400440532013000',
} as const;

/** allocated + opening = remaining + reserved + spent, nothing negative (invariant 3). */
const balances = ({ opening, allocated, reserved, spent, remaining }: BudgetFigures) =>
  figuresBalance({ opening, allocated, reserved, spent, remaining });

async function errorOf(action: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await action;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  return { name: 'no error', message: '' };
}

describe('settling disbursements (paid, failed, delivered) against the budget', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ year });
  });
  afterAll(async () => table.drop());

  const get = async <T>(key: { pk: string; sk: string }) =>
    (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: key, ConsistentRead: true })))
      .Item as T;
  const budget = (source: string) => get<BudgetRecord>(keys.budget(year, source));
  const aidCase = (caseId: string) => get<AidCaseRecord>(keys.case(caseId));
  const disbursement = (id: string) => get<DisbursementRecord>(keys.disbursement(id));
  const reservation = (caseId: string) => get<ReservationRecord>(keys.reservation(caseId));

  async function setBudget(source: string, allocated: number) {
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: budgetItem(year, source, allocated),
      }),
    );
  }

  /** The finance officer's approval of the payment, as decide-task records it. */
  async function authorise(caseId: string, by: Principal) {
    const current = await aidCase(caseId);
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: keys.case(caseId),
        UpdateExpression: 'SET #status = :s, #version = :next, deciders = list_append(deciders, :d)',
        ConditionExpression: '#version = :v',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: {
          ':s': 'payment_authorised',
          ':v': current.version,
          ':next': current.version + 1,
          ':d': [
            {
              stage: 'authorise_payment',
              username: by.username,
              sub: by.sub,
              outcome: 'approve',
              at: now.toISOString(),
            },
          ],
        },
      }),
    );
  }

  /** An approved case whose money is reserved and whose payment finance authorised. */
  async function authorisedCase(
    source: string,
    minor: number,
    options: { aidType?: string; payout?: Record<string, unknown>; authorisedAt?: Date } = {},
  ): Promise<{ caseId: string; disbursementId: string }> {
    const caseId = randomUUID();
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...keys.case(caseId),
          type: 'AidCase',
          caseId,
          kind: 'aid',
          reference: `AID-${year}-${caseId.slice(0, 6)}`,
          year,
          status: 'approved',
          version: 3,
          submittedAt: now.toISOString(),
          updatedAt: now.toISOString(),
          aidType: options.aidType ?? 'cash',
          requestedAmount: { currency: 'RUB', minor },
          approvedAmount: { currency: 'RUB', minor },
          fundingSource: source,
          applicant: { fullName: 'Анна Иванова', birthDate: '1950-01-01', preferredLanguage: 'ru' },
          payout: options.payout ?? bank,
          personKey: `person-${caseId}`,
          deciders: [
            {
              stage: 'approve',
              username: 'head',
              sub: 'sub-head',
              outcome: 'approve',
              at: now.toISOString(),
            },
          ],
          timeline: [],
        },
      }),
    );
    expect((await reserveFunds(caseId, now)).outcome).toBe('reserved');
    await authorise(caseId, finance);
    const { disbursementId } = await createDisbursement({
      caseId,
      taskToken: `token-${caseId}`,
      now: options.authorisedAt ?? now,
    });
    return { caseId, disbursementId };
  }

  it('pays in one transaction: disbursement paid, reservation spent, budget reserved → spent, case paid', async () => {
    // Arrange
    await setBudget('regional_budget', 10_000_000);
    const { caseId, disbursementId } = await authorisedCase('regional_budget', 500_000);
    const before = await budget('regional_budget');

    // Act
    const result = await recordSettlement({
      disbursementId,
      settlement: { status: 'paid', bankReference: 'BANK-0001' },
      principal: finance2,
      now,
    });

    // Assert
    expect(before).toMatchObject({ reserved: 500_000, spent: 0, remaining: 9_500_000 });
    expect(result).toMatchObject({ disbursementId, status: 'paid', paidAt: now.toISOString() });
    expect(result.settlement).toMatchObject({
      status: 'paid',
      bankReference: 'BANK-0001',
      recordedBy: 'finance2',
    });
    expect(await disbursement(disbursementId)).toMatchObject({
      status: 'paid',
      gsi2pk: 'DISBURSEMENTS#paid',
      caseId,
      fundingSource: 'regional_budget',
      aidType: 'cash',
      amount: { currency: 'RUB', minor: 500_000 },
      paidAt: now.toISOString(),
    });
    expect((await reservation(caseId)).status).toBe('spent');
    const after = await budget('regional_budget');
    expect(after).toMatchObject({ reserved: 0, spent: 500_000, remaining: 9_500_000 });
    expect(balances(after)).toBe(true);
    expect((await aidCase(caseId)).status).toBe('paid');
  });

  it('answers a repeated settlement with the same body and changes nothing; a different one is a conflict', async () => {
    // Arrange
    await setBudget('charity', 2_000_000);
    const { disbursementId } = await authorisedCase('charity', 300_000);
    const first = await recordSettlement({
      disbursementId,
      settlement: { status: 'paid', bankReference: 'BANK-0002' },
      principal: finance,
      now,
    });
    const budgetAfterFirst = await budget('charity');
    const versionAfterFirst = (await disbursement(disbursementId)).version;

    // Act
    const again = await recordSettlement({
      disbursementId,
      settlement: { status: 'paid', bankReference: 'BANK-0002' },
      principal: finance2,
      now: new Date(now.getTime() + 60_000),
    });
    const failedInstead = await errorOf(
      recordSettlement({
        disbursementId,
        settlement: { status: 'failed', reason: 'account closed' },
        principal: finance,
        now,
      }),
    );
    const otherReference = await errorOf(
      recordSettlement({
        disbursementId,
        settlement: { status: 'paid', bankReference: 'BANK-9999' },
        principal: finance,
        now,
      }),
    );

    // Assert
    expect(again).toEqual(first);
    expect(await budget('charity')).toEqual(budgetAfterFirst);
    expect((await disbursement(disbursementId)).version).toBe(versionAfterFirst);
    expect(failedInstead.name).toBe('ConflictError');
    expect(otherReference.name).toBe('ConflictError');
  });

  it('fails in one transaction: disbursement failed, reservation released to remaining, case payment_failed', async () => {
    // Arrange
    await setBudget('own_income', 1_000_000);
    const { caseId, disbursementId } = await authorisedCase('own_income', 400_000);

    // Act
    const result = await recordSettlement({
      disbursementId,
      settlement: { status: 'failed', reason: 'account closed' },
      principal: finance,
      now,
    });
    const repeated = await recordSettlement({
      disbursementId,
      settlement: { status: 'failed', reason: 'account closed' },
      principal: finance,
      now,
    });

    // Assert
    expect(result).toMatchObject({ status: 'failed', settlement: { reason: 'account closed' } });
    expect(repeated).toEqual(result);
    expect(await disbursement(disbursementId)).toMatchObject({ gsi2pk: 'DISBURSEMENTS#failed' });
    expect((await reservation(caseId)).status).toBe('released');
    const line = await budget('own_income');
    expect(line).toMatchObject({ reserved: 0, spent: 0, remaining: 1_000_000 });
    expect(balances(line)).toBe(true);
    expect((await aidCase(caseId)).status).toBe('payment_failed');
  });

  it('re-issues a failed payment as a new disbursement with the corrected details, and pays it', async () => {
    // Arrange
    await setBudget('municipal_programme', 1_000_000);
    const { caseId, disbursementId: first } = await authorisedCase('municipal_programme', 250_000);
    await recordSettlement({
      disbursementId: first,
      settlement: { status: 'failed', reason: 'IBAN closed' },
      principal: finance,
      now,
    });
    const corrected = {
      method: 'bank_transfer',
      accountHolder: 'Анна Иванова',
      iban: 'DE19370400440532000001',
    };
    const failed = await aidCase(caseId);
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: keys.case(caseId),
        UpdateExpression: 'SET payout = :p, #version = :next',
        ConditionExpression: '#version = :v',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':p': corrected, ':v': failed.version, ':next': failed.version + 1 },
      }),
    );
    // A re-entered wait for the failed attempt (a timeout) still finds the failed disbursement.
    const reentered = await createDisbursement({ caseId, taskToken: 'token-reentered', now });

    // Act
    expect((await reserveFunds(caseId, now)).outcome).toBe('reserved');
    await authorise(caseId, finance);
    const second = await createDisbursement({ caseId, taskToken: 'token-second', now });
    const paid = await recordSettlement({
      disbursementId: second.disbursementId,
      settlement: { status: 'paid' },
      principal: finance2,
      now,
    });

    // Assert
    expect(reentered.disbursementId).toBe(first);
    expect((await disbursement(first)).taskToken).toBe('token-reentered');
    expect(second.disbursementId).toBe(`dsb_${caseId}_2`);
    expect(await disbursement(second.disbursementId)).toMatchObject({
      attempt: 2,
      endToEndId: `${caseId.replaceAll('-', '')}-2`,
      payee: { name: 'Анна Иванова', iban: 'DE19370400440532000001' },
      authorisedBy: 'finance',
    });
    expect(paid.status).toBe('paid');
    expect((await disbursement(first)).status).toBe('failed');
    expect(await aidCase(caseId)).toMatchObject({
      status: 'paid',
      paymentAttempts: 2,
      disbursementId: second.disbursementId,
    });
    const line = await budget('municipal_programme');
    expect(line).toMatchObject({ reserved: 0, spent: 250_000, remaining: 750_000 });
    expect(balances(line)).toBe(true);
  });

  it('creates one disbursement per attempt however often the step runs, and keeps the newest token', async () => {
    // Arrange
    await setBudget('other_sources', 1_000_000);
    const { caseId, disbursementId } = await authorisedCase('other_sources', 100_000);

    // Act
    const retried = await Promise.all([
      createDisbursement({ caseId, taskToken: 'token-after-timeout', now }),
      createDisbursement({ caseId, taskToken: 'token-after-timeout', now }),
    ]);

    // Assert
    expect(retried.map((r) => r.disbursementId)).toEqual([disbursementId, disbursementId]);
    expect(await disbursement(disbursementId)).toMatchObject({
      taskToken: 'token-after-timeout',
      version: 1,
    });
    expect(await disbursement(`dsb_${caseId}_2`)).toBeUndefined();
  });

  it('lets exactly one of two racing settlements (paid and failed) win, and the budget balances', async () => {
    // Arrange
    await setBudget('regional_budget', 10_000_000);
    const { disbursementId } = await authorisedCase('regional_budget', 700_000);
    const before = await budget('regional_budget');

    // Act
    const results = await Promise.allSettled([
      recordSettlement({ disbursementId, settlement: { status: 'paid' }, principal: finance, now }),
      recordSettlement({
        disbursementId,
        settlement: { status: 'failed', reason: 'returned' },
        principal: finance2,
        now,
      }),
    ]);

    // Assert
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    expect(lost?.status === 'rejected' && (lost.reason as Error).name).toMatch(
      /ConflictError|TransientError/,
    );
    const after = await budget('regional_budget');
    expect(after.reserved).toBe(before.reserved - 700_000);
    expect(after.spent + after.remaining).toBe(before.spent + before.remaining + 700_000);
    expect(balances(after)).toBe(true);
  });

  it('confirms an in-kind delivery like a paid settlement, and refuses the bank route for it', async () => {
    // Arrange
    await setBudget('charity', 2_000_000);
    const { caseId, disbursementId } = await authorisedCase('charity', 450_000, {
      aidType: 'food_set',
      payout: { method: 'in_kind', deliveryAddress: 'ул. Ленина, 1' },
    });
    const before = await budget('charity');

    // Act
    const bankSettlement = await errorOf(
      recordSettlement({ disbursementId, settlement: { status: 'paid' }, principal: finance, now }),
    );
    const later = new Date(now.getTime() + 2 * 86_400_000);
    const delivered = await recordDelivery({
      disbursementId,
      delivery: { deliveredAt: `${year}-03-03`, receivedBy: 'Анна Иванова' },
      principal: finance,
      now: later,
    });
    const again = await recordDelivery({
      disbursementId,
      delivery: { deliveredAt: `${year}-03-03` },
      principal: finance,
      now: later,
    });
    const otherDay = await errorOf(
      recordDelivery({
        disbursementId,
        delivery: { deliveredAt: `${year}-03-04` },
        principal: finance,
        now: later,
      }),
    );

    // Assert
    expect(bankSettlement.name).toBe('ConflictError');
    expect(bankSettlement.message).toMatch(/delivery/);
    expect(delivered).toMatchObject({
      status: 'paid',
      channel: 'delivery',
      delivery: { deliveredAt: `${year}-03-03` },
    });
    expect(again).toEqual(delivered);
    expect(otherDay.name).toBe('ConflictError');
    expect((await aidCase(caseId)).status).toBe('paid');
    expect((await reservation(caseId)).status).toBe('spent');
    const after = await budget('charity');
    expect(after.spent - before.spent).toBe(450_000);
    expect(after.reserved).toBe(before.reserved - 450_000);
    expect(balances(after)).toBe(true);
  });

  it('refuses a delivery for money paid through the bank, and a delivery date in the future', async () => {
    // Arrange
    await setBudget('own_income', 1_000_000);
    const { disbursementId } = await authorisedCase('own_income', 10_000);

    // Act
    const forBank = await errorOf(
      recordDelivery({ disbursementId, delivery: { deliveredAt: `${year}-03-01` }, principal: finance, now }),
    );
    const future = await errorOf(
      recordDelivery({
        disbursementId,
        delivery: { deliveredAt: `${year + 1}-01-01` },
        principal: finance,
        now,
      }),
    );

    // Assert
    expect(forBank.name).toBe('ConflictError');
    expect(future.name).toBe('ValidationError');
    expect((await disbursement(disbursementId)).status).toBe('authorised');
  });

  it("dates a delivery on the office's days: on 1 January at 01:30 in Moscow that day is today, and 31 December is before an authorisation made that night", async () => {
    // Arrange: authorised at 22:30 UTC on 31 December, 01:30 on 1 January in Moscow (the default
    // jurisdiction); the deliveries are recorded half an hour later, still 31 December in UTC.
    await setBudget('charity', 2_000_000);
    const authorisedAt = new Date(`${year}-12-31T22:30:00Z`);
    const recordedAt = new Date(`${year}-12-31T23:00:00Z`);
    const inKind = { aidType: 'food_set', payout: { method: 'in_kind', deliveryAddress: 'ул. Ленина, 1' } };
    const early = await authorisedCase('charity', 10_000, { ...inKind, authorisedAt });
    const onTheDay = await authorisedCase('charity', 10_000, { ...inKind, authorisedAt });

    // Act
    const theDayBefore = await recordDelivery({
      disbursementId: early.disbursementId,
      delivery: { deliveredAt: `${year}-12-31` },
      principal: finance,
      now: recordedAt,
    }).catch((error: unknown) => error);
    const today = await recordDelivery({
      disbursementId: onTheDay.disbursementId,
      delivery: { deliveredAt: `${year + 1}-01-01` },
      principal: finance,
      now: recordedAt,
    });

    // Assert
    expect(theDayBefore).toMatchObject({
      name: 'ConflictError',
      extra: { code: 'delivered_before_authorised', authorisedOn: `${year + 1}-01-01` },
    });
    expect(today).toMatchObject({ status: 'paid', delivery: { deliveredAt: `${year + 1}-01-01` } });
  });

  it('answers 404 for an unknown disbursement', async () => {
    const unknown = await errorOf(
      recordSettlement({
        disbursementId: 'dsb_nope',
        settlement: { status: 'paid' },
        principal: finance,
        now,
      }),
    );
    expect(unknown.name).toBe('NotFoundError');
  });
});
