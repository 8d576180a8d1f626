import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dynamo } from '../../../functions/lib/clients.js';
import type { NotificationRef } from '../../../functions/lib/notify/delivery-message.js';
import { type OutboundMessage, setNotifierForTests } from '../../../functions/lib/notify/notifier.js';
import { SendPacer, setSendPacerForTests } from '../../../functions/lib/notify/send-pacer.js';
import { handler } from '../../../functions/queues/deliver-notification.js';
import { writeAidNotification } from '../../../functions/use-cases/notifications/aid-notifications.js';
import { aidCaseItem, notificationsOfCase } from '../../support/case-items.js';
import { recordCommandNames, type TestTable } from '../../support/dynamodb.js';
import { handlerTable, lambdaContext } from '../../support/handler-env.js';
import { fakePacerTimer } from '../../support/pacer-timer.js';
import { queueEvent, queueRecord } from '../../support/queue-messages.js';

let table: TestTable;
let accepted: OutboundMessage[];
let attempts: number;
let failures: (Error | undefined)[];
/** Fails the sends `failures` says, accepts the rest. */
const scriptedNotifier = {
  async send(message: OutboundMessage) {
    attempts++;
    const failure = failures.shift();
    if (failure) throw failure;
    accepted.push(message);
    return { messageId: `msg-${attempts}` };
  },
};
beforeAll(async () => {
  table = await handlerTable({ seed: false });
});
beforeEach(() => {
  setNotifierForTests(scriptedNotifier);
  setSendPacerForTests(undefined);
  accepted = [];
  attempts = 0;
  failures = [];
});
afterAll(async () => {
  setNotifierForTests(undefined);
  setSendPacerForTests(undefined);
  await table.drop();
});

const throttling = () => Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'Throttling' });
const refused = () => Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' });

/** A new aid case with its pending notification in the table; the key the queue would carry. */
async function pendingNotification(overrides: Record<string, unknown> = {}): Promise<NotificationRef> {
  const aidCase = aidCaseItem(overrides);
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: aidCase }));
  await writeAidNotification(undefined, aidCase);
  const [n] = await notificationsOfCase(table, aidCase.caseId);
  if (!n) throw new Error('no notification written');
  return { pk: n.pk, sk: n.sk };
}

async function statusOf(ref: NotificationRef): Promise<unknown> {
  const { Item } = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: ref, ConsistentRead: true }),
  );
  return Item?.status;
}

const run = (records: ReturnType<typeof queueRecord>[]) => handler(queueEvent(records), lambdaContext);

describe('the notification queue consumer', () => {
  it('delivers every queued notification of a batch and reports no failure', async () => {
    const refs = [await pendingNotification(), await pendingNotification()];

    const result = await run(refs.map((ref) => queueRecord(ref)));

    expect(result.batchItemFailures).toEqual([]);
    expect(accepted).toHaveLength(2);
    expect(await Promise.all(refs.map(statusOf))).toEqual(['sent', 'sent']);
  });

  it('reads the batch before its first send, and sends one message at a time', async () => {
    // Arrange: three applicants' notifications; every request of the handler's client recorded.
    const refs = [await pendingNotification(), await pendingNotification(), await pendingNotification()];
    const commands = recordCommandNames(dynamo());
    let sending = 0;
    let mostAtOnce = 0;
    let readsBeforeFirstSend: number | undefined;
    setNotifierForTests({
      async send(message) {
        readsBeforeFirstSend ??= commands.filter((c) => c === 'GetItemCommand' || c === 'GetCommand').length;
        sending++;
        mostAtOnce = Math.max(mostAtOnce, sending);
        await new Promise((resolve) => setTimeout(resolve, 5));
        sending--;
        accepted.push(message);
        return { messageId: `msg-${accepted.length}` };
      },
    });

    // Act
    const result = await run(refs.map((ref) => queueRecord(ref)));

    // Assert: the three notifications are read at once, each case as soon as its notification is
    // in, so the first send has waited for more than its own two reads (one message at a time would
    // have read two); the third case may still be on its way then (it follows its notification's
    // read, not the first send). Six reads in all, then one send after another.
    expect(result.batchItemFailures).toEqual([]);
    expect(readsBeforeFirstSend).toBeGreaterThanOrEqual(4);
    expect(commands.filter((c) => c === 'GetItemCommand' || c === 'GetCommand')).toHaveLength(6);
    expect(mostAtOnce).toBe(1);
    expect(accepted.map((m) => m.caseId)).toEqual(refs.map((ref) => ref.pk.replace('CASE#', '')));
  });

  it("claims and sends the next message while the last one's answer is being written", async () => {
    // Arrange: every conditional update of the handler's client held back 20 ms, in-flight counted.
    const refs = [await pendingNotification(), await pendingNotification(), await pendingNotification()];
    let updating = 0;
    let mostUpdatesAtOnce = 0;
    const client = dynamo();
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (!/^Update(Item)?Command$/.test(context.commandName ?? '')) return next(args);
        updating++;
        mostUpdatesAtOnce = Math.max(mostUpdatesAtOnce, updating);
        try {
          await new Promise((resolve) => setTimeout(resolve, 20));
          return await next(args);
        } finally {
          updating--;
        }
      },
      { step: 'initialize', name: 'slowUpdates' },
    );

    // Act
    let result: Awaited<ReturnType<typeof run>>;
    try {
      result = await run(refs.map((ref) => queueRecord(ref)));
    } finally {
      client.middlewareStack.remove('slowUpdates');
    }

    // Assert: an answer's write overlapped the next claim, and every answer was written by the end.
    expect(mostUpdatesAtOnce).toBeGreaterThanOrEqual(2);
    expect(result.batchItemFailures).toEqual([]);
    expect(await Promise.all(refs.map(statusOf))).toEqual(['sent', 'sent', 'sent']);
  });

  it('claims the next message while the current one is with the provider, and still sends one at a time', async () => {
    // Arrange: each send takes 30 ms; during the first, the second notification's status is read.
    const [a, b] = [await pendingNotification(), await pendingNotification()];
    let sending = 0;
    let mostAtOnce = 0;
    let secondDuringFirstSend: unknown;
    setNotifierForTests({
      async send(message) {
        sending++;
        mostAtOnce = Math.max(mostAtOnce, sending);
        await new Promise((resolve) => setTimeout(resolve, 30));
        if (accepted.length === 0) secondDuringFirstSend = await statusOf(b);
        sending--;
        accepted.push(message);
        return { messageId: `msg-${accepted.length}` };
      },
    });

    // Act
    const result = await run([queueRecord(a), queueRecord(b)]);

    // Assert
    expect(secondDuringFirstSend).toBe('sending');
    expect(mostAtOnce).toBe(1);
    expect(result.batchItemFailures).toEqual([]);
    expect(await Promise.all([a, b].map(statusOf))).toEqual(['sent', 'sent']);
  });

  it('reports a sent message whose answer could not be written, and its retry sends nothing', async () => {
    // Arrange: the write of the second message's "sent" fails once, as a throttled table would.
    const [a, b] = [await pendingNotification(), await pendingNotification()];
    const records = [queueRecord(a), queueRecord(b)];
    const client = dynamo();
    let failedOnce = false;
    client.middlewareStack.add(
      (next) => async (args) => {
        // Marshalled or not, depending on where in the stack the client's middleware runs.
        const input = JSON.stringify(args.input);
        if (
          !failedOnce &&
          input.includes(b.pk) &&
          input.includes(b.sk) &&
          /":to":(\{"S":)?"sent"/.test(input)
        ) {
          failedOnce = true;
          throw Object.assign(new Error('Throughput exceeds the current capacity'), {
            name: 'ProvisionedThroughputExceededException',
          });
        }
        return next(args);
      },
      { step: 'initialize', name: 'failSentMark' },
    );

    // Act
    let first: Awaited<ReturnType<typeof run>>;
    try {
      first = await run(records);
    } finally {
      client.middlewareStack.remove('failSentMark');
    }
    const retried = await run([queueRecord(b, 2)]);

    // Assert
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: records[1]?.messageId }]);
    expect(retried.batchItemFailures).toEqual([]);
    expect(attempts).toBe(2);
    expect([await statusOf(a), await statusOf(b)]).toEqual(['sent', 'sending']);
  });

  it('sends once when a message comes twice, in one batch or in two (the claim)', async () => {
    const ref = await pendingNotification();
    const message = queueRecord(ref);

    const first = await run([message, queueRecord(ref)]);
    const again = await run([queueRecord(ref, 2)]);

    expect(first.batchItemFailures).toEqual([]);
    expect(again.batchItemFailures).toEqual([]);
    expect(attempts).toBe(1);
    expect(await statusOf(ref)).toBe('sent');
  });

  it('reports only the failed message of a batch, and keeps a refused address failed, not retried', async () => {
    const [a, b, c] = [await pendingNotification(), await pendingNotification(), await pendingNotification()];
    const records = [queueRecord(a), queueRecord('not a notification key'), queueRecord(b), queueRecord(c)];
    failures.push(undefined, refused());

    const result = await run(records);

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: records[1]?.messageId }]);
    expect([await statusOf(a), await statusOf(b), await statusOf(c)]).toEqual(['sent', 'failed', 'sent']);
  });

  it('hands a throttled message and the untried rest of the batch back, and sends them when retried', async () => {
    const [a, b, c] = [await pendingNotification(), await pendingNotification(), await pendingNotification()];
    const records = [queueRecord(a), queueRecord(b), queueRecord(c)];
    failures.push(undefined, throttling());

    const throttled = await run(records);
    const between = await Promise.all([a, b, c].map(statusOf));
    const retried = await run([queueRecord(b, 2), queueRecord(c, 2)]);

    expect(throttled.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([
      records[1]?.messageId,
      records[2]?.messageId,
    ]);
    expect(between).toEqual(['sent', 'pending', 'pending']);
    expect(attempts).toBe(4);
    expect(retried.batchItemFailures).toEqual([]);
    expect(await Promise.all([a, b, c].map(statusOf))).toEqual(['sent', 'sent', 'sent']);
    expect(accepted).toHaveLength(3);
  });

  it("spaces its sends to its share of the provider's send rate", async () => {
    // Arrange: two e-mails a second for this instance, on a clock that moves when the pacer waits.
    const refs = [await pendingNotification(), await pendingNotification(), await pendingNotification()];
    const timer = fakePacerTimer();
    setSendPacerForTests(new SendPacer({ email: 2 }, timer));

    // Act
    const result = await run(refs.map((ref) => queueRecord(ref)));

    // Assert
    expect(result.batchItemFailures).toEqual([]);
    expect(timer.slept).toEqual([500, 500]);
    expect(await Promise.all(refs.map(statusOf))).toEqual(['sent', 'sent', 'sent']);
  });

  it('returns the messages whose turn would come too late for the invocation, unclaimed', async () => {
    // Arrange: one e-mail a second, and 4.5 s left of which 3 s are kept for writing the answers,
    // so the sends at 0 s and 1 s fit and the one at 2 s does not.
    const refs: NotificationRef[] = [];
    for (let i = 0; i < 4; i++) refs.push(await pendingNotification());
    const records = refs.map((ref) => queueRecord(ref));
    const timer = fakePacerTimer();
    setSendPacerForTests(new SendPacer({ email: 1 }, timer));

    // Act
    const result = await handler(queueEvent(records), {
      ...lambdaContext,
      getRemainingTimeInMillis: () => 4_500,
    });
    const between = await Promise.all(refs.map(statusOf));
    setSendPacerForTests(undefined);
    const retried = await run([queueRecord(refs[2]!, 2), queueRecord(refs[3]!, 2)]);

    // Assert: the two late ones are handed back as they were (their claims given back), and sent
    // when they come again.
    expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([
      records[2]?.messageId,
      records[3]?.messageId,
    ]);
    expect(between).toEqual(['sent', 'sent', 'pending', 'pending']);
    expect(retried.batchItemFailures).toEqual([]);
    expect(accepted).toHaveLength(4);
  });

  it('skips a message whose notification is not in the table (nothing to send, nothing to retry)', async () => {
    const result = await run([
      queueRecord({ pk: 'CASE#gone', sk: 'NOTIFICATION#2031-01-01T00:00:00.000Z#x' }),
    ]);

    expect(result.batchItemFailures).toEqual([]);
    expect(attempts).toBe(0);
  });
});
