import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Action, can, explainDenial } from '../../../domain/permissions.js';
import { type Role, roles } from '../../../domain/roles.js';
import { type RouteSpec, routes } from '../../../functions/http/routes.js';
import { resetConfigForTests } from '../../../functions/lib/config.js';
import type { RouteAccess } from '../../../functions/lib/http.js';
import { resetStaffKeysForTests } from '../../../functions/lib/staff-token.js';
import { functions } from '../../../functions/registry.js';
import { flattenClaims } from '../../../local/http-server.js';
import { LocalIssuer, localClientId } from '../../../local/local-issuer.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, httpEvent, lambdaContext } from '../../support/handler-env.js';

/**
 * The permission matrix over the whole route table: every route × every role, no token, and a
 * token with no staff role, through the real handlers against DynamoDB Local. The list of routes
 * is the route table itself, so a route added tomorrow is walked without anyone editing this file.
 */

type Handler = ((event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>) & {
  readonly access?: RouteAccess;
};

interface Caller {
  readonly label: string;
  /** undefined: no token at all. */
  readonly roles?: readonly string[];
}

const callers: readonly Caller[] = [
  { label: 'no token' },
  { label: 'a token with no staff role', roles: [] },
  ...roles.map((role: Role) => ({ label: `a ${role}`, roles: [role] })),
];

const httpRoutes = (routes as readonly RouteSpec[]).filter((r) => r.path.startsWith('/'));

async function load(route: RouteSpec): Promise<Handler> {
  const spec = functions.find((f) => f.name === route.function);
  if (!spec) throw new Error(`no function ${route.function} in the registry`);
  const module = (await import(pathToFileURL(resolve(spec.entry)).href)) as { handler: Handler };
  return module.handler;
}

/** Path parameters that name nothing in particular: a permitted caller gets a 400 or 404, not a 403. */
const placeholders: Record<string, string> = {
  caseId: randomUUID(),
  taskId: 'tsk_none',
  reference: 'AID-2026-999999',
  source: 'regional_budget',
  year: '2026',
};

function pathOf(route: RouteSpec) {
  const pathParameters: Record<string, string> = {};
  const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    pathParameters[name] = placeholders[name] ?? 'none';
    return encodeURIComponent(pathParameters[name] ?? '');
  });
  return { path, pathParameters };
}

/** A valid appeal with the fields only staff registering it may send (the optional-jwt route's action). */
const appealByPhone = () => ({
  applicant: { fullName: 'Олена Коваль', email: 'olena@example.org', preferredLanguage: 'uk' },
  kind: 'request',
  subject: 'Ремонт даху',
  text: 'Дах протікає після зливи; прошу оглянути.',
  topic: 'housing',
  channel: 'phone',
  receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
});

const expectedFor = (route: RouteSpec, caller: Caller): 'allowed' | 401 | 403 => {
  if (route.auth === 'public') return 'allowed';
  if (caller.roles === undefined && route.auth === 'jwt') return 401;
  return can(caller.roles ?? [], route.action) ? 'allowed' : 403;
};

describe('the permission matrix over every route', () => {
  let table: TestTable;
  let issuer: LocalIssuer;
  let jwksServer: Server;
  let keyDir: string;

  beforeAll(async () => {
    table = await handlerTable();
    // The optional-jwt route verifies the token itself against the issuer's published keys.
    keyDir = mkdtempSync(join(tmpdir(), 'aidflow-matrix-'));
    jwksServer = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(issuer.jwks()));
    });
    await new Promise<void>((done) => jwksServer.listen(0, '127.0.0.1', done));
    const issuerUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/auth/local`;
    issuer = await LocalIssuer.open(keyDir, issuerUrl);
    Object.assign(process.env, {
      STAFF_JWKS_URL: `${issuerUrl}/.well-known/jwks.json`,
      STAFF_JWT_ISSUER: issuerUrl,
      STAFF_JWT_CLIENT_ID: localClientId,
    });
    resetConfigForTests();
    resetStaffKeysForTests();
  });

  afterAll(async () => {
    await new Promise((done) => jwksServer.close(done));
    rmSync(keyDir, { recursive: true, force: true });
    await table.drop();
  });

  /** Calls a route as the caller: claims from the authorizer on jwt routes, the bare token otherwise. */
  async function call(route: RouteSpec, caller: Caller, body?: unknown) {
    const handler = await load(route);
    const { path, pathParameters } = pathOf(route);
    const token =
      caller.roles === undefined
        ? undefined
        : await issuer.sign({ username: `matrix-${caller.roles.join('-') || 'none'}`, groups: caller.roles });
    const claims = token && route.auth === 'jwt' ? flattenClaims(await issuer.verify(token)) : undefined;
    const event = httpEvent({
      method: route.method,
      path,
      routeKey: `${route.method} ${route.path}`,
      pathParameters,
      ...(route.method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
      ...(token && route.auth !== 'jwt' ? { headers: { authorization: `Bearer ${token}` } } : {}),
      ...(claims ? { claims } : {}),
    });
    const res = await handler(event, lambdaContext);
    const text = typeof res.body === 'string' ? res.body : '';
    let parsed: { detail?: string } = {};
    try {
      parsed = JSON.parse(text) as { detail?: string };
    } catch {
      // a document route (CSV, Markdown): no problem body to read
    }
    return {
      status: res.statusCode ?? 200,
      contentType: String(res.headers?.['content-type'] ?? ''),
      detail: parsed.detail ?? '',
    };
  }

  it.each(httpRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: the handler guards the action and sign-in the route table declares',
    async (_name, route) => {
      const handler = await load(route);
      expect(handler.access).toEqual({ auth: route.auth, action: route.action });
    },
  );

  describe.each(httpRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (_name, route) => {
    it.each(callers.map((c) => [c.label, expectedFor(route, c), c] as const))(
      'answers %s: %s',
      async (_label, expected, caller) => {
        // The optional-jwt route's action is about the staff-only fields; send them.
        const res = await call(route, caller, route.auth === 'optional-jwt' ? appealByPhone() : undefined);

        if (expected === 'allowed') {
          expect([401, 403]).not.toContain(res.status);
          expect(res.status).toBeLessThan(500);
        } else {
          expect(res.status).toBe(expected);
          expect(res.contentType).toContain('application/problem+json');
          if (expected === 403) {
            expect(res.detail).toContain(explainDenial(caller.roles ?? [], route.action as Action));
          }
        }
      },
    );
  });

  it('lets every caller use an optional-jwt route without the staff-only fields', async () => {
    const optional = httpRoutes.filter((r) => r.auth === 'optional-jwt');
    expect(optional.length).toBeGreaterThan(0);
    for (const route of optional) {
      for (const caller of callers) {
        const { channel: _c, receivedAt: _r, ...citizenAppeal } = appealByPhone();
        const res = await call(route, caller, citizenAppeal);
        expect(res.status, `${route.method} ${route.path} as ${caller.label}`).toBe(201);
      }
    }
  });

  it('walks routes of all three kinds, so none of the checks above is vacuous', () => {
    expect(new Set(httpRoutes.map((r) => r.auth))).toEqual(new Set(['public', 'jwt', 'optional-jwt']));
    const outcomes = httpRoutes.flatMap((r) => callers.map((c) => expectedFor(r, c)));
    expect(new Set(outcomes)).toEqual(new Set(['allowed', 401, 403]));
  });
});

// A signed-in route without its action does not compile (npm run lint type-checks the tests).
const withoutAction = { method: 'GET', path: '/v1/example', function: 'ListTasks', auth: 'jwt' } as const;
// @ts-expect-error: a jwt route must name its permission-matrix action
const refused: RouteSpec = withoutAction;
void refused;
