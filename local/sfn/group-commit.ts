import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';

export type WriteItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** What became of one unit: written, or refused by a condition (DynamoDB's code per item). */
export type UnitOutcome = { readonly ok: true } | { readonly ok: false; readonly reasons: readonly string[] };

interface Unit {
  readonly items: WriteItem[];
  readonly keys: readonly string[];
  /** Groups it was in that another transaction got in the way of. */
  conflicts: number;
  /** Its group failed for a reason that names no item: it goes alone, so only its own error is its. */
  alone: boolean;
  readonly resolve: (outcome: UnitOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/** DynamoDB's limit of items per transaction. */
const maxItems = 100;
const maxConflicts = 5;

/**
 * Group commit for the journal. DynamoDB Local (SQLite underneath, one writer) commits each write
 * request on its own, so its writes per second hardly grow with concurrency (≈ 65 puts/s at one in
 * flight, ≈ 80 at sixteen, on the 2-core machine of issue 7) while a transaction of 25 puts costs
 * about four puts. The journal's writes came one request each, in the same queue as the handlers'
 * writes. Here the writes that arrive while a commit is under way wait for it and then go
 * together, as one TransactWriteItems: each keeps its own condition, and each caller hears of its
 * own write only once it is committed — what a caller is told is as durable as before.
 *
 * A unit (one journal write: one item, or an update with the condition check that must hold with
 * it) is all or nothing, as before. A group holds at most one operation per item, in arrival order
 * per item. When DynamoDB cancels a group, the units whose condition failed are told so, and the
 * others go again. A lone single-item unit is sent as a plain PutItem or UpdateItem, which costs
 * DynamoDB Local less than a transaction of one.
 */
export class GroupCommit {
  private queue: Unit[] = [];
  private flushing: Promise<void> | undefined;

  constructor(private readonly doc: DynamoDBDocumentClient) {}

  write(items: WriteItem[]): Promise<UnitOutcome> {
    return new Promise<UnitOutcome>((resolve, reject) => {
      this.queue.push({ items, keys: items.map(itemKey), conflicts: 0, alone: false, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = undefined;
      this.kick();
    });
  }

  private async flush(): Promise<void> {
    // The writes of the same moment go in the first group too.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) await this.commit(this.take());
  }

  /** The next group: units in arrival order, at most one operation per item, ≤ 100 items. */
  private take(): Unit[] {
    const group: Unit[] = [];
    const rest: Unit[] = [];
    const taken = new Set<string>();
    const deferred = new Set<string>();
    let items = 0;
    for (const unit of this.queue) {
      const fits =
        !(unit.alone && group.length > 0) &&
        !group.some((u) => u.alone) &&
        items + unit.items.length <= maxItems &&
        !unit.keys.some((key) => taken.has(key) || deferred.has(key));
      if (fits) {
        group.push(unit);
        items += unit.items.length;
        for (const key of unit.keys) taken.add(key);
      } else {
        // A later write of the same item stays behind this one.
        rest.push(unit);
        for (const key of unit.keys) deferred.add(key);
      }
    }
    this.queue = rest;
    return group;
  }

  private async commit(group: Unit[]): Promise<void> {
    const [first] = group;
    if (group.length === 1 && first && first.items.length === 1) return this.commitOne(first);
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: group.flatMap((u) => u.items) }));
      for (const unit of group) unit.resolve({ ok: true });
    } catch (error) {
      if (!(error instanceof TransactionCanceledException) || !error.CancellationReasons) {
        if (group.length === 1) first?.reject(error);
        else this.again(group.map((u) => Object.assign(u, { alone: true })));
        return;
      }
      const codes = error.CancellationReasons.map((r) => r.Code ?? 'None');
      const again: Unit[] = [];
      let at = 0;
      for (const unit of group) {
        const reasons = codes.slice(at, at + unit.items.length);
        at += unit.items.length;
        if (reasons.includes('ConditionalCheckFailed')) unit.resolve({ ok: false, reasons });
        else if (reasons.every((r) => r === 'None')) again.push(unit);
        else if (++unit.conflicts > maxConflicts) unit.reject(error);
        else again.push(unit);
      }
      this.again(again);
    }
  }

  private async commitOne(unit: Unit): Promise<void> {
    const [item] = unit.items;
    try {
      if (item?.Put) await this.doc.send(new PutCommand(item.Put));
      else if (item?.Update) await this.doc.send(new UpdateCommand(item.Update));
      else await this.doc.send(new TransactWriteCommand({ TransactItems: unit.items }));
      unit.resolve({ ok: true });
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        unit.resolve({ ok: false, reasons: [error.name] });
      else if (error instanceof TransactionCanceledException && error.CancellationReasons) {
        const reasons = error.CancellationReasons.map((r) => r.Code ?? 'None');
        if (reasons.includes('ConditionalCheckFailed')) unit.resolve({ ok: false, reasons });
        else if (++unit.conflicts > maxConflicts) unit.reject(error);
        else this.again([unit]);
      } else unit.reject(error);
    }
  }

  /** Back at the head of the queue, ahead of what arrived meanwhile (order per item holds). */
  private again(units: Unit[]): void {
    this.queue = [...units, ...this.queue];
  }
}

function itemKey(item: WriteItem): string {
  const [table, key] = item.Put
    ? [item.Put.TableName, item.Put.Item]
    : item.Update
      ? [item.Update.TableName, item.Update.Key]
      : item.Delete
        ? [item.Delete.TableName, item.Delete.Key]
        : [item.ConditionCheck?.TableName, item.ConditionCheck?.Key];
  return JSON.stringify([table, key?.pk, key?.sk]);
}
