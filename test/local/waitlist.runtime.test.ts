import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Runtime, startRuntime } from '../../local/runtime.js';
import { ApiClient, distinctApplication } from '../support/api-client.js';

interface Receipt {
  caseId: string;
  reference: string;
  accessCode: string;
}
interface TaskList {
  items: { taskId: string; type: string; caseReference: string }[];
}
interface BudgetLine {
  source: string;
  reserved: { minor: number };
  remaining: { minor: number };
}

/**
 * The waitlist through the whole embedded runtime: two approvals that the funding source cannot
 * cover wait for funds; an administrator's top-up funds the first approved first and its
 * workflow goes on to the payment authorisation; the next top-up funds the other.
 */
describe('waitlisted applications on the embedded runtime', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aidflow-waitlist-'));
  const year = new Date().getUTCFullYear();
  const rub = (minor: number) => ({ currency: 'RUB', minor });
  let runtime: Runtime;
  let api: ApiClient;
  let first: Receipt;
  let second: Receipt;

  // DynamoDB Local's JVM start dominates; on a loaded machine it can take more than a minute.
  beforeAll(async () => {
    runtime = await startRuntime({ port: 0, dataDir, timerIntervalMs: 60_000 });
    api = new ApiClient(runtime.url);
  }, 180_000);
  afterAll(async () => {
    await runtime?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function taskOf(username: string, reference: string, type: string) {
    const { body } = await api.as<TaskList>(username, 'GET', '/v1/tasks');
    return body.items.find((t) => t.caseReference === reference && t.type === type);
  }

  /** The task once the workflow has opened it (a step invoked by the stream may still be writing). */
  async function expectTask(username: string, reference: string, type: string) {
    for (let i = 0; i < 50; i++) {
      const task = await taskOf(username, reference, type);
      if (task) return task;
      await new Promise((r) => setTimeout(r, 100));
      await runtime.settle();
    }
    throw new Error(`no open ${type} task for ${username} on ${reference}`);
  }

  async function status(receipt: Receipt): Promise<string> {
    const res = await api.request<{ status: string }>('GET', `/v1/cases/${receipt.reference}`, {
      headers: { 'x-access-code': receipt.accessCode },
    });
    return res.body.status;
  }

  async function charity(): Promise<BudgetLine | undefined> {
    const res = await api.as<{ items: BudgetLine[] }>('admin', 'GET', `/v1/budgets?year=${year}`);
    return res.body.items.find((b) => b.source === 'charity');
  }

  const setCharity = (minor: number) =>
    api.as('admin', 'PUT', `/v1/budgets/charity/${year}`, { allocated: rub(minor) });

  async function approve(receipt: Receipt) {
    const review = await expectTask('reviewer', receipt.reference, 'review');
    expect(
      (await api.as('reviewer', 'POST', `/v1/tasks/${review.taskId}/decision`, { outcome: 'approve' }))
        .status,
    ).toBe(200);
    await runtime.settle();
    const approval = await expectTask('head', receipt.reference, 'approve');
    const decided = await api.as('head', 'POST', `/v1/tasks/${approval.taskId}/decision`, {
      outcome: 'approve',
      fundingSource: 'charity',
    });
    expect(decided.status).toBe(200);
    await runtime.settle();
  }

  it('waitlists two approvals the empty funding source cannot cover, and their workflows wait', async () => {
    // Arrange
    expect((await setCharity(0)).status).toBe(200);
    const submit = async () => {
      const res = await api.request<Receipt>('POST', '/v1/aid-applications', {
        body: distinctApplication({ requestedAmount: rub(500_000) }),
      });
      expect(res.status).toBe(201);
      return res.body;
    };
    first = await submit();
    second = await submit();
    await runtime.settle();

    // Act: the first is approved first.
    await approve(first);
    await approve(second);

    // Assert
    expect([await status(first), await status(second)]).toEqual(['waitlisted', 'waitlisted']);
    const arn = (r: Receipt) =>
      `${runtime.stateMachineArns.AidApplication?.replace(':stateMachine:', ':execution:')}:${r.caseId}`;
    expect((await runtime.engine.describeExecution(arn(first))).status).toBe('RUNNING');
    expect((await runtime.engine.describeExecution(arn(second))).status).toBe('RUNNING');
  }, 120_000);

  it('funds the first approved on a top-up that covers one, and its workflow goes on to authorisation', async () => {
    // Act
    expect((await setCharity(700_000)).status).toBe(200);
    await runtime.settle();

    // Assert
    const authorise = await expectTask('finance', first.reference, 'authorise_payment');
    expect(authorise).toBeDefined();
    expect([await status(first), await status(second)]).toEqual(['funds_reserved', 'waitlisted']);
    expect(await taskOf('finance', second.reference, 'authorise_payment')).toBeUndefined();
    expect(await charity()).toMatchObject({ reserved: { minor: 500_000 }, remaining: { minor: 200_000 } });
  }, 120_000);

  it('funds the other at the next top-up, never overdrawing the line', async () => {
    expect((await setCharity(1_000_000)).status).toBe(200);
    await runtime.settle();

    await expectTask('finance', second.reference, 'authorise_payment');
    expect(await status(second)).toBe('funds_reserved');
    expect(await charity()).toMatchObject({ reserved: { minor: 1_000_000 }, remaining: { minor: 0 } });
  }, 120_000);
});
