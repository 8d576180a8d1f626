import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

/**
 * DynamoDB Local does not expire items: this sweep does what DynamoDB's TTL does in AWS, against
 * the runtime's clock (moved by POST /local/clock), so that retention can be seen to happen.
 *
 * Each expired item is first marked (`marker`), then deleted, both conditional on it still being
 * expired (a case reopened in between keeps its item). The marker is what lets the stream poller
 * tell this deletion from anybody's DeleteItem, across a restart too: it delivers the REMOVE with
 * the DynamoDB service as `userIdentity` and the old image without the marker, as AWS does, and
 * drops the MODIFY records that only set or clear it (local/stream-poller.ts `ttlMarker`).
 *
 * Unlike AWS, which deletes within a few days of expiry, the sweep deletes at its next run.
 *
 * A sweep scans the whole table, and DynamoDB Local runs every page of a scan on its one writer
 * thread (turning each item into a string for a debug log line on the way, whatever the log
 * level): a scan of a few thousand cases held every other request for seconds (issue 7, §15). So
 * the timer's sweep runs only when something is due (`sweepIfDue`): the emulator keeps the
 * earliest expiry of the table, from its last sweep and from the stream's new images since
 * (`observe`), and a sweep pages in small steps so that other requests pass between them. An
 * explicit sweep (POST /local/clock, tests) always scans.
 */
export const localTtlMarker = 'localTtlDeletion';

export interface TtlEmulatorOptions {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  /** The table's TTL attribute (epoch seconds). */
  readonly attribute: string;
  readonly now: () => Date;
  /** Parallel scan segments. */
  readonly segments?: number;
  /** Items a scan page reads at most (each page is one job of DynamoDB Local's writer thread). */
  readonly pageSize?: number;
  readonly log?: (line: string) => void;
}

export class TtlEmulator {
  private running: Promise<number> | undefined;
  private queued: Promise<number> | undefined;
  /** The earliest expiry (epoch seconds) of any item, as far as known; meaningless until `known`. */
  private earliest = Number.POSITIVE_INFINITY;
  /** A sweep has completed: `earliest` covers the table as of then, and the stream since. */
  private known = false;
  /** Expiries the stream showed while a sweep was running (it may have passed their items). */
  private seenDuringSweep = Number.POSITIVE_INFINITY;

  constructor(private readonly opts: TtlEmulatorOptions) {}

  /**
   * Takes note of the expiries that stream records carry (new images with the TTL attribute), so
   * that the timer's sweep knows when the next item is due without scanning for it.
   */
  observe(records: readonly DynamoDBRecord[]): void {
    for (const record of records) {
      const value = record.dynamodb?.NewImage?.[this.opts.attribute]?.N;
      if (value === undefined) continue;
      const seconds = Number(value);
      if (!Number.isFinite(seconds)) continue;
      this.earliest = Math.min(this.earliest, seconds);
      this.seenDuringSweep = Math.min(this.seenDuringSweep, seconds);
    }
  }

  /** Resolves once no sweep runs or waits (the runtime's stop). */
  async whenIdle(): Promise<void> {
    while (this.running || this.queued) await (this.queued ?? this.running)?.catch(() => 0);
  }

  /** The timer's sweep: only when an item is known to be due (or nothing is known yet). */
  sweepIfDue(): Promise<number> {
    const nowSeconds = Math.floor(this.opts.now().getTime() / 1000);
    if (this.known && this.earliest >= nowSeconds) return Promise.resolve(0);
    return this.sweep();
  }

  /**
   * Deletes every item expired as of now; resolves with how many. One sweep at a time: asked for
   * while one runs (which may have begun before the clock moved), it runs again after it.
   */
  sweep(): Promise<number> {
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => 0)
      .then(() => {
        this.queued = undefined;
        return this.sweep();
      });
    return this.queued;
  }

  private async run(): Promise<number> {
    const nowSeconds = Math.floor(this.opts.now().getTime() / 1000);
    const segments = this.opts.segments ?? 2;
    this.seenDuringSweep = Number.POSITIVE_INFINITY;
    const found = await Promise.all(
      Array.from({ length: segments }, (_, segment) => this.expiringIn(segment, segments)),
    );
    let deleted = 0;
    let earliestLeft = Number.POSITIVE_INFINITY;
    for (const item of found.flat()) {
      if (item.expiresAt >= nowSeconds) earliestLeft = Math.min(earliestLeft, item.expiresAt);
      else if (await this.expire({ pk: item.pk, sk: item.sk }, nowSeconds)) deleted++;
      // Still there although expired (it changed under the sweep): due again at once.
      else earliestLeft = Math.min(earliestLeft, item.expiresAt);
    }
    this.earliest = Math.min(earliestLeft, this.seenDuringSweep);
    this.known = true;
    if (deleted > 0) this.opts.log?.(`[ttl] ${deleted} expired item(s) deleted`);
    return deleted;
  }

  /** The keys and expiries of a segment's items that have the TTL attribute as a number. */
  private async expiringIn(segment: number, total: number) {
    const items: { pk: string; sk: string; expiresAt: number }[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.opts.doc.send(
        new ScanCommand({
          TableName: this.opts.tableName,
          Segment: segment,
          TotalSegments: total,
          Limit: this.opts.pageSize ?? 200,
          FilterExpression: 'attribute_type(#ttl, :number)',
          ProjectionExpression: 'pk, sk, #ttl',
          ExpressionAttributeNames: { '#ttl': this.opts.attribute },
          ExpressionAttributeValues: { ':number': 'N' },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of (page.Items ?? []) as Record<string, unknown>[]) {
        const expiresAt = Number(item[this.opts.attribute]);
        if (Number.isFinite(expiresAt)) items.push({ pk: String(item.pk), sk: String(item.sk), expiresAt });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  private async expire(key: { pk: string; sk: string }, nowSeconds: number): Promise<boolean> {
    const { doc, tableName, attribute } = this.opts;
    const names = { '#ttl': attribute, '#mark': localTtlMarker };
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: 'SET #mark = :at',
          ConditionExpression: '#ttl < :now',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':at': this.opts.now().toISOString(), ':now': nowSeconds },
        }),
      );
      await doc.send(
        new DeleteCommand({
          TableName: tableName,
          Key: key,
          ConditionExpression: '#ttl < :now AND attribute_exists(#mark)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':now': nowSeconds },
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // No longer expired (reopened) or gone: leave no marker behind on a live item.
      await doc
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: key,
            UpdateExpression: 'REMOVE #mark',
            ConditionExpression: 'attribute_exists(#mark)',
            ExpressionAttributeNames: { '#mark': localTtlMarker },
          }),
        )
        .catch((e: unknown) => {
          if (!isConditionFailure(e)) throw e;
        });
      return false;
    }
  }
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
