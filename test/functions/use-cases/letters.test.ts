import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../functions/lib/errors.js';
import type { NotificationRecord } from '../../../functions/lib/store/notification-records.js';
import { letterIdOf, listLetters, markLetterPosted } from '../../../functions/use-cases/letters.js';
import { writeAidNotification } from '../../../functions/use-cases/notifications/aid-notifications.js';
import { deliverNotification } from '../../../functions/use-cases/notifications/deliver-notification.js';
import { aidCaseItem, notificationsOfCase } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const clerk = { sub: 'sub-clerk', username: 'clerk', roles: ['clerk'] };
const now = new Date('2031-03-02T08:00:00.000Z');

describe('letters: the print queue for applicants with only a postal address', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ seed: false });
  });
  afterAll(async () => table.drop());

  /** A case whose applicant gave only an address, and its first message delivered (to the print queue). */
  async function letterFor(
    fullName: string,
    address: string,
    submittedAt: string,
  ): Promise<NotificationRecord> {
    const aidCase = aidCaseItem({
      applicant: { fullName, birthDate: '1950-01-01', address },
      submittedAt,
      updatedAt: submittedAt,
    });
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: aidCase }));
    await writeAidNotification(undefined, aidCase);
    const [n] = await notificationsOfCase(table, aidCase.caseId);
    if (!n) throw new Error('no notification written');
    expect(await deliverNotification(n)).toBe('to_print');
    return n;
  }

  const statusOf = async (n: NotificationRecord) =>
    (
      await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: { pk: n.pk, sk: n.sk }, ConsistentRead: true }),
      )
    ).Item;

  it('lists the letters to print with the name and postal address from the case, in the applicant’s language', async () => {
    // Arrange
    const n = await letterFor(
      'Мария Ивановна Петрова',
      'д. Заречье, ул. Лесная, 3',
      '2031-03-01T10:00:00.000Z',
    );

    // Act
    const { items } = await listLetters({ limit: 50 });

    // Assert
    const letter = items.find((l) => l.letterId === letterIdOf(n));
    expect(letter).toMatchObject({
      caseId: n.caseId,
      event: 'submitted',
      language: n.language,
      recipient: { fullName: 'Мария Ивановна Петрова', address: 'д. Заречье, ул. Лесная, 3' },
    });
    expect(letter?.reference).toMatch(/^AID-/);
    expect(letter?.text).toContain(letter?.reference);
    // The letter around the text, in the same language: from whom, about what, how to ask by phone.
    expect(letter?.sender).toBe('Управление социальной защиты населения');
    expect(letter?.subject).toBe(`Ваше заявление о помощи ${letter?.reference}`);
    expect(letter?.footer).toContain('горячую линию');
    expect(letter?.footer).toContain(letter?.reference);
  });

  it('marks a letter posted: sent, by whom and when, and out of the queue; a second time answers the same', async () => {
    // Arrange
    const n = await letterFor('Иван Кузьмич Орлов', 'с. Берёзовка, д. 12', '2031-03-01T11:00:00.000Z');
    const letterId = letterIdOf(n);

    // Act
    const first = await markLetterPosted({ letterId, principal: clerk, now });
    const again = await markLetterPosted({
      letterId,
      principal: clerk,
      now: new Date(now.getTime() + 60_000),
    });

    // Assert
    expect(first).toEqual({ letterId, status: 'sent', postedAt: now.toISOString(), postedBy: 'clerk' });
    expect(again).toEqual(first);
    expect(await statusOf(n)).toMatchObject({ status: 'sent', postedBy: 'clerk' });
    expect((await statusOf(n))?.gsi2pk).toBeUndefined();
    expect((await listLetters({ limit: 50 })).items.map((l) => l.letterId)).not.toContain(letterId);
  });

  it('lists the oldest letter first and pages through the queue', async () => {
    // Arrange: one written later than the first test's, one earlier.
    const later = await letterFor('Поздний Адресат', 'г. Н., ул. Новая, 1', '2031-03-01T12:00:00.000Z');
    const earlier = await letterFor('Ранний Адресат', 'г. Н., ул. Старая, 2', '2031-03-01T09:00:00.000Z');

    // Act
    const first = await listLetters({ limit: 1 });
    const rest = await listLetters({ limit: 50, cursor: first.cursor });

    // Assert
    expect(first.items.map((l) => l.letterId)).toEqual([letterIdOf(earlier)]);
    expect(first.cursor).toBeDefined();
    expect(rest.items.map((l) => l.letterId)).toContain(letterIdOf(later));
    expect(rest.items.map((l) => l.letterId)).not.toContain(letterIdOf(earlier));
  });

  it('answers 404 for an id that names no letter, and 409 for a message that is not waiting to be printed', async () => {
    // Arrange: an e-mail notification is not a letter; a made-up id names nothing.
    const email = aidCaseItem();
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: email }));
    await writeAidNotification(undefined, email);
    const [emailNotification] = await notificationsOfCase(table, email.caseId);
    const notLetter = letterIdOf(emailNotification as NotificationRecord);
    const pending = await letterFor('Ждущий Адресат', 'с. Озёрное', '2031-03-01T13:00:00.000Z');
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...pending, status: 'pending', gsi2pk: undefined },
      }),
    );

    // Act / Assert
    await expect(markLetterPosted({ letterId: 'bm90IGEgbGV0dGVy', principal: clerk, now })).rejects.toThrow(
      NotFoundError,
    );
    await expect(markLetterPosted({ letterId: notLetter, principal: clerk, now })).rejects.toThrow(
      NotFoundError,
    );
    await expect(markLetterPosted({ letterId: letterIdOf(pending), principal: clerk, now })).rejects.toThrow(
      ConflictError,
    );
    await expect(
      markLetterPosted({ letterId: letterIdOf(pending), principal: clerk, now }),
    ).rejects.toMatchObject({
      extra: { code: 'letter_not_to_print', letterStatus: 'pending' },
    });
  });
});
