import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../functions/lib/store/keys.js';
import type { WaitlistRecord } from '../../../functions/lib/store/records.js';
import { reserveFunds } from '../../../functions/use-cases/funds.js';
import {
  awaitFunds,
  budgetGained,
  fundingToDeliver,
  fundWaitlist,
  walkToContinue,
} from '../../../functions/use-cases/waitlist.js';
import { budgetItem } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const year = 2032;
const now = new Date(`${year}-03-01T10:00:00Z`);

describe('the waitlist: approved cases funded when a budget gains money', () => {
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

  /** An administrator's top-up: more allocated, the same amount more remaining. */
  async function topUp(source: string, minor: number) {
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: keys.budget(year, source),
        UpdateExpression:
          'SET allocated = allocated + :m, remaining = remaining + :m, version = version + :one',
        ExpressionAttributeValues: { ':m': minor, ':one': 1 },
      }),
    );
  }

  async function budget(source: string) {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.budget(year, source), ConsistentRead: true }),
    );
    return Item as { allocated: number; opening: number; reserved: number; spent: number; remaining: number };
  }

  async function caseStatus(caseId: string): Promise<string> {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.case(caseId), ConsistentRead: true }),
    );
    return String(Item?.status);
  }

  async function waitlistItem(caseId: string): Promise<WaitlistRecord & Record<string, unknown>> {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.waitlist(caseId), ConsistentRead: true }),
    );
    return Item as WaitlistRecord & Record<string, unknown>;
  }

  /** An approved case (approved at `approvedAt`), sent to reservation and waitlisted for want of money. */
  async function waitlistedCase(amountMinor: number, source: string, approvedAt: string): Promise<string> {
    const caseId = randomUUID();
    const amount = { currency: 'RUB', minor: amountMinor };
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
          requestedAmount: amount,
          approvedAmount: amount,
          fundingSource: source,
          decision: { outcome: 'approved', reasons: [], amount, decidedAt: approvedAt },
          applicant: { fullName: 'Test Person', birthDate: '1950-01-01', preferredLanguage: 'en' },
          payout: { method: 'cash_desk' },
          deciders: [],
          timeline: [],
        },
      }),
    );
    const first = await reserveFunds(caseId, now);
    if (first.outcome !== 'insufficient_funds') throw new Error('expected the case to be waitlisted');
    return caseId;
  }

  it('puts a case that no budget covers on the waitlist with its approval time, in the year queue', async () => {
    await setBudget('own_income', 0);

    const caseId = await waitlistedCase(100_000, 'own_income', `${year}-02-01T09:00:00.000Z`);

    expect(await caseStatus(caseId)).toBe('waitlisted');
    expect(await waitlistItem(caseId)).toMatchObject({
      status: 'waiting',
      approvedAt: `${year}-02-01T09:00:00.000Z`,
      amount: { minor: 100_000 },
      sources: ['own_income'],
      gsi2pk: `WAITLIST#${year}`,
    });
    // A second try without new money changes nothing: it keeps its place.
    expect(await reserveFunds(caseId, now)).toEqual({ outcome: 'insufficient_funds' });
    expect(await caseStatus(caseId)).toBe('waitlisted');
  });

  it('funds in approval order, skipping a case too big for the money left without blocking later ones', async () => {
    // Arrange: approved in the order big-first, then two small ones; created in another order.
    await setBudget('charity', 0);
    const third = await waitlistedCase(200_000, 'charity', `${year}-01-12T10:00:00.000Z`);
    const first = await waitlistedCase(300_000, 'charity', `${year}-01-10T10:00:00.000Z`);
    const second = await waitlistedCase(500_000, 'charity', `${year}-01-11T10:00:00.000Z`);
    await topUp('charity', 700_000);

    // Act
    const walk = await fundWaitlist({ year, source: 'charity', now });

    // Assert
    expect(walk.funded).toEqual([first, third]);
    expect([await caseStatus(first), await caseStatus(second), await caseStatus(third)]).toEqual([
      'funds_reserved',
      'waitlisted',
      'funds_reserved',
    ]);
    expect(await waitlistItem(first)).toMatchObject({ status: 'funded', fundedFrom: 'charity' });
    expect((await waitlistItem(first)).gsi2pk).toBeUndefined();
    expect(await budget('charity')).toMatchObject({ reserved: 500_000, remaining: 200_000 });
  });

  it('funds the skipped case first at the next top-up that covers it', async () => {
    await topUp('charity', 300_000);

    const walk = await fundWaitlist({ year, source: 'charity', now });

    expect(walk.funded).toHaveLength(1);
    expect(await caseStatus(walk.funded[0] ?? '')).toBe('funds_reserved');
    expect(await budget('charity')).toMatchObject({ reserved: 1_000_000, remaining: 0 });
  });

  it('never overdraws a budget, however many walks run at once', async () => {
    // Arrange
    await setBudget('other_sources', 0);
    const cases = [];
    for (let i = 0; i < 16; i++) {
      cases.push(
        await waitlistedCase(
          100_000,
          'other_sources',
          `${year}-01-20T10:00:${String(i).padStart(2, '0')}.000Z`,
        ),
      );
    }
    await topUp('other_sources', 1_050_000);

    // Act: four concurrent walks; like the stream, a walk that meets a race is retried.
    const walk = async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await fundWaitlist({ year, source: 'other_sources', now });
        } catch (error) {
          if ((error as Error).name !== 'TransientError' || attempt > 20) throw error;
          await new Promise((r) => setTimeout(r, 10 + Math.random() * 40));
        }
      }
    };
    await Promise.all([walk(), walk(), walk(), walk()]);

    // Assert
    const statuses = await Promise.all(cases.map(caseStatus));
    const line = await budget('other_sources');
    expect(statuses.filter((s) => s === 'funds_reserved')).toHaveLength(10);
    // The first ten approved are the ten funded.
    expect(statuses.slice(0, 10).every((s) => s === 'funds_reserved')).toBe(true);
    expect(line.remaining).toBe(50_000);
    expect(line.reserved).toBe(1_000_000);
    expect(line.opening + line.allocated).toBe(line.remaining + line.reserved + line.spent);
    const { Items } = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': `WAITLIST#${year}` },
      }),
    );
    expect((Items ?? []).filter((i) => (i.sources as string[]).includes('other_sources'))).toHaveLength(6);
  });

  it("stores the workflow's token, and has the stream deliver a funding whichever came first", async () => {
    // Arrange
    await setBudget('municipal_programme', 0);
    const caseId = await waitlistedCase(50_000, 'municipal_programme', `${year}-02-02T10:00:00.000Z`);
    const waiting = await waitlistItem(caseId);

    // Act
    await awaitFunds({ caseId, taskToken: 'token-1', now });
    const withToken = await waitlistItem(caseId);
    await topUp('municipal_programme', 50_000);
    await fundWaitlist({ year, source: 'municipal_programme', now });
    const funded = await waitlistItem(caseId);
    await awaitFunds({ caseId, taskToken: 'token-2', now });
    const newToken = await waitlistItem(caseId);

    // Assert
    expect(fundingToDeliver(waiting, withToken)).toBe(false);
    expect(fundingToDeliver(withToken, funded)).toBe(true);
    expect(fundingToDeliver(funded, newToken)).toBe(true);
    expect(fundingToDeliver(newToken, newToken)).toBe(false);
    expect(newToken).toMatchObject({ status: 'funded', taskToken: 'token-2' });
  });

  it('walks a long waitlist in bounded steps, each handing on to the next, until nobody more fits', async () => {
    // Arrange: seven waiting cases, money for six, three tries per step.
    await setBudget('regional_budget', 0);
    const cases = [];
    for (let i = 0; i < 7; i++) {
      cases.push(
        await waitlistedCase(
          100_000,
          'regional_budget',
          `${year}-01-25T10:00:${String(i).padStart(2, '0')}.000Z`,
        ),
      );
    }
    await topUp('regional_budget', 650_000);
    const continuation = async () => {
      const { Item } = await table.doc.send(
        new GetCommand({
          TableName: table.tableName,
          Key: keys.waitlistWalk(year, 'regional_budget'),
          ConsistentRead: true,
        }),
      );
      return Item;
    };

    // Act: the top-up's step, then each step its continuation's stream record asks for.
    const steps = [await fundWaitlist({ year, source: 'regional_budget', now, casesPerStep: 3 })];
    const handedOn = [];
    while (steps.at(-1)?.continued && steps.length < 10) {
      const item = await continuation();
      const next = walkToContinue(item);
      handedOn.push(next);
      steps.push(await fundWaitlist({ ...(next ?? { year, source: 'x', step: 0 }), now, casesPerStep: 3 }));
    }

    // Assert: 3, then 3, then none that fits (the seventh is too big for the 50 000 left).
    expect(steps.map((s) => [s.funded.length, s.continued])).toEqual([
      [3, true],
      [3, true],
      [0, false],
    ]);
    expect(handedOn).toEqual([
      { year, source: 'regional_budget', step: 1 },
      { year, source: 'regional_budget', step: 2 },
    ]);
    expect(steps.flatMap((s) => s.funded)).toEqual(cases.slice(0, 6));
    expect(await caseStatus(cases[6] ?? '')).toBe('waitlisted');
    expect(await budget('regional_budget')).toMatchObject({ reserved: 600_000, remaining: 50_000 });
    expect((await continuation())?.expiresAt).toBeGreaterThan(now.getTime() / 1000);
  });

  it('walks only for a budget line that gained money', () => {
    const line = { type: 'Budget', year, source: 'charity', remaining: 100 };

    expect(budgetGained({ ...line, remaining: 50 }, line)).toEqual({ year, source: 'charity' });
    expect(budgetGained(undefined, line)).toEqual({ year, source: 'charity' });
    expect(budgetGained(line, { ...line, remaining: 40 })).toBeUndefined();
    expect(budgetGained(line, line)).toBeUndefined();
  });
});
