import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disbursementIdFor } from '../../../domain/payments.js';
import type { Principal } from '../../../functions/lib/http.js';
import { keys } from '../../../functions/lib/store/keys.js';
import { openTask } from '../../../functions/use-cases/open-task.js';
import { followUpOf, listDisbursements } from '../../../functions/use-cases/payment-attempts.js';
import { taskDetail } from '../../../functions/use-cases/staff-tasks.js';
import { aidCaseItem, disbursementItem } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const year = 2034;
const now = new Date(`${year}-04-10T09:00:00Z`);
const finance: Principal = { sub: 'sub-finance', username: 'finance', roles: ['finance'] };
const failedSettlement = {
  status: 'failed',
  reason: 'Account closed',
  recordedBy: 'finance2',
  recordedAt: `${year}-04-02T12:00:00.000Z`,
};

describe('what became of a failed payment', () => {
  it('is a re-issue once the case has a later attempt, with that attempt and its status', () => {
    expect(
      followUpOf(
        { attempt: 1 },
        { status: 'payment_authorised', paymentAttempts: 2, disbursementId: 'dsb_c_2' },
        { status: 'batched' },
      ),
    ).toEqual({ kind: 'reissued', attempt: 2, disbursementId: 'dsb_c_2', status: 'batched' });
  });

  it('waits for finance while the case is still payment_failed, and is closed when the case is', () => {
    const failed = { attempt: 1 };
    const current = { paymentAttempts: 1, disbursementId: 'dsb_c' };
    expect(followUpOf(failed, { ...current, status: 'payment_failed' }, undefined)).toEqual({
      kind: 'awaiting_correction',
    });
    expect(followUpOf(failed, { ...current, status: 'rejected' }, undefined)).toEqual({
      kind: 'closed',
      caseStatus: 'rejected',
    });
    expect(followUpOf(failed, { ...current, status: 'funds_reserved' }, undefined)).toEqual({
      kind: 'reissue_pending',
      caseStatus: 'funds_reserved',
    });
  });
});

describe('a re-issued payment on the finance desk (DynamoDB Local)', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ year });
  });
  afterAll(async () => table.drop());

  const put = (item: Record<string, unknown>) =>
    table.doc.send(new PutCommand({ TableName: table.tableName, Item: item }));

  /** A case whose first payment failed and was re-issued: attempt 2 authorised (or still to authorise). */
  async function reissued(options: { secondCreated: boolean }) {
    const caseId = randomUUID();
    const aidCase = aidCaseItem({
      caseId,
      year,
      status: options.secondCreated ? 'payment_authorised' : 'funds_reserved',
      paymentAttempts: options.secondCreated ? 2 : 1,
      disbursementId: disbursementIdFor(caseId, options.secondCreated ? 2 : 1),
    });
    await put(aidCase);
    const ref = { caseId, reference: aidCase.reference, aidType: 'cash' };
    await put({
      ...disbursementItem(ref, {
        status: 'failed',
        attempt: 1,
        createdAt: `${year}-04-01T10:00:00.000Z`,
        failedAt: failedSettlement.recordedAt,
        settlement: failedSettlement,
      }),
      ...keys.disbursementsByStatus('failed', `${year}-04-01T10:00:00.000Z`),
    });
    if (options.secondCreated) {
      const id = disbursementIdFor(caseId, 2);
      await put({
        ...disbursementItem(ref, {
          disbursementId: id,
          attempt: 2,
          createdAt: `${year}-04-05T10:00:00.000Z`,
        }),
        ...keys.disbursementsByStatus('authorised', `${year}-04-05T10:00:00.000Z`),
      });
    }
    return aidCase;
  }

  it('marks a failed payment in the Failed list as re-issued, with the new attempt and its status', async () => {
    // Arrange
    const aidCase = await reissued({ secondCreated: true });

    // Act
    const { items } = await listDisbursements({ status: 'failed', limit: 100 });

    // Assert
    const failed = items.find((d) => d.caseId === aidCase.caseId);
    expect(failed?.settlement?.reason).toBe('Account closed');
    expect(failed?.followUp).toEqual({
      kind: 'reissued',
      attempt: 2,
      disbursementId: disbursementIdFor(aidCase.caseId, 2),
      status: 'authorised',
    });
  });

  it('says a failed payment still waits for correction when nobody has re-issued it', async () => {
    // Arrange
    const aidCase = await reissued({ secondCreated: false });
    await put({ ...aidCase, status: 'payment_failed' });

    // Act
    const { items } = await listDisbursements({ status: 'failed', limit: 100 });

    // Assert
    expect(items.find((d) => d.caseId === aidCase.caseId)?.followUp).toEqual({ kind: 'awaiting_correction' });
  });

  it('shows the authorisation of a re-issue with the attempt before it and why that one failed', async () => {
    // Arrange: the money is reserved again; the second authorisation task is open.
    const aidCase = await reissued({ secondCreated: false });
    const { taskId } = await openTask({
      caseId: aidCase.caseId,
      type: 'authorise_payment',
      taskToken: `token-${aidCase.caseId}`,
      now,
    });

    // Act
    const view = await taskDetail({ taskId, principal: finance, now });

    // Assert
    expect(view.payments).toEqual([
      expect.objectContaining({
        attempt: 1,
        disbursementId: disbursementIdFor(aidCase.caseId, 1),
        status: 'failed',
        failedAt: failedSettlement.recordedAt,
        settlement: failedSettlement,
      }),
    ]);
  });

  it('shows no payments on the first authorisation of a case', async () => {
    // Arrange
    const aidCase = aidCaseItem({ year, status: 'funds_reserved' });
    await put(aidCase);
    const { taskId } = await openTask({
      caseId: aidCase.caseId,
      type: 'authorise_payment',
      taskToken: `token-${aidCase.caseId}`,
      now,
    });

    // Act
    const view = await taskDetail({ taskId, principal: finance, now });

    // Assert
    expect(view.payments).toBeUndefined();
  });
});
