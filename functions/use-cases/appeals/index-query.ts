import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../../lib/clients.js';
import { itemsStillIndexed } from '../../lib/store/index-items.js';

/**
 * Every item of a GSI partition, page by page (a query, never a scan): the index gives the keys,
 * the items are read from the table (the indexes do not project them; table-spec.ts) and skipped
 * when they have left the partition since.
 */
export async function* queryIndexAll<T>(indexName: 'gsi1' | 'gsi2', partition: string): AsyncGenerator<T> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: indexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': `${indexName}pk` },
        ExpressionAttributeValues: { ':pk': partition },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    const entries = (page.Items ?? []) as { pk: string; sk: string }[];
    for (const item of await itemsStillIndexed<T>(entries, indexName, partition)) yield item;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}
