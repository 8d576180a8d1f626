import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as decide } from '../../../functions/http/decide-task.js';
import { keys } from '../../../functions/lib/store/keys.js';
import { openTask } from '../../../functions/use-cases/open-task.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, httpEvent, lambdaContext, staffClaims } from '../../support/handler-env.js';

type Result = APIGatewayProxyStructuredResultV2 & { body: string };

const year = 2034;
const now = new Date(`${year}-05-01T10:00:00Z`);
// The stale-read interleaving shows about once in 20–30 rounds on two cores; 40 make it likely.
const rounds = Number(process.env.RACE_ROUNDS ?? 40);

/**
 * Two reviewers press "decide" on the same review task at the same moment (issue 6): through the
 * DecideTask handler against DynamoDB Local, exactly one wins (200) and the other hears that it
 * was already decided (409), every time, and the case records one decision.
 */
describe('two reviewers deciding one task at the same moment', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ year });
  });
  afterAll(async () => table.drop());

  /** A case in review with its open review task, as the workflow leaves it. */
  async function reviewTask(): Promise<{ caseId: string; taskId: string }> {
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
          status: 'in_review',
          version: 2,
          submittedAt: now.toISOString(),
          updatedAt: now.toISOString(),
          language: 'uk',
          applicant: { fullName: 'Марія Петренко', birthDate: '1948-03-08', preferredLanguage: 'uk' },
          categories: ['pensioner'],
          household: { size: 1, children: 0, monthlyIncome: { currency: 'RUB', minor: 1_000_000 } },
          aidType: 'cash',
          requestedAmount: { currency: 'RUB', minor: 500_000 },
          reason: 'Ліки',
          payout: { method: 'cash_desk' },
          personKey: `person-${caseId}`,
          accessCodeHash: 'x',
          ruleSet: { id: 'cash', version: 1, hash: 'h' },
          deciders: [],
          timeline: [{ at: now.toISOString(), status: 'in_review' }],
        },
      }),
    );
    const { taskId } = await openTask({ caseId, type: 'review', taskToken: `token-${caseId}`, now });
    return { caseId, taskId };
  }

  const decision = (taskId: string, username: string, body: Record<string, unknown>) =>
    decide(
      httpEvent({
        method: 'POST',
        path: `/v1/tasks/${taskId}/decision`,
        pathParameters: { taskId },
        body: JSON.stringify(body),
        claims: staffClaims(username, ['reviewer']),
      }),
      lambdaContext,
    ) as Promise<Result>;

  it(`lets exactly one of them decide and answers the other 409, ${rounds} times out of ${rounds}`, async () => {
    for (let round = 0; round < rounds; round++) {
      // Arrange
      const { caseId, taskId } = await reviewTask();

      // Act: one approves, the other rejects, at once.
      const [first, second] = await Promise.all([
        decision(taskId, 'reviewer', { outcome: 'approve' }),
        decision(taskId, 'reviewer2', { outcome: 'reject', comment: 'Доход вище прожиткового мінімуму.' }),
      ]);

      // Assert
      const statuses = [first.statusCode, second.statusCode];
      expect(statuses.toSorted(), `round ${round}: ${first.body} | ${second.body}`).toEqual([200, 409]);
      const loser = first.statusCode === 409 ? first : second;
      expect(loser.headers?.['content-type']).toContain('application/problem+json');
      const winner = first.statusCode === 200 ? 'reviewer' : 'reviewer2';
      // The loser hears who decided what (the desk reloads the task and names them).
      expect(JSON.parse(loser.body)).toMatchObject({
        code: 'task_decided',
        decidedBy: winner,
        outcome: winner === 'reviewer' ? 'approve' : 'reject',
      });
      const { Item: task } = await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: keys.task(taskId), ConsistentRead: true }),
      );
      const { Item: stored } = await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: keys.case(caseId), ConsistentRead: true }),
      );
      expect(task).toMatchObject({ status: 'decided', decision: { decidedBy: winner } });
      expect(stored?.deciders).toHaveLength(1);
      expect(stored?.status).toBe(winner === 'reviewer' ? 'awaiting_approval' : 'rejected');
      const { Items: audit } = await table.doc.send(
        new QueryCommand({
          TableName: table.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
          ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':audit': 'AUDIT#' },
          ConsistentRead: true,
        }),
      );
      expect((audit ?? []).filter((e) => String(e.action).startsWith('task.review.'))).toHaveLength(1);
    }
    // A round is a few requests; on a loaded two-core machine 40 of them can take a minute.
  }, 180_000);
});
