import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableName } from '../../../functions/lib/clients.js';
import type { Principal } from '../../../functions/lib/http.js';
import { systemActor } from '../../../functions/lib/store/audit.js';
import { caseReopening } from '../../../functions/lib/store/case-writes.js';
import { keys } from '../../../functions/lib/store/keys.js';
import { getCase } from '../../../functions/lib/store/reads.js';
import type { TaskRecord } from '../../../functions/lib/store/records.js';
import { transact } from '../../../functions/lib/store/transactions.js';
import { minutesOf, tallyCommission } from '../../../functions/use-cases/commission.js';
import { decideTask } from '../../../functions/use-cases/decide-task.js';
import { openTask } from '../../../functions/use-cases/open-task.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const year = 2032;
const now = new Date(`${year}-04-01T10:00:00Z`);

const staff = (username: string, roles: string[]): Principal => ({ sub: `sub-${username}`, username, roles });

/**
 * Commission votes and segregation of duties in decideTask/openTask/tallyCommission against
 * DynamoDB Local, with cases put in the state the workflow leaves them.
 */
describe('the commission and segregation of duties', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ year });
  });
  afterAll(async () => table.drop());

  async function caseAwaiting(status: string, extra: Record<string, unknown> = {}): Promise<string> {
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
          status,
          version: 1,
          submittedAt: now.toISOString(),
          updatedAt: now.toISOString(),
          language: 'en',
          applicant: { fullName: 'Test Person', birthDate: '1950-01-01', preferredLanguage: 'en' },
          categories: ['pensioner'],
          household: { size: 1, children: 0, monthlyIncome: { currency: 'RUB', minor: 1_000_000 } },
          aidType: 'cash',
          requestedAmount: { currency: 'RUB', minor: 4_000_000 },
          approvedAmount: { currency: 'RUB', minor: 4_000_000 },
          reason: 'Medical treatment',
          payout: { method: 'cash_desk' },
          personKey: 'pk',
          accessCodeHash: 'x',
          ruleSet: { id: 'cash', version: 1, hash: 'h' },
          deciders: [],
          timeline: [{ at: now.toISOString(), status }],
          ...extra,
        },
      }),
    );
    return caseId;
  }

  async function task(taskId: string): Promise<TaskRecord> {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.task(taskId), ConsistentRead: true }),
    );
    return Item as TaskRecord;
  }

  async function caseItem(caseId: string) {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.case(caseId), ConsistentRead: true }),
    );
    return Item as { status: string; commissionVotes?: unknown[]; decision?: { outcome: string } };
  }

  async function openVotes(caseId: string): Promise<string[]> {
    const ids: string[] = [];
    for (const seat of [1, 2, 3]) {
      const { taskId } = await openTask({
        caseId,
        type: 'commission_vote',
        taskToken: `token-${caseId}-${seat}`,
        seat,
        now,
      });
      ids.push(taskId);
    }
    return ids;
  }

  const vote = (taskId: string, username: string, outcome: string, comment?: string) =>
    decideTask({
      taskId,
      decision: { outcome, ...(comment ? { comment } : {}) },
      principal: staff(username, ['commission']),
      now,
    });

  it('opens one vote task per seat, idempotently per task token', async () => {
    // Arrange
    const caseId = await caseAwaiting('awaiting_approval');

    // Act
    const first = await openVotes(caseId);
    const again = await openVotes(caseId);

    // Assert
    expect(new Set(first).size).toBe(3);
    expect(again).toEqual(first);
    expect((await Promise.all(first.map(task))).map((t) => [t.seat, t.status])).toEqual([
      [1, 'open'],
      [2, 'open'],
      [3, 'open'],
    ]);
  });

  it('closes the remaining seat once two members agree, and tallies an approval with the minutes', async () => {
    // Arrange
    const caseId = await caseAwaiting('awaiting_approval');
    const [a, b, c] = await openVotes(caseId);

    // Act
    await vote(a ?? '', 'commission1', 'approve');
    const afterOne = await task(c ?? '');
    await vote(b ?? '', 'commission2', 'approve');
    const tally = await tallyCommission(caseId, now);
    const tallyAgain = await tallyCommission(caseId, now);

    // Assert
    expect(afterOne.status).toBe('open');
    expect((await task(c ?? '')).status).toBe('closed');
    expect((await task(c ?? '')).decision?.outcome).toBe('not_needed');
    expect(tally).toEqual({ outcome: 'approve' });
    expect(tallyAgain).toEqual({ outcome: 'approve' });
    expect((await caseItem(caseId)).status).toBe('approved');
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.minutes(caseId), ConsistentRead: true }),
    );
    const minutes = Item?.minutes as { outcome: string; votes: unknown[] } | undefined;
    expect(minutes).toMatchObject({ outcome: 'approve', members: 3, votesToDecide: 2 });
    expect(minutes?.votes).toHaveLength(2);
  });

  it('opens a late seat already closed when the majority has decided', async () => {
    // Arrange
    const caseId = await caseAwaiting('awaiting_approval');
    const a = await openTask({
      caseId,
      type: 'commission_vote',
      taskToken: `late-${caseId}-1`,
      seat: 1,
      now,
    });
    const b = await openTask({
      caseId,
      type: 'commission_vote',
      taskToken: `late-${caseId}-2`,
      seat: 2,
      now,
    });
    await vote(a.taskId, 'commission1', 'reject', 'Income not confirmed.');
    await vote(b.taskId, 'commission2', 'reject', 'Agree: income not confirmed.');

    // Act
    const late = await openTask({
      caseId,
      type: 'commission_vote',
      taskToken: `late-${caseId}-3`,
      seat: 3,
      now,
    });

    // Assert
    expect((await task(late.taskId)).status).toBe('closed');
    expect(await tallyCommission(caseId, now)).toEqual({ outcome: 'reject' });
    const decided = await caseItem(caseId);
    expect(decided.status).toBe('rejected');
    expect(decided.decision?.outcome).toBe('rejected');
  });

  it('votes a reconsidered case afresh: the rejected round counts for nothing, and each round keeps its minutes', async () => {
    // Arrange: the commission rejects; the applicant's appeal reopens the case, which comes back.
    const caseId = await caseAwaiting('awaiting_approval');
    const [a, b] = await openVotes(caseId);
    await vote(a ?? '', 'commission1', 'reject', 'Not in need.');
    await vote(b ?? '', 'commission2', 'reject', 'Income above the line.');
    await tallyCommission(caseId, now);
    const rejected = await getCase(caseId);
    if (!rejected) throw new Error('case gone');
    const reopened = await transact(
      caseReopening(tableName(), rejected, {
        at: now.toISOString(),
        actor: systemActor('ContestedDecision'),
        action: 'case.reopened',
        set: {
          reconsideration: {
            appealCaseId: 'x',
            appealReference: 'APL-1',
            requestedAt: now.toISOString(),
            round: 1,
          },
          decision: null,
        },
      }),
    );
    expect(reopened.ok).toBe(true);
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: keys.case(caseId),
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'awaiting_approval' },
      }),
    );

    // Act: the second round's seats, decided by members who took no part in the first (segregation of duties).
    const seats = [];
    for (const seat of [1, 2, 3]) {
      seats.push(
        await openTask({ caseId, type: 'commission_vote', taskToken: `round2-${caseId}-${seat}`, seat, now }),
      );
    }
    const opened = await Promise.all(seats.map((seat) => task(seat.taskId)));
    await vote(seats[0]?.taskId ?? '', 'commission3', 'approve', 'The new bills show the need.');
    const afterOne = await caseItem(caseId);
    await vote(seats[1]?.taskId ?? '', 'commission4', 'approve', 'Agreed.');
    const tally = await tallyCommission(caseId, now);

    // Assert
    expect(opened.map((t) => t.status)).toEqual(['open', 'open', 'open']);
    expect(afterOne.status).toBe('awaiting_approval');
    expect(afterOne.commissionVotes).toHaveLength(1);
    expect(tally).toEqual({ outcome: 'approve' });
    expect((await caseItem(caseId)).status).toBe('approved');
    expect((await minutesOf(caseId)).outcome).toBe('approve');
    const { Item: first } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.minutes(caseId), ConsistentRead: true }),
    );
    expect(first?.minutes).toMatchObject({ outcome: 'reject' });
  });

  it('records an approval after a rejection without asking for a comment, which would reveal the rejection', async () => {
    // Arrange
    const caseId = await caseAwaiting('awaiting_approval');
    const [a, b] = await openVotes(caseId);
    await vote(a ?? '', 'commission1', 'reject', 'Not in need.');

    // Act: the second member approves without a comment, as they could had nobody voted yet.
    await vote(b ?? '', 'commission2', 'approve');

    // Assert
    expect((await caseItem(caseId)).commissionVotes).toHaveLength(2);
    expect((await caseItem(caseId)).status).toBe('awaiting_approval');
  });

  it('refuses a member a second vote on the same case with the reason', async () => {
    // Arrange
    const caseId = await caseAwaiting('awaiting_approval');
    const [a, b] = await openVotes(caseId);
    await vote(a ?? '', 'commission1', 'approve');

    // Act
    const second = vote(b ?? '', 'commission1', 'approve');

    // Assert
    await expect(second).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(second).rejects.toThrow(/segregation of duties/);
  });

  it('refuses the payment authorisation to the person who approved the aid, naming the reason', async () => {
    // Arrange: one person holding both roles approved the aid as head.
    const caseId = await caseAwaiting('funds_reserved', {
      deciders: [
        { stage: 'approve', username: 'boss', sub: 'sub-boss', outcome: 'approve', at: now.toISOString() },
      ],
    });
    const { taskId } = await openTask({ caseId, type: 'authorise_payment', taskToken: `pay-${caseId}`, now });

    // Act
    const attempt = decideTask({
      taskId,
      decision: { outcome: 'approve' },
      principal: staff('boss', ['head', 'finance']),
      now,
    });

    // Assert
    await expect(attempt).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(attempt).rejects.toThrow(/someone who did not must authorise the payment/);
    await expect(attempt).rejects.toMatchObject({ extra: { code: 'approved_this_aid', stage: 'approve' } });
  });

  it('lets the reviewer who asked for information decide the review afterwards', async () => {
    // Arrange
    const caseId = await caseAwaiting('in_review', {
      deciders: [
        {
          stage: 'review',
          username: 'reviewer',
          sub: 'sub-reviewer',
          outcome: 'request_info',
          at: now.toISOString(),
        },
      ],
    });
    const { taskId } = await openTask({ caseId, type: 'review', taskToken: `review-${caseId}`, now });

    // Act
    const result = await decideTask({
      taskId,
      decision: { outcome: 'approve' },
      principal: staff('reviewer', ['reviewer']),
      now,
    });

    // Assert
    expect(result.caseStatus).toBe('awaiting_approval');
    expect((await task(taskId)).decision).toMatchObject({
      approver: 'commission',
      commissionSeats: [1, 2, 3],
    });
  });
});
