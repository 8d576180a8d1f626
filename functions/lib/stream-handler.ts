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

/**
 * A table-stream consumer: records are handled in order; at the first failure the rest of the
 * batch is reported back, so the event source retries from there and the order per item is kept
 * (ReportBatchItemFailures). Every dispatch must be safe to repeat.
 */
export function streamHandler(dispatch: (record: DynamoDBRecord) => Promise<void>) {
  return middy<DynamoDBStreamEvent, DynamoDBBatchResponse, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      for (const [i, record] of event.Records.entries()) {
        try {
          await dispatch(record);
        } catch (error) {
          logger.error('stream record failed; will be retried', {
            eventID: record.eventID,
            errorName: (error as Error).name,
            errorMessage: (error as Error).message,
          });
          return {
            batchItemFailures: event.Records.slice(i).map((r) => ({
              itemIdentifier: r.dynamodb?.SequenceNumber ?? '',
            })),
          };
        }
      }
      return { batchItemFailures: [] };
    });
}
