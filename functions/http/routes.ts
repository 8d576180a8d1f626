import type { Action } from '../../domain/permissions.js';
import type { FunctionName } from '../registry.js';

/**
 * The HTTP API's route table: API Gateway routes in AWS (infra/constructs/api.ts) and the local
 * server's dispatch (local/http-server.ts) are both built from it.
 *
 * `auth: 'jwt'` routes sit behind the JWT authorizer (Cognito in AWS, the local issuer locally);
 * which roles may act is decided inside the handler from the permission matrix in domain/.
 */
interface RouteBase {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path syntax: `/v1/tasks/{taskId}`. */
  readonly path: string;
  readonly function: FunctionName;
}

/**
 * A signed-in route names its permission-matrix action, so that a route added without one does
 * not compile; test/functions/http/permission-matrix.test.ts checks that the handler passes the
 * same action to `httpRoute` and walks every route × role.
 */
export type RouteSpec =
  | (RouteBase & { readonly auth: 'public'; readonly action?: never })
  | (RouteBase & {
      /** `optional-jwt`: open to citizens; the action gates what only staff may add. */
      readonly auth: 'jwt' | 'optional-jwt';
      readonly action: Action;
    });

export const routes = [
  { method: 'POST', path: '/v1/aid-applications', function: 'SubmitAidApplication', auth: 'public' },
  { method: 'GET', path: '/v1/cases/{reference}', function: 'GetCaseStatus', auth: 'public' },
  // Public, but a clerk's token (channel, receivedAt) is verified by the handler itself.
  {
    method: 'POST',
    path: '/v1/appeals',
    function: 'SubmitAppeal',
    auth: 'optional-jwt',
    action: 'appeals:register-channel',
  },
  { method: 'POST', path: '/v1/cases/{reference}/feedback', function: 'SubmitFeedback', auth: 'public' },
  {
    method: 'GET',
    path: '/v1/reports/appeals',
    function: 'AppealsReport',
    auth: 'jwt',
    action: 'reports:read',
  },
  {
    method: 'GET',
    path: '/v1/reports/aid-usage',
    function: 'AidUsageReport',
    auth: 'jwt',
    action: 'reports:read',
  },
  {
    method: 'GET',
    path: '/v1/reports/budgets',
    function: 'BudgetsReport',
    auth: 'jwt',
    action: 'reports:read',
  },
  {
    method: 'GET',
    path: '/v1/appeals/repeat-appellants',
    function: 'ListRepeatAppellants',
    auth: 'jwt',
    action: 'appeals:repeat-appellants',
  },
  {
    method: 'POST',
    path: '/v1/cases/{reference}/responses',
    function: 'RespondToRequest',
    auth: 'public',
  },
  {
    method: 'POST',
    path: '/v1/cases/{reference}/withdrawal',
    function: 'WithdrawApplication',
    auth: 'public',
  },
  {
    method: 'GET',
    path: '/v1/cases/by-id/{caseId}/minutes',
    function: 'GetMinutes',
    auth: 'jwt',
    action: 'cases:read',
  },
  { method: 'GET', path: '/v1/cases', function: 'SearchCases', auth: 'jwt', action: 'cases:search' },
  { method: 'GET', path: '/v1/cases/by-id/{caseId}', function: 'GetCase', auth: 'jwt', action: 'cases:read' },
  {
    method: 'GET',
    path: '/v1/cases/by-id/{caseId}/audit',
    function: 'GetCaseAudit',
    auth: 'jwt',
    action: 'cases:audit',
  },
  { method: 'GET', path: '/v1/budgets', function: 'ListBudgets', auth: 'jwt', action: 'budgets:read' },
  {
    method: 'PUT',
    path: '/v1/budgets/{source}/{year}',
    function: 'PutBudget',
    auth: 'jwt',
    action: 'budgets:write',
  },
  { method: 'GET', path: '/v1/tasks', function: 'ListTasks', auth: 'jwt', action: 'tasks:list' },
  { method: 'GET', path: '/v1/tasks/{taskId}', function: 'GetTask', auth: 'jwt', action: 'tasks:read' },
  {
    method: 'POST',
    path: '/v1/tasks/{taskId}/decision',
    function: 'DecideTask',
    auth: 'jwt',
    action: 'tasks:decide',
  },
  // One function for both: claiming and giving up are the same small item (domain/task-claims.ts).
  {
    method: 'PUT',
    path: '/v1/tasks/{taskId}/claim',
    function: 'ClaimTask',
    auth: 'jwt',
    action: 'tasks:decide',
  },
  {
    method: 'DELETE',
    path: '/v1/tasks/{taskId}/claim',
    function: 'ClaimTask',
    auth: 'jwt',
    action: 'tasks:decide',
  },
  {
    method: 'GET',
    path: '/v1/disbursements',
    function: 'ListDisbursements',
    auth: 'jwt',
    action: 'disbursements:list',
  },
  {
    method: 'POST',
    path: '/v1/disbursements/{disbursementId}/settlement',
    function: 'RecordSettlement',
    auth: 'jwt',
    action: 'settlements:record',
  },
  {
    method: 'POST',
    path: '/v1/disbursements/{disbursementId}/delivery',
    function: 'RecordDelivery',
    auth: 'jwt',
    action: 'deliveries:record',
  },
  {
    method: 'POST',
    path: '/v1/cases/by-id/{caseId}/messages/{notificationId}/resend',
    function: 'ResendMessage',
    auth: 'jwt',
    action: 'messages:resend',
  },
  { method: 'GET', path: '/v1/letters', function: 'ListLetters', auth: 'jwt', action: 'letters:list' },
  {
    method: 'POST',
    path: '/v1/letters/{letterId}/posted',
    function: 'MarkLetterPosted',
    auth: 'jwt',
    action: 'letters:post',
  },
  {
    method: 'POST',
    path: '/v1/payment-batches',
    function: 'CreatePaymentBatch',
    auth: 'jwt',
    action: 'batches:create',
  },
  {
    method: 'GET',
    path: '/v1/payment-batches',
    function: 'ListPaymentBatches',
    auth: 'jwt',
    action: 'batches:read',
  },
  {
    method: 'POST',
    path: '/v1/payment-batches/{batchId}/sent',
    function: 'MarkPaymentBatchSent',
    auth: 'jwt',
    action: 'batches:send',
  },
  {
    method: 'GET',
    path: '/v1/payment-batches/{batchId}',
    function: 'GetPaymentBatch',
    auth: 'jwt',
    action: 'batches:read',
  },
  // One function for both files: /files/csv and /files/pain001 (any other format answers 404).
  {
    method: 'GET',
    path: '/v1/payment-batches/{batchId}/files/{format}',
    function: 'GetPaymentBatchFile',
    auth: 'jwt',
    action: 'batches:read',
  },
  { method: 'GET', path: '/v1/catalogue', function: 'GetCatalogue', auth: 'public' },
  {
    method: 'PUT',
    path: '/v1/catalogue/{kind}/{code}',
    function: 'PutCatalogueEntry',
    auth: 'jwt',
    action: 'catalogue:write',
  },
  {
    method: 'GET',
    path: '/v1/rule-sets/{aidType}',
    function: 'ListRuleSets',
    auth: 'jwt',
    action: 'rules:read',
  },
  {
    method: 'POST',
    path: '/v1/rule-sets/{aidType}',
    function: 'CreateRuleSet',
    auth: 'jwt',
    action: 'rules:write',
  },
  {
    method: 'PUT',
    path: '/v1/staff/{username}/identity',
    function: 'PutStaffIdentity',
    auth: 'jwt',
    action: 'staff:write',
  },
  {
    method: 'GET',
    path: '/v1/staff/{username}/identity',
    function: 'GetStaffIdentity',
    auth: 'jwt',
    action: 'staff:read',
  },
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
