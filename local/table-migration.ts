import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';

/** The marker item of a one-time migration: pk MIGRATION#<name>, sk MIGRATION. */
export const migrationMarker = (name: string) => ({ pk: `MIGRATION#${name}`, sk: 'MIGRATION' }) as const;

/**
 * Runs a one-time migration over the items a scan filter selects: `each` is called per item and
 * says whether it changed it, then a marker is written with the count, so later starts read one
 * item instead of scanning. Without the marker (an interrupted run) it scans again, so `each` must
 * be safe to repeat. Answers how many items changed (0 when the marker was there).
 */
export async function migrateOnce<T>(
  client: DynamoDBClient,
  tableName: string,
  migration: {
    name: string;
    filter: string;
    names: Record<string, string>;
    values: Record<string, unknown>;
    projection: string;
    each: (doc: DynamoDBDocumentClient, item: T) => Promise<boolean>;
  },
): Promise<number> {
  const doc = DynamoDBDocumentClient.from(client);
  const marker = migrationMarker(migration.name);
  const done = await doc.send(new GetCommand({ TableName: tableName, Key: marker }));
  if (done.Item) return 0;
  let changed = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: migration.filter,
        ExpressionAttributeNames: migration.names,
        ExpressionAttributeValues: migration.values,
        ProjectionExpression: migration.projection,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of (page.Items ?? []) as T[]) if (await migration.each(doc, item)) changed++;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...marker, type: 'Migration', at: new Date().toISOString(), changed },
    }),
  );
  return changed;
}
