import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Minutes } from '../../../domain/commission.js';
import { handler as getMinutes } from '../../../functions/http/get-minutes.js';
import { keys } from '../../../functions/lib/store/keys.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, httpEvent, lambdaContext, staffClaims } from '../../support/handler-env.js';

describe('GET /v1/cases/by-id/{caseId}/minutes', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ seed: false });
  });
  afterAll(async () => table.drop());

  it("dates the minutes on the office's day: a vote closed at 01:30 on 1 January in Moscow is minuted on 1 January", async () => {
    // Arrange: minutes of a vote closed at 22:30 UTC on 31 December (Moscow, the default jurisdiction).
    const caseId = crypto.randomUUID();
    const minutes: Minutes = {
      caseReference: 'AID-2027-000001',
      aidType: 'cash',
      amount: { currency: 'RUB', minor: 4_000_000 },
      members: 3,
      votesToDecide: 2,
      votes: [],
      outcome: 'approve',
      decidedAt: '2026-12-31T22:30:00.000Z',
    };
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...keys.minutes(caseId, 0), type: 'CommissionMinutes', caseId, minutes },
      }),
    );

    // Act
    const res = (await getMinutes(
      httpEvent({
        method: 'GET',
        path: `/v1/cases/by-id/${caseId}/minutes`,
        pathParameters: { caseId },
        claims: staffClaims('head', ['head']),
      }) as never,
      lambdaContext,
    )) as APIGatewayProxyStructuredResultV2 & { body: string };

    // Assert
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('- Date: 2027-01-01 (2026-12-31T22:30:00.000Z)');
  });
});
