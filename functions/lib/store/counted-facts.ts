import { tableName } from '../clients.js';
import { TransientError } from '../errors.js';
import { transact } from './transactions.js';

/** Tries of one count before its stream record is handed back (a retry of the whole batch). */
const attempts = 4;

type Key = { readonly pk: string; readonly sk: string };

export interface CountedFact {
  /** The "this fact was counted" marker: written once, with the counters, or the fact is not counted. */
  readonly marker: Key;
  readonly markerAttributes?: Record<string, unknown>;
  /** Numbers this fact adds to the aggregate item. */
  readonly add: Readonly<Record<string, number>>;
}

export interface CountOnce extends CountedFact {
  /** The aggregate item the counters are added to (created by the first fact). */
  readonly counter: Key;
  /** Attributes set on the aggregate item each time (type, its dimensions). */
  readonly set?: Record<string, unknown>;
}

export interface CountFacts {
  readonly counter: Key;
  readonly set?: Record<string, unknown>;
  readonly facts: readonly CountedFact[];
}

/**
 * Report counters kept by the table stream count each fact exactly once, although the stream
 * delivers at least once: the marker (conditional on not existing) and the counter update are one
 * transaction, so a redelivered record finds its marker and adds nothing. Returns whether the fact
 * was new. Used by the appeal report (appeal-stats.ts) and the aid usage report (reports/aid-usage.ts).
 */
export async function countOnce(input: CountOnce): Promise<boolean> {
  const { counter, set, ...fact } = input;
  const [counted] = await countFacts({ counter, ...(set ? { set } : {}), facts: [fact] });
  return counted ?? false;
}

/**
 * Counts several facts onto one aggregate item, each once (as countOnce): their markers and the sum
 * of their counters in one transaction. A fact whose marker exists was counted by an earlier
 * delivery; it is left out and the rest are tried again, so a payment to a person already counted
 * still adds its money. Returns, per fact, whether it was new.
 */
export async function countFacts(input: CountFacts): Promise<boolean[]> {
  const counted = input.facts.map(() => false);
  let pending = input.facts.map((_, i) => i).filter((i) => Object.keys(input.facts[i]?.add ?? {}).length > 0);
  let conflicts = 0;
  while (pending.length > 0) {
    let outcome: Awaited<ReturnType<typeof transact>>;
    try {
      outcome = await transact(countingItems(input, pending));
    } catch (error) {
      // The aggregate rows are few and every case of a year adds to the same one, so the stream's
      // concurrent records meet on them (TransactionConflict). Another try a moment later nearly
      // always goes through, where handing the record back would retry its whole batch after a back-off.
      if (!(error instanceof TransientError) || ++conflicts >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, conflicts * 10 + Math.random() * 20));
      continue;
    }
    if (outcome.ok) {
      for (const i of pending) counted[i] = true;
      return counted;
    }
    // Cancelled here can only be markers' conditions (item j is fact pending[j]; the counter is last).
    const stillNew = pending.filter((_, j) => outcome.reasons[j] !== 'ConditionalCheckFailed');
    if (stillNew.length === pending.length)
      throw new Error(`counting cancelled: ${outcome.reasons.join(',')}`);
    pending = stillNew;
  }
  return counted;
}

function countingItems(input: CountFacts, pending: readonly number[]): Parameters<typeof transact>[0] {
  const table = tableName();
  const facts = pending.map((i) => input.facts[i]).filter((fact) => fact !== undefined);
  const totals = new Map<string, number>();
  for (const fact of facts) {
    for (const [name, n] of Object.entries(fact.add)) totals.set(name, (totals.get(name) ?? 0) + n);
  }
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  for (const [i, [name, value]] of Object.entries(input.set ?? {}).entries()) {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    sets.push(`#s${i} = :s${i}`);
  }
  const adds = [...totals].map(([name, n], i) => {
    names[`#c${i}`] = name;
    values[`:c${i}`] = n;
    return `#c${i} :c${i}`;
  });
  return [
    ...facts.map((fact) => ({
      Put: {
        TableName: table,
        Item: { ...fact.marker, type: 'CountedFact', ...(fact.markerAttributes ?? {}) },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })),
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
}
