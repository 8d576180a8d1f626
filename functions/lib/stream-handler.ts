import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from './logger.js';

export type StreamImage = Record<string, unknown>;

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
}

/**
 * A table-stream consumer: records are handled in order; at the first failure the rest of the
 * batch is reported back, so the event source retries from there and the order per item is kept
 * (ReportBatchItemFailures). Every dispatch must be safe to repeat.
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
      for (const [i, record] of event.Records.slice(0, until).entries()) {
        try {
          await dispatch(record);
        } catch (error) {
          logger.error('stream record failed; will be retried', {
            eventID: record.eventID,
            errorName: (error as Error).name,
            errorMessage: (error as Error).message,
          });
          return handBack(event.Records, i);
        }
      }
      return handBack(event.Records, until);
    });
}
