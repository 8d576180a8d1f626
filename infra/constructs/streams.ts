import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { checkedPattern } from '../../functions/lib/stream-filter.js';
import { streamConsumerSettings } from '../../functions/registry.js';
import { deadLetterQueue } from './dead-letter-queue.js';
import type { AppFunctions } from './functions.js';

export interface StreamsProps {
  readonly functions: AppFunctions;
  readonly table: dynamodb.ITable;
}

/** Stream consumption settings, shared with the local stream poller (functions/registry.ts). */
export const streamSettings = streamConsumerSettings;

/**
 * The table stream → every registry function with trigger `stream` (the transactional outbox):
 * only the records it acts on (its registry filter), from the oldest record, with partial batch
 * responses, bisect on error, bounded retries, and an encrypted, TLS-only SQS queue receiving the
 * description of batches that still failed.
 */
export class Streams extends Construct {
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: StreamsProps) {
    super(scope, id);

    // On-failure records of a DynamoDB stream carry shard and sequence numbers, not item data.
    this.deadLetterQueue = deadLetterQueue(
      this,
      'StreamFailures',
      'This queue is itself the dead-letter destination: the on-failure destination of the table stream ' +
        'event source mapping. Messages are inspected and the stream records replayed by an operator.',
    );

    // ListStreams on "*" (needed by the mapping) is acknowledged with the function's role (functions.ts).
    for (const { spec, fn } of props.functions.byTrigger('stream')) {
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
          // Records it does not act on are dropped by the mapping: no invocation, none billed.
          ...(spec.streamFilters
            ? {
                filters: spec.streamFilters.map((pattern) =>
                  lambda.FilterCriteria.filter(checkedPattern(pattern)),
                ),
              }
            : {}),
        }),
      );
    }
  }
}
