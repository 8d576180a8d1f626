import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Runtime, startRuntime } from '../../local/runtime.js';
import { ApiClient, distinctApplication, sampleApplication } from '../support/api-client.js';

interface Receipt {
  caseId: string;
  reference: string;
  accessCode: string;
  status: string;
}
interface TaskList {
  items: { taskId: string; type: string; caseReference: string; allowedOutcomes: string[] }[];
}

/**
 * One aid application through the whole embedded runtime: HTTP server → handlers → DynamoDB
 * Local → stream → local Step Functions → staff decisions → funds → disbursement, with a restart
 * of the runtime in the middle of the execution.
 */
describe('an aid application end to end on the embedded runtime', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aidflow-runtime-'));
  let runtime: Runtime;
  let api: ApiClient;
  let receipt: Receipt;

  // DynamoDB Local's JVM start dominates; on a loaded machine it can take more than a minute.
  beforeAll(async () => {
    runtime = await startRuntime({ port: 0, dataDir, timerIntervalMs: 60_000 });
    api = new ApiClient(runtime.url);
  }, 180_000);
  afterAll(async () => {
    await runtime?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function openTask(username: string, reference: string, type: string) {
    const { body } = await api.as<TaskList>(username, 'GET', '/v1/tasks');
    return body.items.find((t) => t.caseReference === reference && t.type === type);
  }

  it('serves health once ready', async () => {
    const res = await api.request('GET', '/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('acknowledges an application with a reference and an access code', async () => {
    const res = await api.request<Receipt>('POST', '/v1/aid-applications', {
      body: sampleApplication(),
      headers: { 'idempotency-key': 'e2e-key-0001' },
    });
    expect(res.status).toBe(201);
    expect(res.body.reference).toMatch(/^AID-\d{4}-\d{6}$/);
    expect(res.body.accessCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(res.body.status).toBe('submitted');
    receipt = res.body;
  });

  it('answers a retry with the same Idempotency-Key with the same receipt, and a different body with 409', async () => {
    const again = await api.request<Receipt>('POST', '/v1/aid-applications', {
      body: sampleApplication(),
      headers: { 'idempotency-key': 'e2e-key-0001' },
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(receipt);
    const different = await api.request('POST', '/v1/aid-applications', {
      body: sampleApplication({ reason: 'Другая причина' }),
      headers: { 'idempotency-key': 'e2e-key-0001' },
    });
    expect(different.status).toBe(409);
    expect(different.headers.get('content-type')).toContain('application/problem+json');
  });

  it('starts the workflow from the stream and puts the case in review', async () => {
    await runtime.settle();
    const res = await api.request<{ status: string; timeline: { status: string }[] }>(
      'GET',
      `/v1/cases/${receipt.reference}`,
      { headers: { 'x-access-code': receipt.accessCode } },
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('in_review');
    expect(res.body.timeline.map((t) => t.status)).toEqual(['submitted', 'in_review']);
  });

  it('answers a wrong access code and an unknown reference alike', async () => {
    const wrong = await api.request('GET', `/v1/cases/${receipt.reference}`, {
      headers: { 'x-access-code': 'AAAA-AAAA-AAAA-AAAA' },
    });
    const unknown = await api.request('GET', '/v1/cases/AID-2026-999999', {
      headers: { 'x-access-code': receipt.accessCode },
    });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
  });

  it("shows the review task to reviewers only, and refuses another role's decision with a reason", async () => {
    const review = await openTask('reviewer', receipt.reference, 'review');
    expect(review?.allowedOutcomes).toEqual(['approve', 'reject', 'request_info']);
    expect(await openTask('head', receipt.reference, 'review')).toBeUndefined();
    const denied = await api.as('head', 'POST', `/v1/tasks/${review?.taskId}/decision`, {
      outcome: 'approve',
    });
    expect(denied.status).toBe(403);
    expect(String(denied.body.detail)).toContain('reviewer');
  });

  it('accepts the review decision once and answers a second one with 409', async () => {
    const review = await openTask('reviewer', receipt.reference, 'review');
    const first = await api.as('reviewer', 'POST', `/v1/tasks/${review?.taskId}/decision`, {
      outcome: 'approve',
    });
    expect(first.status).toBe(200);
    const second = await api.as('reviewer2', 'POST', `/v1/tasks/${review?.taskId}/decision`, {
      outcome: 'approve',
    });
    expect(second.status).toBe(409);
  });

  it('moves to the head, whose approval reserves the money from the budget', async () => {
    await runtime.settle();
    const approve = await openTask('head', receipt.reference, 'approve');
    expect(approve).toBeDefined();
    const before = await api.as<{ items: { source: string; remaining: number }[] }>(
      'finance',
      'GET',
      '/v1/disbursements',
    );
    expect(before.status).toBe(200);
    const res = await api.as('head', 'POST', `/v1/tasks/${approve?.taskId}/decision`, {
      outcome: 'approve',
      fundingSource: 'regional_budget',
    });
    expect(res.status).toBe(200);
    await runtime.settle();
    const view = await api.request<{ status: string }>('GET', `/v1/cases/${receipt.reference}`, {
      headers: { 'x-access-code': receipt.accessCode },
    });
    expect(view.body.status).toBe('funds_reserved');
  });

  it('survives a restart while waiting for the payment authorisation, and finishes paid with one disbursement', async () => {
    await runtime.stop();
    runtime = await startRuntime({ port: 0, dataDir, timerIntervalMs: 60_000 });
    api = new ApiClient(runtime.url);
    await runtime.settle();

    const authorise = await openTask('finance', receipt.reference, 'authorise_payment');
    expect(authorise).toBeDefined();
    const res = await api.as('finance', 'POST', `/v1/tasks/${authorise?.taskId}/decision`, {
      outcome: 'approve',
    });
    expect(res.status).toBe(200);
    await runtime.settle();

    const list = await api.as<{
      items: { disbursementId: string; caseReference: string; amount: { minor: number }; status: string }[];
    }>('finance', 'GET', '/v1/disbursements?status=authorised');
    const mine = list.body.items.filter((d) => d.caseReference === receipt.reference);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ amount: { minor: 500_000 }, status: 'authorised' });

    // The workflow waits in "Create the disbursement" until finance records the bank's result.
    const settled = await api.as(
      'finance',
      'POST',
      `/v1/disbursements/${mine[0]?.disbursementId}/settlement`,
      {
        status: 'paid',
        bankReference: 'BANK-0001',
      },
    );
    expect(settled.status).toBe(200);
    await runtime.settle();
    const view = await api.request<{ status: string }>('GET', `/v1/cases/${receipt.reference}`, {
      headers: { 'x-access-code': receipt.accessCode },
    });
    expect(view.body.status).toBe('paid');

    const execution = await runtime.engine.describeExecution(
      `${runtime.stateMachineArns.AidApplication?.replace(':stateMachine:', ':execution:')}:${receipt.caseId}`,
    );
    expect(execution.status).toBe('SUCCEEDED');
    // Billed state transitions of the single-approver happy path (issue 7's goal: at most 14): check,
    // eligible?, review, review outcome? (which also picks the approver), head approval, reserve,
    // reserved?, authorise, disburse. The head's and finance's rejections arrive as a caught
    // DecisionRejected, so no choice follows their waits; waiting for the settlement adds none:
    // "Create the disbursement" is itself the callback that ends the workflow once paid.
    expect(await runtime.engine.transitions(execution.executionArn)).toBe(9);
  }, 180_000); // restarts the runtime: a JVM start

  it('rejects an application automatically, with reasons, when a mandatory rule fails', async () => {
    // Another person: the first applicant's cash application is still open (one per person and aid type).
    const rich = distinctApplication({
      household: { size: 1, children: 0, monthlyIncome: { currency: 'RUB', minor: 9_000_000 } },
      categories: ['pensioner'],
    });
    const res = await api.request<Receipt>('POST', '/v1/aid-applications', { body: rich });
    expect(res.status).toBe(201);
    await runtime.settle();
    const view = await api.request<{
      status: string;
      decision: { reasons: { code: string; message: string }[] };
    }>('GET', `/v1/cases/${res.body.reference}`, { headers: { 'x-access-code': res.body.accessCode } });
    expect(view.body.status).toBe('rejected');
    expect(view.body.decision.reasons.length).toBeGreaterThan(0);
    expect(view.body.decision.reasons.every((r) => r.message.length > 0)).toBe(true);
  });
});
