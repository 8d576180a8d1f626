import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from '../../lib/clients.js';
import { config } from '../../lib/config.js';

/**
 * Starts an appeal's workflow, named by the case id (as for aid cases): a redelivered stream
 * record never starts an appeal twice.
 */
export async function startAppealWorkflow(caseId: string): Promise<'started' | 'already-started'> {
  const stateMachineArn = config().APPEAL_STATE_MACHINE_ARN;
  if (!stateMachineArn) throw new Error('APPEAL_STATE_MACHINE_ARN is not configured');
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
