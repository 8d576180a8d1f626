import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../lib/logger.js';
import type { TaskRecord } from '../lib/store/records.js';
import { resumeWorkflow, startCaseWorkflow } from '../use-cases/workflow-outbox.js';

type Image = Record<string, unknown>;

function image(raw: Record<string, unknown> | undefined): Image | undefined {
  return raw ? unmarshall(raw as Record<string, AttributeValue>) : undefined;
}

/** The transactional outbox: what a committed change obliges the workflows to do. */
async function dispatch(record: DynamoDBRecord): Promise<void> {
  const newImage = image(record.dynamodb?.NewImage as Record<string, unknown> | undefined);
  const oldImage = image(record.dynamodb?.OldImage as Record<string, unknown> | undefined);
  if (record.eventName === 'INSERT' && newImage?.type === 'AidCase') {
    const result = await startCaseWorkflow(String(newImage.caseId));
    logger.info('case workflow', { caseId: newImage.caseId, result });
    return;
  }
  if (
    record.eventName === 'MODIFY' &&
    newImage?.type === 'Task' &&
    oldImage?.status === 'open' &&
    newImage.status === 'decided'
  ) {
    const result = await resumeWorkflow(newImage as unknown as TaskRecord);
    logger.info('task decision delivered', { taskId: newImage.taskId, result });
  }
}

/**
 * Records are handled in order; at the first failure the rest of the batch is reported back, so
 * the event source retries from there and order per item is kept (ReportBatchItemFailures).
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse, Error, Context>()
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
