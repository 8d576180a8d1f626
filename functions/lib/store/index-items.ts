import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../clients.js';
import { TransientError } from '../errors.js';

/**
 * The items behind index entries. The GSIs project keys (and, on GSI2, a few immutable
 * attributes) rather than ALL, so that a case update does not rewrite a copy of the case in each
 * index (table-spec.ts); a reader that needs the item reads it here by its table key.
 */

interface TableKey {
  readonly pk: string;
  readonly sk: string;
}

/** BatchGetItem takes at most 100 keys per request. */
const batchSize = 100;
const maxRounds = 8;

/**
 * The items with these keys, in the order of the keys (an index's order), strongly consistent;
 * keys whose item is gone are skipped, and a key given twice yields its item once.
 */
export async function itemsByKey<T>(entries: readonly TableKey[]): Promise<T[]> {
  const wanted = [...new Map(entries.map((e) => [keyOf(e), { pk: e.pk, sk: e.sk }])).values()];
  if (wanted.length === 0) return [];
  const table = tableName();
  const found = new Map<string, T>();
  for (let i = 0; i < wanted.length; i += batchSize) {
    let pending: Record<string, unknown>[] = wanted.slice(i, i + batchSize);
    for (let round = 0; pending.length > 0; round++) {
      if (round === maxRounds)
        throw new TransientError(`BatchGetItem left ${pending.length} keys unprocessed`);
      if (round > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** round));
      const { Responses, UnprocessedKeys } = await dynamo().send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of (Responses?.[table] ?? []) as (T & TableKey)[]) found.set(keyOf(item), item);
      pending = (UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return wanted.flatMap((k) => {
    const item = found.get(keyOf(k));
    return item === undefined ? [] : [item];
  });
}

/**
 * The items behind one page of an index partition, still in that partition: an entry may be stale
 * (the index is eventually consistent), and the list shows what the item says now.
 */
export async function itemsStillIndexed<T>(
  entries: readonly TableKey[],
  index: 'gsi1' | 'gsi2',
  partition: string,
): Promise<T[]> {
  const items = await itemsByKey<T & Record<string, unknown>>(entries);
  return items.filter((item) => item[`${index}pk`] === partition);
}

const keyOf = (k: TableKey) => `${k.pk}\u0000${k.sk}`;
