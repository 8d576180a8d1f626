import { randomUUID } from 'node:crypto';
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

/** An append-only audit item: written with attribute_not_exists, never updated (invariant 4). */
export function auditPut(tableName: string, event: AuditEventInput) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.audit(event.caseId, event.at, randomUUID()),
        type: 'AuditEvent',
        caseId: event.caseId,
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
