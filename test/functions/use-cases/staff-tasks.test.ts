import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../functions/lib/http.js';
import { keys } from '../../../functions/lib/store/keys.js';
import { decideTask } from '../../../functions/use-cases/decide-task.js';
import { openTask } from '../../../functions/use-cases/open-task.js';
import { caseForStaff } from '../../../functions/use-cases/staff-cases.js';
import { taskDetail } from '../../../functions/use-cases/staff-tasks.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const year = 2033;
const now = new Date(`${year}-03-02T10:00:00Z`);
const staff = (username: string, roles: string[]): Principal => ({ sub: `sub-${username}`, username, roles });
const commission = (n: number) => staff(`commission${n}`, ['commission']);

/**
 * The task view of a commission vote keeps the vote secret from a member until that member has
 * voted (issue 5), against DynamoDB Local with the case as the workflow leaves it.
 */
describe('the task view of a commission vote', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ year });
  });
  afterAll(async () => table.drop());

  /** A case above the head's limit with its three vote tasks open; returns the case and task ids. */
  async function voteUnderWay(): Promise<{ caseId: string; seats: string[] }> {
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
          status: 'awaiting_approval',
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
          timeline: [{ at: now.toISOString(), status: 'awaiting_approval' }],
        },
      }),
    );
    const seats: string[] = [];
    for (const seat of [1, 2, 3]) {
      const { taskId } = await openTask({
        caseId,
        type: 'commission_vote',
        taskToken: `token-${caseId}-${seat}`,
        seat,
        now,
      });
      seats.push(taskId);
    }
    return { caseId, seats };
  }

  const vote = (taskId: string, member: Principal, outcome: string, comment?: string) =>
    decideTask({ taskId, decision: { outcome, ...(comment ? { comment } : {}) }, principal: member, now });

  const view = (taskId: string, principal: Principal) => taskDetail({ taskId, principal, now });

  it('shows a member no votes before they vote, not even through the history or the deciders', async () => {
    // Arrange
    const { caseId, seats } = await voteUnderWay();
    await vote(seats[0] ?? '', commission(1), 'approve');

    // Act
    const detail = await view(seats[1] ?? '', commission(2));
    const caseView = (await caseForStaff(caseId, commission(2))) as Record<string, unknown>;

    // Assert
    expect(detail).not.toHaveProperty('votes');
    expect(detail.case).not.toHaveProperty('commissionVotes');
    expect(detail.case.deciders).toEqual([]);
    const first = detail.history.tasks.find((t) => t.taskId === seats[0]);
    expect(first).toMatchObject({ status: 'decided' });
    expect(first).not.toHaveProperty('outcome');
    expect(first).not.toHaveProperty('decidedBy');
    expect(caseView).not.toHaveProperty('commissionVotes');
    expect(JSON.stringify(caseView)).not.toContain('commission1');
    expect(JSON.stringify(detail)).not.toContain('commission1');
  });

  it('shows a member every vote so far, with the comments, once they have voted', async () => {
    // Arrange
    const { seats } = await voteUnderWay();
    await vote(seats[0] ?? '', commission(1), 'reject', 'Income above the minimum.');
    await vote(seats[1] ?? '', commission(2), 'approve', 'The treatment cannot wait.');

    // Act
    const detail = await view(seats[1] ?? '', commission(2));

    // Assert
    expect(detail.votes).toEqual([
      expect.objectContaining({
        username: 'commission1',
        outcome: 'reject',
        comment: 'Income above the minimum.',
      }),
      expect.objectContaining({
        username: 'commission2',
        outcome: 'approve',
        comment: 'The treatment cannot wait.',
      }),
    ]);
    expect(detail.votes?.[0]).not.toHaveProperty('memberId');
    expect(detail.history.tasks.find((t) => t.taskId === seats[0])).toMatchObject({
      outcome: 'reject',
      decidedBy: 'commission1',
    });
  });

  it('shows the votes to the head of department, who oversees and does not vote', async () => {
    // Arrange
    const { caseId, seats } = await voteUnderWay();
    await vote(seats[0] ?? '', commission(1), 'approve');

    // Act
    const detail = await view(seats[2] ?? '', staff('head', ['head']));
    const caseView = (await caseForStaff(caseId, staff('head', ['head']))) as Record<string, unknown>;

    // Assert
    expect(detail.votes).toEqual([expect.objectContaining({ username: 'commission1', outcome: 'approve' })]);
    expect(caseView.commissionVotes).toHaveLength(1);
  });

  it('shows the third member the votes once the majority decided and their seat was closed', async () => {
    // Arrange
    const { seats } = await voteUnderWay();
    await vote(seats[0] ?? '', commission(1), 'approve');
    await vote(seats[1] ?? '', commission(2), 'approve');

    // Act
    const detail = await view(seats[2] ?? '', commission(3));

    // Assert
    expect(detail.status).toBe('closed');
    expect(detail.votes).toHaveLength(2);
  });
});
