import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag.js';

/**
 * A dead-letter queue as every one of ours is: SQS-managed encryption, TLS only, 14 days to look
 * at what failed. cdk-nag's "a queue needs its own dead-letter queue" (SQS3) is acknowledged with
 * `why`: the queue is the last stop, and an operator redrives or replays its messages.
 */
export function deadLetterQueue(scope: Construct, id: string, why: string): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(queue, 'AwsSolutions-SQS3', why);
  return queue;
}
