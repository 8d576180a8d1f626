import { config } from '../config.js';
import type { NotificationRef } from './delivery-message.js';
import { sqsDeliveryQueue } from './sqs-delivery-queue.js';

/**
 * The port through which new notifications are handed to delivery (InformStream →
 * DeliverNotification). One adapter, SQS (sqs-delivery-queue.ts): in AWS the notification queue,
 * in the local runtime its in-process queue behind the local SQS endpoint (local/queue.ts), as the
 * Step Functions client reaches the local engine. Which is configuration (SQS_ENDPOINT,
 * NOTIFICATION_QUEUE_URL); tests put a fake in its place.
 */
export interface DeliveryQueue {
  /**
   * Queues each notification for delivery, in as few requests as the queue allows. Resolves to the
   * positions in `refs` the queue refused (to be retried); rejects when it cannot tell.
   */
  enqueue(refs: readonly NotificationRef[]): Promise<readonly number[]>;
}

let fake: DeliveryQueue | undefined;
let current: { readonly queue: DeliveryQueue; readonly url: string; readonly endpoint?: string } | undefined;

/** The configured adapter, built once per queue URL and endpoint (the local runtime sets both). */
export function deliveryQueue(): DeliveryQueue {
  if (fake) return fake;
  const { NOTIFICATION_QUEUE_URL: url, SQS_ENDPOINT: endpoint, AWS_REGION: region } = config();
  if (!url) throw new Error('Invalid configuration: NOTIFICATION_QUEUE_URL is not set');
  if (current?.url !== url || current.endpoint !== endpoint) {
    current = {
      queue: sqsDeliveryQueue({ queueUrl: url, region, ...(endpoint ? { endpoint } : {}) }),
      url,
      ...(endpoint ? { endpoint } : {}),
    };
  }
  return current.queue;
}

/** Tests put a fake in the adapter's place; `undefined` goes back to configuration. */
export function setDeliveryQueueForTests(replacement: DeliveryQueue | undefined): void {
  fake = replacement;
}
