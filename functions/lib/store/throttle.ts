import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../clients.js';
import { keys } from './keys.js';
import { getItem } from './reads.js';

export interface ThrottleRule {
  readonly scope: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

interface ThrottleItem {
  readonly count: number;
  readonly expiresAt: number;
}

/** Seconds until another attempt is allowed, or 0 when under the limit. */
export async function throttledFor(rule: ThrottleRule, id: string, nowSeconds: number): Promise<number> {
  const item = await getItem<ThrottleItem>(keys.throttle(rule.scope, id));
  if (!item || item.expiresAt <= nowSeconds) return 0;
  return item.count >= rule.limit ? item.expiresAt - nowSeconds : 0;
}

/**
 * Counts a failed attempt in a fixed window that starts with the first failure. The window
 * restarts once it has expired (TTL removes the item eventually; the condition handles "not yet").
 */
export async function recordFailedAttempt(rule: ThrottleRule, id: string, nowSeconds: number): Promise<void> {
  const key = keys.throttle(rule.scope, id);
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'ADD #count :one SET expiresAt = if_not_exists(expiresAt, :expires), #type = :type',
        ConditionExpression: 'attribute_not_exists(expiresAt) OR expiresAt > :now',
        ExpressionAttributeNames: { '#count': 'count', '#type': 'type' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':expires': nowSeconds + rule.windowSeconds,
          ':now': nowSeconds,
          ':type': 'Throttle',
        },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET #count = :one, expiresAt = :expires, #type = :type',
        ExpressionAttributeNames: { '#count': 'count', '#type': 'type' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':expires': nowSeconds + rule.windowSeconds,
          ':type': 'Throttle',
        },
      }),
    );
  }
}
