import { existsSync, writeFileSync } from 'node:fs';
import { ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from './batch-write.js';

export interface TableRef {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
}

/**
 * Moves the items of a data folder laid out before they had a database of their own
 * (local/dynamodb-local.ts): the Step Functions journal (`SFN#…`), then the local mailbox
 * (`MAILBOX`), each left the runtime table of the application's database. Executions under way
 * when the runtime was upgraded carry on, and the mailbox keeps what was sent. Each page is
 * written to the new table before it is deleted from the old one, and the marker file is written
 * last, so a move cut short is finished by the next start (writing an item twice writes the same
 * item). Once the marker exists this does nothing. Returns the number of items moved.
 */
export async function moveItemsToOwnDatabase(options: {
  readonly markerFile: string;
  /** Moves the items whose partition key begins with it. */
  readonly keyPrefix: string;
  readonly from: TableRef;
  readonly to: TableRef;
}): Promise<number> {
  if (existsSync(options.markerFile)) return 0;
  let moved = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    let page: { Items?: Record<string, unknown>[]; LastEvaluatedKey?: Record<string, unknown> };
    try {
      page = await options.from.doc.send(
        new ScanCommand({
          TableName: options.from.tableName,
          FilterExpression: 'begins_with(pk, :prefix)',
          ExpressionAttributeValues: { ':prefix': options.keyPrefix },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
    } catch (error) {
      // A new data folder: no old table, nothing to move.
      if (error instanceof ResourceNotFoundException) break;
      throw error;
    }
    const items = page.Items ?? [];
    await batchWriteAll(
      options.to.doc,
      options.to.tableName,
      items.map((Item) => ({ PutRequest: { Item } })),
    );
    await batchWriteAll(
      options.from.doc,
      options.from.tableName,
      items.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })),
    );
    moved += items.length;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  writeFileSync(
    options.markerFile,
    `${new Date().toISOString()} moved ${moved} ${options.keyPrefix} items\n`,
  );
  return moved;
}
