import { ExecutionError, type RunOptions, type StateMachine } from 'aws-local-stepfunctions';
import type { CallbackWaits } from './callback-waits.js';
import type { ParsedDefinition } from './definition.js';
import { RunHalted } from './errors.js';
import type { ExecutionClose, ExecutionRecord, ExecutionStatus, Journal, TaskOutcome } from './journal.js';
import { type LibraryEvent, RunActivity } from './run-activity.js';
import { createTaskHandlers } from './task-handlers.js';
import { OccurrenceCounter, TOKEN_SENTINEL } from './task-identity.js';

/** What every run shares with the engine that started it. */
export interface EngineContext {
  readonly journal: Journal;
  readonly invokeFunction: (functionName: string, payload: unknown) => Promise<unknown>;
  readonly now: () => Date;
  readonly log: (msg: string, data?: object) => void;
  readonly waits: CallbackWaits;
  readonly accountId: string;
}

export interface RegisteredMachine {
  readonly name: string;
  readonly arn: string;
  readonly parsed: ParsedDefinition;
  readonly library: StateMachine;
}

type LocalHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
export type LibraryJson = Parameters<LocalHandlers[string]>[0];

/**
 * Why a run stopped before its workflow ended. Only `stopped` and `timed_out` close the journalled
 * execution (their callers do it); after `closed` or `fault` it stays RUNNING and is replayed.
 */
export type HaltReason = 'closed' | 'stopped' | 'timed_out' | 'fault';

/**
 * One run of one execution through the library: a fresh start, or a replay of an unfinished
 * execution from its journal after a restart.
 */
export class ExecutionRun {
  readonly activity: RunActivity;
  readonly occurrences = new OccurrenceCounter();
  /** Handed to the library by reference: replayed failures retry without sleeping again. */
  readonly retryIntervalOverrides: Record<string, number> = {};
  readonly journalled = new Map<string, TaskOutcome>();
  /** Journal reads/writes and handler invocations in progress (the startup read counts as one). */
  activeOps = 1;
  /** Callback tasks waiting for SendTask*. */
  waiting = 0;
  invocations = 0;
  done = false;
  finalStatus: ExecutionStatus | undefined;
  readonly finished: Promise<void>;
  private haltReason: HaltReason | undefined;
  private abortLibrary: () => void = () => {};
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(
    readonly record: ExecutionRecord,
    readonly machine: RegisteredMachine,
    readonly engine: EngineContext,
    /** A run of an execution journalled before (after a restart), not a fresh start. */
    readonly replay: boolean,
  ) {
    this.activity = new RunActivity(machine.parsed);
    this.finished = this.execute(replay)
      .catch((error: unknown) =>
        this.engine.log('local-sfn: run crashed', { executionArn: this.arn, error: errorText(error) }),
      )
      .finally(() => {
        this.done = true;
      });
  }

  get arn(): string {
    return this.record.executionArn;
  }

  get halted(): boolean {
    return this.haltReason !== undefined;
  }

  get status(): ExecutionStatus {
    if (this.finalStatus) return this.finalStatus;
    if (this.haltReason === 'stopped') return 'ABORTED';
    if (this.haltReason === 'timed_out') return 'TIMED_OUT';
    return 'RUNNING';
  }

  /** Finished, or every path through it is parked on a callback wait. */
  isSettled(): boolean {
    return this.done || (this.waiting > 0 && this.activeOps === 0 && this.activity.quiet);
  }

  halt(reason: HaltReason): void {
    if (this.haltReason || this.done) return;
    this.haltReason = reason;
    this.abortLibrary();
    for (const wait of this.engine.waits.ofExecution(this.arn)) wait.settle({ kind: 'halted' });
  }

  assertLive(): void {
    if (this.haltReason) throw new RunHalted(`The run of ${this.arn} was stopped (${this.haltReason})`);
  }

  /** Counts an operation as activity (for whenIdle) and lets close() wait for it. */
  async track<T>(operation: () => Promise<T>): Promise<T> {
    this.activeOps++;
    const promise = operation();
    this.inflight.add(promise);
    try {
      return await promise;
    } finally {
      this.inflight.delete(promise);
      this.activeOps--;
    }
  }

  /** A journal failure is the engine's, not the workflow's: stop the run and leave it RUNNING. */
  async journalCall<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      this.engine.log('local-sfn: journal write failed; the execution will be replayed', {
        executionArn: this.arn,
        error: errorText(error),
      });
      this.halt('fault');
      throw new RunHalted(`The journal failed during ${this.arn}`);
    }
  }

  /** The library sleeps its Retry backoff after a failure; a replayed failure already slept it. */
  backoff(stateName: string, replayed: boolean): void {
    if (replayed) this.retryIntervalOverrides[stateName] = 0;
    else delete this.retryIntervalOverrides[stateName];
  }

  async drainInflight(limitMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, limitMs);
    });
    await Promise.race([Promise.allSettled([...this.inflight]), limit]);
    clearTimeout(timer);
  }

  private async execute(replay: boolean): Promise<void> {
    try {
      if (replay) {
        const results = await this.engine.journal.listTaskResults(this.arn);
        for (const result of results) this.journalled.set(result.taskKey, result.outcome);
      }
    } catch (error) {
      this.engine.log('local-sfn: could not read the journal; the execution stays RUNNING', {
        executionArn: this.arn,
        error: errorText(error),
      });
      this.haltReason = 'fault';
      return;
    } finally {
      this.activeOps--;
    }
    if (this.haltReason) return;

    const input = JSON.parse(this.record.input) as LibraryJson;
    const execution = this.machine.library.run(input, {
      overrides: {
        taskResourceLocalHandlers: createTaskHandlers(this),
        retryIntervalOverrides: this.retryIntervalOverrides,
      },
      context: this.context(),
      noThrowOnAbort: true,
    });
    this.abortLibrary = execution.abort;
    const followed = this.follow(execution.eventLogs);

    let close: Omit<ExecutionClose, 'stopDate'>;
    try {
      const output = await execution.result;
      close = { status: 'SUCCEEDED', output: JSON.stringify(output) };
    } catch (error) {
      const cause: unknown = error instanceof ExecutionError ? error.cause : error;
      close =
        cause instanceof Error
          ? { status: 'FAILED', error: cause.name, cause: cause.message }
          : { status: 'FAILED', error: 'States.Runtime', cause: String(cause) };
    }
    await followed;
    if (this.haltReason) return;

    const closed = await this.journalCall(() =>
      this.engine.journal.closeExecution(this.arn, {
        ...close,
        stopDate: this.engine.now().toISOString(),
        transitions: this.activity.transitions,
      }),
    ).catch(() => false);
    if (closed) this.finalStatus = close.status;
  }

  private async follow(events: AsyncGenerator<LibraryEvent>): Promise<void> {
    for await (const event of events) this.activity.onEvent(event);
  }

  /**
   * The library copies this object shallowly at each run, so `Task` keeps its identity; its token
   * is a constant sentinel that the Task handler swaps for the real token.
   */
  private context(): NonNullable<RunOptions['context']> {
    return {
      Execution: {
        Id: this.arn,
        Name: this.record.name,
        RoleArn: `arn:aws:iam::${this.engine.accountId}:role/aidflow-local-step-functions`,
        StartTime: this.record.startDate,
        RedriveCount: 0,
      },
      StateMachine: { Id: this.machine.arn, Name: this.machine.name },
      Task: { Token: TOKEN_SENTINEL },
    };
  }
}

const errorText = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
