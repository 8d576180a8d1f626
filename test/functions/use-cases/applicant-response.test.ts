import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../functions/lib/store/keys.js';
import { awaitApplicant, recordApplicantResponse } from '../../../functions/use-cases/applicant-response.js';
import { putOpenableAidCase } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const year = 2036;
const now = new Date(`${year}-04-10T09:00:00Z`);
const later = new Date(`${year}-04-10T09:05:00Z`);
const accessCode = 'QRST-UVWX-YZ23';

async function errorOf(action: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await action;
  } catch (error) {
    const e = error as Error & { status?: number; extra?: Record<string, unknown> };
    return { ...(e.extra ?? {}), name: e.name, httpStatus: e.status, message: e.message };
  }
  return { name: 'no error' };
}

/** The applicant's answer to a request for information, sent again after its response was lost. */
describe('the applicant answering a request for information', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ year });
  });
  afterAll(async () => table.drop());

  /** A case the reviewer asked a question on, with the workflow waiting for the answer. */
  async function askedCase(status = 'info_requested'): Promise<{ caseId: string; reference: string }> {
    const requestedAt = new Date(now.getTime() - 86_400_000).toISOString();
    const { caseId, reference } = await putOpenableAidCase(table, accessCode, {
      year,
      status,
      version: 3,
      ...(status === 'info_requested'
        ? {
            infoRequest: {
              question: 'Приложите справку о доходах.',
              requestedAt,
              requestedBy: 'reviewer',
              dueAt: `${year}-04-23T09:00:00.000Z`,
            },
          }
        : {}),
    });
    if (status === 'info_requested') {
      await table.doc.send(
        new PutCommand({
          TableName: table.tableName,
          Item: {
            ...keys.responseWait(caseId),
            type: 'ResponseWait',
            caseId,
            taskToken: `token-${caseId}`,
            status: 'awaiting',
            openedAt: requestedAt,
            dueAt: `${year}-04-23T09:00:00.000Z`,
          },
        }),
      );
    }
    return { caseId, reference };
  }

  const answer = (reference: string, text: string, at = now) =>
    recordApplicantResponse({ reference, accessCode, text, sourceIp: '', now: at });

  it('answers the same answer sent again (its first response lost) as received, with when it arrived', async () => {
    // Arrange
    const { caseId, reference } = await askedCase();
    const text = 'Справку о доходах отправлю почтой, копия во вложении.';
    const first = await answer(reference, text);

    // Act
    const again = await answer(reference, text, later);

    // Assert
    expect(first).toEqual({ reference, status: 'in_review', answeredAt: now.toISOString() });
    expect(again).toEqual({ reference, status: 'in_review', answeredAt: now.toISOString(), repeated: true });
    const { Item: stored } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.case(caseId), ConsistentRead: true }),
    );
    expect(stored?.infoRequest).toMatchObject({ answer: text, answeredAt: now.toISOString() });
    expect(stored?.version).toBe(4);
  });

  it('gives two tabs sending the same answer at once the same receipt, and records it once (8 rounds)', async () => {
    for (let round = 0; round < 8; round++) {
      // Arrange
      const { caseId, reference } = await askedCase();
      const text = 'Доход — пенсия 18 000 рублей.';

      // Act
      const both = await Promise.all([answer(reference, text), answer(reference, text)]);

      // Assert
      expect(
        both.map((r) => r.answeredAt),
        `round ${round}`,
      ).toEqual([now.toISOString(), now.toISOString()]);
      expect(
        both.filter((r) => r.repeated),
        `round ${round}`,
      ).toHaveLength(1);
      const { Item: stored } = await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: keys.case(caseId), ConsistentRead: true }),
      );
      expect(stored?.version).toBe(4);
    }
  });

  it('refuses a different answer once one arrived (409 already_answered, with when)', async () => {
    // Arrange
    const { reference } = await askedCase();
    await answer(reference, 'Первый ответ.');

    // Act
    const refused = await errorOf(answer(reference, 'Другой ответ.', later));

    // Assert
    expect(refused).toMatchObject({
      name: 'ConflictError',
      httpStatus: 409,
      code: 'already_answered',
      caseStatus: 'in_review',
      answeredAt: now.toISOString(),
    });
  });

  it('refuses an answer where nothing was asked (409 nothing_asked, with the status)', async () => {
    // Arrange
    const { reference } = await askedCase('in_review');

    // Act
    const refused = await errorOf(answer(reference, 'Ответ без вопроса.'));

    // Assert
    expect(refused).toMatchObject({
      name: 'ConflictError',
      httpStatus: 409,
      code: 'nothing_asked',
      caseStatus: 'in_review',
    });
    expect(refused.answeredAt).toBeUndefined();
  });

  it('takes an answer sent late in the evening of the last day, and refuses one sent after midnight', async () => {
    // Arrange: asked at 12:00 Moscow time on 9 April; the workflow's wait stores when time runs out.
    const asked = async () => {
      const { caseId, reference } = await askedCase();
      await awaitApplicant({
        caseId,
        taskToken: `token-2-${caseId}`,
        now: new Date(`${year}-04-09T09:00:00Z`),
      });
      return reference;
    };
    const inTime = await asked();
    const tooLate = await asked();

    // Act: 23:30 on 23 April in Moscow, then 00:30 on the 24th.
    const taken = await answer(inTime, 'Справка во вложении.', new Date(`${year}-04-23T20:30:00Z`));
    const refused = await errorOf(
      answer(tooLate, 'Справка во вложении.', new Date(`${year}-04-23T21:30:00Z`)),
    );

    // Assert
    expect(taken).toMatchObject({ status: 'in_review' });
    expect(refused).toMatchObject({ code: 'answer_deadline_passed', dueAt: `${year}-04-23T20:59:59.999Z` });
  });
});
