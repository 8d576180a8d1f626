import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One tally of DynamoDB requests and the capacity units DynamoDB (Local) reported for them. */
export interface OpTally {
  ops: number;
  byCommand: Record<string, number>;
  wru: number;
  rru: number;
  /** Requests whose response carried no ConsumedCapacity (the model then estimates from sizes). */
  unreported: number;
  /** Requests and units per calling function (when the caller is known) and command. */
  byCaller: Record<string, { ops: number; wru: number; rru: number }>;
  /**
   * Requests DynamoDB answered with an error, per caller, command and error (a refused condition,
   * a cancelled transaction): not in `ops`, yet each cost the store a request.
   */
  failed: Record<string, number>;
}

export function emptyTally(): OpTally {
  return { ops: 0, byCommand: {}, wru: 0, rru: 0, unreported: 0, byCaller: {}, failed: {} };
}

/** The counts that grew between two snapshots, by how much. */
function diffCounts(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const grown: Record<string, number> = {};
  for (const [name, n] of Object.entries(after)) {
    const d = n - (before[name] ?? 0);
    if (d) grown[name] = d;
  }
  return grown;
}

export function diffTally(after: OpTally, before: OpTally): OpTally {
  const byCaller: OpTally['byCaller'] = {};
  for (const [name, v] of Object.entries(after.byCaller)) {
    const b = before.byCaller[name] ?? { ops: 0, wru: 0, rru: 0 };
    if (v.ops - b.ops) byCaller[name] = { ops: v.ops - b.ops, wru: v.wru - b.wru, rru: v.rru - b.rru };
  }
  return {
    ops: after.ops - before.ops,
    byCommand: diffCounts(after.byCommand, before.byCommand),
    byCaller,
    failed: diffCounts(after.failed, before.failed),
    wru: after.wru - before.wru,
    rru: after.rru - before.rru,
    unreported: after.unreported - before.unreported,
  };
}

export function snapshot(t: OpTally): OpTally {
  return {
    ...t,
    byCommand: { ...t.byCommand },
    byCaller: Object.fromEntries(Object.entries(t.byCaller).map(([k, v]) => [k, { ...v }])),
    failed: { ...t.failed },
  };
}

interface Capacity {
  readonly CapacityUnits?: number;
  readonly ReadCapacityUnits?: number;
  readonly WriteCapacityUnits?: number;
}

const writeCommands = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
]);

/**
 * Counts every request the handlers send, at the SDK middleware level, and asks DynamoDB for
 * ReturnConsumedCapacity=TOTAL so the billed units are DynamoDB's own count, not a guess. Only
 * the bench adds this middleware; the handlers are unchanged.
 */
export function countOperations(
  doc: DynamoDBDocumentClient,
  tally: OpTally,
  caller: () => string | undefined = () => undefined,
): void {
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'UnknownCommand';
      const input = args.input as Record<string, unknown>;
      if (name !== 'DescribeTableCommand' && input && typeof input === 'object') {
        input.ReturnConsumedCapacity = 'TOTAL';
      }
      let result: Awaited<ReturnType<typeof next>>;
      try {
        result = await next(args);
      } catch (error) {
        const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
        const why = reasons
          ? (reasons.map((r) => r.Code ?? 'None').find((c) => c !== 'None') ?? 'None')
          : (error as Error).name;
        const key = `${caller() ?? 'other'}.${name.replace(/Command$/, '')}.${why}`;
        tally.failed[key] = (tally.failed[key] ?? 0) + 1;
        throw error;
      }
      tally.ops++;
      tally.byCommand[name] = (tally.byCommand[name] ?? 0) + 1;
      const output = result.output as { ConsumedCapacity?: Capacity | Capacity[] };
      const consumed = output.ConsumedCapacity;
      const list = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
      if (list.length === 0) tally.unreported++;
      const key = `${caller() ?? 'other'}.${name.replace(/Command$/, '')}`;
      const mine = tally.byCaller[key] ?? { ops: 0, wru: 0, rru: 0 };
      mine.ops++;
      for (const c of list) {
        const units = c.CapacityUnits ?? 0;
        const w = c.WriteCapacityUnits ?? (writeCommands.has(name) ? units : 0);
        const r = c.ReadCapacityUnits ?? (writeCommands.has(name) ? 0 : units);
        tally.wru += w;
        tally.rru += r;
        mine.wru += w;
        mine.rru += r;
      }
      tally.byCaller[key] = mine;
      return result;
    },
    { step: 'initialize', name: 'aidflowBenchOpCounter', override: true },
  );
}
