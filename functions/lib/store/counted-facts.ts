import { tableName } from '../clients.js';
import { TransientError } from '../errors.js';
import { transact } from './transactions.js';

/** Tries of one count before its stream record is handed back (a retry of the whole batch). */
const attempts = 4;

type Key = { readonly pk: string; readonly sk: string };

export interface CountOnce {
  /** The "this fact was counted" marker: written once, with the counters, or the fact is not counted. */
  readonly marker: Key;
  readonly markerAttributes?: Record<string, unknown>;
  /** The aggregate item the counters are added to (created by the first fact). */
  readonly counter: Key;
  /** Attributes set on the aggregate item each time (type, its dimensions). */
  readonly set?: Record<string, unknown>;
  /** Numbers added to the aggregate item. */
  readonly add: Readonly<Record<string, number>>;
}

/**
 * Report counters kept by the table stream count each fact exactly once, although the stream
 * delivers at least once: the marker (conditional on not existing) and the counter update are one
 * transaction, so a redelivered record finds its marker and adds nothing. Returns whether the fact
 * was new. Used by the appeal report (appeal-stats.ts) and the aid usage report (reports/aid-usage.ts).
 */
export async function countOnce(input: CountOnce): Promise<boolean> {
  const entries = Object.entries(input.add);
  if (entries.length === 0) return false;
  const table = tableName();
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  for (const [i, [name, value]] of Object.entries(input.set ?? {}).entries()) {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    sets.push(`#s${i} = :s${i}`);
  }
  const adds = entries.map(([name, n], i) => {
    names[`#c${i}`] = name;
    values[`:c${i}`] = n;
    return `#c${i} :c${i}`;
  });
  const items: Parameters<typeof transact>[0] = [
    {
      Put: {
        TableName: table,
        Item: { ...input.marker, type: 'CountedFact', ...(input.markerAttributes ?? {}) },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: table,
        Key: input.counter,
        UpdateExpression: `${sets.length > 0 ? `SET ${sets.join(', ')} ` : ''}ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  ];
  // The aggregate rows are few and every case of a year adds to the same one, so the stream's
  // concurrent records meet on them (TransactionConflict). Another try a moment later nearly
  // always goes through, where handing the record back would retry its whole batch after a back-off.
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await transact(items);
      // Cancelled here can only be the marker's condition: counted by an earlier delivery.
      return outcome.ok;
    } catch (error) {
      if (!(error instanceof TransientError) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 10 + Math.random() * 20));
    }
  }
}
