import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Runtime, startRuntime } from '../../local/runtime.js';
import { ApiClient, distinctApplicant, sampleApplication } from '../support/api-client.js';

interface Receipt {
  caseId: string;
  reference: string;
  accessCode: string;
}
interface TaskList {
  items: { taskId: string; type: string; caseReference: string }[];
}
interface Budget {
  source: string;
  reserved: { minor: number };
  remaining: { minor: number };
}

/**
 * Issue 3: "Rejection, withdrawal or payment failure release the reservation." The applicant
 * withdraws through the API at any stage before the payment is authorised; the workflow stops,
 * the case's tasks leave the inboxes, reserved money returns to the budget, and the person may
 * apply again.
 */
describe('an applicant withdrawing an application', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aidflow-withdraw-'));
  let runtime: Runtime;
  let api: ApiClient;

  beforeAll(async () => {
    runtime = await startRuntime({ port: 0, dataDir, timerIntervalMs: 60_000 });
    api = new ApiClient(runtime.url);
  }, 180_000);
  afterAll(async () => {
    await runtime?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function eventually<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
    for (let i = 0; i < 80; i++) {
      const value = await read();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 100));
      await runtime.settle();
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  async function openTask(username: string, reference: string, type: string) {
    const { body } = await api.as<TaskList>(username, 'GET', '/v1/tasks');
    return body.items.find((t) => t.caseReference === reference && t.type === type);
  }

  const task = (username: string, reference: string, type: string) =>
    eventually(() => openTask(username, reference, type), `${type} on ${reference}`);

  async function apply(applicant: Record<string, unknown>): Promise<Receipt> {
    const res = await api.request<Receipt>('POST', '/v1/aid-applications', {
      body: sampleApplication({ applicant }),
    });
    expect(res.status).toBe(201);
    await runtime.settle();
    return res.body;
  }

  function withdraw(receipt: Receipt, reason?: string) {
    return api.request<{ status: string | number; detail?: string; code?: string; caseStatus?: string }>(
      'POST',
      `/v1/cases/${receipt.reference}/withdrawal`,
      { body: reason ? { reason } : {}, headers: { 'x-access-code': receipt.accessCode } },
    );
  }

  async function status(receipt: Receipt) {
    const res = await api.request<{ status: string }>('GET', `/v1/cases/${receipt.reference}`, {
      headers: { 'x-access-code': receipt.accessCode },
    });
    return res.body.status;
  }

  async function execution(receipt: Receipt) {
    const arn = `${runtime.stateMachineArns.AidApplication?.replace(':stateMachine:', ':execution:')}:${receipt.caseId}`;
    return runtime.engine.describeExecution(arn);
  }

  async function budget(source: string): Promise<Budget> {
    const { body } = await api.as<{ items: Budget[] }>('finance', 'GET', '/v1/budgets?year=2026');
    const line = body.items.find((b) => b.source === source);
    if (!line) throw new Error(`no ${source} budget`);
    return line;
  }

  it('stops the workflow under review, takes the task out of the inbox, and lets the person apply again', async () => {
    // Arrange
    const applicant = distinctApplicant();
    const receipt = await apply(applicant);
    await task('reviewer', receipt.reference, 'review');

    // Act
    const res = await withdraw(receipt, 'Помощь больше не нужна');
    await runtime.settle();

    // Assert
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('withdrawn');
    expect(await status(receipt)).toBe('withdrawn');
    await eventually(
      async () => ((await execution(receipt)).status === 'ABORTED' ? true : undefined),
      'the execution to stop',
    );
    await eventually(
      async () => ((await openTask('reviewer', receipt.reference, 'review')) ? undefined : true),
      'the review task to leave the inbox',
    );
    const again = await withdraw(receipt);
    expect(again.status).toBe(200);
    const reapplied = await api.request('POST', '/v1/aid-applications', {
      body: sampleApplication({ applicant }),
    });
    expect(reapplied.status).toBe(201);
  });

  it('gives reserved money back to its budget', async () => {
    // Arrange: reviewed and approved by the head, so the money is reserved
    const receipt = await apply(distinctApplicant());
    const review = await task('reviewer', receipt.reference, 'review');
    expect(
      (await api.as('reviewer', 'POST', `/v1/tasks/${review.taskId}/decision`, { outcome: 'approve' }))
        .status,
    ).toBe(200);
    await runtime.settle();
    const approval = await task('head', receipt.reference, 'approve');
    const before = await budget('regional_budget');
    expect(
      (
        await api.as('head', 'POST', `/v1/tasks/${approval.taskId}/decision`, {
          outcome: 'approve',
          fundingSource: 'regional_budget',
        })
      ).status,
    ).toBe(200);
    await runtime.settle();
    await task('finance', receipt.reference, 'authorise_payment');
    const reserved = await budget('regional_budget');
    expect(reserved.reserved.minor).toBeGreaterThan(before.reserved.minor);

    // Act
    const res = await withdraw(receipt);
    await runtime.settle();

    // Assert
    expect(res.status).toBe(200);
    const after = await budget('regional_budget');
    expect(after.reserved.minor).toBe(before.reserved.minor);
    expect(after.remaining.minor).toBe(before.remaining.minor);
    await eventually(
      async () => ((await openTask('finance', receipt.reference, 'authorise_payment')) ? undefined : true),
      'the authorisation task to leave the inbox',
    );
  });

  it('refuses once the payment is authorised, and answers a wrong code as an unknown case', async () => {
    // Arrange
    const receipt = await apply(distinctApplicant());
    for (const [user, type, decision] of [
      ['reviewer', 'review', { outcome: 'approve' }],
      ['head', 'approve', { outcome: 'approve' }],
      ['finance', 'authorise_payment', { outcome: 'approve' }],
    ] as const) {
      const t = await task(user, receipt.reference, type);
      expect((await api.as(user, 'POST', `/v1/tasks/${t.taskId}/decision`, decision)).status).toBe(200);
      await runtime.settle();
    }
    await eventually(
      async () => ((await status(receipt)) === 'payment_authorised' ? true : undefined),
      'payment_authorised',
    );

    // Act
    const refused = await withdraw(receipt);
    const wrongCode = await api.request('POST', `/v1/cases/${receipt.reference}/withdrawal`, {
      body: {},
      headers: { 'x-access-code': 'AAAA-AAAA-AAAA-AAAA' },
    });

    // Assert
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/payment has already been authorised/);
    // The page words it from the code; the problem's own status stays the HTTP one.
    expect(refused.body).toMatchObject({
      code: 'payment_authorised',
      caseStatus: 'payment_authorised',
      status: 409,
    });
    expect(wrongCode.status).toBe(404);
    expect(await status(receipt)).toBe('payment_authorised');
  });
});
