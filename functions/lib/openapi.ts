import * as z from 'zod/mini';
import { aidApplicationSchema } from '../../domain/aid-application.js';
import { appealSchema, feedbackSchema } from '../../domain/appeal.js';
import { budgetWriteSchema } from '../../domain/budget.js';
import { aidTypeEntrySchema, categoryEntrySchema } from '../../domain/catalogue-entry-schemas.js';
import { decisionSchema } from '../../domain/decision.js';
import { applicantResponseSchema } from '../../domain/info-request.js';
import {
  deliverySchema,
  paymentBatchRequestSchema,
  settlementSchema,
} from '../../domain/payment-requests.js';
import {
  batchReceiptSchema,
  batchRegisterSchema,
  batchSentSchema,
  batchViewSchema,
  disbursementListSchema,
  settlementResultSchema,
} from '../../domain/payment-responses.js';
import { aidUsageReportSchema, budgetsReportSchema } from '../../domain/reports.js';
import { newRuleSetSchema } from '../../domain/rule-set-versions.js';
import { staffIdentitySchema } from '../../domain/staff-identity.js';
import {
  staffIdentityRecordedSchema,
  staffIdentityStatusSchema,
} from '../../domain/staff-identity-responses.js';
import { withdrawalSchema } from '../../domain/withdrawal-schema.js';
import { type RouteSpec, routes } from '../http/routes.js';

/** What the route table cannot say about a route: its purpose, body and success status. */
const docs: Record<
  string,
  {
    summary: string;
    body?: z.ZodMiniType;
    success: number;
    params?: string[];
    headers?: string[];
    /** The success body's schema; `csv`: the route also answers text/csv (format=csv). */
    response?: z.ZodMiniType;
    csv?: boolean;
    /** A file download: the content types it may come as, instead of JSON. */
    download?: string[];
  }
> = {
  'POST /v1/aid-applications': {
    summary:
      'Apply for aid (applicants; no sign-in). Optional Idempotency-Key header: a retry with it within 24 hours gets the same 201 (access code included); another body, or the key again after 24 hours, gets 409.',
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
  'POST /v1/cases/{reference}/withdrawal': {
    summary:
      'The applicant withdraws the application (needs X-Access-Code): reserved money goes back to its budget and the workflow stops; repeating answers the same; 409 once the payment is authorised.',
    body: withdrawalSchema,
    success: 200,
    headers: ['X-Access-Code'],
  },
  'GET /v1/cases/by-id/{caseId}/minutes': {
    summary:
      "The commission's minutes of a case (members, votes, comments, date, outcome) as a text/markdown download.",
    success: 200,
  },
  'GET /v1/cases': {
    summary:
      "Staff case search: by reference; by status (and kind) newest first, limit and cursor paging through; or a person's aid cases and appeals by fullName with birthDate (YYYY-MM-DD) or nationalId, newest first (the name as on the application; matched through the same keyed hash the intake stores, no index of names).",
    success: 200,
    params: ['status', 'kind', 'reference', 'limit', 'cursor', 'fullName', 'birthDate', 'nationalId'],
  },
  'GET /v1/cases/by-id/{caseId}': {
    summary: 'The full case for staff (aid or appeal): as submitted, its timeline, decisions and tasks.',
    success: 200,
  },
  'GET /v1/cases/by-id/{caseId}/audit': {
    summary:
      "The case's audit trail in chain order (seq, at, actor, action, before, after, prevHash, hash), a page at a time (auditor, head). check=true: the whole chain verified against the head on the case ({ verified, events, headSeq, problems }); format=csv: the whole trail as a file, links included.",
    success: 200,
    params: ['limit', 'cursor', 'check', 'format'],
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
      'Send an appeal (no sign-in): 201 with reference, access code and the legal dueDate. A clerk signed in (Bearer token) may add channel and receivedAt; registeredLate then says when that was later than the law allows for registering.',
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
  'GET /v1/reports/aid-usage': {
    summary:
      'Aid paid in a year (default: this year) by funding source × aid type: amount and people for adults (disabled, pensioners, other) and families with children. format=csv for CSV (amounts in major units).',
    success: 200,
    params: ['year', 'format'],
    response: aidUsageReportSchema,
    csv: true,
  },
  'GET /v1/reports/budgets': {
    summary:
      'Budget movement of a year (default: this year) per funding source: opening, allocated, reserved, spent (on adults / on families with children), closing = opening + allocated − spent. format=csv for CSV.',
    success: 200,
    params: ['year', 'format'],
    response: budgetsReportSchema,
    csv: true,
  },
  'GET /v1/tasks': {
    summary:
      "Open tasks the caller's roles may act on, oldest first; each with `brief` (its case at a glance: applicant, aid, amount, categories, an appeal's topic and priority), `claim` while someone has it open, and `department` for a department's answer.",
    success: 200,
    params: ['limit', 'cursor'],
  },
  'GET /v1/tasks/{taskId}': {
    summary:
      'One task with its case, eligibility explanation and history; for a commission vote, `votes` (the votes cast so far) only once the caller has voted.',
    success: 200,
  },
  'POST /v1/tasks/{taskId}/decision': { summary: 'Decide a task.', body: decisionSchema, success: 200 },
  'PUT /v1/tasks/{taskId}/claim': {
    summary:
      "Say that you are looking at an open task (a role of yours), for 20 minutes from now, so colleagues' inboxes put it last: { taskId, claimedBy, claimedAt, until }. Opening it again renews the claim. A colleague's claim that still holds → 409 with claimedBy, claimedAt and until, unless takeOver=true. A decided task → 409. The decision stays the only guard: a claim is advice.",
    success: 200,
    params: ['takeOver'],
  },
  'DELETE /v1/tasks/{taskId}/claim': {
    summary: "Give up your claim on a task (a colleague's is left alone); 204.",
    success: 204,
  },
  'GET /v1/disbursements': {
    summary: 'Disbursements by status (authorised, batched, paid, failed), oldest first (finance, auditor).',
    success: 200,
    params: ['status', 'limit', 'cursor'],
    response: disbursementListSchema,
  },
  'POST /v1/disbursements/{disbursementId}/settlement': {
    summary:
      "Record the bank's result: paid (money spent, case paid) or failed with a reason (money released, case payment_failed, a re-issue task for finance). The same settlement again → the same 200; a different one → 409.",
    body: settlementSchema,
    success: 200,
    response: settlementResultSchema,
  },
  'POST /v1/cases/by-id/{caseId}/messages/{notificationId}/resend': {
    summary:
      'Have a message to the applicant sent again (clerk, reviewer, head): only one that failed, or whose send was claimed over ten minutes ago and never confirmed; 409 otherwise.',
    success: 200,
  },
  'GET /v1/letters': {
    summary:
      'Letters waiting to be printed and posted (clerk), oldest first: the text in the applicant’s language, with the name and postal address from the case; limit and cursor page through.',
    success: 200,
    params: ['limit', 'cursor'],
  },
  'POST /v1/letters/{letterId}/posted': {
    summary:
      'Mark a printed letter as posted (clerk): it leaves the print queue. Saying it twice answers the same; 404 for an id that names no letter.',
    success: 200,
  },
  'POST /v1/disbursements/{disbursementId}/delivery': {
    summary:
      'Confirm that in-kind aid was handed over: commits like a paid settlement (money spent, case paid). Idempotent like the settlement.',
    body: deliverySchema,
    success: 200,
    response: settlementResultSchema,
  },
  'POST /v1/payment-batches': {
    summary:
      'Batch authorised bank-transfer and cash-desk disbursements (all when disbursementIds is left out; in-kind aid is never batched). 403 when an item above the four-eyes threshold was authorised by the caller.',
    body: paymentBatchRequestSchema,
    success: 201,
    response: batchReceiptSchema,
  },
  'GET /v1/payment-batches': {
    summary:
      'The batch register (finance, auditor), newest first: who made each batch and when, its count and control totals, status created | sent (sentBy, sentAt) and its downloads (count, the last); limit and cursor page through.',
    success: 200,
    params: ['limit', 'cursor'],
    response: batchRegisterSchema,
  },
  'POST /v1/payment-batches/{batchId}/sent': {
    summary:
      "Record that the batch's files went to the bank (finance): once, with who and when, and a batch.sent event on each payment's case. Saying it again answers the first mark (alreadySent: true); 404 for an unknown batch.",
    success: 200,
    response: batchSentSchema,
  },
  'GET /v1/payment-batches/{batchId}': {
    summary:
      "A payment batch: header, control totals per currency, status (sent: by whom, when), the latest downloads, the number of bank transfers and cash-desk payouts, and its items with their disbursements' status.",
    success: 200,
    response: batchViewSchema,
  },
  'GET /v1/payment-batches/{batchId}/files/{format}': {
    summary:
      'The batch as a file: format csv (every item, UTF-8 with BOM) or pain001 (ISO 20022 pain.001.001.09 XML of its bank transfers; cash-desk items are in the CSV only). Each download is recorded (who, when, which file) and shown with the batch; a batch already sent is still served.',
    success: 200,
    download: ['text/csv', 'application/xml'],
  },
  'GET /v1/catalogue': {
    summary:
      'The catalogue (public): recipient categories, aid types (kind, default funding sources) and funding sources, each named in en, uk, ru and zh.',
    success: 200,
  },
  'PUT /v1/catalogue/{kind}/{code}': {
    summary:
      'Add or change a catalogue entry (admin). kind: recipient-categories | aid-types | funding-sources; the body is that kind\'s entry (names in all four languages). 201 when new, 200 when changed. With `If-None-Match: *` it only adds: a code the catalogue already has (stored or in the release) answers 412 with `exists: true` and changes nothing; the desk\'s "Add an entry" sends it.',
    body: z.union([categoryEntrySchema, aidTypeEntrySchema]),
    success: 200,
    headers: ['If-None-Match'],
  },
  'GET /v1/rule-sets/{aidType}': {
    summary:
      "An aid type's eligibility rule set versions, oldest first: id, version, effectiveFrom, hash, rules, and which is in force today.",
    success: 200,
  },
  'POST /v1/rule-sets/{aidType}': {
    summary:
      'Add a rule set version (admin) taking effect on effectiveFrom (today or later); version optional (the next one). 409 if the version exists: versions are never changed.',
    body: newRuleSetSchema,
    success: 201,
  },
  'PUT /v1/staff/{username}/identity': {
    summary:
      "Record a member of staff's name, birth date and national id as an applicant would give them (admin); only their person keys are stored, so nobody decides on their own application.",
    body: staffIdentitySchema,
    success: 200,
    response: staffIdentityRecordedSchema,
  },
  'GET /v1/staff/{username}/identity': {
    summary:
      "Whether a member of staff's identity is recorded (admin): { username, recorded, personKeys, updatedAt?, updatedBy? }, the number of person keys and when and by whom they were recorded; never names or keys. recorded: false means the person's own applications would not be recognised by segregation of duties.",
    success: 200,
    response: staffIdentityStatusSchema,
  },
  'GET /openapi.json': { summary: 'This document.', success: 200 },
};

const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});

/**
 * A zod schema as JSON Schema 2020-12 whose named parts (`meta(schema, { id })`) are hoisted into
 * `components.schemas`, so every `$ref` resolves inside the OpenAPI document.
 */
function jsonSchema(schema: z.ZodMiniType, components: Record<string, unknown>): unknown {
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
      [String(doc?.success ?? 200)]: {
        description: 'Success',
        content: doc?.download
          ? Object.fromEntries(doc.download.map((type) => [type, { schema: { type: 'string' } }]))
          : {
              'application/json': doc?.response ? { schema: jsonSchema(doc.response, components) } : {},
              ...(doc?.csv ? { 'text/csv': { schema: { type: 'string' } } } : {}),
            },
      },
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
