import { randomUUID } from 'node:crypto';
import { localRegion } from '../dynamodb-local.js';
import { CallbackWaits } from './callback-waits.js';
import { parseDefinition } from './definition.js';
import { apiError, StepFunctionsApiError } from './errors.js';
import { type EngineContext, ExecutionRun, type RegisteredMachine } from './execution-run.js';
import type { ExecutionRecord, ExecutionStatus, Journal, TokenUpdate } from './journal.js';
import { parseJson } from './json.js';
import { loadLibraryMachine } from './library-machine.js';
import { libraryTimeoutErrorClass } from './library-timeout.js';

export interface LocalStepFunctionsOptions {
  readonly journal: Journal;
  /** Invokes the in-process handler behind a FunctionName (an ARN or a name, as the ASL carries it). */
  readonly invokeFunction: (functionName: string, payload: unknown) => Promise<unknown>;
  readonly now?: () => Date;
  readonly region?: string;
  readonly accountId?: string;
  readonly log?: (msg: string, data?: object) => void;
  /**
   * Check definitions with asl-validator at registration (default true). It costs about 0.7 s per
   * distinct definition (cached per process); unit tests of engine behaviour may turn it off.
   */
  readonly aslValidation?: boolean;
}

export interface StartExecutionInput {
  readonly stateMachineArn: string;
  readonly name?: string;
  /** JSON text, as in the StartExecution API; defaults to "{}". */
  readonly input?: string;
}

export interface StartExecutionOutput {
  readonly executionArn: string;
  readonly startDate: Date;
}

/** The DescribeExecution response. */
export interface ExecutionDescription {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly startDate: Date;
  readonly stopDate?: Date;
  readonly input: string;
  readonly inputDetails: { readonly included: true };
  readonly output?: string;
  readonly outputDetails?: { readonly included: true };
  readonly error?: string;
  readonly cause?: string;
  readonly redriveCount: 0;
}

export interface ExecutionListItem {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly startDate: Date;
  readonly stopDate?: Date;
}

export interface ListExecutionsInput {
  readonly stateMachineArn: string;
  readonly statusFilter?: ExecutionStatus;
  readonly maxResults?: number;
  readonly nextToken?: string;
}

export interface EngineStats {
  /** Executions run by this engine instance (started or recovered). */
  readonly executions: number;
  readonly byStatus: Readonly<Record<ExecutionStatus, number>>;
  readonly transitions: number;
  readonly invocations: number;
  readonly waitingCallbacks: number;
}

const FORBIDDEN_IN_NAMES = new Set([...' <>{}[]?*"#%\\^|~`$&,;:/']);

/** AWS's rule for state machine and execution names: 1–80 characters, no whitespace, wildcards or controls. */
function validName(name: unknown): name is string {
  if (typeof name !== 'string' || name.length < 1 || name.length > 80) return false;
  return [...name].every((char) => {
    const code = char.codePointAt(0) ?? 0;
    return (
      code > 0x1f && !(code >= 0x7f && code <= 0x9f) && !/\s/.test(char) && !FORBIDDEN_IN_NAMES.has(char)
    );
  });
}
const IDLE_POLL_MS = 2;
const CLOSE_DRAIN_MS = 5_000;

/**
 * Step Functions on one machine: aws-local-stepfunctions runs the states, this engine adds what it
 * lacks — callback tasks, durable executions replayed after a restart, timeouts on an injectable
 * clock, and the Step Functions API semantics (idempotent StartExecution, task token errors).
 */
export class LocalStepFunctions {
  private readonly context: EngineContext;
  private readonly region: string;
  private readonly aslValidation: boolean;
  private readonly machines = new Map<string, RegisteredMachine>();
  private readonly runs = new Map<string, ExecutionRun>();
  private readonly waits = new CallbackWaits();
  private closed = false;

  constructor(options: LocalStepFunctionsOptions) {
    this.region = options.region ?? localRegion;
    this.aslValidation = options.aslValidation ?? true;
    this.context = {
      journal: options.journal,
      invokeFunction: options.invokeFunction,
      now: options.now ?? (() => new Date()),
      log: options.log ?? (() => {}),
      waits: this.waits,
      accountId: options.accountId ?? '123456789012',
    };
    // Resolved ahead of the first timeout; a failure surfaces when a timeout is raised.
    libraryTimeoutErrorClass().catch(() => {});
  }

  private get journal(): Journal {
    return this.context.journal;
  }

  private now(): Date {
    return this.context.now();
  }

  stateMachineArn(name: string): string {
    return `arn:aws:states:${this.region}:${this.context.accountId}:stateMachine:${name}`;
  }

  /** Validates and loads a definition (JSONPath only; see definition.ts for what is refused). */
  registerStateMachine(name: string, definition: unknown): string {
    if (!validName(name)) throw apiError('InvalidName', `Invalid state machine name: ${name}`);
    const parsed = parseDefinition(definition);
    const library = loadLibraryMachine(parsed.runnable, { validate: this.aslValidation });
    const arn = this.stateMachineArn(name);
    this.machines.set(arn, { name, arn, parsed, library });
    return arn;
  }

  async startExecution(request: StartExecutionInput): Promise<StartExecutionOutput> {
    this.assertOpen();
    const machine = this.machine(request.stateMachineArn);
    const name = request.name ?? randomUUID();
    if (!validName(name)) throw apiError('InvalidName', `Invalid execution name: ${name}`);
    const input = request.input ?? '{}';
    if (!parseJson(input).ok)
      throw apiError('InvalidExecutionInput', 'The execution input is not valid JSON');

    const executionArn = `arn:aws:states:${this.region}:${this.context.accountId}:execution:${machine.name}:${name}`;
    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn: machine.arn,
      name,
      input,
      status: 'RUNNING',
      startDate: this.now().toISOString(),
      definitionHash: machine.parsed.hash,
    };
    const existing = await this.journal.createExecution(record);
    if (existing) {
      // AWS: the same name and input while the execution runs is the same request; anything else is a clash.
      if (existing.status === 'RUNNING' && existing.input === input) {
        return { executionArn, startDate: new Date(existing.startDate) };
      }
      throw apiError('ExecutionAlreadyExists', `Execution already exists: '${executionArn}'`);
    }
    this.launch(record, machine, false);
    return { executionArn, startDate: new Date(record.startDate) };
  }

  async describeExecution(executionArn: string): Promise<ExecutionDescription> {
    const record = await this.execution(executionArn);
    return {
      executionArn: record.executionArn,
      stateMachineArn: record.stateMachineArn,
      name: record.name,
      status: record.status,
      startDate: new Date(record.startDate),
      ...(record.stopDate ? { stopDate: new Date(record.stopDate) } : {}),
      input: record.input,
      inputDetails: { included: true },
      ...(record.output === undefined ? {} : { output: record.output, outputDetails: { included: true } }),
      ...(record.error ? { error: record.error } : {}),
      ...(record.cause ? { cause: record.cause } : {}),
      redriveCount: 0,
    };
  }

  /** Most recent first, like AWS; `nextToken` is opaque. */
  async listExecutions(
    request: ListExecutionsInput,
  ): Promise<{ executions: ExecutionListItem[]; nextToken?: string }> {
    this.machine(request.stateMachineArn);
    const records = await this.journal.listExecutions({
      stateMachineArn: request.stateMachineArn,
      ...(request.statusFilter ? { status: request.statusFilter } : {}),
    });
    records.sort((a, b) => b.startDate.localeCompare(a.startDate) || a.name.localeCompare(b.name));
    const offset = request.nextToken ? Number(Buffer.from(request.nextToken, 'base64url').toString()) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw apiError('ValidationException', 'Invalid nextToken');
    const size = request.maxResults && request.maxResults > 0 ? Math.min(request.maxResults, 1000) : 100;
    const page = records.slice(offset, offset + size);
    const executions = page.map((record) => ({
      executionArn: record.executionArn,
      stateMachineArn: record.stateMachineArn,
      name: record.name,
      status: record.status,
      startDate: new Date(record.startDate),
      ...(record.stopDate ? { stopDate: new Date(record.stopDate) } : {}),
    }));
    const next =
      offset + size < records.length ? Buffer.from(String(offset + size)).toString('base64url') : undefined;
    return next ? { executions, nextToken: next } : { executions };
  }

  async stopExecution(
    executionArn: string,
    options: { error?: string; cause?: string } = {},
  ): Promise<{ stopDate: Date }> {
    const record = await this.execution(executionArn);
    if (record.status !== 'RUNNING') return { stopDate: new Date(record.stopDate ?? record.startDate) };
    const stopDate = this.now();
    const run = this.liveRun(executionArn);
    const closed = await this.journal.closeExecution(executionArn, {
      status: 'ABORTED',
      stopDate: stopDate.toISOString(),
      ...(options.error === undefined ? {} : { error: options.error }),
      ...(options.cause === undefined ? {} : { cause: options.cause }),
      ...(run ? { transitions: run.activity.transitions } : {}),
    });
    if (!closed) {
      const current = await this.execution(executionArn);
      return { stopDate: new Date(current.stopDate ?? stopDate) };
    }
    run?.halt('stopped');
    return { stopDate };
  }

  async sendTaskSuccess(taskToken: string, output: string): Promise<void> {
    requireToken(taskToken);
    if (typeof output !== 'string') throw apiError('ValidationException', 'output is required');
    const parsed = parseJson(output);
    if (!parsed.ok) throw apiError('InvalidOutput', 'The output is not valid JSON');
    const update = await this.journal.closeToken(
      taskToken,
      { status: 'SUCCEEDED', closedAt: this.now().toISOString(), output },
      this.waits.get(taskToken)?.executionArn,
    );
    refuseUnless(update);
    this.waits.get(taskToken)?.settle({ kind: 'success', output: parsed.value });
  }

  /** Without `error` the task fails with an empty error name (AWS leaves it null). */
  async sendTaskFailure(taskToken: string, error?: string, cause?: string): Promise<void> {
    requireToken(taskToken);
    const update = await this.journal.closeToken(
      taskToken,
      { status: 'FAILED', closedAt: this.now().toISOString(), error: error ?? '', cause: cause ?? '' },
      this.waits.get(taskToken)?.executionArn,
    );
    refuseUnless(update);
    this.waits.get(taskToken)?.settle({ kind: 'failure', error: error ?? '', cause: cause ?? '' });
  }

  async sendTaskHeartbeat(taskToken: string): Promise<void> {
    requireToken(taskToken);
    const record = await this.journal.getToken(taskToken);
    if (!record) return refuseUnless({ ok: false, reason: 'missing' });
    const now = this.now();
    const seconds = record.heartbeatSeconds;
    const deadline = seconds === undefined ? undefined : new Date(now.getTime() + seconds * 1000);
    const wait = this.waits.get(taskToken);
    // Moved before the write, so a checkTimeouts() running meanwhile does not expire the task.
    if (wait && deadline) wait.heartbeatDeadline = deadline;
    refuseUnless(await this.journal.heartbeatToken(taskToken, now.toISOString(), deadline?.toISOString()));
  }

  /**
   * Fails every callback wait whose TimeoutSeconds or HeartbeatSeconds has passed at `now()`, and
   * times out executions past the machine's TimeoutSeconds. Returns how many it ended.
   */
  async checkTimeouts(): Promise<number> {
    const now = this.now();
    let ended = 0;
    for (const wait of this.waits.all()) {
      const expired = wait.settled ? undefined : wait.expired(now);
      if (!expired) continue;
      const cause =
        expired === 'States.Timeout'
          ? 'The task did not complete within its TimeoutSeconds'
          : 'The task sent no heartbeat within its HeartbeatSeconds';
      const update = await this.journal.closeToken(
        wait.token,
        { status: 'TIMED_OUT', closedAt: now.toISOString(), error: expired, cause },
        wait.executionArn,
      );
      if (!update.ok) continue;
      wait.settle({ kind: 'timeout', error: expired, cause });
      ended++;
    }
    for (const run of this.runs.values()) {
      const limit = run.machine.parsed.timeoutSeconds;
      if (run.done || run.halted || limit === undefined) continue;
      if (now.getTime() < new Date(run.record.startDate).getTime() + limit * 1000) continue;
      const closed = await this.journal.closeExecution(run.arn, {
        status: 'TIMED_OUT',
        stopDate: now.toISOString(),
        transitions: run.activity.transitions,
      });
      if (closed) {
        run.halt('timed_out');
        ended++;
      }
    }
    return ended;
  }

  /**
   * Runs every journalled RUNNING execution again from its start; Task results in the journal are
   * replayed, not re-invoked. Call once at startup, after registering the state machines.
   */
  async recover(): Promise<string[]> {
    this.assertOpen();
    const resumed: string[] = [];
    for (const record of await this.journal.listExecutions({ status: 'RUNNING' })) {
      if (this.liveRun(record.executionArn)) continue;
      const machine = this.machines.get(record.stateMachineArn);
      if (!machine) {
        this.context.log('local-sfn: cannot resume an execution of an unregistered state machine', {
          executionArn: record.executionArn,
        });
        continue;
      }
      if (machine.parsed.hash !== record.definitionHash) {
        this.context.log('local-sfn: the definition changed since this execution started; replaying anyway', {
          executionArn: record.executionArn,
        });
      }
      this.launch(record, machine, true);
      resumed.push(record.executionArn);
    }
    return resumed;
  }

  /** State transitions of an execution (live count while it runs here, else the journalled one). */
  async transitions(executionArn: string): Promise<number> {
    const run = this.runs.get(executionArn);
    if (run) return run.activity.transitions;
    return (await this.execution(executionArn)).transitions ?? 0;
  }

  stats(): EngineStats {
    const byStatus: Record<ExecutionStatus, number> = {
      RUNNING: 0,
      SUCCEEDED: 0,
      FAILED: 0,
      ABORTED: 0,
      TIMED_OUT: 0,
    };
    let transitions = 0;
    let invocations = 0;
    for (const run of this.runs.values()) {
      byStatus[run.status]++;
      transitions += run.activity.transitions;
      invocations += run.invocations;
    }
    return {
      executions: this.runs.size,
      byStatus,
      transitions,
      invocations,
      waitingCallbacks: this.waits.all().filter((wait) => !wait.settled).length,
    };
  }

  /** Resolves once every execution in memory has finished or waits only for callbacks. */
  async whenIdle(): Promise<void> {
    let calmRounds = 0;
    let lastProgress = -1;
    while (calmRounds < 2) {
      await macrotask();
      const progress = [...this.runs.values()].reduce(
        (sum, run) => sum + run.activity.events + run.invocations,
        0,
      );
      const settled = [...this.runs.values()].every((run) => run.isSettled());
      calmRounds = settled && progress === lastProgress ? calmRounds + 1 : 0;
      lastProgress = progress;
      if (!settled) await delay(IDLE_POLL_MS);
    }
  }

  /** Stops every run in memory without touching the journal, so the next recover() resumes them. */
  async close(): Promise<void> {
    this.closed = true;
    const runs = [...this.runs.values()];
    for (const run of runs) run.halt('closed');
    await Promise.all(runs.map((run) => run.finished));
    await Promise.all(runs.map((run) => run.drainInflight(CLOSE_DRAIN_MS)));
  }

  private launch(record: ExecutionRecord, machine: RegisteredMachine, replay: boolean): void {
    this.runs.set(record.executionArn, new ExecutionRun(record, machine, this.context, replay));
  }

  private liveRun(executionArn: string): ExecutionRun | undefined {
    const run = this.runs.get(executionArn);
    return run && !run.done && !run.halted ? run : undefined;
  }

  private machine(stateMachineArn: string): RegisteredMachine {
    if (typeof stateMachineArn !== 'string' || !stateMachineArn.startsWith('arn:aws:states:')) {
      throw apiError('InvalidArn', `Invalid Arn: '${String(stateMachineArn)}'`);
    }
    const machine = this.machines.get(stateMachineArn);
    if (!machine)
      throw apiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    return machine;
  }

  private async execution(executionArn: string): Promise<ExecutionRecord> {
    if (typeof executionArn !== 'string' || !executionArn.startsWith('arn:aws:states:')) {
      throw apiError('InvalidArn', `Invalid Arn: '${String(executionArn)}'`);
    }
    const record = await this.journal.getExecution(executionArn);
    if (!record) throw apiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return record;
  }

  private assertOpen(): void {
    if (this.closed) throw apiError('ServiceUnavailable', 'The local Step Functions engine is closed');
  }
}

function requireToken(taskToken: unknown): asserts taskToken is string {
  if (typeof taskToken !== 'string' || taskToken.length === 0 || taskToken.length > 2048) {
    throw apiError('ValidationException', 'taskToken must be a string of 1 to 2048 characters');
  }
}

/**
 * AWS answers TaskDoesNotExist for a token it never issued, and TaskTimedOut ("Provided task does
 * not exist anymore") for one whose task is over: answered, timed out, or its execution ended.
 */
function refuseUnless(update: TokenUpdate): void {
  if (update.ok) return;
  if (update.reason === 'missing') throw apiError('TaskDoesNotExist', 'Task Does Not Exist');
  throw apiError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
}

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export { StepFunctionsApiError };
