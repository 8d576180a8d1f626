import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { personNameKey } from '../functions/lib/access-codes.js';

/** Written once every aid case of a table has its name key (so later starts read one item, not scan). */
export const nameKeyMarker = { pk: 'MIGRATION#name-key', sk: 'MIGRATION' } as const;

interface UnkeyedCase {
  pk: string;
  sk: string;
  applicant?: { fullName?: unknown; birthDate?: unknown };
}

/**
 * Gives every aid case from before the name key (table-spec #37) its key, computed from the
 * applicant the case keeps, so that the once-a-year rules find a person's earlier cases by name
 * however each was spelt (creating `gsi4`, `migrateIndexes`, indexes only the cases that have the
 * attribute). One scan, then a marker; safe to run again after an interruption (it sets only a
 * missing key, on a case that still exists). The stream sees each update, and its consumers react
 * to changes of status only. `pepper` is the one intake keys with (ACCESS_CODE_PEPPER).
 */
export async function migrateNameKeys(
  client: DynamoDBClient,
  tableName: string,
  pepper: string,
): Promise<{ keyed: number }> {
  const doc = DynamoDBDocumentClient.from(client);
  const done = await doc.send(new GetCommand({ TableName: tableName, Key: nameKeyMarker }));
  if (done.Item) return { keyed: 0 };
  let keyed = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#type = :aidCase AND attribute_not_exists(nameKey)',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':aidCase': 'AidCase' },
        ProjectionExpression: 'pk, sk, applicant',
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of (page.Items ?? []) as UnkeyedCase[]) {
      const { fullName, birthDate } = item.applicant ?? {};
      if (typeof fullName !== 'string' || typeof birthDate !== 'string') continue;
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: item.pk, sk: item.sk },
            UpdateExpression: 'SET nameKey = :key',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(nameKey)',
            ExpressionAttributeValues: { ':key': personNameKey({ fullName, birthDate }, pepper) },
          }),
        );
        keyed++;
      } catch (error) {
        // Gone since the scan (retention), or keyed meanwhile: nothing to do.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...nameKeyMarker, type: 'Migration', at: new Date().toISOString(), keyed },
    }),
  );
  return { keyed };
}
