import { resetClientsForTests } from '../../functions/lib/clients.js';
import { resetConfigForTests } from '../../functions/lib/config.js';
import { localCredentials } from '../../local/dynamodb-local.js';
import { seedDemoData } from '../../local/seed.js';
import { createTestTable, type TestTable } from './dynamodb.js';

/**
 * Points the handlers' configuration at a fresh table on the shared DynamoDB Local (seeded with
 * the demo catalogue, rules and budgets), as the local runtime would.
 */
export async function handlerTable(options: { seed?: boolean; year?: number } = {}): Promise<TestTable> {
  const table = await createTestTable('app');
  Object.assign(process.env, {
    TABLE_NAME: table.tableName,
    DYNAMODB_ENDPOINT: table.endpoint,
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  resetConfigForTests();
  resetClientsForTests();
  if (options.seed !== false)
    await seedDemoData(table.doc, table.tableName, { year: options.year ?? new Date().getUTCFullYear() });
  return table;
}

/**
 * For tests whose SDK clients are mocked (aws-sdk-client-mock): no local endpoints, a table name,
 * quiet logs, `extra` settings, and clients and configuration built afresh from them.
 */
export function useMockedAwsClients(extra: Record<string, string> = {}): void {
  Object.assign(process.env, { TABLE_NAME: 'aidflow-test', POWERTOOLS_LOG_LEVEL: 'CRITICAL', ...extra });
  delete process.env.DYNAMODB_ENDPOINT;
  delete process.env.SFN_ENDPOINT;
  resetConfigForTests();
  resetClientsForTests();
}

/** A Lambda context good enough for middy and Powertools. */
export const lambdaContext = {
  functionName: 'test',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-central-1:000000000000:function:test',
  memoryLimitInMB: '512',
  awsRequestId: 'test-request',
  logGroupName: '/aws/lambda/test',
  logStreamName: 'test',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

/** An API Gateway HTTP API (v2) event, optionally with JWT claims as the authorizer passes them. */
export function httpEvent(input: {
  method: string;
  path: string;
  routeKey?: string;
  body?: string;
  headers?: Record<string, string>;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  claims?: Record<string, string>;
}) {
  return {
    version: '2.0',
    routeKey: input.routeKey ?? `${input.method} ${input.path}`,
    rawPath: input.path,
    rawQueryString: new URLSearchParams(input.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', ...(input.headers ?? {}) },
    ...(input.query ? { queryStringParameters: input.query } : {}),
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    ...(input.body !== undefined ? { body: input.body } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: input.method,
        path: input.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'vitest',
      },
      requestId: 'req',
      routeKey: input.routeKey ?? `${input.method} ${input.path}`,
      stage: '$default',
      time: '',
      timeEpoch: 0,
      ...(input.claims ? { authorizer: { jwt: { claims: input.claims, scopes: null } } } : {}),
    },
  };
}

export function staffClaims(username: string, groups: string[]): Record<string, string> {
  return { sub: `sub-${username}`, username, 'cognito:groups': `[${groups.join(' ')}]` };
}
