import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '../../functions/lib/config.js';
import { notifier, type OutboundMessage } from '../../functions/lib/notify/notifier.js';
import { mailboxRoute, readMailbox } from '../../local/mailbox.js';
import type { TestTable } from '../support/dynamodb.js';
import { createTestTable } from '../support/dynamodb.js';
import { handlerTable } from '../support/handler-env.js';

const message = (reference: string, overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  notificationId: `n-${reference}`,
  caseId: `case-${reference}`,
  reference,
  channel: 'email',
  to: 'anna@example.org',
  language: 'uk',
  subject: `Ваша заява про допомогу ${reference}`,
  text: `Вашу заяву про допомогу ${reference} отримано.`,
  ...overrides,
});

describe('the local mailbox', () => {
  let app: TestTable;
  let runtime: TestTable;
  beforeAll(async () => {
    app = await handlerTable({ seed: false });
    runtime = await createTestTable('keyValue');
    Object.assign(process.env, { NOTIFIER: 'local-mailbox', LOCAL_MAILBOX_TABLE: runtime.tableName });
    resetConfigForTests();
  });
  afterAll(async () => {
    delete process.env.NOTIFIER;
    delete process.env.LOCAL_MAILBOX_TABLE;
    resetConfigForTests();
    await Promise.all([app.drop(), runtime.drop()]);
  });

  it('keeps what the notifier sends when configured for it, newest first, and finds one case’s messages', async () => {
    await notifier().send(message('AID-2031-000001'));
    await notifier().send(message('AID-2031-000002', { channel: 'sms', to: '+79123456789' }));

    const all = await readMailbox(runtime.doc, runtime.tableName);
    const one = await readMailbox(runtime.doc, runtime.tableName, { reference: 'AID-2031-000001' });

    expect(all.map((m) => m.reference)).toEqual(['AID-2031-000002', 'AID-2031-000001']);
    expect(one).toEqual([
      {
        notificationId: 'n-AID-2031-000001',
        caseId: 'case-AID-2031-000001',
        reference: 'AID-2031-000001',
        channel: 'email',
        to: 'anna@example.org',
        language: 'uk',
        subject: 'Ваша заява про допомогу AID-2031-000001',
        text: 'Вашу заяву про допомогу AID-2031-000001 отримано.',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
  });

  it('serves them at GET /local/mailbox?reference=…', async () => {
    const route = mailboxRoute(runtime.doc, runtime.tableName);

    const res = await route.handle(
      {} as never,
      Buffer.alloc(0),
      new URL('http://localhost/local/mailbox?reference=aid-2031-000002'),
    );

    expect(res.statusCode).toBe(200);
    expect(JSON.parse(String(res.body)).items).toMatchObject([{ channel: 'sms', to: '+79123456789' }]);
  });
});
