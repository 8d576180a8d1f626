import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { consumerOf, queues } from '../../functions/registry.js';
import { deadLetterQueue } from './dead-letter-queue.js';
import type { AppFunctions } from './functions.js';

export interface NotificationQueueProps {
  readonly functions: AppFunctions;
}

const settings = queues.notifications;

/**
 * The notification queue between InformStream (which queues every new notification) and
 * DeliverNotification (which sends it): SQS-managed encryption and TLS only, as the stream's
 * dead-letter queue; after `maxReceiveCount` failed receives a message moves to its own
 * dead-letter queue (an alarm watches it; Monitoring). The consumer's event source mapping reports
 * partial batch failures; its permissions come, like every function's, from grantAndConfigure
 * (registry `queues`), so the mapping here grants nothing itself.
 */
export class NotificationQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: NotificationQueueProps) {
    super(scope, id);

    this.deadLetterQueue = deadLetterQueue(
      this,
      'Undelivered',
      'This queue is itself the dead-letter queue of the notification queue. Its messages name ' +
        'notifications that could not be delivered; an operator redrives them once the cause is mended.',
    );
    this.queue = new sqs.Queue(this, 'Pending', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(settings.visibilityTimeoutSeconds),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: settings.maxReceiveCount },
    });

    const consumer = props.functions.fn(consumerOf('notifications').name);
    consumer.addEventSourceMapping('NotificationQueue', {
      eventSourceArn: this.queue.queueArn,
      batchSize: settings.batchSize,
      maxBatchingWindow: Duration.seconds(settings.maxBatchingWindowSeconds),
      reportBatchItemFailures: true,
      maxConcurrency: settings.maxConcurrency,
    });
  }
}
