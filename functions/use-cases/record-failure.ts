import { tableName } from '../lib/clients.js';
import { auditPut, systemActor } from '../lib/store/audit.js';
import { keys } from '../lib/store/keys.js';
import { transact } from '../lib/store/transactions.js';

/**
 * Flags a case whose workflow failed after its retries, so staff see it and an alarm fires
 * (the execution then ends in a Fail state). The cause is cut short: it may be a stack trace.
 */
export async function recordFailure(
  caseId: string,
  failure: { Error?: string | undefined; Cause?: string | undefined },
  now: Date,
): Promise<{ recorded: boolean }> {
  const at = now.toISOString();
  const error = (failure.Error ?? 'Unknown').slice(0, 200);
  const cause = (failure.Cause ?? '').slice(0, 1000);
  const table = tableName();
  const outcome = await transact([
    {
      Update: {
        TableName: table,
        Key: keys.case(caseId),
        UpdateExpression: 'SET workflowError = :e, #version = #version + :one, updatedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':e': { error, cause, at }, ':one': 1, ':at': at },
      },
    },
    auditPut(table, {
      caseId,
      at,
      actor: systemActor('workflow'),
      action: 'workflow.failed',
      after: { error },
    }),
  ]);
  return { recorded: outcome.ok };
}
