import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '../../../functions/lib/clients.js';
import { keys } from '../../../functions/lib/store/keys.js';
import { handler as reserveFundsStep } from '../../../functions/steps/reserve-funds.js';
import { createDisbursement } from '../../../functions/use-cases/create-disbursement.js';
import { releaseFunds, reserveFunds } from '../../../functions/use-cases/funds.js';
import { budgetItem } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, lambdaContext } from '../../support/handler-env.js';

interface Retrier {
  readonly ErrorEquals: readonly string[];
  readonly IntervalSeconds: number;
  readonly MaxAttempts: number;
  readonly BackoffRate: number;
  readonly MaxDelaySeconds?: number;
  readonly JitterStrategy?: 'FULL' | 'NONE';
}

const year = 2031;
const now = new Date(`${year}-03-01T10:00:00Z`);

describe('funds reservation against a budget line', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ year });
  });
  afterAll(async () => table.drop());

  async function setBudget(source: string, allocated: number) {
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: budgetItem(year, source, allocated),
      }),
    );
  }

  async function budget(source: string) {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.budget(year, source), ConsistentRead: true }),
    );
    return Item as { allocated: number; opening: number; reserved: number; spent: number; remaining: number };
  }

  async function caseItem(caseId: string) {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.case(caseId), ConsistentRead: true }),
    );
    return Item as { status: string };
  }

  async function reservation(caseId: string) {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.reservation(caseId), ConsistentRead: true }),
    );
    return Item as { status: string; amount: { minor: number } } | undefined;
  }

  /** An approved case, as the head's decision leaves it. */
  async function approvedCase(amountMinor: number, fundingSource?: string): Promise<string> {
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
          aidType: 'cash',
          requestedAmount: { currency: 'RUB', minor: amountMinor },
          approvedAmount: { currency: 'RUB', minor: amountMinor },
          ...(fundingSource ? { fundingSource } : {}),
          applicant: { fullName: 'Test Person', birthDate: '1950-01-01', preferredLanguage: 'en' },
          payout: { method: 'cash_desk' },
          deciders: [],
          timeline: [],
        },
      }),
    );
    return caseId;
  }

  it('reserves once even when the step is retried', async () => {
    await setBudget('charity', 1_000_000);
    const caseId = await approvedCase(100_000, 'charity');
    const first = await reserveFunds(caseId, now);
    const again = await reserveFunds(caseId, now);
    expect(first).toEqual({ outcome: 'reserved', source: 'charity' });
    expect(again).toEqual({ outcome: 'reserved', source: 'charity' });
    expect(await budget('charity')).toMatchObject({ reserved: 100_000, remaining: 900_000 });
  });

  /**
   * The "Reserve funds" state's Retry for TransientError, read from the workflow itself, with its
   * intervals scaled down (1 s → 20 ms): a step that still fails after MaxAttempts would land the
   * case in "Record the failure", so here it fails the test.
   */
  const reserveRetry = (() => {
    const asl = JSON.parse(readFileSync(resolve('workflows/aid-application.asl.json'), 'utf8')) as {
      States: Record<string, { Retry?: Retrier[] }>;
    };
    const retrier = asl.States['Reserve funds']?.Retry?.find((r) => r.ErrorEquals.includes('TransientError'));
    if (!retrier) throw new Error('"Reserve funds" no longer retries TransientError');
    return retrier;
  })();
  const msPerWorkflowSecond = 20;

  async function asTheWorkflowRetries<T>(step: () => Promise<T>, retried: { count: number }): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await step();
      } catch (error) {
        if (!reserveRetry.ErrorEquals.includes((error as Error).name) || attempt >= reserveRetry.MaxAttempts)
          throw error;
        retried.count++;
        const backoff = Math.min(
          reserveRetry.IntervalSeconds * reserveRetry.BackoffRate ** attempt,
          reserveRetry.MaxDelaySeconds ?? Number.POSITIVE_INFINITY,
        );
        const wait = reserveRetry.JitterStrategy === 'FULL' ? Math.random() * backoff : backoff;
        await new Promise((r) => setTimeout(r, wait * msPerWorkflowSecond));
      }
    }
  }

  /**
   * DynamoDB cancels a transaction that meets another on the same item (TransactionConflict);
   * DynamoDB Local serialises transactions and never does (0 in 200 concurrent reservations). So
   * each case's first reservation transaction is cancelled here as DynamoDB would, before it
   * writes anything, and the retry path runs for every case.
   */
  function firstReservationOfEachCaseConflicts(): () => void {
    const conflicted = new Set<string>();
    const name = 'inject-transaction-conflict';
    dynamo().middlewareStack.add(
      (next) => async (args) => {
        const input = JSON.stringify(args.input);
        const caseId = /"CASE#([0-9a-f-]{36})"/.exec(input)?.[1];
        const transaction =
          typeof args.input === 'object' && args.input !== null && 'TransactItems' in args.input;
        if (transaction && input.includes('"RESERVATION"') && caseId && !conflicted.has(caseId)) {
          conflicted.add(caseId);
          throw new TransactionCanceledException({
            message: 'Transaction cancelled, please refer cancellation reasons for specific reasons',
            $metadata: {},
            CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'None' }],
          });
        }
        return next(args);
      },
      { step: 'initialize', name },
    );
    return () => {
      dynamo().middlewareStack.remove(name);
    };
  }

  it('funds exactly 100 of 200 concurrent approvals on a budget for 100, waitlists 100, never overdraws', async () => {
    // Arrange: 200 approved cases of the same amount; the line covers exactly 100 of them.
    const amount = 100_000;
    await setBudget('own_income', 100 * amount);
    const cases = await Promise.all(Array.from({ length: 200 }, () => approvedCase(amount, 'own_income')));
    const retried = { count: 0 };
    const stopConflicts = firstReservationOfEachCaseConflicts();

    // Act: the ReserveFunds step handler, 200 invocations at once, each retried as the workflow would.
    // In AWS each has a container of its own; here they queue in one process, so each is given the
    // test's time (middy's timeout cut them off at 30 s on a machine running two suites at once).
    const queued = { ...lambdaContext, getRemainingTimeInMillis: () => 110_000 };
    const outcomes = await Promise.all(
      cases.map((caseId) =>
        asTheWorkflowRetries(
          () => reserveFundsStep({ caseId }, queued) as Promise<{ outcome: string }>,
          retried,
        ),
      ),
    ).finally(stopConflicts);

    // Assert
    expect(outcomes.filter((o) => o.outcome === 'reserved')).toHaveLength(100);
    expect(outcomes.filter((o) => o.outcome === 'insufficient_funds')).toHaveLength(100);
    const statuses = await Promise.all(cases.map(async (id) => (await caseItem(id)).status));
    expect(statuses.filter((s) => s === 'funds_reserved')).toHaveLength(100);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(100);
    const reservations = (await Promise.all(cases.map(reservation))).filter((r) => r?.status === 'active');
    expect(reservations).toHaveLength(100);
    expect(reservations.reduce((sum, r) => sum + (r?.amount.minor ?? 0), 0)).toBe(100 * amount);
    const line = await budget('own_income');
    expect(line).toMatchObject({ remaining: 0, reserved: 100 * amount, spent: 0 });
    expect(line.opening + line.allocated).toBe(line.remaining + line.reserved + line.spent);
    expect(retried.count).toBeGreaterThanOrEqual(200);
  }, 120_000);

  it('releases a reservation back to its budget once, however often it is asked', async () => {
    await setBudget('other_sources', 500_000);
    const caseId = await approvedCase(200_000, 'other_sources');
    await reserveFunds(caseId, now);
    const first = await releaseFunds(caseId, 'payment_not_authorised', now);
    const second = await releaseFunds(caseId, 'payment_not_authorised', now);
    expect(first).toEqual({ released: true });
    expect(second).toEqual({ released: false });
    expect(await budget('other_sources')).toMatchObject({ reserved: 0, remaining: 500_000 });
  });

  it('creates one disbursement per case, even when the step runs twice', async () => {
    await setBudget('municipal_programme', 500_000);
    const caseId = await approvedCase(150_000, 'municipal_programme');
    await reserveFunds(caseId, now);
    const a = await createDisbursement({ caseId, now });
    const b = await createDisbursement({ caseId, now });
    expect(a).toEqual(b);
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.disbursement(a.disbursementId) }),
    );
    expect(Item).toMatchObject({
      status: 'authorised',
      amount: { minor: 150_000 },
      fundingSource: 'municipal_programme',
    });
  });

  it("tries the aid type's default sources in order when the approver chose none", async () => {
    await setBudget('regional_budget', 0);
    await setBudget('municipal_programme', 10_000_000);
    const caseId = await approvedCase(300_000);
    const result = await reserveFunds(caseId, now);
    expect(result.outcome).toBe('reserved');
    expect(result.source).not.toBe('regional_budget');
  });
});
