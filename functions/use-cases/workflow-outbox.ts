import {
  ExecutionAlreadyExists,
  InvalidToken,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { sfn } from '../lib/clients.js';
import { config } from '../lib/config.js';
import { logger } from '../lib/logger.js';
import type { ResponseWaitRecord, TaskRecord } from '../lib/store/records.js';

/**
 * Starts the case's workflow, named by the case id: Step Functions refuses a second execution of
 * the same name, so a redelivered stream record never starts a case twice.
 */
export async function startCaseWorkflow(caseId: string): Promise<'started' | 'already-started'> {
  const stateMachineArn = config().AID_STATE_MACHINE_ARN;
  if (!stateMachineArn) throw new Error('AID_STATE_MACHINE_ARN is not configured');
  try {
    await sfn().send(
      new StartExecutionCommand({ stateMachineArn, name: caseId, input: JSON.stringify({ caseId }) }),
    );
    return 'started';
  } catch (error) {
    if (error instanceof ExecutionAlreadyExists) return 'already-started';
    throw error;
  }
}

/** What the workflow receives from a decided task (no personal data, no free text). */
export function taskOutput(task: TaskRecord): Record<string, unknown> {
  const d = task.decision;
  return {
    outcome: d?.outcome,
    decidedBy: d?.decidedBy,
    taskId: task.taskId,
    ...(d?.amount ? { amount: d.amount } : {}),
    ...(d?.fundingSource ? { fundingSource: d.fundingSource } : {}),
    ...(d?.approver ? { approver: d.approver } : {}),
    ...(d?.commissionSeats ? { commissionSeats: d.commissionSeats } : {}),
  };
}

/**
 * Resumes the workflow waiting on a decided task. A token the workflow no longer waits for (it
 * timed out and re-asked, or the execution ended) is logged and dropped: retrying cannot help.
 */
export async function resumeWorkflow(task: TaskRecord): Promise<'resumed' | 'stale'> {
  return sendSuccess(task.taskToken, taskOutput(task), { taskId: task.taskId });
}

/** Resumes "Await the applicant's answer" once the answer is recorded (no free text passes). */
export async function resumeAfterResponse(wait: ResponseWaitRecord): Promise<'resumed' | 'stale'> {
  return sendSuccess(
    wait.taskToken,
    { outcome: 'answered', answeredAt: wait.answeredAt },
    { caseId: wait.caseId },
  );
}

async function sendSuccess(
  taskToken: string,
  output: Record<string, unknown>,
  logContext: Record<string, string>,
): Promise<'resumed' | 'stale'> {
  try {
    await sfn().send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    return 'resumed';
  } catch (error) {
    if (error instanceof TaskDoesNotExist || error instanceof TaskTimedOut || error instanceof InvalidToken) {
      logger.warn('a result arrived for a wait the workflow no longer has', {
        ...logContext,
        errorName: error.name,
      });
      return 'stale';
    }
    throw error;
  }
}
