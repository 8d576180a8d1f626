import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from './logger.js';
import { orderKeyOf } from './stream-order.js';

export type StreamImage = Record<string, unknown>;

/**
 * A batch's cases handled at once. Most of a stream record's time is waiting on one request
 * (StartExecution, SendTaskSuccess, a conditional write); one case after another, a batch of 25
 * waited 25 times in a row and its shard with it. Five at once keeps the load on the table and the
 * Step Functions API modest (at most five requests per shard in flight).
 */
export const concurrentCasesPerBatch = 5;

/** A stream record's old or new image as plain data. */
export function streamImage(raw: Record<string, unknown> | undefined): StreamImage | undefined {
  return raw ? unmarshall(raw as Record<string, AttributeValue>) : undefined;
}

export interface StreamHandlerOptions {
  /**
   * Work done for the whole batch before its records one by one (InformStream queues every new
   * notification of the batch in one request). Resolves to the position of the first record it
   * could not do, or undefined; the batch is handed back from there. A rejection hands back all.
   */
  readonly beforeRecords?: (records: readonly DynamoDBRecord[]) => Promise<number | undefined>;
  /**
   * Cases handled at once (default `concurrentCasesPerBatch`). A case's records are always handled
   * one after the other, in stream order; records of different cases do not wait for each other,
   * as they do not across shards. Records with no case are ordered by their partition key.
   */
  readonly concurrentCases?: number;
}

/**
 * Dispatches records[0 … until) with at most `concurrency` order keys at a time, each key's records
 * in order, a key stopping at its first failure. Resolves to the position of the first failed
 * record, or `until`.
 */
async function dispatchByOrderKey(
  records: readonly DynamoDBRecord[],
  until: number,
  concurrency: number,
  dispatchOne: (record: DynamoDBRecord, position: number) => Promise<boolean>,
): Promise<number> {
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < until; i++) {
    const key = orderKeyOf(records[i] as DynamoDBRecord);
    const positions = byKey.get(key);
    if (positions) positions.push(i);
    else byKey.set(key, [i]);
  }
  const groups = [...byKey.values()];
  let firstFailed = until;
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      const group = groups[next++] as number[];
      for (const position of group) {
        if (!(await dispatchOne(records[position] as DynamoDBRecord, position))) {
          firstFailed = Math.min(firstFailed, position);
          break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, groups.length) }, worker));
  return firstFailed;
}

/**
 * A table-stream consumer: records are handled in order per case; at the first failure the rest
 * of the batch is reported back, so the event source retries from there and the order per item is
 * kept (ReportBatchItemFailures). Records of other cases after the failure may have been handled
 * and come again: every dispatch must be safe to repeat.
 */
export function streamHandler(
  dispatch: (record: DynamoDBRecord) => Promise<void>,
  options: StreamHandlerOptions = {},
) {
  const handBack = (records: readonly DynamoDBRecord[], from: number): DynamoDBBatchResponse => ({
    batchItemFailures: records.slice(from).map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })),
  });
  return middy<DynamoDBStreamEvent, DynamoDBBatchResponse, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      let until = event.Records.length;
      if (options.beforeRecords) {
        try {
          until = Math.min(until, (await options.beforeRecords(event.Records)) ?? until);
        } catch (error) {
          logger.error('stream batch failed; will be retried', {
            errorName: (error as Error).name,
            errorMessage: (error as Error).message,
          });
          until = 0;
        }
      }
      const failedAt = await dispatchByOrderKey(
        event.Records,
        until,
        Math.max(1, options.concurrentCases ?? concurrentCasesPerBatch),
        async (record) => {
          try {
            await dispatch(record);
            return true;
          } catch (error) {
            logger.error('stream record failed; will be retried', {
              eventID: record.eventID,
              errorName: (error as Error).name,
              errorMessage: (error as Error).message,
            });
            return false;
          }
        },
      );
      return handBack(event.Records, failedAt);
    });
}
