import type { FunctionName } from '../registry.js';

/**
 * The HTTP API's route table: API Gateway routes in AWS (infra/constructs/api.ts) and the local
 * server's dispatch (local/http-server.ts) are both built from it.
 *
 * `auth: 'jwt'` routes sit behind the JWT authorizer (Cognito in AWS, the local issuer locally);
 * which roles may act is decided inside the handler from the permission matrix in domain/.
 */
export interface RouteSpec {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path syntax: `/v1/tasks/{taskId}`. */
  readonly path: string;
  readonly function: FunctionName;
  readonly auth: 'public' | 'jwt' | 'optional-jwt';
}

export const routes = [
  { method: 'POST', path: '/v1/aid-applications', function: 'SubmitAidApplication', auth: 'public' },
  { method: 'GET', path: '/v1/cases/{reference}', function: 'GetCaseStatus', auth: 'public' },
  // Public, but a clerk's token (channel, receivedAt) is verified by the handler itself.
  { method: 'POST', path: '/v1/appeals', function: 'SubmitAppeal', auth: 'optional-jwt' },
  { method: 'POST', path: '/v1/cases/{reference}/feedback', function: 'SubmitFeedback', auth: 'public' },
  { method: 'GET', path: '/v1/reports/appeals', function: 'AppealsReport', auth: 'jwt' },
  {
    method: 'GET',
    path: '/v1/appeals/repeat-appellants',
    function: 'ListRepeatAppellants',
    auth: 'jwt',
  },
  {
    method: 'POST',
    path: '/v1/cases/{reference}/responses',
    function: 'RespondToRequest',
    auth: 'public',
  },
  { method: 'GET', path: '/v1/cases/by-id/{caseId}/minutes', function: 'GetMinutes', auth: 'jwt' },
  { method: 'GET', path: '/v1/budgets', function: 'ListBudgets', auth: 'jwt' },
  { method: 'PUT', path: '/v1/budgets/{source}/{year}', function: 'PutBudget', auth: 'jwt' },
  { method: 'GET', path: '/v1/tasks', function: 'ListTasks', auth: 'jwt' },
  { method: 'GET', path: '/v1/tasks/{taskId}', function: 'GetTask', auth: 'jwt' },
  { method: 'POST', path: '/v1/tasks/{taskId}/decision', function: 'DecideTask', auth: 'jwt' },
  { method: 'GET', path: '/v1/disbursements', function: 'ListDisbursements', auth: 'jwt' },
  { method: 'GET', path: '/openapi.json', function: 'OpenApi', auth: 'public' },
] as const satisfies readonly RouteSpec[];

export type Route = (typeof routes)[number];

/** Matches a concrete path against a route path template; returns the path parameters. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const t = template.split('/');
  const p = path.split('/');
  if (t.length !== p.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const seg = t[i] ?? '';
    const actual = p[i] ?? '';
    if (seg.startsWith('{') && seg.endsWith('}')) {
      if (actual === '') return undefined;
      params[seg.slice(1, -1)] = decodeURIComponent(actual);
    } else if (seg !== actual) {
      return undefined;
    }
  }
  return params;
}
