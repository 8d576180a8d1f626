import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RouteSpec } from '../../functions/http/routes.js';
import { parseGroupsClaim } from '../../functions/lib/jwt-claims.js';
import { createLocalHttpServer, flattenClaims, type LocalEvent } from '../../local/http-server.js';
import { demoPassword, LocalIssuer, memoryStaffDirectory } from '../../local/local-issuer.js';

const routes: readonly RouteSpec[] = [
  { method: 'POST', path: '/v1/aid-applications', function: 'SubmitAidApplication', auth: 'public' },
  { method: 'GET', path: '/v1/cases/{reference}', function: 'GetCaseStatus', auth: 'public' },
  { method: 'GET', path: '/v1/tasks', function: 'ListTasks', auth: 'jwt', action: 'tasks:list' },
  { method: 'GET', path: '/v1/tasks/{taskId}', function: 'GetTask', auth: 'jwt', action: 'tasks:read' },
  {
    method: 'POST',
    path: '/v1/tasks/{taskId}/decision',
    function: 'DecideTask',
    auth: 'jwt',
    action: 'tasks:decide',
  },
  { method: 'GET', path: '/openapi.json', function: 'OpenApi', auth: 'public' },
];

interface Invocation {
  functionName: string;
  event: LocalEvent;
}

describe('the local API Gateway', () => {
  let dir: string;
  let issuer: LocalIssuer;
  let server: Server;
  let base: string;
  let healthy = true;
  const invocations: Invocation[] = [];
  const logLines: string[] = [];
  /** What the fake "Lambda" does; each test sets it. */
  let behaviour: (event: LocalEvent) => Promise<unknown> = async () => ({ statusCode: 204 });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aidflow-http-'));
    issuer = await LocalIssuer.open(dir, 'http://127.0.0.1/auth/local');
    const directory = await memoryStaffDirectory([
      { username: 'reviewer', groups: ['clerk', 'reviewer'], password: demoPassword },
    ]);
    server = createLocalHttpServer({
      routes,
      issuer,
      directory,
      healthy: () => healthy,
      log: (line) => logLines.push(line),
      invoke: async (functionName, event) => {
        invocations.push({ functionName, event });
        return (await behaviour(event)) as object;
      },
      extraRoutes: [
        {
          method: 'GET',
          path: '/mailbox/{id}',
          handle: async (_req, _body, url) => ({ statusCode: 200, body: `mail ${url.pathname}` }),
        },
      ],
      pageNotFound: async (_req, _body, url) => ({
        statusCode: 404,
        body: `the app's page for ${url.pathname}`,
      }),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    invocations.length = 0;
    healthy = true;
    behaviour = async () => ({ statusCode: 204 });
  });

  async function tokenFor(username = 'reviewer'): Promise<string> {
    const response = await fetch(`${base}/auth/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: demoPassword }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string };
    return body.access_token;
  }

  it('builds the payload 2.0 event of a JWT route with route key, parameters, query and flattened claims', async () => {
    const token = await tokenFor();
    behaviour = async () => ({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"ok":true}',
    });
    const response = await fetch(`${base}/v1/tasks/task%2F42/decision?x=1&tag=a&tag=b&empty=`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        cookie: 'session=abc; theme=dark',
        'X-Custom': 'One',
      },
      body: JSON.stringify({ outcome: 'approve' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('apigw-requestid')).toMatch(/^[0-9a-f-]{36}$/);

    expect(invocations).toHaveLength(1);
    const { functionName, event: raw } = invocations[0]!;
    const event = raw as APIGatewayProxyEventV2WithJWTAuthorizer;
    expect(functionName).toBe('DecideTask');
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /v1/tasks/{taskId}/decision',
      rawPath: '/v1/tasks/task%2F42/decision',
      rawQueryString: 'x=1&tag=a&tag=b&empty=',
      cookies: ['session=abc', 'theme=dark'],
      queryStringParameters: { x: '1', tag: 'a,b', empty: '' },
      pathParameters: { taskId: 'task/42' },
      body: '{"outcome":"approve"}',
      isBase64Encoded: false,
    });
    expect(event.headers['x-custom']).toBe('One');
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.headers['x-forwarded-for']).toBe('127.0.0.1');

    const ctx = event.requestContext;
    expect(ctx).toMatchObject({
      accountId: expect.any(String),
      apiId: 'local',
      domainName: '127.0.0.1',
      http: {
        method: 'POST',
        path: '/v1/tasks/task%2F42/decision',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
      },
      routeKey: 'POST /v1/tasks/{taskId}/decision',
      stage: '$default',
    });
    expect(ctx.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ctx.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(Math.abs(ctx.timeEpoch - Date.now())).toBeLessThan(10_000);

    const { jwt } = ctx.authorizer;
    expect(jwt.scopes).toBeNull();
    expect(ctx.authorizer.principalId).toBe('');
    expect(ctx.authorizer.integrationLatency).toBe(0);
    // As API Gateway passes them: all strings, the groups array flattened to "[a b]".
    expect(jwt.claims['cognito:groups']).toBe('[clerk reviewer]');
    expect(jwt.claims.username).toBe('reviewer');
    expect(jwt.claims.token_use).toBe('access');
    expect(typeof jwt.claims.exp).toBe('string');
    expect(jwt.claims.exp).toMatch(/^\d+$/);
    expect(parseGroupsClaim(jwt.claims['cognito:groups'])).toEqual(['clerk', 'reviewer']);
  });

  it('answers 401 Unauthorized without a token and does not invoke the handler', async () => {
    const response = await fetch(`${base}/v1/tasks`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(invocations).toHaveLength(0);
  });

  it('answers 401 Unauthorized for a bad, expired or foreign token and does not invoke the handler', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'aidflow-http-other-'));
    try {
      const other = await LocalIssuer.open(otherDir, 'http://127.0.0.1/auth/local');
      const tokens = [
        'not-a-token',
        await issuer.sign({ username: 'reviewer', groups: ['reviewer'] }, -60),
        await other.sign({ username: 'reviewer', groups: ['reviewer'] }),
      ];
      for (const token of tokens) {
        const response = await fetch(`${base}/v1/tasks`, { headers: { authorization: `Bearer ${token}` } });
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({ message: 'Unauthorized' });
      }
      expect(invocations).toHaveLength(0);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('passes a public route through without an authorizer, and the most specific route wins', async () => {
    behaviour = async () => ({ statusCode: 200, body: 'x' });
    const response = await fetch(`${base}/v1/cases/AID-2026-000123`, {
      headers: { 'x-access-code': 'secret' },
    });
    expect(response.status).toBe(200);
    const event = invocations[0]?.event as APIGatewayProxyEventV2;
    expect(invocations[0]?.functionName).toBe('GetCaseStatus');
    expect(event.routeKey).toBe('GET /v1/cases/{reference}');
    expect(event.pathParameters).toEqual({ reference: 'AID-2026-000123' });
    expect(event.queryStringParameters).toBeUndefined();
    expect(event.body).toBeUndefined();
    expect('authorizer' in event.requestContext).toBe(false);
  });

  it('answers 404 Not Found for an unknown path and for a known path with another method', async () => {
    for (const [method, path] of [
      ['GET', '/v1/nothing-here'],
      ['DELETE', '/v1/tasks'],
    ] as const) {
      const response = await fetch(`${base}${path}`, { method });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ message: 'Not Found' });
    }
    expect(invocations).toHaveLength(0);
  });

  it("answers any other page address with the web app's own page, and API paths with JSON", async () => {
    // Act
    const page = await fetch(`${base}/apply/nothing`);
    const api = await fetch(`${base}/v1/nothing-here`);
    const post = await fetch(`${base}/apply/nothing`, { method: 'POST' });

    // Assert
    expect([page.status, await page.text()]).toEqual([404, "the app's page for /apply/nothing"]);
    expect([api.status, await api.json()]).toEqual([404, { message: 'Not Found' }]);
    expect([post.status, await post.json()]).toEqual([404, { message: 'Not Found' }]);
    expect(invocations).toHaveLength(0);
  });

  it('answers 413 for a body over 10 MiB, streamed, without invoking the handler', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 11) {
          controller.close();
          return;
        }
        sent++;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${base}/v1/aid-applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request Entity Too Large' });
    expect(invocations).toHaveLength(0);
  });

  it('passes a binary body base64-encoded', async () => {
    await fetch(`${base}/v1/aid-applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array([0, 1, 2, 255]),
    });
    const event = invocations[0]?.event;
    expect(event?.isBase64Encoded).toBe(true);
    expect(Buffer.from(event?.body ?? '', 'base64')).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it('turns a result without statusCode into 200 application/json', async () => {
    behaviour = async () => ({ items: [1, 2] });
    const response = await fetch(`${base}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ items: [1, 2] });
  });

  it('sends a structured result with its status, headers, cookies and base64 body', async () => {
    behaviour = async () => ({
      statusCode: 201,
      headers: { 'Content-Type': 'application/octet-stream', 'x-thing': 7 },
      cookies: ['a=1; Path=/', 'b=2; Path=/'],
      body: Buffer.from('hello').toString('base64'),
      isBase64Encoded: true,
    });
    const response = await fetch(`${base}/openapi.json`);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-thing')).toBe('7');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(await response.text()).toBe('hello');
  });

  it('answers 500 Internal Server Error when the handler throws, and logs the error', async () => {
    behaviour = async () => {
      throw new Error('boom in the handler');
    };
    const response = await fetch(`${base}/openapi.json`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    expect(logLines.some((line) => line.includes('boom in the handler'))).toBe(true);
  });

  it('reports health as 200 once ready and 503 before', async () => {
    const ok = await fetch(`${base}/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok' });
    healthy = false;
    const starting = await fetch(`${base}/health`);
    expect(starting.status).toBe(503);
  });

  it('signs staff in at /auth/local/token and refuses bad credentials with a problem', async () => {
    const good = await fetch(`${base}/auth/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'reviewer', password: demoPassword }),
    });
    expect(good.status).toBe(200);
    const token = (await good.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(token.token_type).toBe('Bearer');
    expect(token.expires_in).toBe(3600);
    await expect(issuer.verify(token.access_token)).resolves.toMatchObject({ username: 'reviewer' });

    for (const credentials of [
      { username: 'reviewer', password: 'wrong' },
      { username: 'nobody', password: demoPassword },
    ]) {
      const bad = await fetch(`${base}/auth/local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(credentials),
      });
      expect(bad.status).toBe(401);
      expect(bad.headers.get('content-type')).toBe('application/problem+json');
      expect(await bad.json()).toMatchObject({
        status: 401,
        title: expect.any(String),
        type: expect.any(String),
      });
    }

    const malformed = await fetch(`${base}/auth/local/token`, { method: 'POST', body: '{"username":' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toBe('application/problem+json');
    const missing = await fetch(`${base}/auth/local/token`, { method: 'POST', body: '{"username":"x"}' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe('password');
  });

  it('renews a sign-in at /auth/local/token with its refresh token, and refuses a spent or foreign one', async () => {
    // Arrange
    const signIn = await fetch(`${base}/auth/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'reviewer', password: demoPassword }),
    });
    const { refresh_token } = (await signIn.json()) as { refresh_token: string };
    const renew = (token: string) =>
      fetch(`${base}/auth/local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: token }),
      });

    // Act
    const renewed = await renew(refresh_token);
    const refused = await renew(await issuer.signRefresh('reviewer', -60));
    const malformed = await fetch(`${base}/auth/local/token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'password' }),
    });

    // Assert
    expect(renewed.status).toBe(200);
    expect(renewed.headers.get('cache-control')).toBe('no-store');
    const token = (await renewed.json()) as { access_token: string; refresh_token?: string };
    expect(token.refresh_token).toBeUndefined();
    await expect(issuer.verify(token.access_token)).resolves.toMatchObject({ username: 'reviewer' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ type: expect.stringMatching(/invalid-grant$/) });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe(
      'grant_type',
    );
  });

  it('ends a sign-in at /auth/local/revoke, so its refresh token renews nothing', async () => {
    // Arrange
    const signIn = await fetch(`${base}/auth/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'reviewer', password: demoPassword }),
    });
    const { refresh_token } = (await signIn.json()) as { refresh_token: string };
    const post = (path: string, body: unknown) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    // Act
    const revoked = await post('/auth/local/revoke', { token: refresh_token });
    const again = await post('/auth/local/revoke', { token: refresh_token });
    const malformed = await post('/auth/local/revoke', { refresh_token });
    const renewal = await post('/auth/local/token', { grant_type: 'refresh_token', refresh_token });

    // Assert
    expect([revoked.status, again.status, malformed.status]).toEqual([200, 200, 400]);
    expect(((await malformed.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe('token');
    expect(renewal.status).toBe(400);
    expect(await renewal.json()).toMatchObject({
      type: expect.stringMatching(/invalid-grant$/),
      detail: 'The sign-in was ended.',
    });
  });

  it("serves the issuer's key set", async () => {
    const response = await fetch(`${base}/auth/local/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(issuer.jwks());
  });

  it('serves extra routes before the route table', async () => {
    const response = await fetch(`${base}/mailbox/7`);
    expect(await response.text()).toBe('mail /mailbox/7');
    expect(invocations).toHaveLength(0);
  });

  it("answers HEAD for the app's files and pages as GET without the body, and not for the API", async () => {
    // Act
    const file = await fetch(`${base}/mailbox/7`, { method: 'HEAD' });
    const page = await fetch(`${base}/apply/nothing`, { method: 'HEAD' });
    const api = await fetch(`${base}/v1/cases/AID-2026-000001`, { method: 'HEAD' });

    // Assert: the GET's status and length, no body; the API's routes are GET only, as under API Gateway.
    expect([file.status, file.headers.get('content-length'), await file.text()]).toEqual([
      200,
      String('mail /mailbox/7'.length),
      '',
    ]);
    expect([page.status, page.headers.get('content-length'), await page.text()]).toEqual([
      404,
      String("the app's page for /apply/nothing".length),
      '',
    ]);
    expect(api.status).toBe(404);
    expect(invocations).toHaveLength(0);
  });
});

describe('a route table with a $default route', () => {
  it('sends unmatched requests to it with the route key $default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aidflow-http-default-'));
    const seen: LocalEvent[] = [];
    const server = createLocalHttpServer({
      routes: [{ method: 'GET', path: '$default', function: 'OpenApi', auth: 'public' }],
      issuer: await LocalIssuer.open(dir, 'http://127.0.0.1/auth/local'),
      directory: await memoryStaffDirectory([]),
      healthy: () => true,
      invoke: async (_name, event) => {
        seen.push(event);
        return 'hi';
      },
    });
    try {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/any/where`);
      expect(response.status).toBe(200);
      expect(await response.json()).toBe('hi');
      expect(seen[0]?.routeKey).toBe('$default');
      expect(seen[0]?.requestContext.routeKey).toBe('$default');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('gateway options', () => {
  let dir: string;
  let issuer: LocalIssuer;
  let server: Server;
  let base: string;
  const seen: LocalEvent[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aidflow-http-options-'));
    issuer = await LocalIssuer.open(dir, 'http://127.0.0.1/auth/local');
    server = createLocalHttpServer({
      routes: [
        {
          method: 'POST',
          path: '/v1/appeals',
          function: 'SubmitAidApplication',
          auth: 'optional-jwt',
          action: 'appeals:register-channel',
        },
        { method: 'GET', path: '/slow', function: 'OpenApi', auth: 'public' },
      ],
      issuer,
      directory: await memoryStaffDirectory([]),
      healthy: () => true,
      corsOrigins: ['http://localhost:5173'],
      integrationTimeoutMs: 100,
      invoke: async (name, event) => {
        seen.push(event);
        if (name === 'OpenApi') await new Promise((resolve) => setTimeout(resolve, 1_000));
        return { statusCode: 202 };
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves an optional-JWT route open at the gateway like the CDK stack does: no authorizer, header passed on', async () => {
    seen.length = 0;
    const token = await issuer.sign({ username: 'clerk', groups: ['clerk'] });
    for (const authorization of [undefined, `Bearer ${token}`, 'Bearer nonsense']) {
      const headers: Record<string, string> = authorization ? { authorization } : {};
      expect((await fetch(`${base}/v1/appeals`, { method: 'POST', headers })).status).toBe(202);
    }
    expect(seen).toHaveLength(3);
    for (const event of seen) expect('authorizer' in event.requestContext).toBe(false);
    expect(seen[1]?.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('answers 503 Service Unavailable when the integration does not answer in time', async () => {
    const response = await fetch(`${base}/slow`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: 'Service Unavailable' });
  });

  it('answers a CORS preflight from an allowed origin and labels responses for it', async () => {
    const preflight = await fetch(`${base}/v1/appeals`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const other = await fetch(`${base}/v1/appeals`, {
      method: 'POST',
      headers: { origin: 'http://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('claims as the HTTP API JWT authorizer passes them', () => {
  it('are strings, with arrays flattened to "[a b]" and null claims left out', () => {
    expect(
      flattenClaims({
        sub: 'u',
        exp: 1700000000,
        admin: false,
        'cognito:groups': ['a', 'b'],
        gone: null,
        obj: { k: 1 },
      }),
    ).toEqual({ sub: 'u', exp: '1700000000', admin: 'false', 'cognito:groups': '[a b]', obj: '{"k":1}' });
  });

  it('are read back into groups whichever form they take', () => {
    expect(parseGroupsClaim('[clerk reviewer]')).toEqual(['clerk', 'reviewer']);
    expect(parseGroupsClaim(['clerk', 'reviewer'])).toEqual(['clerk', 'reviewer']);
    expect(parseGroupsClaim('["clerk","reviewer"]')).toEqual(['clerk', 'reviewer']);
    expect(parseGroupsClaim('clerk, reviewer')).toEqual(['clerk', 'reviewer']);
    expect(parseGroupsClaim('clerk reviewer')).toEqual(['clerk', 'reviewer']);
    expect(parseGroupsClaim('[admin]')).toEqual(['admin']);
    expect(parseGroupsClaim('[]')).toEqual([]);
    expect(parseGroupsClaim('')).toEqual([]);
    expect(parseGroupsClaim(undefined)).toEqual([]);
    expect(parseGroupsClaim(42)).toEqual([]);
  });
});
