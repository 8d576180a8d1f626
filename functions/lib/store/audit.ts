import { type AuditHead, type AuditLink, headOf, nextLink } from '../../../domain/audit-chain.js';
import { keys } from './keys.js';

export interface Actor {
  readonly kind: 'applicant' | 'staff' | 'system';
  readonly username?: string;
  readonly sub?: string;
  readonly roles?: readonly string[];
}

export const systemActor = (component: string): Actor => ({ kind: 'system', username: component });

export interface AuditEventInput {
  readonly caseId: string;
  readonly at: string;
  readonly actor: Actor;
  readonly action: string;
  readonly before?: Record<string, unknown>;
  readonly after?: Record<string, unknown>;
}

/** What holds a chain's head: the case item (aid or appeal), as read. */
export interface AuditHeadHolder {
  readonly caseId: string;
  readonly auditSeq?: number;
  readonly auditHash?: string;
}

/** The link of the next event after `head` (domain/audit-chain.ts). */
export function chainAuditEvent(head: AuditHead, event: AuditEventInput): AuditLink {
  return nextLink(head, event);
}

/**
 * An append-only audit item at its place in the case's chain (sort key AUDIT#<seq>): written
 * with attribute_not_exists, never updated (invariant 4). The link is required so that every
 * writer also moves the head on the case item in the same transaction: see `auditHeadMove` (for a
 * case update the transaction already has) and `auditAppend` (for one it has not).
 */
export function auditPut(tableName: string, event: AuditEventInput, link: AuditLink) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.audit(event.caseId, link.seq),
        type: 'AuditEvent',
        caseId: event.caseId,
        seq: link.seq,
        prevHash: link.prevHash,
        hash: link.hash,
        at: event.at,
        actor: event.actor,
        action: event.action,
        ...(event.before ? { before: event.before } : {}),
        ...(event.after ? { after: event.after } : {}),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * The part of a case update that moves the chain's head from `from` (as read) to `to`: SET
 * clauses, and a condition that the head is still the one read, so two writers never both
 * append the same seq (the event's put would refuse the second anyway; this says why).
 */
export function auditHeadMove(from: AuditHead, to: AuditHead) {
  return {
    sets: ['#auditSeq = :auditSeq', '#auditHash = :auditHash'],
    condition: from.seq === 0 ? 'attribute_not_exists(#auditSeq)' : '#auditSeq = :auditSeqRead',
    names: { '#auditSeq': 'auditSeq', '#auditHash': 'auditHash' },
    values: {
      ':auditSeq': to.seq,
      ':auditHash': to.hash,
      ...(from.seq === 0 ? {} : { ':auditSeqRead': from.seq }),
    },
  };
}

/**
 * Audit events for a transaction that does not otherwise update the case item (funds released,
 * disbursements batched): the head's move on the case (conditional on the head read, and on the
 * case existing) and the events, chained in the order given. The update comes first.
 */
export function auditAppend(
  tableName: string,
  holder: AuditHeadHolder,
  ...events: readonly Omit<AuditEventInput, 'caseId'>[]
) {
  const from = headOf(holder);
  let head: AuditHead = from;
  const puts = events.map((e) => {
    const event = { ...e, caseId: holder.caseId };
    const link = chainAuditEvent(head, event);
    head = link;
    return auditPut(tableName, event, link);
  });
  const move = auditHeadMove(from, head);
  return [
    {
      Update: {
        TableName: tableName,
        Key: keys.case(holder.caseId),
        UpdateExpression: `SET ${move.sets.join(', ')}`,
        ConditionExpression: `attribute_exists(pk) AND ${move.condition}`,
        ExpressionAttributeNames: move.names,
        ExpressionAttributeValues: move.values,
      },
    },
    ...puts,
  ];
}
