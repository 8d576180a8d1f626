/**
 * Who goes first when the one machine of the local runtime is busy.
 *
 * In AWS the intake runs in its own Lambda execution environments and DynamoDB spreads the load
 * over partitions: an applicant's POST never waits behind the workflow steps of other cases. The
 * local runtime runs the HTTP routes, the stream consumers, the workflow steps and the queue
 * consumers in one Node process beside one DynamoDB Local JVM, on a machine of a few cores, so
 * without a rule they share it evenly, and a burst of applications slows itself down by the
 * workflows it starts (issue 7: 6.6 × a bare PutItem at 16 in flight against 3.4 with the
 * workflows held).
 *
 * The rule: while any request of a person (an HTTP route) is in flight, background invocations
 * (stream, workflow step, queue, schedule) run at most `backgroundWhileBusy` at a time, the rest
 * waiting in arrival order; when no request is in flight they all run. Background work is delayed,
 * never dropped or reordered within its own line (a stream lane or an execution awaits each
 * invocation before the next), and it always progresses: at least one slot stays open, and no
 * invocation waits longer than `maxWaitMs` whatever the foreground does. No background invocation
 * waits on another one (StartExecution returns before the execution's first step), so a full set
 * of slots cannot deadlock.
 */
export interface ForegroundFirstOptions {
  /** Background invocations allowed at once while a person's request is in flight (≥ 1). */
  readonly backgroundWhileBusy: number;
  /** The longest a background invocation waits, however busy the foreground stays. */
  readonly maxWaitMs: number;
}

/**
 * One at a time, and a valve at 10 s (bench, 2026-12-06, 300 cases end to end and 5 intake rounds):
 * one slot took the intake from 6.6 to 3.4 × a bare PutItem and the applicants' phase of the
 * end-to-end run from 7.8 to 4.4 s, at the same cases per second (4.70 against 4.84, within run
 * noise); four slots gave 3.9. A valve of 1 s cost a fifth of the throughput: under steady
 * requests every waiter was let go a second after it came, in bursts.
 */
export const defaultForegroundFirst: ForegroundFirstOptions = { backgroundWhileBusy: 1, maxWaitMs: 10_000 };

interface Waiter {
  readonly admit: () => void;
  timer?: NodeJS.Timeout;
}

export class ForegroundFirst {
  private foregroundInFlight = 0;
  private backgroundRunning = 0;
  private readonly waiting: Waiter[] = [];
  private readonly options: ForegroundFirstOptions;
  /** Background invocations that had to wait, and how long in all (for the bench's notes). */
  readonly stats = { delayed: 0, waitedMs: 0 };

  constructor(options: Partial<ForegroundFirstOptions> = {}) {
    const merged = { ...defaultForegroundFirst, ...options };
    this.options = {
      backgroundWhileBusy: Math.max(1, Math.floor(merged.backgroundWhileBusy)),
      maxWaitMs: Math.max(0, merged.maxWaitMs),
    };
  }

  /** A person's request: counted while it runs; never waits. */
  async foreground<T>(work: () => Promise<T>): Promise<T> {
    this.foregroundInFlight++;
    try {
      return await work();
    } finally {
      this.foregroundInFlight--;
      this.admitWaiting();
    }
  }

  /** Work nobody is waiting on at a screen: runs now, or when a slot opens (or at `maxWaitMs`). */
  async background<T>(work: () => Promise<T>): Promise<T> {
    if (this.waiting.length === 0 && this.slotOpen()) this.backgroundRunning++;
    else await this.queue();
    try {
      return await work();
    } finally {
      this.backgroundRunning--;
      this.admitWaiting();
    }
  }

  /** Requests of people in flight now, and background invocations running and waiting. */
  load(): { foreground: number; background: number; waiting: number } {
    return {
      foreground: this.foregroundInFlight,
      background: this.backgroundRunning,
      waiting: this.waiting.length,
    };
  }

  private slotOpen(): boolean {
    return this.foregroundInFlight === 0 || this.backgroundRunning < this.options.backgroundWhileBusy;
  }

  /** Resolves with the slot already taken, so admitting several at once cannot overshoot. */
  private queue(): Promise<void> {
    const since = performance.now();
    this.stats.delayed++;
    return new Promise((resolve) => {
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(waiter.timer);
          this.backgroundRunning++;
          this.stats.waitedMs += performance.now() - since;
          resolve();
        },
      };
      waiter.timer = setTimeout(() => {
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
        waiter.admit();
      }, this.options.maxWaitMs);
      waiter.timer.unref();
      this.waiting.push(waiter);
    });
  }

  private admitWaiting(): void {
    while (this.waiting.length > 0 && this.slotOpen()) this.waiting.shift()?.admit();
  }
}
