import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailboxKeys } from '../../functions/lib/notify/mailbox-notifier.js';
import { localCredentials, localRegion, mailboxCredentials } from '../../local/dynamodb-local.js';
import { mailboxTableName, type Runtime, runtimeTableName, startRuntime } from '../../local/runtime.js';
import { ApiClient, distinctApplicant, distinctApplication } from '../support/api-client.js';

interface Receipt {
  reference: string;
}
interface Mailbox {
  items: { channel: string; to: string; language: string; subject: string; text: string; at: string }[];
}
interface TaskList {
  items: { taskId: string; type: string; caseReference: string }[];
}

/**
 * Notifications through the whole embedded runtime: the table stream's second consumer writes the
 * aid case's messages and queues them (and the appeals'); the local notification queue hands them
 * to DeliverNotification, which delivers them into the local mailbox.
 */
describe('messages to applicants, in the local runtime', () => {
  let runtime: Runtime;
  let api: ApiClient;
  const dataDir = mkdtempSync(join(tmpdir(), 'aidflow-notify-'));
  beforeAll(async () => {
    runtime = await startRuntime({ port: 0, dataDir, timerIntervalMs: 60_000 });
    api = new ApiClient(runtime.url);
  }, 180_000);
  afterAll(async () => {
    await runtime?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const mailbox = async (reference: string) =>
    (await api.request<Mailbox>('GET', `/local/mailbox?reference=${reference}`)).body.items;

  it('e-mails the applicant on receipt and when a question is asked, in their language, with a status link', async () => {
    const applicant = { ...distinctApplicant(), email: 'olena@example.org', preferredLanguage: 'uk' };
    const submitted = await api.request<Receipt>('POST', '/v1/aid-applications', {
      body: distinctApplication({ applicant }),
    });
    await runtime.settle();
    const { reference } = submitted.body;
    const tasks = await api.as<TaskList>('reviewer', 'GET', '/v1/tasks');
    const review = tasks.body.items.find((t) => t.caseReference === reference && t.type === 'review');
    await api.as('reviewer', 'POST', `/v1/tasks/${review?.taskId}/decision`, {
      outcome: 'request_info',
      comment: 'Надішліть, будь ласка, довідку про доходи.',
    });
    await runtime.settle();

    const messages = await mailbox(reference);

    expect(submitted.status).toBe(201);
    expect(messages.map((m) => m.channel)).toEqual(['email', 'email']);
    expect(messages.every((m) => m.to === 'olena@example.org' && m.language === 'uk')).toBe(true);
    const [asked, received] = messages;
    expect(received?.subject).toBe(`Ваша заява про допомогу ${reference}`);
    expect(received?.text).toContain(`Вашу заяву про допомогу ${reference} отримано.`);
    expect(received?.text).toContain(`${runtime.url}/status?reference=${reference}&lang=uk`);
    expect(asked?.text).toContain('Надішліть, будь ласка, довідку про доходи.');
  });

  it("keeps the mailbox in a database of its own, out of the application's (SES is not the table)", async () => {
    // Arrange: at least one message was delivered by the test before.
    const messagesIn = async (
      credentials: typeof localCredentials | typeof mailboxCredentials,
      table: string,
    ) => {
      const client = new DynamoDBClient({
        endpoint: runtime.dynamoEndpoint,
        region: localRegion,
        credentials,
      });
      try {
        const { Items } = await DynamoDBDocumentClient.from(client).send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': mailboxKeys.partition },
          }),
        );
        return Items?.length ?? 0;
      } finally {
        client.destroy();
      }
    };

    // Act
    const inMailboxDatabase = await messagesIn(mailboxCredentials, mailboxTableName);
    const inApplicationDatabase = await messagesIn(localCredentials, runtimeTableName);

    // Assert
    expect(inMailboxDatabase).toBeGreaterThanOrEqual(2);
    expect(inApplicationDatabase).toBe(0);
  });

  it('texts the registration of an appeal to an applicant who gave only a phone', async () => {
    const appeal = await api.request<Receipt>('POST', '/v1/appeals', {
      body: {
        applicant: { fullName: 'Пётр Сидоров', phone: '+7 912 000-11-22', preferredLanguage: 'ru' },
        kind: 'request',
        topic: 'housing',
        subject: 'Ремонт крыши',
        text: 'Протекает крыша.',
      },
    });
    await runtime.settle();

    const [registered] = await mailbox(appeal.body.reference);

    expect(appeal.status).toBe(201);
    expect(registered).toMatchObject({ channel: 'sms', to: '+79120001122', language: 'ru' });
    expect(registered?.text).toMatch(new RegExp(`^Ваше обращение ${appeal.body.reference} зарегистрировано`));
  });
});
