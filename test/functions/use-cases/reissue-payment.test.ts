import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/lib/errors.js';
import type { Principal } from '../../../functions/lib/http.js';
import { getCase } from '../../../functions/lib/store/reads.js';
import { decideTask } from '../../../functions/use-cases/decide-task.js';
import { openTask } from '../../../functions/use-cases/open-task.js';
import { aidCaseItem } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const finance2: Principal = { sub: 'sub-finance2', username: 'finance2', roles: ['finance'] };
const now = new Date('2031-04-01T10:00:00Z');
const bank = { method: 'bank_transfer', accountHolder: 'Анна Иванова', iban: 'DE89370400440532013000' };

/** Finance corrects the payout of a payment the bank returned, and re-issues it. */
describe('re-issuing a failed payment as in-kind aid', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ seed: false });
  });
  afterAll(async () => table.drop());

  /** A case whose bank payment failed, with its re-issue task open; `address` is the applicant's postal address. */
  async function failedPayment(address?: string): Promise<{ caseId: string; taskId: string }> {
    const item = aidCaseItem({ status: 'payment_failed', version: 7, payout: bank });
    if (address) item.applicant = { ...item.applicant, address } as typeof item.applicant;
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: item }));
    const { taskId } = await openTask({
      caseId: item.caseId,
      type: 'reissue_payment',
      taskToken: `reissue-${item.caseId}`,
      now,
    });
    return { caseId: item.caseId, taskId };
  }

  it('refuses in-kind with no delivery address when the case has no postal address, at the delivery address, and changes nothing', async () => {
    // Arrange
    const { caseId, taskId } = await failedPayment();

    // Act
    const refusal = await decideTask({
      taskId,
      decision: { outcome: 'reissue', payout: { method: 'in_kind' } },
      principal: finance2,
      now,
    }).catch((error: unknown) => error);

    // Assert
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).errors).toEqual([
      { path: 'payout.deliveryAddress', message: expect.stringContaining('no postal address') },
    ]);
    expect(await getCase(caseId)).toMatchObject({ status: 'payment_failed', payout: bank });
  });

  it('re-issues in-kind to the new delivery address when the case has no postal address', async () => {
    // Arrange
    const { caseId, taskId } = await failedPayment();
    const inKind = { method: 'in_kind', deliveryAddress: 'ул. Садовая, 5, кв. 2' } as const;

    // Act
    await decideTask({ taskId, decision: { outcome: 'reissue', payout: inKind }, principal: finance2, now });

    // Assert
    expect((await getCase(caseId))?.payout).toEqual(inKind);
  });

  it('re-issues in-kind with no delivery address to the postal address the case has', async () => {
    // Arrange
    const { caseId, taskId } = await failedPayment('ул. Ленина, 1, с. Берёзовка');

    // Act
    await decideTask({
      taskId,
      decision: { outcome: 'reissue', payout: { method: 'in_kind' } },
      principal: finance2,
      now,
    });

    // Assert
    expect((await getCase(caseId))?.payout).toEqual({ method: 'in_kind' });
  });
});
