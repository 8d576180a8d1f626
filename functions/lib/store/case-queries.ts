import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../clients.js';
import type { Actor } from './audit.js';
import { itemsStillIndexed } from './index-items.js';
import { auditSkPrefix, keys } from './keys.js';
import { encodeCursor, type Page, startKey } from './reads.js';

/**
 * The staff desk's case queries: search by kind and status (table-spec #3), the case's audit
 * trail (table-spec #1, sk AUDIT#…). Cursors are the last evaluated key, checked against the
 * partition asked for: a cursor from another query (or made up) is a 400, never a DynamoDB error.
 */

export interface AuditEventRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'AuditEvent';
  readonly caseId: string;
  readonly at: string;
  readonly actor: Actor;
  readonly action: string;
  readonly before?: Record<string, unknown>;
  readonly after?: Record<string, unknown>;
  /** The event's place in the case's hash chain (domain/audit-chain.ts); absent on events from before it. */
  readonly seq?: number;
  readonly prevHash?: string;
  readonly hash?: string;
}

/** Cases of a kind in a status, newest first. */
export async function casesInStatus<T>(
  kind: 'aid' | 'appeal',
  status: string,
  limit: number,
  cursor?: string,
): Promise<Page<T>> {
  const partition = keys.casesByStatus(kind, status, '').gsi2pk;
  const start = startKey(cursor, ['pk', 'sk', 'gsi2pk', 'gsi2sk'], (k) => k.gsi2pk === partition);
  const { Items, LastEvaluatedKey } = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: false,
      Limit: limit,
      ...(start ? { ExclusiveStartKey: start } : {}),
    }),
  );
  const next = encodeCursor(LastEvaluatedKey);
  // The index holds keys only: the summaries need the cases themselves.
  const items = await itemsStillIndexed<T>((Items ?? []) as { pk: string; sk: string }[], 'gsi2', partition);
  return { items, ...(next ? { cursor: next } : {}) };
}

/** A case's audit events in chain order (sort key AUDIT#<seq>, zero-padded). */
export async function auditEventsOfCase(
  caseId: string,
  limit: number,
  cursor?: string,
): Promise<Page<AuditEventRecord>> {
  const { pk } = keys.case(caseId);
  const start = startKey(cursor, ['pk', 'sk'], (k) => k.pk === pk && (k.sk ?? '').startsWith(auditSkPrefix));
  const { Items, LastEvaluatedKey } = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
      ExpressionAttributeValues: { ':pk': pk, ':audit': auditSkPrefix },
      ScanIndexForward: true,
      ConsistentRead: true,
      Limit: limit,
      ...(start ? { ExclusiveStartKey: start } : {}),
    }),
  );
  const next = encodeCursor(LastEvaluatedKey);
  return { items: (Items ?? []) as AuditEventRecord[], ...(next ? { cursor: next } : {}) };
}
