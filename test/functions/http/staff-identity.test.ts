import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as getIdentity } from '../../../functions/http/get-staff-identity.js';
import { handler as putIdentity } from '../../../functions/http/put-staff-identity.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, httpEvent, lambdaContext, staffClaims } from '../../support/handler-env.js';

type Handler = (event: never, context: typeof lambdaContext) => Promise<unknown>;
type Json = Record<string, unknown>;

/** A call as the API Gateway would make it: the path parameter, and the caller's claims when signed in. */
async function call(
  handler: Handler,
  input: { method: 'GET' | 'PUT'; username: string; body?: unknown; as?: string | null },
): Promise<{ status: number; contentType: string; json: Json }> {
  const as = input.as === undefined ? 'admin' : input.as;
  const res = (await handler(
    httpEvent({
      method: input.method,
      path: `/v1/staff/${encodeURIComponent(input.username)}/identity`,
      routeKey: `${input.method} /v1/staff/{username}/identity`,
      pathParameters: { username: input.username },
      ...(input.body !== undefined ? { body: JSON.stringify(input.body) } : {}),
      ...(as ? { claims: staffClaims(as, [as]) } : {}),
    }) as never,
    lambdaContext,
  )) as APIGatewayProxyStructuredResultV2 & { body: string };
  return {
    status: res.statusCode ?? 0,
    contentType: String(res.headers?.['content-type'] ?? ''),
    json: JSON.parse(res.body || '{}') as Json,
  };
}

const check = (username: string, as?: string | null) =>
  call(getIdentity, { method: 'GET', username, ...(as !== undefined ? { as } : {}) });

const olga = { fullName: 'Ольга Тестовна Ручкина', birthDate: '1979-06-21', nationalId: '4510 777888' };

describe('GET /v1/staff/{username}/identity', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable();
  });
  afterAll(async () => table.drop());

  it('answers what PUT recorded: the number of person keys, when and by whom, and no more', async () => {
    // Arrange
    const put = await call(putIdentity, { method: 'PUT', username: 'handler-a', body: olga });

    // Act
    const res = await check('handler-a');

    // Assert
    expect(put.status).toBe(200);
    expect(res.status).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(
      ['personKeys', 'recorded', 'updatedAt', 'updatedBy', 'username'].sort(),
    );
    expect(res.json).toEqual({
      username: 'handler-a',
      recorded: true,
      personKeys: 2,
      updatedAt: put.json.updatedAt,
      updatedBy: 'admin',
    });
    const text = JSON.stringify(res.json);
    for (const secret of ['Ольга', 'Ручкина', '1979', '777888']) expect(text).not.toContain(secret);
  });

  it('answers 200 with recorded: false for a username with no identity (not 404)', async () => {
    const res = await check('handler-nobody');

    expect(res).toMatchObject({
      status: 200,
      json: { username: 'handler-nobody', recorded: false, personKeys: 0 },
    });
    expect(res.json).not.toHaveProperty('updatedAt');
    expect(res.json).not.toHaveProperty('updatedBy');
  });

  it('answers the demo staff the seed gave identities', async () => {
    const res = await check('reviewer');

    expect(res).toMatchObject({ status: 200, json: { recorded: true, updatedBy: 'seed' } });
    expect(res.json.personKeys).toBeGreaterThan(0);
  });

  it.each(['reviewer', 'auditor', 'head', 'clerk', 'finance'])(
    'refuses a %s (403 with the reason): only the administrator keeps the directory',
    async (role) => {
      const res = await check('handler-a', role);

      expect(res.status).toBe(403);
      expect(res.contentType).toContain('application/problem+json');
      expect(String(res.json.detail)).toContain('needs one of the roles admin');
    },
  );

  it('refuses a caller with no token (401)', async () => {
    const res = await check('handler-a', null);

    expect(res.status).toBe(401);
  });

  it.each([
    ['a space', 'two words'],
    ['a slash', 'a/b'],
    ['129 characters', 'u'.repeat(129)],
  ])('answers 400 naming the username for a username with %s', async (_what, username) => {
    const res = await check(username);

    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([expect.objectContaining({ path: 'username' })]);
  });
});
