import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealSchema } from '../../../../domain/appeal.js';
import { resetConfigForTests } from '../../../../functions/lib/config.js';
import type { Principal } from '../../../../functions/lib/http.js';
import { forgetReferenceBlocks } from '../../../../functions/lib/store/reference-blocks.js';
import { decideAppealTask } from '../../../../functions/use-cases/appeals/decide-appeal-task.js';
import { openAppealTask } from '../../../../functions/use-cases/appeals/open-appeal-task.js';
import { submitAppeal } from '../../../../functions/use-cases/appeals/submit-appeal.js';
import type { TestTable } from '../../../support/dynamodb.js';
import { handlerTable } from '../../../support/handler-env.js';

const clerk: Principal = { username: 'clerk', sub: 'clerk-sub', roles: ['clerk'] };
const head: Principal = { username: 'head', sub: 'head-sub', roles: ['head'] };

/**
 * Ukraine's law caps an appeal's whole term at 45 days from the day it arrived (art. 20), not from
 * the day a clerk registered it: a letter registered four days late has four days less to extend.
 */
describe('extending a Ukrainian appeal registered after it arrived', () => {
  let table: TestTable;
  const registeredAt = new Date('2026-03-20T10:00:00Z');
  const decidedAt = new Date('2026-04-01T09:00:00Z');

  beforeAll(async () => {
    table = await handlerTable();
    forgetReferenceBlocks();
    process.env.JURISDICTION = 'ua';
    resetConfigForTests();
  });
  afterAll(async () => {
    delete process.env.JURISDICTION;
    resetConfigForTests();
    await table.drop();
  });

  it('asks for, and grants, only the days left within 45 days of arrival', async () => {
    // Arrange: a letter of Monday 16 March registered on Friday 20 March, due 16 April.
    const receipt = await submitAppeal({
      appeal: appealSchema.parse({
        applicant: { fullName: 'Олена Коваль', phone: '+380 67 000 11 22', preferredLanguage: 'uk' },
        kind: 'request',
        subject: 'Ремонт даху',
        text: 'Тече дах після зливи.',
        topic: 'housing',
        channel: 'post',
        receivedAt: '2026-03-16T09:00:00Z',
      }),
      principal: clerk,
      now: registeredAt,
    });
    const consolidate = await openAppealTask({
      caseId: receipt.caseId,
      type: 'consolidate_answer',
      taskToken: 'token-consolidate',
      now: decidedAt,
    });

    // Act: the clerk asks for an extension, the head approves it.
    await decideAppealTask({
      taskId: consolidate.taskId,
      decision: { outcome: 'extend', comment: 'Потрібна експертиза даху' },
      principal: clerk,
      now: decidedAt,
    });
    const requested = await caseItem(receipt.caseId);
    const approval = await openAppealTask({
      caseId: receipt.caseId,
      type: 'approve_extension',
      taskToken: 'token-approve',
      now: decidedAt,
    });
    const approved = await decideAppealTask({
      taskId: approval.taskId,
      decision: { outcome: 'approve' },
      principal: head,
      now: decidedAt,
    });

    // Assert: 16 March + 45 days = 30 April (counted from registration it would be 4 May).
    expect(receipt.dueDate).toBe('2026-04-16');
    expect(requested?.extensionRequest).toMatchObject({ days: 14 });
    expect(approved.dueDate).toBe('2026-04-30');
    expect(await caseItem(receipt.caseId)).toMatchObject({ dueDate: '2026-04-30', extensions: 1 });
  });

  async function caseItem(caseId: string) {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { pk: `CASE#${caseId}`, sk: 'CASE' } }),
    );
    return Item;
  }
});
