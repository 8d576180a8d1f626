import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registeredTexts } from '../../../domain/appeal-messages.js';
import { resetConfigForTests } from '../../../functions/lib/config.js';
import { TransientError } from '../../../functions/lib/errors.js';
import { type OutboundMessage, setNotifierForTests } from '../../../functions/lib/notify/notifier.js';
import { keys } from '../../../functions/lib/store/keys.js';
import type { NotificationRecord } from '../../../functions/lib/store/notification-records.js';
import { notificationPut } from '../../../functions/use-cases/appeals/notifications.js';
import { writeAidNotification } from '../../../functions/use-cases/notifications/aid-notifications.js';
import { deliverNotification } from '../../../functions/use-cases/notifications/deliver-notification.js';
import { aidCaseItem, notificationsOfCase } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

let table: TestTable;
beforeAll(async () => {
  table = await handlerTable({ seed: false });
  process.env.PUBLIC_WEB_URL = 'https://aidflow.example.org';
  resetConfigForTests();
});
afterAll(async () => {
  delete process.env.PUBLIC_WEB_URL;
  resetConfigForTests();
  await table.drop();
});

async function put(item: Record<string, unknown>) {
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: item }));
}

const notificationsOf = (caseId: string) => notificationsOfCase(table, caseId);

async function reread(n: NotificationRecord): Promise<NotificationRecord> {
  const { Item } = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: { pk: n.pk, sk: n.sk }, ConsistentRead: true }),
  );
  return Item as NotificationRecord;
}

describe('aid notifications, written from the table stream', () => {
  it('tells the applicant a new application was received, once however often the record comes', async () => {
    const submitted = aidCaseItem();

    const first = await writeAidNotification(undefined, submitted);
    const replayed = await writeAidNotification(undefined, submitted);
    const written = await notificationsOf(submitted.caseId);

    expect([first, replayed]).toEqual(['written', 'exists']);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      event: 'submitted',
      channel: 'email',
      language: 'ru',
      status: 'pending',
      notificationId: 'aid-submitted-v1',
    });
    expect(written[0]?.text).toContain(submitted.reference);
    // The address stays on the case: the notification never copies it.
    expect(JSON.stringify(written[0])).not.toContain('anna@example.org');
  });

  it('asks the question in the applicant’s language when information is requested', async () => {
    const inReview = aidCaseItem({ status: 'in_review', version: 3, language: 'uk' });
    const asked = {
      ...inReview,
      status: 'info_requested',
      version: 4,
      updatedAt: '2031-03-05T09:00:00.000Z',
      infoRequest: {
        question: 'Надішліть довідку про доходи.',
        requestedAt: '2031-03-05T09:00:00.000Z',
        requestedBy: 'reviewer',
        dueAt: '2031-03-19T09:00:00.000Z',
      },
    };

    await writeAidNotification(inReview, asked);
    const [n] = await notificationsOf(inReview.caseId);

    expect(n?.language).toBe('uk');
    expect(n?.text).toContain('Надішліть довідку про доходи.');
    expect(n?.text).toContain('19 березня 2031');
  });

  it("names the office's day of the deadline: due at 01:30 on 19 March in Moscow is 19 March, though UTC says the 18th", async () => {
    // Arrange: asked at 22:30 UTC on 4 March, 01:30 on 5 March in Moscow (the default jurisdiction).
    const inReview = aidCaseItem({ status: 'in_review', version: 3, language: 'ru' });
    const asked = {
      ...inReview,
      status: 'info_requested',
      version: 4,
      updatedAt: '2031-03-04T22:30:00.000Z',
      infoRequest: {
        question: 'Пришлите справку о доходах.',
        requestedAt: '2031-03-04T22:30:00.000Z',
        requestedBy: 'reviewer',
        dueAt: '2031-03-18T22:30:00.000Z',
      },
    };

    // Act
    await writeAidNotification(inReview, asked);

    // Assert
    const [n] = await notificationsOf(inReview.caseId);
    expect(n?.text).toContain('19 марта 2031');
  });

  it('gives a refusal by the rules with each rule’s reason in the applicant’s language', async () => {
    const submitted = aidCaseItem({ language: 'zh' });
    const refused = {
      ...submitted,
      status: 'rejected',
      version: 2,
      eligibility: {
        rules: [
          {
            code: 'income_below_minimum',
            passed: false,
            message: '人均收入高于最低生活标准',
            messages: {
              en: 'Income per person is above the subsistence minimum',
              uk: 'Дохід вищий за прожитковий мінімум',
              ru: 'Доход выше прожиточного минимума',
              zh: '人均收入高于最低生活标准',
            },
          },
        ],
      },
      decision: {
        outcome: 'rejected',
        reasons: [{ code: 'income_below_minimum', message: '人均收入高于最低生活标准' }],
        decidedAt: '2031-03-01T10:00:01.000Z',
      },
    };

    await writeAidNotification(submitted, refused);
    const n = (await notificationsOf(submitted.caseId))[0];

    expect(n?.event).toBe('rejected');
    expect(n?.text).toContain('- 人均收入高于最低生活标准');
  });

  it('says nothing of internal steps (in review, funds reserved) nor of a change that keeps the status', async () => {
    const submitted = aidCaseItem();
    const inReview = { ...submitted, status: 'in_review', version: 2 };
    const reserved = { ...submitted, status: 'funds_reserved', version: 6 };
    const noted = { ...inReview, version: 3 };

    const outcomes = [
      await writeAidNotification(submitted, inReview),
      await writeAidNotification({ ...submitted, status: 'approved' }, reserved),
      await writeAidNotification(inReview, noted),
    ];

    expect(outcomes).toEqual(['none', 'none', 'none']);
    expect(await notificationsOf(submitted.caseId)).toEqual([]);
  });
});

describe('delivering a notification', () => {
  /** A provider that records what it accepted, or answers with the errors it is given. */
  let accepted: OutboundMessage[];
  let attempts: number;
  let failures: Error[];
  beforeAll(() => {
    setNotifierForTests({
      async send(message) {
        attempts++;
        const failure = failures.shift();
        if (failure) throw failure;
        accepted.push(message);
        return { messageId: `msg-${accepted.length}` };
      },
    });
  });
  beforeEach(() => {
    accepted = [];
    attempts = 0;
    failures = [];
  });
  afterAll(() => setNotifierForTests(undefined));

  async function pendingFor(overrides: Record<string, unknown> = {}): Promise<NotificationRecord> {
    const aidCase = aidCaseItem(overrides);
    await put(aidCase);
    await writeAidNotification(undefined, aidCase);
    const [n] = await notificationsOf(aidCase.caseId);
    if (!n) throw new Error('no notification written');
    return n;
  }

  it('sends an e-mail in the applicant’s language with the reference and a status link, and marks it sent', async () => {
    const n = await pendingFor();

    const outcome = await deliverNotification(n);
    const after = await reread(n);

    expect(outcome).toBe('sent');
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ channel: 'email', to: 'anna@example.org', language: 'ru' });
    expect(accepted[0]?.subject).toMatch(/^Ваше заявление о помощи AID-/);
    expect(accepted[0]?.text).toContain(
      `https://aidflow.example.org/status?reference=${accepted[0]?.reference}&lang=ru`,
    );
    expect(after).toMatchObject({ status: 'sent', providerMessageId: 'msg-1' });
  });

  it('never sends twice when the stream delivers the record again, even at the same moment', async () => {
    const n = await pendingFor();

    const together = await Promise.all([deliverNotification(n), deliverNotification(n)]);
    const later = await deliverNotification(n);

    expect(together.sort()).toEqual(['sent', 'skipped']);
    expect(later).toBe('skipped');
    expect(attempts).toBe(1);
  });

  it('hands a throttled message back, so the retried record sends it', async () => {
    const n = await pendingFor();
    failures.push(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }));

    await expect(deliverNotification(n)).rejects.toBeInstanceOf(TransientError);
    const between = await reread(n);
    const retried = await deliverNotification(n);

    expect(between.status).toBe('pending');
    expect(retried).toBe('sent');
    expect(accepted).toHaveLength(1);
  });

  it('marks a refused message failed with the error’s name only, and does not try again', async () => {
    const n = await pendingFor();
    failures.push(
      Object.assign(new Error('Email address is not verified: anna@example.org'), {
        name: 'MessageRejected',
      }),
    );

    const outcome = await deliverNotification(n);
    const replay = await deliverNotification(n);
    const after = await reread(n);

    expect([outcome, replay]).toEqual(['failed', 'skipped']);
    expect(after).toMatchObject({ status: 'failed', failure: 'MessageRejected' });
    expect(JSON.stringify(after)).not.toContain('anna@example.org');
    expect(attempts).toBe(1);
  });

  it('texts an applicant who gave only a phone, in E.164', async () => {
    const n = await pendingFor({
      applicant: { fullName: 'P', birthDate: '1950-01-01', phone: '+7 (912) 345-67-89' },
    });

    await deliverNotification(n);

    expect(accepted[0]).toMatchObject({ channel: 'sms', to: '+79123456789' });
  });

  it('fails, without sending, a text to a number that has no country code', async () => {
    const n = await pendingFor({ applicant: { fullName: 'P', birthDate: '1950-01-01', phone: '8 912 345' } });

    const outcome = await deliverNotification(n);

    expect(outcome).toBe('failed');
    expect(await reread(n)).toMatchObject({ status: 'failed', failure: 'InvalidPhoneNumber' });
    expect(attempts).toBe(0);
  });

  it('puts a letter in the print queue instead of sending anything', async () => {
    const n = await pendingFor({
      applicant: { fullName: 'P', birthDate: '1950-01-01', address: 'ул. Мира, 5, кв. 2' },
    });

    const outcome = await deliverNotification(n);
    const { Items } = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :q',
        ExpressionAttributeValues: { ':q': 'PRINT_QUEUE' },
      }),
    );

    expect(outcome).toBe('to_print');
    expect(n.channel).toBe('letter');
    expect((Items ?? []).map((i) => i.sk)).toContain(n.sk);
    expect((await reread(n)).status).toBe('to_print');
    expect(attempts).toBe(0);
  });

  it('delivers an appeal’s notification (written with the change) under the appeal’s subject', async () => {
    const caseId = randomUUID();
    const applicant = {
      fullName: 'Пётр Сидоров',
      email: 'petr@example.org',
      preferredLanguage: 'en' as const,
    };
    await put({ ...keys.case(caseId), type: 'AppealCase', caseId, reference: 'APL-2031-000007', applicant });
    const put0 = notificationPut(
      table.tableName,
      {
        caseId,
        at: '2031-03-01T10:00:00.000Z',
        applicant,
        language: 'en',
        message: { kind: 'registered', reference: 'APL-2031-000007', dueDate: '2031-03-31' },
      },
      registeredTexts,
    );
    await put(put0.Put.Item);
    const [n] = await notificationsOf(caseId);

    await deliverNotification(n!);

    expect(accepted[0]).toMatchObject({ to: 'petr@example.org', subject: 'Your appeal APL-2031-000007' });
    expect(accepted[0]?.text).toMatch(/^Your appeal APL-2031-000007 is registered\./);
  });
});
