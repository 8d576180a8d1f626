/**
 * The durable record of the local Step Functions engine. Everything the engine acknowledges is
 * written here first; after a restart, unfinished executions are replayed from it.
 * Instants are ISO 8601 strings; JSON documents are stored as JSON text.
 */

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT';

export interface ExecutionRecord {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  /** JSON text, exactly as given to StartExecution. */
  readonly input: string;
  readonly status: ExecutionStatus;
  readonly startDate: string;
  readonly stopDate?: string;
  /** JSON text. */
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  /** State transitions of the run that finished the execution. */
  readonly transitions?: number;
  /** Hash of the definition the execution started with (replay warns when it changed). */
  readonly definitionHash: string;
}

export interface ExecutionClose {
  readonly status: Exclude<ExecutionStatus, 'RUNNING'>;
  readonly stopDate: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  readonly transitions?: number;
}

export type TaskOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: string; readonly cause: string };

/** The result of one Task invocation (a Lambda result, or the failure to invoke a callback task). */
export interface TaskResultRecord {
  readonly executionArn: string;
  readonly taskKey: string;
  readonly stateName: string;
  readonly outcome: TaskOutcome;
  readonly recordedAt: string;
}

export type TokenStatus = 'WAITING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';

/** A callback task's token: issued before its handler runs, closed by the first callback or timeout. */
export interface TokenRecord {
  readonly token: string;
  readonly executionArn: string;
  readonly taskKey: string;
  readonly stateName: string;
  readonly issuedAt: string;
  /** Set once the handler returned; a replay does not invoke it again. */
  readonly invokedAt?: string;
  readonly deadline?: string;
  readonly heartbeatSeconds?: number;
  readonly heartbeatDeadline?: string;
  readonly lastHeartbeatAt?: string;
  readonly status: TokenStatus;
  /** SUCCEEDED: JSON text given to SendTaskSuccess. */
  readonly output?: string;
  /** FAILED / TIMED_OUT: the error name the task fails with, and its cause. */
  readonly error?: string;
  readonly cause?: string;
  readonly closedAt?: string;
}

export interface TokenClose {
  readonly status: Exclude<TokenStatus, 'WAITING'>;
  readonly closedAt: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
}

/** Why a token could not be closed or heartbeated. */
export type TokenRefusal = 'missing' | 'closed' | 'execution_closed';

export type TokenUpdate = { readonly ok: true } | { readonly ok: false; readonly reason: TokenRefusal };

export interface ExecutionFilter {
  readonly stateMachineArn?: string;
  readonly status?: ExecutionStatus;
}

export interface Journal {
  /** Creates the record unless the ARN exists; then returns the existing record and writes nothing. */
  createExecution(record: ExecutionRecord): Promise<ExecutionRecord | undefined>;
  getExecution(executionArn: string): Promise<ExecutionRecord | undefined>;
  /** Closes a RUNNING execution; false when it was not RUNNING (someone else closed it). */
  closeExecution(executionArn: string, close: ExecutionClose): Promise<boolean>;
  listExecutions(filter?: ExecutionFilter): Promise<ExecutionRecord[]>;

  /** First write wins; returns the stored record. */
  putTaskResult(record: TaskResultRecord): Promise<TaskResultRecord>;
  listTaskResults(executionArn: string): Promise<TaskResultRecord[]>;

  /** First write wins; returns the stored record. */
  issueToken(record: TokenRecord): Promise<TokenRecord>;
  getToken(token: string): Promise<TokenRecord | undefined>;
  markTokenInvoked(token: string, invokedAt: string): Promise<void>;
  /** Records a heartbeat (and moves its deadline, if any) on a WAITING token whose execution is RUNNING. */
  heartbeatToken(token: string, at: string, heartbeatDeadline?: string): Promise<TokenUpdate>;
  /**
   * Closes a WAITING token whose execution is RUNNING (atomically with that check). The caller
   * that knows the token's execution (a wait in memory) names it, which spares reading the token
   * first; the answer is the same either way.
   */
  closeToken(token: string, close: TokenClose, executionArn?: string): Promise<TokenUpdate>;
}

export { DynamoJournal } from './dynamo-journal.js';
export { MemoryJournal } from './memory-journal.js';
