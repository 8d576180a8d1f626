import type { TokenRecord } from './journal.js';
import { parseJson } from './json.js';

/**
 * Callback tasks in memory: one wait per token, opened before the engine reads or writes the
 * token's journal record, so a callback that lands in between still reaches the task.
 */

export type TimeoutName = 'States.Timeout' | 'States.HeartbeatTimeout';

export type CallbackOutcome =
  | { readonly kind: 'success'; readonly output: unknown }
  | { readonly kind: 'failure'; readonly error: string; readonly cause: string }
  | { readonly kind: 'timeout'; readonly error: TimeoutName; readonly cause: string }
  | { readonly kind: 'halted' };

export class CallbackWait {
  readonly promise: Promise<CallbackOutcome>;
  deadline: Date | undefined;
  heartbeatDeadline: Date | undefined;
  heartbeatSeconds: number | undefined;
  private resolve: (outcome: CallbackOutcome) => void = () => {};
  private done = false;

  constructor(
    readonly token: string,
    readonly executionArn: string,
  ) {
    this.promise = new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  get settled(): boolean {
    return this.done;
  }

  /** First outcome wins, as the journal's conditional close does. */
  settle(outcome: CallbackOutcome): void {
    if (this.done) return;
    this.done = true;
    this.resolve(outcome);
  }

  track(record: TokenRecord): void {
    this.deadline = record.deadline ? new Date(record.deadline) : undefined;
    this.heartbeatDeadline = record.heartbeatDeadline ? new Date(record.heartbeatDeadline) : undefined;
    this.heartbeatSeconds = record.heartbeatSeconds;
  }

  /** Which timeout has expired at `now`, if any (the task timeout wins a tie). */
  expired(now: Date): TimeoutName | undefined {
    if (this.deadline && now >= this.deadline) return 'States.Timeout';
    if (this.heartbeatDeadline && now >= this.heartbeatDeadline) return 'States.HeartbeatTimeout';
    return undefined;
  }
}

export class CallbackWaits {
  private readonly waits = new Map<string, CallbackWait>();

  open(token: string, executionArn: string): CallbackWait {
    const wait = new CallbackWait(token, executionArn);
    this.waits.set(token, wait);
    return wait;
  }

  get(token: string): CallbackWait | undefined {
    return this.waits.get(token);
  }

  release(wait: CallbackWait): void {
    if (this.waits.get(wait.token) === wait) this.waits.delete(wait.token);
  }

  all(): CallbackWait[] {
    return [...this.waits.values()];
  }

  ofExecution(executionArn: string): CallbackWait[] {
    return this.all().filter((wait) => wait.executionArn === executionArn);
  }
}

/** The outcome a closed token record stands for (undefined while it is WAITING). */
export function outcomeOfToken(record: TokenRecord): CallbackOutcome | undefined {
  switch (record.status) {
    case 'WAITING':
      return undefined;
    case 'SUCCEEDED': {
      const parsed = parseJson(record.output ?? 'null');
      return { kind: 'success', output: parsed.ok ? parsed.value : null };
    }
    case 'FAILED':
      return { kind: 'failure', error: record.error ?? '', cause: record.cause ?? '' };
    case 'TIMED_OUT':
      return {
        kind: 'timeout',
        error: record.error === 'States.HeartbeatTimeout' ? 'States.HeartbeatTimeout' : 'States.Timeout',
        cause: record.cause ?? '',
      };
  }
}
