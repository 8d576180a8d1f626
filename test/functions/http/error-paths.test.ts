import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRuleSets } from '../../../domain/eligibility-demo.js';
import { handler as listTasks } from '../../../functions/http/list-tasks.js';
import { handler as submit } from '../../../functions/http/submit-aid-application.js';
import { sampleApplication } from '../../support/api-client.js';
import { httpEvent, lambdaContext, staffClaims, useMockedAwsClients } from '../../support/handler-env.js';

const ddb = mockClient(DynamoDBDocumentClient);

type Result = APIGatewayProxyStructuredResultV2 & { body: string };

describe('HTTP error paths the real service cannot be made to produce', () => {
  beforeAll(() => useMockedAwsClients());
  afterAll(() => ddb.restore());

  it('answers 503 with Retry-After when the submission transaction meets a conflicting one', async () => {
    ddb.reset();
    ddb.on(GetCommand).resolves({});
    ddb.on(QueryCommand).resolves({ Items: [{ ruleSet: demoRuleSets.find((r) => r.aidType === 'cash') }] });
    ddb.on(UpdateCommand).resolves({ Attributes: { value: 7 } });
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'None' }],
      }),
    );
    const res = (await submit(
      httpEvent({
        method: 'POST',
        path: '/v1/aid-applications',
        body: JSON.stringify(sampleApplication()),
      }) as never,
      lambdaContext,
    )) as Result;
    expect(res.statusCode).toBe(503);
    expect(res.headers?.['retry-after']).toBe('2');
  });

  it('answers 500 problem+json without internals when the store fails unexpectedly', async () => {
    ddb.reset();
    ddb.on(QueryCommand).rejects(new Error('socket hang up at 10.0.0.1 with secret stack'));
    const res = (await listTasks(
      httpEvent({ method: 'GET', path: '/v1/tasks', claims: staffClaims('reviewer', ['reviewer']) }) as never,
      lambdaContext,
    )) as Result;
    expect(res.statusCode).toBe(500);
    expect(res.headers?.['content-type']).toContain('application/problem+json');
    expect(res.body).not.toContain('socket');
  });

  it('answers 401 without a token and 403 with a reason for a role outside the matrix', async () => {
    ddb.reset();
    const anonymous = (await listTasks(
      httpEvent({ method: 'GET', path: '/v1/tasks' }) as never,
      lambdaContext,
    )) as Result;
    expect(anonymous.statusCode).toBe(401);
    const stranger = (await listTasks(
      httpEvent({ method: 'GET', path: '/v1/tasks', claims: staffClaims('x', ['nobody']) }) as never,
      lambdaContext,
    )) as Result;
    expect(stranger.statusCode).toBe(403);
    expect(JSON.parse(stranger.body).detail).toMatch(/\w+/);
    expect(JSON.parse(stranger.body)).toMatchObject({ code: 'role_required', action: 'tasks:list' });
    expect(ddb.calls()).toHaveLength(0);
  });
});
