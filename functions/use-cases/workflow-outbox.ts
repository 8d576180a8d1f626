import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
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
export async function startCaseWorkflow(
  caseId: string,
  reconsiderationRound?: number,
): Promise<'started' | 'already-started'> {
  const stateMachineArn = config().AID_STATE_MACHINE_ARN;
  if (!stateMachineArn) throw new Error('AID_STATE_MACHINE_ARN is not configured');
  // A reopened case runs again under a name of its own per round, just as unique per round.
  const name = reconsiderationRound ? `${caseId}-reconsideration-${reconsiderationRound}` : caseId;
  try {
    await sfn().send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify({ caseId }) }));
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
 * Tasks whose wait goes on only when approved: their rejection is delivered as SendTaskFailure
 * `DecisionRejected`, which the state's Catch routes (to "Application rejected", to "Release the
 * funds"), so the approve path needs no Choice state after the wait: one billed transition fewer
 * per human step (issue 7). The price: a rejection shows in the execution's history as a caught
 * TaskFailed event rather than a TaskSucceeded and a Choice. No Lambda fails, so the Lambda Errors
 * metric and its alarms see nothing; the ExecutionsFailed alarm neither, because the execution
 * ends in "Application rejected" (Succeed). Lambda steps never do this: a thrown business
 * outcome would count as a Lambda error (the commission's tally keeps its Choice).
 */
const approveOrFail: ReadonlySet<string> = new Set(['approve', 'authorise_payment']);

/** The error a rejected decision fails its wait with (caught by name in the ASL). */
export const decisionRejected = 'DecisionRejected';

/**
 * Resumes the workflow waiting on a decided task. A token the workflow no longer waits for (it
 * timed out and re-asked, or the execution ended) is logged and dropped: retrying cannot help.
 */
export async function resumeWorkflow(task: TaskRecord): Promise<'resumed' | 'stale'> {
  const output = taskOutput(task);
  if (approveOrFail.has(task.taskType) && output.outcome !== 'approve') {
    // An outcome the workflow does not know is caught into "Unexpected decision", as a Choice's
    // Default would have.
    const error = output.outcome === 'reject' ? decisionRejected : 'UnexpectedDecision';
    return sendFailure(task.taskToken, { error, cause: JSON.stringify(output) }, { taskId: task.taskId });
  }
  return sendSuccess(task.taskToken, output, { taskId: task.taskId });
}

/** Resumes "Await the applicant's answer" once the answer is recorded (no free text passes). */
export async function resumeAfterResponse(wait: ResponseWaitRecord): Promise<'resumed' | 'stale'> {
  return sendSuccess(
    wait.taskToken,
    { outcome: 'answered', answeredAt: wait.answeredAt },
    { caseId: wait.caseId },
  );
}

export async function sendSuccess(
  taskToken: string,
  output: Record<string, unknown>,
  logContext: Record<string, string>,
): Promise<'resumed' | 'stale'> {
  return deliver(
    () => sfn().send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) })),
    logContext,
  );
}

/** Fails the wait with a named error, which a Catch in the workflow routes on. */
export async function sendFailure(
  taskToken: string,
  failure: { error: string; cause: string },
  logContext: Record<string, string>,
): Promise<'resumed' | 'stale'> {
  return deliver(() => sfn().send(new SendTaskFailureCommand({ taskToken, ...failure })), logContext);
}

async function deliver(
  send: () => Promise<unknown>,
  logContext: Record<string, string>,
): Promise<'resumed' | 'stale'> {
  try {
    await send();
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

/** The execution ARN of a case's workflow run: the machine's ARN with the execution's name. */
function caseExecutionArn(stateMachineArn: string, name: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}

/**
 * Stops the case's current workflow run (the applicant withdrew): whatever it waits for, it waits
 * no more. Stopping a run that has ended, or never started, changes nothing, so a redelivered
 * stream record is harmless.
 */
export async function stopCaseWorkflow(
  caseId: string,
  reconsiderationRound?: number,
): Promise<'stopped' | 'absent'> {
  const stateMachineArn = config().AID_STATE_MACHINE_ARN;
  if (!stateMachineArn) throw new Error('AID_STATE_MACHINE_ARN is not configured');
  const name = reconsiderationRound ? `${caseId}-reconsideration-${reconsiderationRound}` : caseId;
  try {
    await sfn().send(
      new StopExecutionCommand({
        executionArn: caseExecutionArn(stateMachineArn, name),
        error: 'Withdrawn',
        cause: 'The applicant withdrew the application.',
      }),
    );
    return 'stopped';
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist) return 'absent';
    throw error;
  }
}
