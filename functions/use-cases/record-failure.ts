import { headOf } from '../../domain/audit-chain.js';
import { tableName } from '../lib/clients.js';
import { TransientError } from '../lib/errors.js';
import { auditHeadMove, auditPut, chainAuditEvent, systemActor } from '../lib/store/audit.js';
import { keys } from '../lib/store/keys.js';
import { getItem } from '../lib/store/reads.js';
import { transact } from '../lib/store/transactions.js';

/** Another writer may move the case's audit head between our read and our write: read again. */
const attempts = 3;

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
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const current = await getItem<{ caseId: string; auditSeq?: number; auditHash?: string }>(
      keys.case(caseId),
    );
    if (!current) return { recorded: false };
    const event = { caseId, at, actor: systemActor('workflow'), action: 'workflow.failed', after: { error } };
    const head = headOf(current);
    const link = chainAuditEvent(head, event);
    const move = auditHeadMove(head, link);
    const outcome = await transact([
      {
        Update: {
          TableName: table,
          Key: keys.case(caseId),
          UpdateExpression: `SET workflowError = :e, #version = #version + :one, updatedAt = :at, ${move.sets.join(', ')}`,
          ConditionExpression: `attribute_exists(pk) AND ${move.condition}`,
          ExpressionAttributeNames: { '#version': 'version', ...move.names },
          ExpressionAttributeValues: { ':e': { error, cause, at }, ':one': 1, ':at': at, ...move.values },
        },
      },
      auditPut(table, event, link),
    ]);
    if (outcome.ok) return { recorded: true };
  }
  throw new TransientError('the case kept changing while its failure was recorded');
}
