import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { streamConsumerSettings } from '../../functions/registry.js';
import { acknowledge } from '../nag.js';
import type { AppFunctions } from './functions.js';

export interface StreamsProps {
  readonly functions: AppFunctions;
  readonly table: dynamodb.ITable;
}

/** Stream consumption settings, shared with the local stream poller (functions/registry.ts). */
export const streamSettings = streamConsumerSettings;

/**
 * The table stream → every registry function with trigger `stream` (the transactional outbox):
 * from the oldest record, with partial batch responses, bisect on error, bounded retries, and an
 * encrypted, TLS-only SQS queue receiving the description of batches that still failed.
 */
export class Streams extends Construct {
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: StreamsProps) {
    super(scope, id);

    this.deadLetterQueue = new sqs.Queue(this, 'StreamFailures', {
      // On-failure records of a DynamoDB stream carry shard and sequence numbers, not item data.
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.deadLetterQueue,
      'AwsSolutions-SQS3',
      'This queue is itself the dead-letter destination: the on-failure destination of the table stream ' +
        'event source mapping. Messages are inspected and the stream records replayed by an operator.',
    );

    // ListStreams on "*" (needed by the mapping) is acknowledged with the function's role (functions.ts).
    for (const { fn } of props.functions.byTrigger('stream')) {
      fn.addEventSource(
        new DynamoEventSource(props.table, {
          startingPosition: lambda.StartingPosition.TRIM_HORIZON,
          batchSize: streamSettings.batchSize,
          maxBatchingWindow: Duration.seconds(streamSettings.maxBatchingWindowSeconds),
          bisectBatchOnError: true,
          reportBatchItemFailures: true,
          retryAttempts: streamSettings.retryAttempts,
          parallelizationFactor: streamSettings.parallelizationFactor,
          onFailure: new SqsDlq(this.deadLetterQueue),
        }),
      );
    }
  }
}
