import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  type DynamoDBStreamsClientConfig,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type Shard,
  type AttributeValue as StreamAttributeValue,
} from '@aws-sdk/client-dynamodb-streams';
import type {
  AttributeValue,
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
  StreamRecord,
} from 'aws-lambda';
import { withoutSdkLogFilter } from '../functions/lib/sdk-log-filter.js';

/**
 * The local stand-in for a DynamoDB Streams → Lambda event source mapping: it reads the table's
 * stream on DynamoDB Local and invokes the same handler with the same `DynamoDBStreamEvent` a
 * Lambda receives, with the mapping's delivery rules:
 *
 * - records of a shard are delivered in order; a child shard waits until its parent is done;
 * - `ReportBatchItemFailures`: a reported failure retries from the lowest failed record onward
 *   (everything before it is acknowledged); a thrown error retries the whole batch; retries back
 *   off exponentially;
 * - after `maxRetryAttempts` retries (Lambda's `MaximumRetryAttempts`) the still-failing records go
 *   to `onDeadLetter` and are skipped, so one poison record never blocks its shard for good;
 * - the position in each shard is checkpointed to a file (written atomically) after every batch,
 *   so a restart resumes after the last acknowledged record.
 *
 * DynamoDB Local with `-dbPath` keeps the stream, its shard ids and its records across a restart
 * (verified with 2.x: same stream ARN, same shard id, sequence numbers continue), so resuming with
 * AFTER_SEQUENCE_NUMBER works. Should a shard be gone (in-memory database, table re-created,
 * trimmed after 24 h) the poller starts the shards it finds at TRIM_HORIZON.
 */

export interface StreamPollerOptions {
  endpoint: string;
  region: string;
  credentials: DynamoDBStreamsClientConfig['credentials'];
  tableName: string;
  /** Typed like aws-lambda's `DynamoDBStreamHandler`, so the same handler module plugs in unchanged. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that reports no failures returns Promise<void>.
  handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;
  /** Where shard positions are kept; omitted → in memory only (every start reads from the oldest record). */
  checkpointFile?: string;
  /** Records per invocation (GetRecords `Limit`, at most 1000). */
  batchSize?: number;
  /** Pause between polls of a caught-up stream. */
  pollIntervalMs?: number;
  /** Retries after the first failed attempt before records are dead-lettered (Lambda's default is -1, infinite; ours is 5). */
  maxRetryAttempts?: number;
  /** First retry delay; doubles per attempt, capped at 10 s. */
  retryBackoffMs?: number;
  onDeadLetter?: (records: DynamoDBRecord[], error: unknown) => Promise<void>;
  log?: (line: string) => void;
  /**
   * The attribute the local TTL emulator (local/ttl-emulator.ts) sets on an expired item just
   * before deleting it. Its REMOVE is delivered as AWS delivers a TTL deletion (userIdentity of the
   * DynamoDB service, the old image without the marker); the MODIFY records that only set or
   * clear the marker are not delivered, since AWS has no such step.
   */
  ttlMarker?: string;
}

interface Pending {
  /** The records to deliver again, starting with the lowest failed one. */
  readonly records: DynamoDBRecord[];
  /** Failed attempts so far for the record at the head of `records`. */
  readonly failures: number;
  readonly retryAt: number;
}

interface ShardState {
  readonly shardId: string;
  readonly parentShardId: string | undefined;
  /** undefined: to be acquired; null: the shard is closed and everything in it has been read. */
  iterator: string | null | undefined;
  /** Sequence number of the last acknowledged record. */
  checkpoint: string | undefined;
  /** Start from TRIM_HORIZON even with a checkpoint (the checkpoint's record was trimmed). */
  fromTrimHorizon: boolean;
  /** Closed and fully delivered: its children may start. */
  ended: boolean;
  pending: Pending | undefined;
}

interface CheckpointFile {
  readonly version: 1;
  readonly streamArn: string;
  readonly shards: Record<string, { sequenceNumber?: string; ended?: boolean }>;
}

interface DrainWaiter {
  readonly afterCycle: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

const maxBackoffMs = 10_000;
/**
 * Shards are re-listed at least this often. A shard that ends asks for a re-listing at once (its
 * children appear when DynamoDB rolls it over), and drain() re-lists too, so this is only a safety
 * net; each re-listing is two requests to the same DynamoDB Local the handlers use.
 */
const refreshEveryMs = 10_000;
/** While the table has no stream yet, look for one this often. */
const noStreamRefreshEveryMs = 1_000;
/** Pause after an unexpected error (DynamoDB Local restarting …) before polling again. */
const errorPauseMs = 1_000;

type PollOutcome = 'idle' | 'progress' | 'waiting';

export class StreamPoller {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxRetryAttempts: number;
  private readonly retryBackoffMs: number;
  private readonly log: (line: string) => void;

  private dynamo: DynamoDBClient | undefined;
  private streams: DynamoDBStreamsClient | undefined;

  private streamArn: string | undefined;
  private shards = new Map<string, ShardState>();
  private saved: CheckpointFile | undefined;
  /** Positions not yet handed to a write, and the write under way. */
  private unwritten: CheckpointFile | undefined;
  private writing: Promise<void> | undefined;
  private savedLoaded = false;
  private lastRefresh = 0;
  /** The cycle that last listed the shards. */
  private lastRefreshCycle = 0;
  private refreshNeeded = true;
  private warnedNoStream = false;

  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private cycleCount = 0;
  private lastCycleIdle = true;
  private drainWaiters: DrainWaiter[] = [];
  /** Serialises cycles: the background loop and a drain() on a stopped poller never overlap. */
  private exclusive: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: StreamPollerOptions) {
    this.batchSize = Math.min(Math.max(opts.batchSize ?? 100, 1), 1000);
    this.pollIntervalMs = opts.pollIntervalMs ?? 100;
    this.maxRetryAttempts = opts.maxRetryAttempts ?? 5;
    this.retryBackoffMs = opts.retryBackoffMs ?? 200;
    this.log = opts.log ?? (() => {});
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.runLoop();
  }

  /** Stops polling; resolves once the batch in flight (if any) has been handled and checkpointed. */
  async stop(): Promise<void> {
    if (this.running) {
      this.running = false;
      this.wake?.();
      await this.loop;
      this.loop = undefined;
    }
    for (const waiter of this.drainWaiters.splice(0))
      waiter.reject(new Error('The stream poller was stopped'));
    await this.exclusive;
    await this.checkpointsWritten();
    this.dynamo?.destroy();
    this.streams?.destroy();
    this.dynamo = undefined;
    this.streams = undefined;
  }

  /**
   * Resolves once every shard has been read to its end as of the call, the handler has returned
   * for every record (retries and dead-lettering included) and the checkpoints are written. Tests wait on this instead of
   * sleeping. Works on a stopped poller too (it then polls in the caller's stead).
   */
  async drain(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    if (!this.running) {
      // The shards are listed afresh once, as of the call; a shard that ends later asks again.
      for (let first = true; ; first = false) {
        const { idle, nextWakeAt } = await this.runCycle(first);
        if (idle) return await this.checkpointsWritten();
        if (Date.now() > deadline) throw new Error(`The stream did not drain within ${timeoutMs} ms`);
        await delay(Math.max(0, Math.min(nextWakeAt - Date.now(), this.pollIntervalMs)));
      }
    }
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.drainWaiters = this.drainWaiters.filter((w) => w !== waiter);
        reject(new Error(`The stream did not drain within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: DrainWaiter = {
        afterCycle: this.cycleCount,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.drainWaiters.push(waiter);
      this.wake?.();
    });
    // Checkpoints are written in the background: drained means acknowledged on disk too.
    await this.checkpointsWritten();
  }

  /**
   * Whether work is known to be waiting: a batch held for retry, or records found by the latest
   * pass over the stream. False right after drain() unless something was written since.
   */
  async hasPending(): Promise<boolean> {
    return !this.lastCycleIdle || [...this.shards.values()].some((shard) => shard.pending !== undefined);
  }

  // -------------------------------------------------------------------------------------------

  private async runLoop(): Promise<void> {
    while (this.running) {
      let sleepMs = this.pollIntervalMs;
      try {
        const cycle = this.cycleCount + 1;
        // A drain lists the shards afresh once after it was asked for, not in every cycle it waits.
        const listingOwed = this.drainWaiters.some((w) => w.afterCycle >= this.lastRefreshCycle);
        const { idle, nextWakeAt } = await this.runCycle(listingOwed);
        if (idle) {
          const done = this.drainWaiters.filter((w) => w.afterCycle < cycle);
          this.drainWaiters = this.drainWaiters.filter((w) => w.afterCycle >= cycle);
          for (const waiter of done) waiter.resolve();
        }
        // Records keep coming: poll again at once, as the event source mapping does.
        sleepMs = idle
          ? this.pollIntervalMs
          : Math.max(0, Math.min(nextWakeAt - Date.now(), this.pollIntervalMs));
      } catch (error) {
        this.log(
          `stream poller (${this.opts.tableName}): ${describeError(error)}; retrying in ${errorPauseMs} ms`,
        );
        this.refreshNeeded = true;
        sleepMs = errorPauseMs;
      }
      if (this.running && sleepMs > 0) await this.sleep(sleepMs);
    }
  }

  private runCycle(forceRefresh: boolean): Promise<{ idle: boolean; nextWakeAt: number }> {
    const run = this.exclusive.then(() => this.cycle(forceRefresh));
    this.exclusive = run.catch(() => undefined);
    return run;
  }

  /** One pass over the stream: one GetRecords (or one retry) per eligible shard. */
  private async cycle(forceRefresh: boolean): Promise<{ idle: boolean; nextWakeAt: number }> {
    this.cycleCount++;
    const refreshEvery = this.streamArn ? refreshEveryMs : noStreamRefreshEveryMs;
    if (forceRefresh || this.refreshNeeded || Date.now() - this.lastRefresh > refreshEvery) {
      await this.refresh();
    }
    let idle = true;
    let nextWakeAt = Number.POSITIVE_INFINITY;
    for (const shard of this.eligibleShards()) {
      const outcome = await this.pollShard(shard);
      if (outcome !== 'idle') idle = false;
      if (outcome === 'progress') nextWakeAt = Date.now();
      if (shard.pending) nextWakeAt = Math.min(nextWakeAt, shard.pending.retryAt);
    }
    // A shard that is not eligible yet waits for its parent, which is not idle either; a shard
    // that just ended may have children nobody has listed yet.
    if (this.refreshNeeded) idle = false;
    this.lastCycleIdle = idle;
    return { idle, nextWakeAt: Number.isFinite(nextWakeAt) ? nextWakeAt : Date.now() + this.pollIntervalMs };
  }

  private eligibleShards(): ShardState[] {
    return [...this.shards.values()].filter((shard) => {
      if (shard.ended) return false;
      const parent = shard.parentShardId ? this.shards.get(shard.parentShardId) : undefined;
      return !parent || parent.ended;
    });
  }

  private async pollShard(shard: ShardState): Promise<PollOutcome> {
    if (shard.pending) {
      if (Date.now() < shard.pending.retryAt) return 'waiting';
      await this.deliver(shard, shard.pending.records);
      return 'progress';
    }
    if (shard.iterator === undefined) {
      const acquired = await this.acquireIterator(shard);
      if (acquired === 'gone') {
        this.shards.delete(shard.shardId);
        this.refreshNeeded = true;
        return 'progress';
      }
      shard.iterator = acquired;
    }
    if (shard.iterator === null) return this.endShard(shard);

    let output: GetRecordsCommandOutput;
    try {
      output = await this.streamsClient().send(
        new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: this.batchSize }),
      );
    } catch (error) {
      switch (errorName(error)) {
        case 'ExpiredIteratorException':
          // Iterators live 15 minutes (a long retry back-off outlasts one): start again from the checkpoint.
          shard.iterator = undefined;
          return 'progress';
        case 'TrimmedDataAccessException':
          shard.iterator = undefined;
          shard.fromTrimHorizon = true;
          return 'progress';
        case 'ResourceNotFoundException':
          this.shards.delete(shard.shardId);
          this.refreshNeeded = true;
          return 'progress';
        default:
          throw error;
      }
    }
    shard.iterator = output.NextShardIterator ?? null;
    // Records at or before the checkpoint were acknowledged already (a TRIM_HORIZON fallback
    // re-reads them): never deliver them twice.
    const marker = this.opts.ttlMarker;
    const fresh = (output.Records ?? []).filter(
      (r) => isAfter(r.dynamodb?.SequenceNumber, shard.checkpoint) && !(marker && onlyMarks(r, marker)),
    );
    if (fresh.length === 0) {
      if (shard.iterator === null) return this.endShard(shard);
      // Only already-acknowledged records: there may be more behind them, so this is not "caught up".
      return (output.Records ?? []).length > 0 ? 'progress' : 'idle';
    }
    const arn = this.streamArn ?? '';
    await this.deliver(
      shard,
      fresh.map((record) => {
        const out = toLambdaRecord(record, this.opts.region, arn);
        return marker ? asTtlDeletion(out, marker) : out;
      }),
    );
    return 'progress';
  }

  private async endShard(shard: ShardState): Promise<PollOutcome> {
    shard.ended = true;
    this.refreshNeeded = true;
    await this.saveCheckpoints();
    return 'progress';
  }

  /**
   * Invokes the handler with one batch and applies the outcome: acknowledge, retry from the
   * lowest failure, or dead-letter after the last retry.
   */
  private async deliver(shard: ShardState, records: DynamoDBRecord[]): Promise<void> {
    let failedFrom: number | undefined;
    let failedRecords: DynamoDBRecord[] = [];
    let failure: unknown;
    try {
      const response = await this.opts.handler({ Records: records });
      const reported = response?.batchItemFailures ?? [];
      if (reported.length > 0) {
        const indexes = [
          ...new Set(
            reported.map((f) => records.findIndex((r) => r.dynamodb?.SequenceNumber === f.itemIdentifier)),
          ),
        ].sort((a, b) => a - b);
        // An identifier that names no record of the batch fails the whole batch, as in Lambda.
        const unknown = indexes.some((i) => i < 0);
        failedFrom = unknown ? 0 : (indexes[0] ?? 0);
        failedRecords = unknown ? records : indexes.map((i) => records[i]).filter((r) => r !== undefined);
        failure = new Error(`The handler reported ${reported.length} failed record(s)`);
      }
    } catch (error) {
      failedFrom = 0;
      failedRecords = records;
      failure = error;
    }

    if (failedFrom === undefined) {
      shard.pending = undefined;
      shard.checkpoint = lastSequenceNumber(records) ?? shard.checkpoint;
      await this.afterBatch(shard);
      return;
    }

    // Everything before the lowest failure is done: acknowledge it now.
    const before = records.slice(0, failedFrom);
    if (before.length > 0) shard.checkpoint = lastSequenceNumber(before) ?? shard.checkpoint;
    const remaining = records.slice(failedFrom);
    const head = remaining[0]?.dynamodb?.SequenceNumber;
    const previous = shard.pending;
    const sameHead = previous !== undefined && previous.records[0]?.dynamodb?.SequenceNumber === head;
    // The count starts afresh when the head moved on: progress was made, the shard is not stuck.
    const failures = (sameHead ? previous.failures : 0) + 1;

    if (failures > this.maxRetryAttempts) {
      this.log(
        `stream poller (${this.opts.tableName}): giving up on ${failedRecords.length} record(s) of ${shard.shardId} ` +
          `after ${failures} attempt(s) (first ${failedRecords[0]?.dynamodb?.SequenceNumber}): ${describeError(failure)}`,
      );
      try {
        await this.opts.onDeadLetter?.(failedRecords, failure);
      } catch (error) {
        // Dead-lettering is best effort: blocking the shard on it would be worse.
        this.log(
          `stream poller (${this.opts.tableName}): dead-letter handler failed: ${describeError(error)}`,
        );
      }
      shard.pending = undefined;
      shard.checkpoint = lastSequenceNumber(remaining) ?? shard.checkpoint;
      await this.afterBatch(shard);
      return;
    }

    const backoff = Math.min(this.retryBackoffMs * 2 ** (failures - 1), maxBackoffMs);
    shard.pending = { records: remaining, failures, retryAt: Date.now() + backoff };
    this.log(
      `stream poller (${this.opts.tableName}): ${remaining.length} record(s) of ${shard.shardId} failed ` +
        `(attempt ${failures}); retrying in ${backoff} ms: ${describeError(failure)}`,
    );
    if (before.length > 0) await this.saveCheckpoints();
  }

  private async afterBatch(shard: ShardState): Promise<void> {
    // A closed shard whose last batch is now through has ended.
    if (shard.iterator === null && !shard.pending) shard.ended = true;
    if (shard.ended) this.refreshNeeded = true;
    await this.saveCheckpoints();
  }

  private async acquireIterator(shard: ShardState): Promise<string | null | 'gone'> {
    const arn = this.streamArn;
    if (!arn) return 'gone';
    const client = this.streamsClient();
    if (shard.checkpoint && !shard.fromTrimHorizon) {
      try {
        const out = await client.send(
          new GetShardIteratorCommand({
            StreamArn: arn,
            ShardId: shard.shardId,
            ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
            SequenceNumber: shard.checkpoint,
          }),
        );
        return out.ShardIterator ?? null;
      } catch (error) {
        const name = errorName(error);
        if (name === 'ResourceNotFoundException') return 'gone';
        // The checkpoint's record was trimmed (or is unknown to this shard): read what is left;
        // records up to the checkpoint are filtered out on delivery.
        if (name !== 'TrimmedDataAccessException' && name !== 'ValidationException') throw error;
        this.log(
          `stream poller (${this.opts.tableName}): checkpoint of ${shard.shardId} unusable (${name}); reading from the oldest record`,
        );
      }
    }
    try {
      const out = await client.send(
        new GetShardIteratorCommand({
          StreamArn: arn,
          ShardId: shard.shardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      shard.fromTrimHorizon = false;
      return out.ShardIterator ?? null;
    } catch (error) {
      if (errorName(error) === 'ResourceNotFoundException') return 'gone';
      throw error;
    }
  }

  /** Finds the table's current stream and its shards; adopts saved checkpoints for known shards. */
  private async refresh(): Promise<void> {
    this.lastRefresh = Date.now();
    this.lastRefreshCycle = this.cycleCount;
    this.refreshNeeded = false;
    if (!this.savedLoaded) {
      this.saved = await loadCheckpoints(this.opts.checkpointFile);
      this.savedLoaded = true;
    }
    let streamArn: string | undefined;
    try {
      const { Table } = await this.dynamoClient().send(
        new DescribeTableCommand({ TableName: this.opts.tableName }),
      );
      if (Table?.StreamSpecification?.StreamEnabled) streamArn = Table.LatestStreamArn;
    } catch (error) {
      if (errorName(error) !== 'ResourceNotFoundException') throw error;
    }
    if (!streamArn) {
      if (!this.warnedNoStream) this.log(`stream poller: table ${this.opts.tableName} has no stream (yet)`);
      this.warnedNoStream = true;
      this.streamArn = undefined;
      this.shards.clear();
      return;
    }
    this.warnedNoStream = false;
    if (streamArn !== this.streamArn) {
      if (this.streamArn)
        this.log(`stream poller: ${this.opts.tableName} has a new stream; reading it from the start`);
      this.streamArn = streamArn;
      this.shards.clear();
    }

    const listed: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await this.streamsClient().send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      listed.push(...(StreamDescription?.Shards ?? []));
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);

    // Checkpoints of another stream (the table was re-created) mean nothing here.
    const saved = this.saved?.streamArn === streamArn ? this.saved.shards : {};
    const listedIds = new Set<string>();
    for (const shard of listed) {
      const shardId = shard.ShardId;
      if (!shardId) continue;
      listedIds.add(shardId);
      if (this.shards.has(shardId)) continue;
      const kept = saved[shardId];
      this.shards.set(shardId, {
        shardId,
        parentShardId: shard.ParentShardId,
        iterator: undefined,
        checkpoint: kept?.sequenceNumber,
        fromTrimHorizon: false,
        ended: kept?.ended === true,
        pending: undefined,
      });
    }
    // Shards trimmed from the stream cannot be read any more; forget them.
    for (const shardId of [...this.shards.keys()]) {
      if (!listedIds.has(shardId)) this.shards.delete(shardId);
    }
  }

  private async saveCheckpoints(): Promise<void> {
    if (!this.streamArn) return;
    const shards: CheckpointFile['shards'] = {};
    for (const shard of this.shards.values()) {
      if (shard.checkpoint === undefined && !shard.ended) continue;
      shards[shard.shardId] = {
        ...(shard.checkpoint !== undefined ? { sequenceNumber: shard.checkpoint } : {}),
        ...(shard.ended ? { ended: true } : {}),
      };
    }
    const file: CheckpointFile = { version: 1, streamArn: this.streamArn, shards };
    this.saved = file;
    const path = this.opts.checkpointFile;
    if (!path) return;
    // Written behind the delivery, one write at a time, the latest positions winning: a write
    // (with its fsync) per batch in line held up every next batch. A crash may lose the positions
    // of the last batches, which are then delivered again: at least once, as the mapping in AWS.
    this.unwritten = file;
    this.writing ??= (async () => {
      try {
        for (let next = this.unwritten; next; next = this.unwritten) {
          this.unwritten = undefined;
          await writeAtomically(path, JSON.stringify(next, null, 2));
        }
      } catch (error) {
        this.log(`stream poller (${this.opts.tableName}): checkpoint not written: ${describeError(error)}`);
      } finally {
        this.writing = undefined;
      }
    })();
  }

  /** Waits until the latest positions are on disk. */
  private async checkpointsWritten(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private dynamoClient(): DynamoDBClient {
    this.dynamo ??= withoutSdkLogFilter(
      new DynamoDBClient({
        endpoint: this.opts.endpoint,
        region: this.opts.region,
        credentials: this.opts.credentials,
      }),
    );
    return this.dynamo;
  }

  private streamsClient(): DynamoDBStreamsClient {
    this.streams ??= withoutSdkLogFilter(
      new DynamoDBStreamsClient({
        endpoint: this.opts.endpoint,
        region: this.opts.region,
        credentials: this.opts.credentials,
      }),
    );
    return this.streams;
  }

  /** A pause that stop() and drain() can cut short. */
  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.wake = undefined;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Record conversion: the Streams API's shapes → what Lambda hands a function.

export function toLambdaRecord(record: _Record, region: string, streamArn: string): DynamoDBRecord {
  const source = record.dynamodb ?? {};
  const dynamodb: StreamRecord = {};
  if (source.ApproximateCreationDateTime) {
    // The SDK parses it into a Date; Lambda passes epoch seconds.
    dynamodb.ApproximateCreationDateTime = Math.floor(source.ApproximateCreationDateTime.getTime() / 1000);
  }
  if (source.Keys) dynamodb.Keys = toLambdaImage(source.Keys);
  if (source.NewImage) dynamodb.NewImage = toLambdaImage(source.NewImage);
  if (source.OldImage) dynamodb.OldImage = toLambdaImage(source.OldImage);
  if (source.SequenceNumber !== undefined) dynamodb.SequenceNumber = source.SequenceNumber;
  if (source.SizeBytes !== undefined) dynamodb.SizeBytes = source.SizeBytes;
  if (source.StreamViewType !== undefined) dynamodb.StreamViewType = source.StreamViewType;
  const out: DynamoDBRecord = {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    // DynamoDB Local says "ddblocal"; a function in AWS sees its region.
    awsRegion: region,
    dynamodb,
    eventSourceARN: streamArn,
  };
  // Present only for deletions by TTL.
  if (record.userIdentity) {
    out.userIdentity = { type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId };
  }
  return out;
}

/** A MODIFY whose images differ in the TTL marker alone: the emulator's step, not a change. */
function onlyMarks(record: _Record, marker: string): boolean {
  if (record.eventName !== 'MODIFY') return false;
  const { [marker]: newMark, ...newRest } = record.dynamodb?.NewImage ?? {};
  const { [marker]: oldMark, ...oldRest } = record.dynamodb?.OldImage ?? {};
  if (newMark === undefined && oldMark === undefined) return false;
  return sameJson(newRest, oldRest);
}

function sameJson(a: unknown, b: unknown): boolean {
  const sorted = (v: unknown): unknown =>
    typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Uint8Array
      ? v
      : Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
        );
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

/** The emulator's deletion of an expired item, as AWS reports a TTL deletion. */
function asTtlDeletion(record: DynamoDBRecord, marker: string): DynamoDBRecord {
  const old = record.dynamodb?.OldImage;
  if (record.eventName !== 'REMOVE' || !old || old[marker] === undefined) return record;
  const { [marker]: _mark, ...oldImage } = old;
  return {
    ...record,
    dynamodb: { ...record.dynamodb, OldImage: oldImage },
    userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
  };
}

function toLambdaImage(image: Record<string, StreamAttributeValue>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(image)) out[name] = toLambdaValue(value);
  return out;
}

/** Same JSON as Lambda's: binary as base64 strings, everything else as it is. */
function toLambdaValue(value: StreamAttributeValue): AttributeValue {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  if (value.SS !== undefined) return { SS: [...value.SS] };
  if (value.NS !== undefined) return { NS: [...value.NS] };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaValue) };
  if (value.M !== undefined) return { M: toLambdaImage(value.M) };
  // The Streams client deserializes an empty map ({"M":{}}) to a value with no member at all;
  // an empty list keeps its `L`, so a member-less value can only be an empty map.
  if (Object.keys(value).length === 0) return { M: {} };
  throw new Error(`Unsupported attribute value type: ${Object.keys(value).join(',')}`);
}

// ---------------------------------------------------------------------------------------------

/** Sequence numbers are decimal strings of up to 40 digits: compare them as big integers. */
function isAfter(sequenceNumber: string | undefined, checkpoint: string | undefined): boolean {
  if (checkpoint === undefined || sequenceNumber === undefined) return true;
  return BigInt(sequenceNumber) > BigInt(checkpoint);
}

function lastSequenceNumber(records: readonly DynamoDBRecord[]): string | undefined {
  return records[records.length - 1]?.dynamodb?.SequenceNumber;
}

async function loadCheckpoints(file: string | undefined): Promise<CheckpointFile | undefined> {
  if (!file) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<CheckpointFile>;
  if (parsed.version !== 1 || typeof parsed.streamArn !== 'string' || typeof parsed.shards !== 'object') {
    throw new Error(`${file} is not a stream checkpoint file`);
  }
  return { version: 1, streamArn: parsed.streamArn, shards: parsed.shards ?? {} };
}

/** Write aside, flush, rename: a crash leaves either the old checkpoint or the new one, never half. */
async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  const handle = await open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
