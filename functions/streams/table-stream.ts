import type { DynamoDBRecord } from 'aws-lambda';
import { clock } from '../lib/clock.js';
import { logger } from '../lib/logger.js';
import type {
  DisbursementRecord,
  ResponseWaitRecord,
  TaskRecord,
  WaitlistRecord,
} from '../lib/store/records.js';
import { streamImage as image, streamHandler } from '../lib/stream-handler.js';
import { startAppealWorkflow } from '../use-cases/appeals/appeal-outbox.js';
import { countAppealFacts } from '../use-cases/appeals/appeal-stats.js';
import { resumeAfterSettlement, settlementToDeliver } from '../use-cases/payment-outbox.js';
import { isCaseImage, purgeExpiredCase, removedByTtl } from '../use-cases/retention.js';
import {
  budgetGained,
  fundingToDeliver,
  fundWaitlist,
  resumeAfterFunding,
  walkToContinue,
} from '../use-cases/waitlist.js';
import { closeTasksOfWithdrawnCase } from '../use-cases/withdrawal.js';
import {
  resumeAfterResponse,
  resumeWorkflow,
  startCaseWorkflow,
  stopCaseWorkflow,
} from '../use-cases/workflow-outbox.js';

/** The transactional outbox: what a committed change obliges the workflows to do. */
async function dispatch(record: DynamoDBRecord): Promise<void> {
  const newImage = image(record.dynamodb?.NewImage as Record<string, unknown> | undefined);
  const oldImage = image(record.dynamodb?.OldImage as Record<string, unknown> | undefined);
  // Retention: TTL deleted a closed case item; the rest of the case goes with it.
  if (removedByTtl(record) && isCaseImage(oldImage)) {
    const result = await purgeExpiredCase(oldImage);
    logger.info('expired case purged', result);
    return;
  }
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
  // The applicant withdrew: the workflow stops waiting and the case's tasks leave the inboxes.
  if (
    record.eventName === 'MODIFY' &&
    newImage?.type === 'AidCase' &&
    newImage.status === 'withdrawn' &&
    oldImage?.status !== 'withdrawn'
  ) {
    const round = (newImage.reconsideration as { round?: number } | undefined)?.round;
    const stopped = await stopCaseWorkflow(String(newImage.caseId), round);
    const closed = await closeTasksOfWithdrawnCase(String(newImage.caseId));
    logger.info('withdrawn case stopped', { caseId: newImage.caseId, stopped, closed });
    return;
  }
  // An appeal reopened a rejected case: its workflow runs again from the start (round n).
  if (
    record.eventName === 'MODIFY' &&
    newImage?.type === 'AidCase' &&
    oldImage?.status === 'rejected' &&
    newImage.status === 'in_review'
  ) {
    const round = (newImage.reconsideration as { round?: number } | undefined)?.round ?? 1;
    const result = await startCaseWorkflow(String(newImage.caseId), round);
    logger.info('reopened case workflow', { caseId: newImage.caseId, round, result });
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
  // A disbursement was settled (paid, delivered or failed): the workflow waits for it.
  if (settlementToDeliver(oldImage, newImage)) {
    const result = await resumeAfterSettlement(newImage as unknown as DisbursementRecord);
    logger.info('settlement delivered', { disbursementId: newImage?.disbursementId, result });
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
    return;
  }
  // A waitlisted case was funded (or its wait's token arrived after it was): "Wait for funds" goes on.
  if (fundingToDeliver(oldImage, newImage)) {
    const result = await resumeAfterFunding(newImage as unknown as WaitlistRecord);
    logger.info('funding delivered', { caseId: newImage?.caseId, result });
    return;
  }
  // A budget line gained money: fund the year's waitlist from it, here rather than in the request
  // that added the money, so a long waitlist never times out an administrator's top-up.
  // A walk's step tries a bounded number of cases and hands on through a continuation item.
  const walk = budgetGained(oldImage, newImage) ?? walkToContinue(newImage);
  if (walk) {
    const result = await fundWaitlist({ ...walk, now: clock.now() });
    logger.info('waitlist walked', {
      ...walk,
      funded: result.funded.length,
      skipped: result.skipped,
      continued: result.continued,
    });
  }
}

export const handler = streamHandler(dispatch);
