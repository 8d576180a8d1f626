import * as z from 'zod';
import { aidApplicationSchema } from '../../domain/aid-application.js';
import { appealSchema, feedbackSchema } from '../../domain/appeal.js';
import { budgetWriteSchema } from '../../domain/budget.js';
import { applicantResponseSchema } from '../../domain/info-request.js';
import { decisionSchema } from '../../domain/tasks.js';
import { type RouteSpec, routes } from '../http/routes.js';

/** What the route table cannot say about a route: its purpose, body and success status. */
const docs: Record<
  string,
  { summary: string; body?: z.ZodType; success: number; params?: string[]; headers?: string[] }
> = {
  'POST /v1/aid-applications': {
    summary: 'Apply for aid (applicants; no sign-in). Optional Idempotency-Key header.',
    body: aidApplicationSchema,
    success: 201,
    headers: ['Idempotency-Key'],
  },
  'GET /v1/cases/{reference}': {
    summary: "The applicant's view of a case; needs the X-Access-Code header.",
    success: 200,
    headers: ['X-Access-Code'],
  },
  'POST /v1/cases/{reference}/responses': {
    summary:
      "The applicant's answer to a request for information (needs X-Access-Code); 202 and the case returns to review.",
    body: applicantResponseSchema,
    success: 202,
    headers: ['X-Access-Code'],
  },
  'GET /v1/cases/by-id/{caseId}/minutes': {
    summary:
      "The commission's minutes of a case (members, votes, comments, date, outcome) as a text/markdown download.",
    success: 200,
  },
  'GET /v1/budgets': {
    summary:
      'Budget lines of a year (default: this year): opening, allocated, reserved, spent, remaining per funding source.',
    success: 200,
    params: ['year'],
  },
  'PUT /v1/budgets/{source}/{year}': {
    summary:
      'Set the allocation (and opening balance) of a funding source for a year (admin); 409 if below what is already reserved or spent.',
    body: budgetWriteSchema,
    success: 200,
  },
  'POST /v1/appeals': {
    summary:
      'Send an appeal (no sign-in): 201 with reference, access code and the legal dueDate. A clerk signed in (Bearer token) may add channel and receivedAt.',
    body: appealSchema,
    success: 201,
    headers: ['Idempotency-Key'],
  },
  'POST /v1/cases/{reference}/feedback': {
    summary:
      "Rate an appeal's answer 1–5 (needs X-Access-Code); closes the appeal. 409 before the answer or twice.",
    body: feedbackSchema,
    success: 200,
    headers: ['X-Access-Code'],
  },
  'GET /v1/appeals/repeat-appellants': {
    summary:
      'People who appealed again on the same topic within 12 months, most repeats first (head, auditor).',
    success: 200,
  },
  'GET /v1/reports/appeals': {
    summary:
      'Appeals registered from..to (YYYY-MM-DD): received by channel, kind, topic, department; answered on time, average days, overdue, extensions, repeats, ratings. format=csv for CSV.',
    success: 200,
    params: ['from', 'to', 'format'],
  },
  'GET /v1/tasks': {
    summary: "Open tasks the caller's roles may act on, oldest first.",
    success: 200,
    params: ['limit', 'cursor'],
  },
  'GET /v1/tasks/{taskId}': {
    summary: 'One task with its case, eligibility explanation and history.',
    success: 200,
  },
  'POST /v1/tasks/{taskId}/decision': { summary: 'Decide a task.', body: decisionSchema, success: 200 },
  'GET /v1/disbursements': {
    summary: 'Disbursements by status (finance).',
    success: 200,
    params: ['status', 'limit', 'cursor'],
  },
  'GET /openapi.json': { summary: 'This document.', success: 200 },
};

const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/**
 * A zod schema as JSON Schema 2020-12 whose named parts (`.meta({ id })`) are hoisted into
 * `components.schemas`, so every `$ref` resolves inside the OpenAPI document.
 */
function jsonSchema(schema: z.ZodType, components: Record<string, unknown>): unknown {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });
  const rewritten = JSON.parse(
    JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/'),
  ) as Record<string, unknown>;
  const { $defs, $schema: _dialect, ...root } = rewritten;
  Object.assign(components, ($defs as Record<string, unknown> | undefined) ?? {});
  return root;
}

function operation(route: RouteSpec, components: Record<string, unknown>) {
  const key = `${route.method} ${route.path}`;
  const doc = docs[key];
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  return {
    operationId: route.function.charAt(0).toLowerCase() + route.function.slice(1),
    summary: doc?.summary ?? route.function,
    ...(route.auth === 'jwt' ? { security: [{ bearer: [] }] } : {}),
    parameters: [
      ...pathParams.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...(doc?.params ?? []).map((name) => ({
        name,
        in: 'query',
        required: false,
        schema: { type: 'string' },
      })),
      ...(doc?.headers ?? []).map((name) => ({
        name,
        in: 'header',
        required: name === 'X-Access-Code',
        schema: { type: 'string' },
      })),
    ],
    ...(doc?.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(doc.body, components) } },
          },
        }
      : {}),
    responses: {
      [String(doc?.success ?? 200)]: { description: 'Success', content: { 'application/json': {} } },
      ...(doc?.body
        ? { '400': { description: 'Invalid input; every failing field is listed', content: problem } }
        : {}),
      ...(route.auth === 'jwt'
        ? {
            '401': { description: 'Missing or invalid token' },
            '403': { description: 'The role may not do this; the reason is given', content: problem },
          }
        : {}),
      '404': { description: 'Not found', content: problem },
      ...(doc?.body
        ? {
            '409': { description: 'Conflict', content: problem },
            '413': { description: 'Body over 64 KiB', content: problem },
          }
        : {}),
    },
  };
}

let cached: unknown;

/** The OpenAPI 3.1 document, built from the route table and the zod schemas. */
export function openApiDocument(): unknown {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  const components: Record<string, unknown> = {};
  components.Problem = jsonSchema(problemSchema, components);
  for (const route of routes as readonly RouteSpec[]) {
    const methods = paths[route.path] ?? {};
    methods[route.method.toLowerCase()] = operation(route, components);
    paths[route.path] = methods;
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'AidFlow API',
      version: '1.0.0',
      description:
        'Appeals and aid applications for municipal social-protection offices. Money is in integer minor units.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: components,
    },
  };
  return cached;
}
