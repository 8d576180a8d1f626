import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchItemFailure, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { TransientError } from '../lib/errors.js';
import { logger } from '../lib/logger.js';
import { parseDeliveryMessage } from '../lib/notify/delivery-message.js';
import { deliverRead, readQueuedNotifications } from '../use-cases/notifications/deliver-notification.js';

/**
 * The notification queue's consumer: delivers each queued notification (SES e-mail, SNS SMS or
 * the print queue) and reports the messages that failed, which SQS hands out again once their
 * visibility timeout has passed, and after the last receive moves to the dead-letter queue
 * (ReportBatchItemFailures; functions/registry.ts `queues`). The delivery claims a notification
 * before sending, so a message received twice still sends once.
 *
 * The batch's notifications and cases are read at once; the deliveries go one after another, each
 * claimed before it is sent, so the provider sees one send at a time per batch, as before. A
 * send's answer is written while the next message is claimed and sent, and the batch returns once
 * every answer is written: a message whose answer could not be written is reported (it stays
 * claimed, so its retry sends nothing again).
 * A throttled provider fails the message and, untried, the rest of the batch: they would be
 * throttled too, and each try costs the quota. A message that is not a notification key fails,
 * to end in the dead-letter queue where someone looks at it.
 */
export const handler = middy<SQSEvent, SQSBatchResponse, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const batchItemFailures: SQSBatchItemFailure[] = [];
    const logFailure = (record: SQSRecord, error: unknown, untried?: number) => {
      logger.error('queued notification failed; will be retried', {
        messageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        errorName: (error as Error).name,
        errorMessage: (error as Error).message,
        ...(untried === undefined ? {} : { untried }),
      });
    };
    const answers: { readonly record: SQSRecord; readonly recorded: Promise<void> }[] = [];
    const reads = readQueuedNotifications(event.Records.map((record) => parseDeliveryMessage(record.body)));
    for (const [i, record] of event.Records.entries()) {
      try {
        const read = reads[i];
        if (!read) throw new Error('The message does not name a notification');
        const delivery = await deliverRead(await read);
        answers.push({ record, recorded: delivery.recorded });
      } catch (error) {
        const throttled = error instanceof TransientError;
        logFailure(record, error, throttled ? event.Records.length - i - 1 : undefined);
        const failed = throttled ? event.Records.slice(i) : [record];
        batchItemFailures.push(...failed.map((r) => ({ itemIdentifier: r.messageId })));
        if (throttled) break;
      }
    }
    const written = await Promise.allSettled(answers.map((answer) => answer.recorded));
    for (const [i, outcome] of written.entries()) {
      const answer = answers[i];
      if (outcome.status === 'fulfilled' || !answer) continue;
      logFailure(answer.record, outcome.reason);
      batchItemFailures.push({ itemIdentifier: answer.record.messageId });
    }
    return { batchItemFailures };
  });
