import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type WriteRequest =
  | { readonly PutRequest: { readonly Item: Record<string, unknown> } }
  | { readonly DeleteRequest: { readonly Key: Record<string, unknown> } };

/** BatchWriteItem's limit. */
const batchLimit = 25;

/**
 * Every request written to one table of the local runtime, 25 at a time, the unprocessed ones
 * again (the seed data, the journal's one-time move).
 */
export async function batchWriteAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly WriteRequest[],
): Promise<void> {
  for (let from = 0; from < requests.length; from += batchLimit) {
    let pending: WriteRequest[] = requests.slice(from, from + batchLimit);
    while (pending.length > 0) {
      const { UnprocessedItems } = await doc.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: pending } }),
      );
      pending = (UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
    }
  }
}
