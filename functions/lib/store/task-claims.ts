import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TaskClaim } from '../../../domain/task-claims.js';
import { dynamo, tableName } from '../clients.js';
import { keys } from './keys.js';

/**
 * Task claims (domain/task-claims.ts), table-spec #36: one item beside the task
 * (pk = TASK#<taskId>, sk = CLAIM), so taking it is one conditional write; and in GSI2 under its
 * role with the claim's end first in the sort key (gsi2sk = <until>#<claimedBy>), so the inbox reads
 * only the claims still running, with one Query, whatever number have lapsed. The claimant is in
 * the sort key because GSI2 projects only the inbox's few attributes. TTL removes a lapsed item a
 * day later.
 */
export interface StoredClaim extends TaskClaim {
  readonly role: string;
}

const claimKey = keys.taskClaim;
const dayInSeconds = 86_400;

/**
 * Writes the claim unless someone else's is still running (`takeOver` writes it regardless).
 * Returns false, writing nothing, when another person's claim holds.
 */
export async function putClaim(claim: StoredClaim, options: { takeOver: boolean }): Promise<boolean> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...claimKey(claim.taskId),
          type: 'TaskClaim',
          taskId: claim.taskId,
          role: claim.role,
          claimedBy: claim.claimedBy,
          claimedAt: claim.claimedAt,
          until: claim.until,
          gsi2pk: keys.taskClaimsOfRole(claim.role),
          gsi2sk: `${claim.until}#${claim.claimedBy}`,
          expiresAt: Math.ceil(Date.parse(claim.until) / 1000) + dayInSeconds,
        },
        ...(options.takeOver
          ? {}
          : {
              ConditionExpression: 'attribute_not_exists(pk) OR claimedBy = :me OR #until <= :now',
              ExpressionAttributeNames: { '#until': 'until' },
              ExpressionAttributeValues: { ':me': claim.claimedBy, ':now': claim.claimedAt },
            }),
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export async function getClaim(taskId: string): Promise<StoredClaim | undefined> {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: claimKey(taskId), ConsistentRead: true }),
  );
  return Item as StoredClaim | undefined;
}

/** Gives up one's own claim; someone else's (taken over meanwhile) is left alone. */
export async function deleteOwnClaim(taskId: string, username: string): Promise<void> {
  try {
    await dynamo().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: claimKey(taskId),
        ConditionExpression: 'claimedBy = :me',
        ExpressionAttributeValues: { ':me': username },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}

/** The claims of a role still running at `now`, by task id (eventually consistent: the inbox's advice). */
export async function runningClaimsOfRole(
  role: string,
  now: Date,
): Promise<Map<string, Pick<TaskClaim, 'claimedBy' | 'until'>>> {
  const claims = new Map<string, Pick<TaskClaim, 'claimedBy' | 'until'>>();
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk > :now',
        ExpressionAttributeValues: {
          ':pk': keys.taskClaimsOfRole(role),
          ':now': now.toISOString(),
        },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      const sortKey = String(item.gsi2sk);
      const split = sortKey.indexOf('#');
      if (typeof item.taskId !== 'string' || split < 0) continue;
      claims.set(item.taskId, { until: sortKey.slice(0, split), claimedBy: sortKey.slice(split + 1) });
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return claims;
}
