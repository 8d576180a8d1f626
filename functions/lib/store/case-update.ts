import { headOf } from '../../../domain/audit-chain.js';
import { type RetainedCaseKind, retentionExpiry } from '../../../domain/retention.js';
import { officeTimeZone } from '../office-day.js';
import { type Actor, auditHeadMove, auditPut, chainAuditEvent } from './audit.js';
import { keys } from './keys.js';
import type { CodedNote, TimelineEntry } from './records.js';

/** What every case item (aid and appeal) carries for a versioned, audited update. */
export interface VersionedCase {
  readonly caseId: string;
  readonly status: string;
  readonly version: number;
  readonly submittedAt: string;
  readonly expiresAt?: number;
  readonly auditSeq?: number;
  readonly auditHash?: string;
}

export interface CaseChange extends CodedNote {
  readonly at: string;
  readonly actor: Actor;
  readonly action: string;
  readonly note?: string | undefined;
  /** Further attributes to set on the case in the same update (values are plain data). */
  readonly set?: Record<string, unknown>;
  /** Audit details beyond the status (no personal data). */
  readonly details?: Record<string, unknown>;
}

/**
 * The two writes of any case change, for one transaction, whatever the kind of case: the case
 * update, conditional on the version read (so two writers never both win) and on the audit head
 * read (so the chain cannot fork), and its audit event chained after that head. The status index
 * key, the timeline (on a status change or a note) and the retention clock (closing starts it, a
 * status that is open again stops it) move with it. Lifecycle rules are the caller's: aid and
 * appeals check their own before calling.
 */
export function versionedCaseUpdate(
  tableName: string,
  kind: RetainedCaseKind,
  current: VersionedCase,
  change: CaseChange,
  to: string,
  isClosed: (status: string) => boolean,
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
    ':gsi2pk': keys.casesByStatus(kind, to, current.submittedAt).gsi2pk,
  };
  const sets = ['#status = :status', '#version = :next', '#updatedAt = :at', '#gsi2pk = :gsi2pk'];
  if (to !== current.status || change.note) {
    const entry: TimelineEntry = {
      at: change.at,
      status: to,
      ...(change.note ? { note: change.note } : {}),
      ...(change.noteCode ? { noteCode: change.noteCode } : {}),
      ...(change.noteArgs ? { noteArgs: change.noteArgs } : {}),
    };
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
  // Retention (domain/retention.ts): closing starts the clock; a status that is open again stops it.
  const removes: string[] = [];
  if (isClosed(to) && to !== current.status) {
    names['#expiresAt'] = 'expiresAt';
    values[':expiresAt'] = retentionExpiry(kind, change.at, officeTimeZone());
    sets.push('#expiresAt = :expiresAt');
  } else if (!isClosed(to) && current.expiresAt !== undefined) {
    names['#expiresAt'] = 'expiresAt';
    removes.push('#expiresAt');
  }
  const event = {
    caseId: current.caseId,
    at: change.at,
    actor: change.actor,
    action: change.action,
    before: { status: current.status, version: current.version },
    after: { status: to, version: current.version + 1, ...(change.details ?? {}) },
  };
  const head = headOf(current);
  const link = chainAuditEvent(head, event);
  const move = auditHeadMove(head, link);
  return [
    {
      Update: {
        TableName: tableName,
        Key: keys.case(current.caseId),
        UpdateExpression: `SET ${[...sets, ...move.sets].join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: `#version = :expected AND ${move.condition}`,
        ExpressionAttributeNames: { ...names, ...move.names },
        ExpressionAttributeValues: { ...values, ...move.values },
      },
    },
    auditPut(tableName, event, link),
  ];
}
