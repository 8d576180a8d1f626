import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import {
  checkedPattern,
  matchesAnyPattern,
  type StreamFilterPattern,
} from '../functions/lib/stream-filter.js';
import { orderKeyOf } from '../functions/lib/stream-order.js';

/**
 * How many shards the local stream stands for. DynamoDB Local gives a table one shard, so the
 * poller reads every record of the table in one line; in AWS a new on-demand table takes 4 000
 * writes/s from the start (four partitions of 1 000 WCU, each with its stream shard), and each
 * event source mapping runs one batch per shard at a time, the shards in parallel. One line made every stream consumer of the whole
 * system wait for the one before it: with 16 requests in flight it was busy 60–90 % of the time
 * (issue 7), and the rest of the runtime waited on it.
 */
export const localStreamShards = 4;

export interface FanOutOptions {
  /** Lanes a read is spread over (default localStreamShards). */
  readonly shards?: number;
  /** Records per invocation (the mapping's BatchSize): a longer lane is delivered in turn, in order. */
  readonly batchSize?: number;
  /** A consumer's event filter (its mapping's FilterCriteria): it is invoked only with records that match. */
  readonly filtersOf?: (consumer: string) => readonly StreamFilterPattern[] | undefined;
}

/**
 * Feeds one local stream poller's batches to every stream function of the registry (the workflow
 * outbox, the notifier and report aggregates), as AWS feeds each of them through its own event
 * source mapping: the consumers run side by side, not in turn.
 *
 * Each read is also spread over `shards` lanes, as the table's records are over its shards in
 * AWS: all records of one case (the case, its tasks, disbursement, notifications … carry its
 * `caseId`; an item's `caseId` never changes) fall into one lane, in stream order, and other
 * items by their partition key. AWS keeps order per item only; a lane keeps it per case, which
 * is what the consumers rely on (a case's events, new case then decision, stay in order). A lane
 * longer than `batchSize` is delivered in invocations of that size, one after the other; after a
 * reported failure the rest of the lane is reported failed too, so it is retried after it.
 *
 * A consumer with an event filter sees only the records that match it, as AWS's mapping drops the
 * rest before invoking; a record no consumer matches is passed over like a handled one.
 *
 * Failures are merged: the poller retries from the lowest failed record for all of them, so a
 * consumer may see a record it already handled again — which every stream handler must survive
 * anyway (at-least-once delivery). A thrown error fails the whole batch, as before. One poller
 * instead of one per consumer keeps the polling load of DynamoDB Local where it was.
 */
export function fanOut(
  consumers: readonly string[],
  invoke: (name: string, event: DynamoDBStreamEvent) => Promise<unknown>,
  options: FanOutOptions = {},
): (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse> {
  const shards = Math.max(1, Math.floor(options.shards ?? localStreamShards));
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? Number.POSITIVE_INFINITY));
  // Read, and checked as the stack checks them, once: a pattern AWS would refuse fails the start.
  const filters = new Map(
    consumers.map((name) => [name, options.filtersOf?.(name)?.map((pattern) => checkedPattern(pattern))]),
  );
  return async (event) => {
    const failed = new Set<string>();
    const outcomes = await Promise.allSettled(
      consumers.flatMap((name) => {
        const ofConsumer = filters.get(name);
        const records = ofConsumer
          ? event.Records.filter((r) => matchesAnyPattern(r, ofConsumer))
          : event.Records;
        return spreadOverLanes(records, shards).map(async (records) => {
          for (let from = 0; from < records.length; from += batchSize) {
            const batch = records.slice(from, from + batchSize);
            const result = (await invoke(name, { Records: batch })) as DynamoDBBatchResponse | null;
            const reported = result?.batchItemFailures ?? [];
            for (const f of reported) failed.add(f.itemIdentifier);
            if (reported.length === 0) continue;
            // The rest of the lane waits for the failed record: it is retried first, in order.
            for (const r of records.slice(from + batchSize)) failed.add(r.dynamodb?.SequenceNumber ?? '');
            return;
          }
        });
      }),
    );
    const thrown = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (thrown) throw thrown.reason;
    return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })) };
  };
}

/** The batch's records in lanes by case (or partition key), each lane in stream order. */
export function spreadOverLanes(records: readonly DynamoDBRecord[], shards: number): DynamoDBRecord[][] {
  if (shards <= 1 || records.length <= 1) return records.length > 0 ? [[...records]] : [];
  const lanes = new Map<number, DynamoDBRecord[]>();
  for (const record of records) {
    const lane = hash(orderKeyOf(record)) % shards;
    const list = lanes.get(lane);
    if (list) list.push(record);
    else lanes.set(lane, [record]);
  }
  return [...lanes.values()];
}

/** FNV-1a: stable across runs, so one case always lands in the same lane. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
