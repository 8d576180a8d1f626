import type { AidStatus } from '../../../domain/aid-lifecycle.js';
import { assertTransition } from '../../../domain/aid-lifecycle.js';
import { type Actor, auditPut } from './audit.js';
import { keys } from './keys.js';
import type { AidCaseRecord, TimelineEntry } from './records.js';

export interface StatusChange {
  readonly to: AidStatus;
  readonly at: string;
  readonly actor: Actor;
  readonly action: string;
  readonly note?: string;
  /** Further attributes to set on the case in the same update (values are plain data). */
  readonly set?: Record<string, unknown>;
  /** Audit details beyond the status (no personal data). */
  readonly details?: Record<string, unknown>;
}

/**
 * The two writes of a case status change, for one transaction: the case update (conditional on
 * the version read, so two writers never both win) and its audit event.
 */
export function caseStatusChange(tableName: string, current: AidCaseRecord, change: StatusChange) {
  assertTransition(current.status, change.to);
  return caseUpdate(tableName, current, change, change.to);
}

/** A change that keeps the status (a note, an eligibility result, a flag) but is still audited. */
export function caseAnnotation(tableName: string, current: AidCaseRecord, change: Omit<StatusChange, 'to'>) {
  return caseUpdate(tableName, current, change, current.status);
}

function caseUpdate(
  tableName: string,
  current: AidCaseRecord,
  change: Omit<StatusChange, 'to'>,
  to: AidStatus,
) {
  const names: Record<string, string> = {
    '#status': 'status',
    '#version': 'version',
    '#updatedAt': 'updatedAt',
    '#gsi2pk': 'gsi2pk',
  };
  const values: Record<string, unknown> = {
    ':status': to,
    ':expected': current.version,
    ':next': current.version + 1,
    ':at': change.at,
    ':gsi2pk': keys.casesByStatus('aid', to, current.submittedAt).gsi2pk,
  };
  const sets = ['#status = :status', '#version = :next', '#updatedAt = :at', '#gsi2pk = :gsi2pk'];
  if (to !== current.status || change.note) {
    const entry: TimelineEntry = { at: change.at, status: to, ...(change.note ? { note: change.note } : {}) };
    // Named only when used: DynamoDB refuses unused expression attribute names.
    names['#timeline'] = 'timeline';
    values[':entry'] = [entry];
    sets.push('#timeline = list_append(#timeline, :entry)');
  }
  let i = 0;
  for (const [name, value] of Object.entries(change.set ?? {})) {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    sets.push(`#s${i} = :s${i}`);
    i++;
  }
  return [
    {
      Update: {
        TableName: tableName,
        Key: keys.case(current.caseId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    auditPut(tableName, {
      caseId: current.caseId,
      at: change.at,
      actor: change.actor,
      action: change.action,
      before: { status: current.status, version: current.version },
      after: { status: to, version: current.version + 1, ...(change.details ?? {}) },
    }),
  ];
}
