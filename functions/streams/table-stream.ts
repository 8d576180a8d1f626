import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../lib/logger.js';
import type { ResponseWaitRecord, TaskRecord } from '../lib/store/records.js';
import { startAppealWorkflow } from '../use-cases/appeals/appeal-outbox.js';
import { countAppealFacts } from '../use-cases/appeals/appeal-stats.js';
import { resumeAfterResponse, resumeWorkflow, startCaseWorkflow } from '../use-cases/workflow-outbox.js';

type Image = Record<string, unknown>;

function image(raw: Record<string, unknown> | undefined): Image | undefined {
  return raw ? unmarshall(raw as Record<string, AttributeValue>) : undefined;
}

/** The transactional outbox: what a committed change obliges the workflows to do. */
async function dispatch(record: DynamoDBRecord): Promise<void> {
  const newImage = image(record.dynamodb?.NewImage as Record<string, unknown> | undefined);
  const oldImage = image(record.dynamodb?.OldImage as Record<string, unknown> | undefined);
  if (newImage?.type === 'AppealCase') {
    // Report counters first (once per fact), then the workflow: both are safe to repeat.
    await countAppealFacts(oldImage, newImage);
    if (record.eventName === 'INSERT') {
      const result = await startAppealWorkflow(String(newImage.caseId));
      logger.info('appeal workflow', { caseId: newImage.caseId, result });
    }
    return;
  }
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
    return;
  }
  // A commission vote closed because a majority had decided (or born closed after it).
  if (newImage?.type === 'Task' && newImage.status === 'closed' && oldImage?.status !== 'closed') {
    const result = await resumeWorkflow(newImage as unknown as TaskRecord);
    logger.info('closed vote delivered', { taskId: newImage.taskId, result });
    return;
  }
  // The applicant answered a request for information.
  if (
    record.eventName === 'MODIFY' &&
    newImage?.type === 'ResponseWait' &&
    oldImage?.status === 'awaiting' &&
    newImage.status === 'answered'
  ) {
    const result = await resumeAfterResponse(newImage as unknown as ResponseWaitRecord);
    logger.info('applicant response delivered', { caseId: newImage.caseId, result });
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
