import type { DynamoDBRecord } from 'aws-lambda';
import { logger } from '../lib/logger.js';
import type { NotificationRef } from '../lib/notify/delivery-message.js';
import { deliveryQueue } from '../lib/notify/delivery-queue.js';
import { streamImage as image, streamHandler } from '../lib/stream-handler.js';
import { writeAidNotification } from '../use-cases/notifications/aid-notifications.js';
import { countPaidDisbursement } from '../use-cases/reports/aid-usage.js';

/**
 * "The workflows decide; streams inform" (DESIGN.md): what a committed change means for the
 * people outside and for the reports. The table stream's second consumer, beside the workflow
 * outbox (table-stream.ts).
 *
 * - an aid case's new status → the applicant's notification (a Notification item);
 * - a new notification (aid or appeal) → queued for delivery (DeliverNotification sends it);
 * - a disbursement paid → the aid usage report's aggregates.
 *
 * It sends nothing itself: a slow or throttling mail provider would hold the shard, and the
 * aggregates and notifications behind it would wait.
 */
async function dispatch(record: DynamoDBRecord): Promise<void> {
  const newImage = image(record.dynamodb?.NewImage as Record<string, unknown> | undefined);
  const oldImage = image(record.dynamodb?.OldImage as Record<string, unknown> | undefined);
  if (!newImage) return;
  switch (newImage.type) {
    case 'AidCase': {
      const result = await writeAidNotification(oldImage, newImage);
      if (result !== 'none') logger.info('aid notification', { caseId: newImage.caseId, result });
      return;
    }
    case 'Notification':
      // Queued for the whole batch at once, before the records one by one (queueNewNotifications).
      return;
    case 'Disbursement': {
      const counted = await countPaidDisbursement(oldImage, newImage);
      if (counted)
        logger.info('paid disbursement counted', { disbursementId: newImage.disbursementId, counted });
      return;
    }
    default:
      return;
  }
}

/**
 * The record's notification key when it is one to deliver: a pending notification inserted, or one
 * staff had sent again (`requeued`, resend-message.ts).
 */
function newNotification(record: DynamoDBRecord): NotificationRef | undefined {
  const item = image(record.dynamodb?.NewImage as Record<string, unknown> | undefined);
  if (item?.type !== 'Notification') return undefined;
  const toDeliver =
    (record.eventName === 'INSERT' && item.status === 'pending') ||
    (record.eventName === 'MODIFY' && item.status === 'requeued');
  if (!toDeliver) return undefined;
  return typeof item.pk === 'string' && typeof item.sk === 'string'
    ? { pk: item.pk, sk: item.sk }
    : undefined;
}

/**
 * Every new notification of the batch into the delivery queue, ten to a request. A notification's
 * delivery depends on no other record of the batch, so they need not wait their turn. Returns the
 * position of the first record whose notification the queue refused: the batch is handed back
 * from there, and a notification queued twice is still sent once (the delivery's claim).
 */
async function queueNewNotifications(records: readonly DynamoDBRecord[]): Promise<number | undefined> {
  const queued = records.flatMap((record, position) => {
    const ref = newNotification(record);
    return ref ? [{ ref, position }] : [];
  });
  if (queued.length === 0) return undefined;
  const refused = await deliveryQueue().enqueue(queued.map((q) => q.ref));
  if (refused.length === 0) {
    logger.info('notifications queued for delivery', { count: queued.length });
    return undefined;
  }
  logger.warn('notifications not queued; will be retried', { refused: refused.length, of: queued.length });
  return Math.min(...refused.map((i) => queued[i]?.position ?? 0));
}

export const handler = streamHandler(dispatch, { beforeRecords: queueNewNotifications });
