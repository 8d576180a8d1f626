import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../clients.js';
import { TransientError } from '../errors.js';

interface TableKey {
  readonly pk: string;
  readonly sk: string;
}

/** BatchWriteItem takes at most 25 requests. */
const batchSize = 25;
const maxRounds = 8;

/** Every key of a partition, a page at a time (keys only: nothing else is needed to delete). */
export async function keysOfPartition(pk: string): Promise<TableKey[]> {
  return queryKeys({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } });
}

/** The table keys behind an index partition (the GSIs project the table keys). */
export async function keysOfIndex(indexName: 'gsi1' | 'gsi2', partition: string): Promise<TableKey[]> {
  const attribute = indexName === 'gsi1' ? 'gsi1pk' : 'gsi2pk';
  return queryKeys({
    IndexName: indexName,
    KeyConditionExpression: `${attribute} = :pk`,
    ExpressionAttributeValues: { ':pk': partition },
  });
}

async function queryKeys(query: {
  IndexName?: string;
  KeyConditionExpression: string;
  ExpressionAttributeValues: Record<string, unknown>;
}): Promise<TableKey[]> {
  const found: TableKey[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        ...query,
        ProjectionExpression: 'pk, sk',
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of (page.Items ?? []) as TableKey[]) found.push({ pk: item.pk, sk: item.sk });
    start = page.LastEvaluatedKey;
  } while (start);
  return found;
}

/**
 * Deletes items by key, 25 per request, retrying what DynamoDB leaves unprocessed. Deleting an
 * item that is already gone is not an error, so a repeated purge (stream retry) is harmless.
 */
export async function deleteKeys(entries: readonly TableKey[]): Promise<number> {
  const unique = [...new Map(entries.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
  const table = tableName();
  for (let i = 0; i < unique.length; i += batchSize) {
    let pending: Record<string, unknown>[] = unique
      .slice(i, i + batchSize)
      .map((k) => ({ DeleteRequest: { Key: { pk: k.pk, sk: k.sk } } }));
    for (let round = 0; pending.length > 0; round++) {
      if (round === maxRounds)
        throw new TransientError(`BatchWriteItem left ${pending.length} deletes unprocessed`);
      if (round > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** round));
      const { UnprocessedItems } = await dynamo().send(
        new BatchWriteCommand({ RequestItems: { [table]: pending as never } }),
      );
      pending = (UnprocessedItems?.[table] ?? []) as Record<string, unknown>[];
    }
  }
  return unique.length;
}
