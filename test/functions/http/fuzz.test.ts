import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../../domain/roles.js';
import { type RouteSpec, routes } from '../../../functions/http/routes.js';
import { functions } from '../../../functions/registry.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, httpEvent, lambdaContext, staffClaims } from '../../support/handler-env.js';

type Handler = (event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>;

const runsPerRoute = Number(process.env.FUZZ_RUNS ?? 40);

/** Bodies a careless or hostile client sends: any JSON, wrong types, deep nesting, huge strings. */
const hostileBody = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.constant('{"applicant":'),
  fc.integer({ min: 1, max: 3000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 1, max: 80 }).map((kb) => JSON.stringify({ reason: 'я'.repeat(kb * 512) })),
  fc
    .record({
      applicant: fc.anything(),
      categories: fc.anything(),
      household: fc.anything(),
      aidType: fc.anything(),
      requestedAmount: fc.anything(),
      outcome: fc.oneof(fc.constantFrom('approve', 'reject', 'request_info'), fc.string()),
      amount: fc.anything(),
      extra: fc.anything(),
    })
    .map((v) => JSON.stringify(v)),
);

const pathSegment = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.constantFrom('AID-2026-000001', 'tsk_x', '%00', '..', '🙂'),
);

const principal = fc.option(fc.subarray([...roles, 'nobody']), { nil: undefined });

async function load(route: RouteSpec): Promise<Handler> {
  const spec = functions.find((f) => f.name === route.function);
  if (!spec) throw new Error(`no function ${route.function}`);
  const module = (await import(pathToFileURL(resolve(spec.entry)).href)) as { handler: Handler };
  return module.handler;
}

describe('every route under hostile input', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable();
  });
  afterAll(async () => table.drop());

  const publicAndStaffRoutes = (routes as readonly RouteSpec[]).filter((r) => r.path.startsWith('/'));

  it.each(publicAndStaffRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s answers a 4xx problem, never a 5xx',
    async (_name, route) => {
      const handler = await load(route);
      await fc.assert(
        fc.asyncProperty(
          hostileBody,
          fc.array(pathSegment, { minLength: 3, maxLength: 3 }),
          fc.dictionary(fc.constantFrom('status', 'limit', 'cursor', 'year', 'format', 'kind'), fc.string()),
          fc.record({
            'idempotency-key': fc.option(fc.string(), { nil: undefined }),
            'x-access-code': fc.option(fc.string(), { nil: undefined }),
            'content-type': fc.constantFrom(
              'application/json',
              'text/plain',
              'application/json; charset=utf-8',
            ),
          }),
          principal,
          fc.boolean(),
          async (body, segments, query, rawHeaders, callerRoles, base64) => {
            let i = 0;
            const pathParameters: Record<string, string> = {};
            const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
              const value = segments[i++] ?? 'x';
              pathParameters[name] = value;
              return encodeURIComponent(value);
            });
            const headers = Object.fromEntries(
              Object.entries(rawHeaders).filter((e): e is [string, string] => typeof e[1] === 'string'),
            );
            const event = httpEvent({
              method: route.method,
              path,
              routeKey: `${route.method} ${route.path}`,
              ...(route.method === 'GET'
                ? {}
                : { body: base64 ? Buffer.from(body).toString('base64') : body }),
              headers,
              pathParameters,
              query,
              ...(callerRoles ? { claims: staffClaims('fuzzer', callerRoles) } : {}),
            });
            if (base64 && route.method !== 'GET')
              (event as { isBase64Encoded: boolean }).isBase64Encoded = true;
            const res = await handler(event, lambdaContext);
            const status = res.statusCode ?? 200;
            if (status >= 500) throw new Error(`${status}: ${res.body}`);
            if (status >= 400)
              expect(String(res.headers?.['content-type'])).toContain('application/problem+json');
          },
        ),
        { numRuns: runsPerRoute },
      );
    },
    120_000,
  );

  it('wrote no case, task or disbursement while being fuzzed', async () => {
    const { Items } = await table.doc.send(new ScanCommand({ TableName: table.tableName }));
    const written = (Items ?? []).filter((i) =>
      ['AidCase', 'Task', 'Disbursement', 'AuditEvent'].includes(String(i.type)),
    );
    expect(written).toEqual([]);
  });
});
