import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from '../../../functions/http/openapi.js';
import { routes } from '../../../functions/http/routes.js';
import { httpEvent, lambdaContext } from '../../support/handler-env.js';

describe('GET /openapi.json', () => {
  it('describes every route of the route table as OpenAPI 3.1, with JSON Schemas from zod', async () => {
    const res = (await handler(
      httpEvent({ method: 'GET', path: '/openapi.json' }) as never,
      lambdaContext,
    )) as APIGatewayProxyStructuredResultV2;
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(String(res.body)) as {
      openapi: string;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      paths: Record<
        string,
        Record<
          string,
          {
            security?: unknown;
            requestBody?: {
              content: Record<string, { schema: { type?: string; properties?: Record<string, unknown> } }>;
            };
          }
        >
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of routes) {
      if (!route.path.startsWith('/')) continue;
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(Boolean(op?.security), `${route.method} ${route.path} security`).toBe(route.auth === 'jwt');
    }
    const body = doc.paths['/v1/aid-applications']?.post?.requestBody?.content['application/json']
      ?.schema as { $ref?: string };
    expect(body?.$ref).toBe('#/components/schemas/AidApplication');
    // Every reference in the document resolves inside it.
    const text = JSON.stringify(doc);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      expect(doc.components.schemas[name ?? ''], `schema ${name}`).toBeDefined();
    }
    expect(text).not.toContain('#/$defs/');
    expect(Object.keys(doc.components.schemas.AidApplication?.properties ?? {})).toEqual(
      expect.arrayContaining([
        'applicant',
        'categories',
        'household',
        'aidType',
        'requestedAmount',
        'reason',
        'payout',
      ]),
    );
  });

  it("describes the staff identity check's answer, which names nobody", async () => {
    const res = (await handler(
      httpEvent({ method: 'GET', path: '/openapi.json' }) as never,
      lambdaContext,
    )) as APIGatewayProxyStructuredResultV2;
    const doc = JSON.parse(String(res.body)) as {
      paths: Record<string, Record<string, { responses: Record<string, { content: Json }> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };

    const op = doc.paths['/v1/staff/{username}/identity'];
    const schema = op?.get?.responses['200']?.content['application/json'] as { schema?: { $ref?: string } };

    expect(Object.keys(op ?? {}).sort()).toEqual(['get', 'put']);
    expect(schema?.schema?.$ref).toBe('#/components/schemas/StaffIdentityStatus');
    const status = doc.components.schemas.StaffIdentityStatus;
    expect(Object.keys(status?.properties ?? {}).sort()).toEqual(
      ['personKeys', 'recorded', 'updatedAt', 'updatedBy', 'username'].sort(),
    );
    expect([...(status?.required ?? [])].sort()).toEqual(['personKeys', 'recorded', 'username']);
  });
});

type Json = Record<string, unknown>;
