import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Runtime, startRuntime } from '../../local/runtime.js';
import { ApiClient, sampleApplication } from '../support/api-client.js';
import { pain001Problems, parseXml } from '../support/pain001-structure.js';

interface Receipt {
  caseId: string;
  reference: string;
  accessCode: string;
}
interface TaskList {
  items: { taskId: string; type: string; caseReference: string; allowedOutcomes: string[] }[];
}
interface Disbursement {
  disbursementId: string;
  caseReference: string;
  amount: { currency: string; minor: number };
  status: string;
  attempt?: number;
  payee: { name: string; method: string; iban?: string };
}
interface BudgetLine {
  source: string;
  opening: number;
  allocated: number;
  reserved: number;
  spent: number;
  remaining: number;
}

/**
 * The finance desk through the whole embedded runtime: authorised disbursements are batched, the
 * files downloaded and the bank's result recorded; the workflow waits for it, ends when paid, and
 * on a failed payment asks finance to correct the payout and re-issue it.
 */
describe('the finance desk on the embedded runtime', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aidflow-finance-'));
  let runtime: Runtime;
  let api: ApiClient;
  let applicants = 0;

  // DynamoDB Local's JVM start dominates; on a loaded machine it can take more than a minute.
  beforeAll(async () => {
    runtime = await startRuntime({ port: 0, dataDir, timerIntervalMs: 60_000 });
    api = new ApiClient(runtime.url);
  }, 180_000);
  afterAll(async () => {
    await runtime?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function task(username: string, reference: string, type: string) {
    await runtime.settle();
    const { body } = await api.as<TaskList>(username, 'GET', '/v1/tasks?limit=100');
    return body.items.find((t) => t.caseReference === reference && t.type === type);
  }

  async function decide(username: string, reference: string, type: string, decision: object) {
    const open = await task(username, reference, type);
    expect(open, `${type} task of ${reference}`).toBeDefined();
    const res = await api.as(username, 'POST', `/v1/tasks/${open?.taskId}/decision`, decision);
    await runtime.settle();
    return res;
  }

  async function caseStatus(receipt: Receipt): Promise<string> {
    const res = await api.request<{ status: string }>('GET', `/v1/cases/${receipt.reference}`, {
      headers: { 'x-access-code': receipt.accessCode },
    });
    return res.body.status;
  }

  async function disbursementOf(reference: string, status: string): Promise<Disbursement | undefined> {
    const res = await api.as<{ items: Disbursement[] }>(
      'finance',
      'GET',
      `/v1/disbursements?status=${status}&limit=100`,
    );
    return res.body.items.find((d) => d.caseReference === reference);
  }

  async function budget(source: string): Promise<BudgetLine> {
    const year = new Date().getUTCFullYear();
    type Money = { minor: number };
    const res = await api.as<{ items: (Record<keyof BudgetLine, Money> & { source: string })[] }>(
      'finance',
      'GET',
      `/v1/budgets?year=${year}`,
    );
    const line = res.body.items.find((b) => b.source === source);
    if (!line) throw new Error(`no budget line for ${source}`);
    return {
      source,
      opening: line.opening.minor,
      allocated: line.allocated.minor,
      reserved: line.reserved.minor,
      spent: line.spent.minor,
      remaining: line.remaining.minor,
    };
  }

  const executionOf = (caseId: string) =>
    runtime.engine.describeExecution(
      `${runtime.stateMachineArns.AidApplication?.replace(':stateMachine:', ':execution:')}:${caseId}`,
    );

  /** A new applicant (cash aid is once a year per person), through review, approval and authorisation. */
  async function authorisedApplication(payout: object): Promise<Receipt> {
    applicants += 1;
    const res = await api.request<Receipt>('POST', '/v1/aid-applications', {
      body: sampleApplication({
        applicant: {
          fullName: `Ольга Финансова ${String.fromCharCode(1040 + applicants)}`,
          birthDate: '1949-09-09',
          phone: '+7 912 111-22-33',
          preferredLanguage: 'ru',
        },
        requestedAmount: { currency: 'RUB', minor: 400_000 },
        payout,
      }),
    });
    expect(res.status).toBe(201);
    const receipt = res.body;
    expect((await decide('reviewer', receipt.reference, 'review', { outcome: 'approve' })).status).toBe(200);
    expect(
      (
        await decide('head', receipt.reference, 'approve', {
          outcome: 'approve',
          fundingSource: 'regional_budget',
        })
      ).status,
    ).toBe(200);
    expect(
      (await decide('finance', receipt.reference, 'authorise_payment', { outcome: 'approve' })).status,
    ).toBe(200);
    return receipt;
  }

  it('pays a case from authorisation through a batch, its files and the settlement, and ends the workflow', async () => {
    // Arrange
    const before = await budget('regional_budget');
    const receipt = await authorisedApplication({
      method: 'bank_transfer',
      accountHolder: 'Финансова Ольга',
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
    });
    const authorised = await disbursementOf(receipt.reference, 'authorised');

    // Act
    const batch = await api.as<{ batchId: string; count: number; total: { minor: number } }>(
      'finance2',
      'POST',
      '/v1/payment-batches',
      { disbursementIds: [authorised?.disbursementId] },
    );
    const view = await api.as<{ items: { disbursementId: string; status: string }[] }>(
      'auditor',
      'GET',
      `/v1/payment-batches/${batch.body.batchId}`,
    );
    const csv = await api.as('finance', 'GET', `/v1/payment-batches/${batch.body.batchId}/files/csv`);
    const xml = await api.as('finance', 'GET', `/v1/payment-batches/${batch.body.batchId}/files/pain001`);
    // Before the batch is marked sent, no result can have come back from the bank.
    const tooEarly = await api.as(
      'finance2',
      'POST',
      `/v1/disbursements/${authorised?.disbursementId}/settlement`,
      { status: 'failed', reason: 'Account closed' },
    );
    const listedUnsent = await api.as<{ items: { disbursementId: string; batchSent?: boolean }[] }>(
      'finance',
      'GET',
      '/v1/disbursements?status=batched&limit=100',
    );
    const sent = await api.as('finance', 'POST', `/v1/payment-batches/${batch.body.batchId}/sent`);
    const listedSent = await api.as<{ items: { disbursementId: string; batchSent?: boolean }[] }>(
      'finance',
      'GET',
      '/v1/disbursements?status=batched&limit=100',
    );
    const settled = await api.as(
      'finance2',
      'POST',
      `/v1/disbursements/${authorised?.disbursementId}/settlement`,
      {
        status: 'paid',
        bankReference: 'BANK-7777',
      },
    );
    const repeated = await api.as(
      'finance2',
      'POST',
      `/v1/disbursements/${authorised?.disbursementId}/settlement`,
      {
        status: 'paid',
        bankReference: 'BANK-7777',
      },
    );
    const contradicting = await api.as(
      'finance2',
      'POST',
      `/v1/disbursements/${authorised?.disbursementId}/settlement`,
      { status: 'failed', reason: 'returned' },
    );
    await runtime.settle();

    // Assert
    expect(authorised).toMatchObject({ status: 'authorised', amount: { minor: 400_000 } });
    expect(batch.status).toBe(201);
    expect(batch.body).toMatchObject({ count: 1, total: { currency: 'RUB', minor: 400_000 } });
    expect(view.body.items).toEqual([expect.objectContaining({ status: 'batched' })]);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('attachment; filename=');
    expect(String(csv.body)).toContain('Финансова Ольга');
    expect(xml.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(pain001Problems(parseXml(String(xml.body)))).toEqual([]);
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body).toMatchObject({ code: 'batch_not_sent', batchId: batch.body.batchId });
    const listed = (page: typeof listedSent) =>
      page.body.items.find((d) => d.disbursementId === authorised?.disbursementId);
    expect(listed(listedUnsent)?.batchSent).toBe(false);
    expect(sent.status).toBe(200);
    expect(listed(listedSent)?.batchSent).toBe(true);
    expect(settled.status).toBe(200);
    expect(repeated).toMatchObject({ status: 200, body: settled.body });
    expect(contradicting.status).toBe(409);
    expect(contradicting.headers.get('content-type')).toContain('application/problem+json');
    expect(await caseStatus(receipt)).toBe('paid');
    expect((await disbursementOf(receipt.reference, 'paid'))?.status).toBe('paid');
    expect((await executionOf(receipt.caseId)).status).toBe('SUCCEEDED');
    const after = await budget('regional_budget');
    expect(after.spent - before.spent).toBe(400_000);
    expect(after.reserved).toBe(before.reserved);
    expect(after.allocated + after.opening).toBe(after.remaining + after.reserved + after.spent);
  });

  it('re-issues a failed payment with corrected details (authorised by someone else) and pays it', async () => {
    // Arrange
    const before = await budget('regional_budget');
    const receipt = await authorisedApplication({ method: 'cash_desk' });
    const first = await disbursementOf(receipt.reference, 'authorised');

    // Act: the bank (here the cash desk) returns it; finance2 corrects the payout to a bank account.
    const failed = await api.as('finance', 'POST', `/v1/disbursements/${first?.disbursementId}/settlement`, {
      status: 'failed',
      reason: 'Recipient did not come to the cash desk',
    });
    await runtime.settle();
    const statusAfterFailure = await caseStatus(receipt);
    const budgetAfterFailure = await budget('regional_budget');
    const reissue = await task('finance2', receipt.reference, 'reissue_payment');
    const corrected = await decide('finance2', receipt.reference, 'reissue_payment', {
      outcome: 'reissue',
      payout: { method: 'bank_transfer', accountHolder: 'Финансова Ольга', iban: 'DE19370400440532000001' },
    });
    const byCorrector = await decide('finance2', receipt.reference, 'authorise_payment', {
      outcome: 'approve',
    });
    const byFirstAuthoriser = await decide('finance', receipt.reference, 'authorise_payment', {
      outcome: 'approve',
    });
    const second = await disbursementOf(receipt.reference, 'authorised');
    const paid = await api.as('finance2', 'POST', `/v1/disbursements/${second?.disbursementId}/settlement`, {
      status: 'paid',
    });
    await runtime.settle();

    // Assert
    expect(failed.status).toBe(200);
    expect(statusAfterFailure).toBe('payment_failed');
    expect(budgetAfterFailure.reserved).toBe(before.reserved);
    expect(budgetAfterFailure.remaining).toBe(before.remaining);
    expect(reissue?.allowedOutcomes).toEqual(['reissue', 'close']);
    expect(corrected.status).toBe(200);
    expect(byCorrector.status).toBe(403);
    expect(String(byCorrector.body.detail)).toMatch(/corrected the payout details/);
    expect(byFirstAuthoriser.status).toBe(200);
    expect(second).toMatchObject({
      disbursementId: `${first?.disbursementId}_2`,
      attempt: 2,
      payee: { method: 'bank_transfer', iban: 'DE19370400440532000001' },
    });
    expect(paid.status).toBe(200);
    expect(await caseStatus(receipt)).toBe('paid');
    expect((await disbursementOf(receipt.reference, 'failed'))?.disbursementId).toBe(first?.disbursementId);
    expect((await executionOf(receipt.caseId)).status).toBe('SUCCEEDED');
    const after = await budget('regional_budget');
    expect(after.spent - before.spent).toBe(400_000);
    expect(after.reserved).toBe(before.reserved);
    expect(after.remaining).toBe(before.remaining - 400_000);
    expect(after.allocated + after.opening).toBe(after.remaining + after.reserved + after.spent);
  });
});
