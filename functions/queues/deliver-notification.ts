import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchItemFailure, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { TransientError } from '../lib/errors.js';
import { logger } from '../lib/logger.js';
import { parseDeliveryMessage } from '../lib/notify/delivery-message.js';
import { sendPacer } from '../lib/notify/send-pacer.js';
import {
  type Claim,
  claimRead,
  readQueuedNotifications,
  releaseClaim,
  sendClaimed,
} from '../use-cases/notifications/deliver-notification.js';

/** Time kept back at the end of an invocation for the answers of the last sends to be written. */
const answerWriteReserveMs = 3_000;

/** Gives back a claim made ahead for a send that will not happen; a failure only leaves it `sending`. */
async function giveBack(claiming: Promise<Claim> | undefined, record: SQSRecord | undefined): Promise<void> {
  const claimed = await claiming?.catch(() => undefined);
  if (!claimed) return;
  await releaseClaim(claimed).catch((error: Error) =>
    logger.error('a claim made ahead could not be given back; the notification stays claimed', {
      messageId: record?.messageId,
      errorName: error.name,
    }),
  );
}

/**
 * The notification queue's consumer: delivers each queued notification (SES e-mail, SNS SMS or
 * the print queue) and reports the messages that failed, which SQS hands out again once their
 * visibility timeout has passed, and after the last receive moves to the dead-letter queue
 * (ReportBatchItemFailures; functions/registry.ts `queues`). The delivery claims a notification
 * before sending, so a message received twice still sends once.
 *
 * The batch's notifications and cases are read at once; the sends go one after another, each
 * after its message's claim, so the provider sees one send at a time per batch, as before. The
 * next message is claimed while the current one is with the provider, and a send's answer is
 * written while the next message is sent: the requests around a send run during the sends
 * beside it instead of between them. The batch returns once every answer is written: a message whose answer could not be
 * written is reported (it stays claimed, so its retry sends nothing again).
 * A throttled provider fails the message and, untried, the rest of the batch: they would be
 * throttled too, and each try costs the quota; the claim made ahead for the next one is given
 * back. A message that is not a notification key fails, to end in the dead-letter queue where
 * someone looks at it.
 * Sends are spaced to this instance's share of the provider's rate (send-pacer.ts), so a peak
 * waits in the queue instead of being throttled; a send whose slot would come too late for its
 * answer to be written before the timeout is not started, and it and the rest of the batch are
 * returned untried, their claims given back.
 */
export const handler = middy<SQSEvent, SQSBatchResponse, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event, context) => {
    const batchItemFailures: SQSBatchItemFailure[] = [];
    // A send starts only while there is time to write its answer before the function times out.
    const latestSendAt = Date.now() + context.getRemainingTimeInMillis() - answerWriteReserveMs;
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
    const claim = (i: number): Promise<Claim> | undefined => {
      if (i >= event.Records.length) return undefined;
      const claiming = (async () => {
        const read = reads[i];
        if (!read) throw new Error('The message does not name a notification');
        return claimRead(await read);
      })();
      // Awaited in its turn: until then a failed claim must not count as unhandled.
      claiming.catch(() => undefined);
      return claiming;
    };
    let next = claim(0);
    for (const [i, record] of event.Records.entries()) {
      const claiming = next;
      next = undefined;
      try {
        const claimed = await claiming;
        if (!claimed) break;
        // The next message is claimed while this one is with the provider; sends stay one at a time.
        next = claim(i + 1);
        if (claimed.kind === 'claimed' && !(await sendPacer().slot(claimed.channel, latestSendAt))) {
          // Out of time for the next slot: this message and the rest go back to the queue untried.
          logger.warn('send rate reached for this invocation; the rest of the batch is returned', {
            messageId: record.messageId,
            untried: event.Records.length - i,
          });
          batchItemFailures.push(...event.Records.slice(i).map((r) => ({ itemIdentifier: r.messageId })));
          await Promise.all([
            giveBack(Promise.resolve(claimed), record),
            giveBack(next, event.Records[i + 1]),
          ]);
          break;
        }
        const delivery = await sendClaimed(claimed);
        answers.push({ record, recorded: delivery.recorded });
      } catch (error) {
        const throttled = error instanceof TransientError;
        logFailure(record, error, throttled ? event.Records.length - i - 1 : undefined);
        const failed = throttled ? event.Records.slice(i) : [record];
        batchItemFailures.push(...failed.map((r) => ({ itemIdentifier: r.messageId })));
        if (throttled) {
          // The next message was claimed for a send that will not come now: give it back.
          await giveBack(next, event.Records[i + 1]);
          break;
        }
        next ??= claim(i + 1);
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
