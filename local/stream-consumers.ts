import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

/**
 * Feeds one local stream poller's batches to every stream function of the registry in turn (the
 * workflow outbox, then the notifier and report aggregates), as AWS feeds each of them through its
 * own event source mapping. Failures are merged: the poller retries from the lowest failed record
 * for all of them, so a consumer may see a record it already handled again — which every stream
 * handler must survive anyway (at-least-once delivery). One poller instead of one per consumer
 * keeps the polling load of DynamoDB Local where it was.
 */
export function fanOut(
  consumers: readonly string[],
  invoke: (name: string, event: DynamoDBStreamEvent) => Promise<unknown>,
): (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse> {
  return async (event) => {
    const failed = new Set<string>();
    for (const name of consumers) {
      const result = (await invoke(name, event)) as DynamoDBBatchResponse | null;
      for (const f of result?.batchItemFailures ?? []) failed.add(f.itemIdentifier);
    }
    return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })) };
  };
}
