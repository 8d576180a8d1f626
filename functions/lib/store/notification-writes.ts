import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../clients.js';
import type { NotificationStatus } from './notification-records.js';

/**
 * Moves a notification from one status to the next, only if it is still in the first (and, when
 * `expected` is given, its attributes still hold those values; `undefined` means absent): of two
 * writers of the same notification (two deliveries of one queued message, a delivery and a
 * member of staff) exactly one wins each step. False when the notification was not as expected.
 */
export async function transitionNotification(
  key: { pk: string; sk: string },
  from: NotificationStatus,
  to: NotificationStatus,
  set: Record<string, unknown> = {},
  remove: readonly string[] = [],
  expected: Record<string, string | undefined> = {},
): Promise<boolean> {
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = { ':from': from, ':to': to };
  const sets = ['#status = :to'];
  for (const [i, [name, value]] of Object.entries(set).entries()) {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    sets.push(`#s${i} = :s${i}`);
  }
  const removes = remove.map((name, i) => {
    names[`#r${i}`] = name;
    return `#r${i}`;
  });
  const conditions = ['#status = :from'];
  for (const [i, [name, value]] of Object.entries(expected).entries()) {
    names[`#e${i}`] = name;
    if (value === undefined) conditions.push(`attribute_not_exists(#e${i})`);
    else {
      values[`:e${i}`] = value;
      conditions.push(`#e${i} = :e${i}`);
    }
  }
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
