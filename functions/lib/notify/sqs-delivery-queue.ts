import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { withoutSdkLogFilter } from '../sdk-log-filter.js';
import { deliveryMessageBody } from './delivery-message.js';
import type { DeliveryQueue } from './delivery-queue.js';

export interface SqsDeliveryQueueOptions {
  readonly queueUrl: string;
  readonly region: string;
  /** The local runtime's SQS endpoint; unset in AWS. */
  readonly endpoint?: string;
}

/** SendMessageBatch takes at most ten messages. */
const maxBatchEntries = 10;

/** The notification queue through SQS SendMessageBatch: one request per ten notifications. */
export function sqsDeliveryQueue(options: SqsDeliveryQueueOptions): DeliveryQueue {
  const sqs = withoutSdkLogFilter(
    new SQSClient({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    }),
  );
  return {
    async enqueue(refs) {
      const refused: number[] = [];
      for (let from = 0; from < refs.length; from += maxBatchEntries) {
        const out = await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: options.queueUrl,
            Entries: refs.slice(from, from + maxBatchEntries).map((ref, i) => ({
              Id: String(from + i),
              MessageBody: deliveryMessageBody(ref),
            })),
          }),
        );
        for (const failed of out.Failed ?? []) refused.push(Number(failed.Id));
      }
      return refused.sort((a, b) => a - b);
    },
  };
}
