import { createHash, randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export interface LocalQueueOptions {
  /** The queue's name, also the last segment of its URL and ARN. */
  readonly name: string;
  readonly arn: string;
  readonly region: string;
  /** Messages per invocation (the event source mapping's BatchSize). */
  readonly batchSize: number;
  /** How long a batch that is not full waits for more messages (MaximumBatchingWindow). */
  readonly batchingWindowMs: number;
  /** How long a failed message stays hidden before it is received again. */
  readonly visibilityTimeoutMs: number;
  /** Receives after which a failed message moves to the dead letters. */
  readonly maxReceiveCount: number;
  /** Batches in flight at a time (the mapping's MaximumConcurrency). */
  readonly maxConcurrency: number;
  /** The consumer, with an SQS event; answers with partial batch failures (ReportBatchItemFailures). */
  readonly consume: (event: SQSEvent) => Promise<unknown>;
  readonly log?: (line: string) => void;
  readonly now?: () => number;
}

export interface LocalMessage {
  readonly messageId: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly sentAt: number;
  receiveCount: number;
  /** Not handed out before this moment (a failed message's visibility timeout). */
  visibleAt: number;
}

/**
 * The local stand-in for an SQS queue and the Lambda event source mapping that drains it, with the
 * semantics the consumer relies on: messages reach it in batches (up to `batchSize`, after a
 * batching window), at most `maxConcurrency` batches at a time; a message the consumer reports
 * failed (or every message of a batch whose invocation threw) comes back after the visibility
 * timeout, and after `maxReceiveCount` receives moves to the dead letters, with a log line, as
 * the queue's redrive policy moves it to the dead-letter queue in AWS. In memory: what is queued
 * when the runtime stops is lost, as the stream checkpoint is not (a local runtime's loss).
 */
export class LocalQueue {
  private readonly waiting: LocalMessage[] = [];
  private readonly dead: LocalMessage[] = [];
  private inFlight = 0;
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private idleWaiters: (() => void)[] = [];
  private draining = 0;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly options: LocalQueueOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Queues messages (SendMessage / SendMessageBatch); they are handed out after the batching window. */
  send(bodies: readonly string[]): LocalMessage[] {
    if (this.stopped) throw new Error(`The local queue ${this.options.name} is stopped`);
    const now = this.now();
    const sent = bodies.map((body) => ({
      messageId: randomUUID(),
      body,
      md5OfBody: createHash('md5').update(body, 'utf8').digest('hex'),
      sentAt: now,
      receiveCount: 0,
      visibleAt: now,
    }));
    this.waiting.push(...sent);
    // A partial batch waits out the window, unless someone is draining.
    const full = this.visibleCount(now) >= this.options.batchSize || this.draining > 0;
    this.schedule(full ? now : now + this.options.batchingWindowMs);
    return sent;
  }

  /** Messages queued or in flight. */
  get depth(): number {
    return this.waiting.length + this.inFlight;
  }

  /** Messages that failed every receive (the dead-letter queue's contents). */
  get deadLetters(): readonly LocalMessage[] {
    return this.dead;
  }

  /**
   * Resolves once every message is delivered or dead, failed ones' retries included. While someone
   * waits here the batching window is skipped: `settle()` need not wait out a second per batch.
   */
  async drain(): Promise<void> {
    this.draining++;
    try {
      this.schedule(this.now());
      while (this.depth > 0 && !this.stopped) {
        await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
      }
    } finally {
      this.draining--;
    }
  }

  /** Hands out nothing more; resolves once the batches in flight are done. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.wake();
    await Promise.allSettled([...this.running]);
  }

  private visibleCount(now = this.now()): number {
    return this.waiting.filter((m) => m.visibleAt <= now).length;
  }

  /** Pumps at `at` (or sooner, if a pump is already due sooner). */
  private schedule(at: number): void {
    if (this.stopped || at >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.pump();
      },
      Math.max(0, at - this.now()),
    );
    // Like the runtime's other timers, a queue alone keeps no process alive.
    this.timer.unref();
  }

  private pump(): void {
    if (this.stopped) return;
    const now = this.now();
    while (this.inFlight < this.options.maxConcurrency) {
      const batch = this.takeVisible(now);
      if (batch.length === 0) break;
      this.inFlight++;
      const delivery = this.deliver(batch).finally(() => {
        this.inFlight--;
        this.running.delete(delivery);
        this.pump();
      });
      this.running.add(delivery);
    }
    // With a batch slot free, whatever still waits is hidden: pump again when the first shows. With
    // none free, the next batch to finish pumps.
    if (this.inFlight < this.options.maxConcurrency && this.waiting.length > 0) {
      this.schedule(Math.min(...this.waiting.map((m) => m.visibleAt)));
    }
    this.wake();
  }

  private takeVisible(now: number): LocalMessage[] {
    const batch: LocalMessage[] = [];
    for (let i = 0; i < this.waiting.length && batch.length < this.options.batchSize; ) {
      const message = this.waiting[i];
      if (message && message.visibleAt <= now) {
        batch.push(message);
        this.waiting.splice(i, 1);
      } else {
        i++;
      }
    }
    return batch;
  }

  private async deliver(batch: LocalMessage[]): Promise<void> {
    for (const message of batch) message.receiveCount++;
    let failed: Set<string>;
    try {
      const result = (await this.options.consume({ Records: batch.map((m) => this.record(m)) })) as
        | SQSBatchResponse
        | null
        | undefined;
      failed = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      this.options.log?.(
        `${this.options.name}: the batch failed (${(error as Error).message}); all will be retried`,
      );
      failed = new Set(batch.map((m) => m.messageId));
    }
    const now = this.now();
    for (const message of batch) {
      if (!failed.has(message.messageId)) continue;
      if (message.receiveCount >= this.options.maxReceiveCount) {
        this.dead.push(message);
        this.options.log?.(
          `${this.options.name}: message ${message.messageId} failed ${message.receiveCount} receives; moved to the dead letters: ${message.body}`,
        );
      } else {
        message.visibleAt = now + this.options.visibilityTimeoutMs;
        this.waiting.push(message);
      }
    }
  }

  private record(message: LocalMessage): SQSRecord {
    return {
      messageId: message.messageId,
      receiptHandle: `${message.messageId}#${message.receiveCount}`,
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(message.sentAt),
        SenderId: 'local',
        ApproximateFirstReceiveTimestamp: String(this.now()),
      },
      messageAttributes: {},
      md5OfBody: message.md5OfBody,
      eventSource: 'aws:sqs',
      eventSourceARN: this.options.arn,
      awsRegion: this.options.region,
    };
  }

  private wake(): void {
    if (this.depth > 0 && !this.stopped) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
