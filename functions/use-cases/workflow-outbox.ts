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
import type { TaskRecord } from '../lib/store/records.js';

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
  };
}

/**
 * Resumes the workflow waiting on a decided task. A token the workflow no longer waits for (it
 * timed out and re-asked, or the execution ended) is logged and dropped: retrying cannot help.
 */
export async function resumeWorkflow(task: TaskRecord): Promise<'resumed' | 'stale'> {
  try {
    await sfn().send(
      new SendTaskSuccessCommand({ taskToken: task.taskToken, output: JSON.stringify(taskOutput(task)) }),
    );
    return 'resumed';
  } catch (error) {
    if (error instanceof TaskDoesNotExist || error instanceof TaskTimedOut || error instanceof InvalidToken) {
      logger.warn('decision arrived for a task the workflow no longer waits on', {
        taskId: task.taskId,
        errorName: error.name,
      });
      return 'stale';
    }
    throw error;
  }
}
