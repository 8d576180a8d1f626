import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';

/** Written once a table's old person index items are gone (so later starts read one item, not scan). */
export const personIndexMarker = { pk: 'MIGRATION#person-index', sk: 'MIGRATION' } as const;

/**
 * Deletes the person index items (`PERSON#<personKey>` / `CASE#<submittedAt>#<caseId>`, type
 * PersonCase) that intake wrote beside every aid case before the index became `gsi3` on the case
 * items' own `personKey` and `aidType` (table-spec #31, issue 7). The index needs no backfill:
 * creating it (`migrateIndexes`) indexes the existing cases. Without this, the old items would
 * outlive their cases, as retention no longer looks for them. One scan, then a marker; safe to run
 * again after an interruption (deletes only). A table created since has none and is marked on its
 * first restart.
 */
export async function migratePersonIndex(
  client: DynamoDBClient,
  tableName: string,
): Promise<{ removed: number }> {
  const doc = DynamoDBDocumentClient.from(client);
  const done = await doc.send(new GetCommand({ TableName: tableName, Key: personIndexMarker }));
  if (done.Item) return { removed: 0 };
  let removed = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#type = :personCase',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':personCase': 'PersonCase' },
        ProjectionExpression: 'pk, sk',
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of (page.Items ?? []) as { pk: string; sk: string }[]) {
      await doc.send(new DeleteCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }));
      removed++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...personIndexMarker, type: 'Migration', at: new Date().toISOString(), removed },
    }),
  );
  return { removed };
}
