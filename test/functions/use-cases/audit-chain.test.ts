import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headOf, verifyAuditChain } from '../../../domain/audit-chain.js';
import { auditSeqOfSk, keys } from '../../../functions/lib/store/keys.js';
import { decideAppealTask } from '../../../functions/use-cases/appeals/decide-appeal-task.js';
import { releaseFunds } from '../../../functions/use-cases/funds.js';
import { recordFailure } from '../../../functions/use-cases/record-failure.js';
import { aidCaseItem } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const now = new Date('2031-03-02T10:00:00.000Z');
const departments = ['housing', 'social', 'transport', 'health'];

/**
 * Every writer of audit events chains them through the case item, including those that write no
 * version-conditional case update (parallel department answers, funds release, workflow failure).
 */
describe('the audit chain through the writers that are not version-conditional', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ seed: false });
  });
  afterAll(async () => table.drop());

  const put = (Item: Record<string, unknown>) =>
    table.doc.send(new PutCommand({ TableName: table.tableName, Item }));

  async function chainOf(caseId: string) {
    const { Items = [] } = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
        ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':a': 'AUDIT#' },
        ConsistentRead: true,
      }),
    );
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.case(caseId), ConsistentRead: true }),
    );
    const events = Items.map((e) => ({
      ...(e as { seq: number; action: string; after?: Record<string, unknown> }),
      sk: String(e.sk),
      keySeq: auditSeqOfSk(String(e.sk)),
    }));
    return { events, problems: verifyAuditChain(caseId, events, Item ? headOf(Item) : undefined) };
  }

  it('chains four departments answering at the same moment, none of them refused', async () => {
    // Arrange: an appeal in progress awaiting four departments, each with its open task.
    const caseId = randomUUID();
    await put({
      ...keys.case(caseId),
      type: 'AppealCase',
      caseId,
      kind: 'appeal',
      reference: 'APL-2031-000001',
      status: 'in_progress',
      version: 3,
      submittedAt: '2031-03-01T10:00:00.000Z',
      jurisdiction: 'ru',
      departmentAnswers: Object.fromEntries(departments.map((d) => [d, { status: 'awaited' }])),
      timeline: [],
    });
    const taskIds = departments.map(() => randomUUID());
    for (const [i, department] of departments.entries()) {
      await put({
        ...keys.task(taskIds[i] as string),
        type: 'Task',
        taskId: taskIds[i],
        taskType: 'department_answer',
        role: 'reviewer',
        department,
        caseId,
        caseReference: 'APL-2031-000001',
        status: 'open',
        version: 1,
        createdAt: '2031-03-01T10:00:00.000Z',
        dueAt: '2031-03-20T23:59:59.999Z',
        taskToken: `token-${department}`,
      });
    }

    // Act
    const results = await Promise.allSettled(
      departments.map((department, i) =>
        decideAppealTask({
          taskId: taskIds[i] as string,
          decision: { outcome: 'answer', answer: `Ответ отдела ${department}.` },
          principal: { sub: `sub-${department}`, username: `reviewer-${department}`, roles: ['reviewer'] },
          now,
        }),
      ),
    );

    // Assert
    expect(results.map((r) => r.status)).toEqual(departments.map(() => 'fulfilled'));
    const { events, problems } = await chainOf(caseId);
    expect(problems).toEqual([]);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(events.map((e) => (e.after as { department: string }).department).toSorted()).toEqual(
      departments.toSorted(),
    );
  });

  it('chains a funds release and a workflow failure after the case events before them', async () => {
    // Arrange: a case whose first event is on the chain, with an active reservation.
    const item = aidCaseItem({ status: 'payment_failed' });
    await put(item);
    await put({
      ...keys.budget(2031, 'regional_budget'),
      type: 'Budget',
      reserved: 500_000,
      remaining: 0,
      version: 1,
    });
    await put({
      ...keys.reservation(item.caseId),
      type: 'Reservation',
      caseId: item.caseId,
      source: 'regional_budget',
      year: 2031,
      amount: { currency: 'RUB', minor: 500_000 },
      status: 'active',
      reservedAt: '2031-03-01T10:00:00.000Z',
    });

    // Act
    const released = await releaseFunds(item.caseId, 'payment failed', now);
    const recorded = await recordFailure(item.caseId, { Error: 'States.Timeout' }, now);

    // Assert
    expect(released).toEqual({ released: true });
    expect(recorded).toEqual({ recorded: true });
    const { events, problems } = await chainOf(item.caseId);
    expect(problems).toEqual([]);
    expect(events.map((e) => e.action)).toEqual(['funds.released', 'workflow.failed']);
  });
});
