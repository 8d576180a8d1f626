import type { DynamoDBRecord } from 'aws-lambda';
import { logger } from '../lib/logger.js';
import type { NotificationRecord } from '../lib/store/notification-records.js';
import { streamImage as image, streamHandler } from '../lib/stream-handler.js';
import { writeAidNotification } from '../use-cases/notifications/aid-notifications.js';
import { deliverNotification } from '../use-cases/notifications/deliver-notification.js';
import { countPaidDisbursement } from '../use-cases/reports/aid-usage.js';

/**
 * "The workflows decide; streams inform" (DESIGN.md): what a committed change means for the
 * people outside and for the reports. The table stream's second consumer, beside the workflow
 * outbox (table-stream.ts), so that a slow mail provider never holds up a workflow, and so that
 * only this function may send e-mail and SMS.
 *
 * - an aid case's new status → the applicant's notification (a Notification item);
 * - a new pending notification (aid or appeal) → delivered: SES, SNS, or the print queue;
 * - a disbursement paid → the aid usage report's aggregates.
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
      if (record.eventName === 'INSERT') await deliverNotification(newImage as unknown as NotificationRecord);
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

export const handler = streamHandler(dispatch);
