import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as decide } from '../../../functions/http/decide-task.js';
import { keys } from '../../../functions/lib/store/keys.js';
import { openTask } from '../../../functions/use-cases/open-task.js';
import { withdrawApplication } from '../../../functions/use-cases/withdrawal.js';
import { putOpenableAidCase } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, httpEvent, lambdaContext, staffClaims } from '../../support/handler-env.js';

type Result = APIGatewayProxyStructuredResultV2 & { body: string };

const year = 2035;
const now = new Date(`${year}-05-01T10:00:00Z`);
const rounds = Number(process.env.RACE_ROUNDS ?? 24);
const accessCode = 'ABCD-EFGH-JKLM';

/**
 * Finance authorises a payment while the applicant withdraws the application, at the same moment
 * (reviewers saw 1 race in 12 answered 503 "Something went wrong"): whichever wins, finance hears
 * either 200 or a 409 that says the applicant withdrew, never a 503.
 */
describe('authorising a payment while the applicant withdraws', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ year });
  });
  afterAll(async () => table.drop());

  async function paymentTask(): Promise<{ caseId: string; reference: string; taskId: string }> {
    const { caseId, reference } = await putOpenableAidCase(table, accessCode, {
      year,
      status: 'funds_reserved',
      version: 5,
      approvedAmount: { currency: 'RUB', minor: 500_000 },
      fundingSource: 'regional_budget',
    });
    const { taskId } = await openTask({
      caseId,
      type: 'authorise_payment',
      taskToken: `token-${caseId}`,
      now,
    });
    return { caseId, reference, taskId };
  }

  const authorise = (taskId: string) =>
    decide(
      httpEvent({
        method: 'POST',
        path: `/v1/tasks/${taskId}/decision`,
        pathParameters: { taskId },
        body: JSON.stringify({ outcome: 'approve' }),
        claims: staffClaims('finance', ['finance']),
      }),
      lambdaContext,
    ) as Promise<Result>;

  it(`answers finance 200 or "the applicant withdrew" (409), never 503, ${rounds} times out of ${rounds}`, async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < rounds; round++) {
      // Arrange
      const { caseId, reference, taskId } = await paymentTask();

      // Act
      const [decided, withdrawn] = await Promise.all([
        authorise(taskId),
        withdrawApplication({ reference, accessCode, sourceIp: '', now }).then(
          () => 'withdrawn',
          (error: Error & { status?: number }) => `${error.name} ${error.status ?? ''} ${error.message}`,
        ),
      ]);

      // Assert
      const { Item: stored } = await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: keys.case(caseId), ConsistentRead: true }),
      );
      const label = `round ${round}: ${decided.statusCode} ${decided.body} | ${withdrawn}`;
      if (decided.statusCode === 200) {
        expect(stored?.status, label).toBe('payment_authorised');
        expect(withdrawn, label).toMatch(/^ConflictError 409/);
      } else {
        expect(decided.statusCode, label).toBe(409);
        expect(JSON.parse(decided.body), label).toMatchObject({
          code: 'case_withdrawn',
          caseStatus: 'withdrawn',
          detail: 'The applicant withdrew this application meanwhile.',
        });
        expect(withdrawn, label).toBe('withdrawn');
        expect(stored?.status, label).toBe('withdrawn');
      }
      outcomes.add(String(decided.statusCode));
    }
  }, 180_000);
});
