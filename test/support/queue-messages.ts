import { randomUUID } from 'node:crypto';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { deliveryMessageBody, type NotificationRef } from '../../functions/lib/notify/delivery-message.js';

/** A notification queue message as the event source mapping hands it to DeliverNotification. */
export function queueRecord(body: NotificationRef | string, receiveCount = 1): SQSRecord {
  const messageId = randomUUID();
  return {
    messageId,
    receiptHandle: `handle-${messageId}`,
    body: typeof body === 'string' ? body : deliveryMessageBody(body),
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: '1767225600000',
      SenderId: 'AROATEST',
      ApproximateFirstReceiveTimestamp: '1767225600000',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-central-1:000000000000:aidflow-notifications',
    awsRegion: 'eu-central-1',
  };
}

export const queueEvent = (records: SQSRecord[]): SQSEvent => ({ Records: records });
