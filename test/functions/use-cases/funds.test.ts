import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../functions/lib/store/keys.js';
import { createDisbursement } from '../../../functions/use-cases/create-disbursement.js';
import { releaseFunds, reserveFunds } from '../../../functions/use-cases/funds.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

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
        Item: {
          ...keys.budget(year, source),
          type: 'Budget',
          source,
          year,
          currency: 'RUB',
          opening: 0,
          allocated,
          reserved: 0,
          spent: 0,
          remaining: allocated,
          version: 1,
        },
      }),
    );
  }

  async function budget(source: string) {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.budget(year, source), ConsistentRead: true }),
    );
    return Item as { allocated: number; opening: number; reserved: number; spent: number; remaining: number };
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

  it('funds exactly as many concurrent approvals as the budget covers, and waitlists the rest', async () => {
    await setBudget('own_income', 1_000_000);
    const cases = await Promise.all(Array.from({ length: 20 }, () => approvedCase(100_000, 'own_income')));
    const outcomes = await Promise.all(
      cases.map(async (id) => {
        for (let attempt = 0; ; attempt++) {
          try {
            return (await reserveFunds(id, now)).outcome;
          } catch (error) {
            // The workflow retries TransientError with backoff; so does this test.
            if ((error as Error).name !== 'TransientError' || attempt > 20) throw error;
            await new Promise((r) => setTimeout(r, 10 + Math.random() * 40));
          }
        }
      }),
    );
    expect(outcomes.filter((o) => o === 'reserved')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'insufficient_funds')).toHaveLength(10);
    const line = await budget('own_income');
    expect(line.remaining).toBe(0);
    expect(line.opening + line.allocated).toBe(line.remaining + line.reserved + line.spent);
  });

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
    const a = await createDisbursement(caseId, now);
    const b = await createDisbursement(caseId, now);
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
