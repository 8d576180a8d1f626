import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { unconfirmedAfterMs } from '../../../domain/message-delivery.js';
import { ConflictError, NotFoundError } from '../../../functions/lib/errors.js';
import { type OutboundMessage, setNotifierForTests } from '../../../functions/lib/notify/notifier.js';
import {
  type NotificationRecord,
  notificationIdOf,
} from '../../../functions/lib/store/notification-records.js';
import { listLetters } from '../../../functions/use-cases/letters.js';
import { writeAidNotification } from '../../../functions/use-cases/notifications/aid-notifications.js';
import { deliverNotification } from '../../../functions/use-cases/notifications/deliver-notification.js';
import { resendMessage } from '../../../functions/use-cases/notifications/resend-message.js';
import { aidCaseItem, notificationsOfCase } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const clerk = { sub: 'sub-clerk', username: 'clerk', roles: ['clerk'] };

describe('having a lost message sent again', () => {
  let table: TestTable;
  let accepted: OutboundMessage[] = [];
  beforeAll(async () => {
    table = await handlerTable({ seed: false });
    setNotifierForTests({
      async send(message) {
        accepted.push(message);
        return { messageId: `msg-${accepted.length}` };
      },
    });
  });
  beforeEach(() => {
    accepted = [];
  });
  afterAll(async () => {
    setNotifierForTests(undefined);
    await table.drop();
  });

  /** A case's first message, left as `status` (with its claim `claimedAgoMs` ago, if any). */
  async function messageLeft(status: string, claimedAgoMs?: number, overrides: Record<string, unknown> = {}) {
    const c = aidCaseItem(overrides);
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: c }));
    await writeAidNotification(undefined, c);
    const [n] = await notificationsOfCase(table, c.caseId);
    if (!n) throw new Error('no notification written');
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: { pk: n.pk, sk: n.sk },
        UpdateExpression: `SET #status = :s${claimedAgoMs === undefined ? '' : ', claimedAt = :c'}${status === 'failed' ? ', failure = :f' : ''}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':s': status,
          ...(claimedAgoMs === undefined ? {} : { ':c': new Date(Date.now() - claimedAgoMs).toISOString() }),
          ...(status === 'failed' ? { ':f': 'MessageRejected' } : {}),
        },
      }),
    );
    return { caseId: c.caseId, notificationId: notificationIdOf(n), key: { pk: n.pk, sk: n.sk } };
  }

  const reread = async (key: { pk: string; sk: string }) =>
    (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: key, ConsistentRead: true })))
      .Item as NotificationRecord & Record<string, unknown>;

  it('sends again, once, a message whose send was claimed and never confirmed', async () => {
    // Arrange
    const lost = await messageLeft('sending', unconfirmedAfterMs * 3);

    // Act
    const answer = await resendMessage({ ...lost, principal: clerk, now: new Date() });
    const requeued = await reread(lost.key);
    const first = await deliverNotification(requeued);
    const second = await deliverNotification(requeued);

    // Assert
    expect(answer).toMatchObject({
      notificationId: lost.notificationId,
      status: 'requeued',
      requeuedBy: 'clerk',
    });
    expect(requeued).toMatchObject({ status: 'requeued', requeuedBy: 'clerk' });
    expect(requeued.claimedAt).toBeUndefined();
    expect([first, second]).toEqual(['sent', 'skipped']);
    expect(accepted).toHaveLength(1);
    expect(await reread(lost.key)).toMatchObject({ status: 'sent' });
  });

  it('sends again a message the provider refused, without the old failure', async () => {
    const failed = await messageLeft('failed');

    await resendMessage({ ...failed, principal: clerk, now: new Date() });

    const item = await reread(failed.key);
    expect(item.status).toBe('requeued');
    expect(item.failure).toBeUndefined();
  });

  it('sends again an e-mail that went out when the person says it never arrived', async () => {
    const sent = await messageLeft('sent');

    const answer = await resendMessage({ ...sent, principal: clerk, now: new Date() });
    const delivered = await deliverNotification(await reread(sent.key));

    expect(answer.status).toBe('requeued');
    expect(delivered).toBe('sent');
    expect(accepted).toHaveLength(1);
  });

  it('puts a posted letter back in the print queue, where the clerk lists it again', async () => {
    const posted = await messageLeft('sent', undefined, {
      applicant: { fullName: 'P', birthDate: '1950-01-01', address: 'с. Озёрное', preferredLanguage: 'ru' },
    });
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: posted.key,
        UpdateExpression: 'SET channel = :letter, postedAt = :at',
        ExpressionAttributeValues: { ':letter': 'letter', ':at': '2031-01-01T00:00:00.000Z' },
      }),
    );

    const answer = await resendMessage({ ...posted, principal: clerk, now: new Date() });

    const { items } = await listLetters({ limit: 100 });
    expect(answer.status).toBe('to_print');
    expect(await reread(posted.key)).toMatchObject({ status: 'to_print', requeuedBy: 'clerk' });
    expect(items.map((l) => l.caseId)).toContain(posted.caseId);
  });

  it('refuses a message being sent now, one not yet sent, and a letter not yet printed; and answers 404 for an unknown one', async () => {
    const now = new Date();
    const busy = await messageLeft('sending', 5_000);
    const pending = await messageLeft('pending');
    const letter = await messageLeft('to_print', undefined, {
      applicant: { fullName: 'P', birthDate: '1950-01-01', address: 'с. Озёрное', preferredLanguage: 'ru' },
    });

    await expect(resendMessage({ ...busy, principal: clerk, now })).rejects.toThrow(ConflictError);
    await expect(resendMessage({ ...pending, principal: clerk, now })).rejects.toThrow(ConflictError);
    await expect(resendMessage({ ...letter, principal: clerk, now })).rejects.toThrow(ConflictError);
    await expect(resendMessage({ ...busy, principal: clerk, now })).rejects.toMatchObject({
      extra: { code: 'message_sending', messageStatus: 'sending' },
    });
    await expect(resendMessage({ ...pending, principal: clerk, now })).rejects.toMatchObject({
      extra: { code: 'message_not_resendable', messageStatus: 'pending' },
    });
    await expect(
      resendMessage({ caseId: pending.caseId, notificationId: 'nothing', principal: clerk, now }),
    ).rejects.toThrow(NotFoundError);
    expect((await reread(busy.key)).status).toBe('sending');
  });
});
