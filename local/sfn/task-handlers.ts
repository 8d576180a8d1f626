import { outcomeOfToken } from './callback-waits.js';
import type { TaskSpec } from './definition.js';
import { lambdaFailure, RunHalted, TaskFailure } from './errors.js';
import type { ExecutionRun, LibraryJson } from './execution-run.js';
import type { TaskOutcome, TokenRecord } from './journal.js';
import { isRecord, jsonRoundTrip, replaceInStrings } from './json.js';
import { timeoutError } from './library-timeout.js';
import { inputHash, TOKEN_SENTINEL, taskKey, taskToken } from './task-identity.js';

type TaskHandler = (input: LibraryJson) => Promise<LibraryJson>;

/**
 * The library's local handler for every Task state of a machine (nested branches included: the
 * library hands the same overrides to Parallel branches and Map iterations, keyed by state name).
 * Each handler receives the Task's effective input, after InputPath and Parameters.
 */
export function createTaskHandlers(run: ExecutionRun): Record<string, TaskHandler> {
  const handlers: Record<string, TaskHandler> = {};
  for (const spec of run.machine.parsed.tasks.values()) {
    handlers[spec.stateName] = (input) => runTask(run, spec, input);
  }
  return handlers;
}

async function runTask(run: ExecutionRun, spec: TaskSpec, input: LibraryJson): Promise<LibraryJson> {
  run.assertLive();
  const hash = inputHash(input);
  const key = taskKey(spec.stateName, hash, run.occurrences.next(spec.stateName, hash));
  try {
    const result =
      spec.kind === 'callback'
        ? await callbackTask(run, spec, key, input)
        : await invokeTask(run, spec, key, input);
    return result as LibraryJson;
  } catch (error) {
    if (run.halted && !(error instanceof RunHalted)) throw new RunHalted(`The run of ${run.arn} was stopped`);
    throw error;
  }
}

/** `lambda:invoke` (wrapped like AWS wraps it) and a plain Lambda ARN (the function's result as is). */
async function invokeTask(
  run: ExecutionRun,
  spec: TaskSpec,
  key: string,
  input: LibraryJson,
): Promise<unknown> {
  const replayed = run.journalled.get(key);
  const outcome = replayed ?? (await run.track(() => invokeAndJournal(run, spec, key, input)));
  if (!outcome.ok) {
    run.backoff(spec.stateName, replayed !== undefined);
    if (outcome.error === 'States.Timeout') throw await timeoutError('States.Timeout', outcome.cause);
    throw new TaskFailure(outcome.error, outcome.cause);
  }
  if (spec.kind === 'function') return outcome.value;
  return { ExecutedVersion: '$LATEST', Payload: outcome.value, StatusCode: 200 };
}

async function invokeAndJournal(
  run: ExecutionRun,
  spec: TaskSpec,
  key: string,
  input: LibraryJson,
): Promise<TaskOutcome> {
  const { engine } = run;
  const { functionName, payload } =
    spec.kind === 'invoke'
      ? lambdaInvokeParameters(spec, input)
      : { functionName: spec.resource, payload: input };
  run.invocations++;
  const started = performance.now();
  let outcome: TaskOutcome;
  try {
    outcome = { ok: true, value: jsonRoundTrip(await engine.invokeFunction(functionName, payload)) };
  } catch (error) {
    outcome = { ok: false, ...lambdaFailure(error) };
  }
  // The library's timer has already failed the state with States.Timeout; a replay must do the same.
  const limit = spec.libraryTimeoutSeconds;
  if (limit !== undefined && performance.now() - started >= limit * 1000) {
    outcome = {
      ok: false,
      error: 'States.Timeout',
      cause: `The task did not complete within ${limit} seconds`,
    };
  }
  const stored = await run.journalCall(() =>
    engine.journal.putTaskResult({
      executionArn: run.arn,
      taskKey: key,
      stateName: spec.stateName,
      outcome,
      recordedAt: engine.now().toISOString(),
    }),
  );
  return stored.outcome;
}

/**
 * `lambda:invoke.waitForTaskToken`: issue the token, invoke the handler once (its result is
 * ignored, as in AWS), then wait for SendTaskSuccess/Failure or a timeout. On replay the token is
 * the same, and its journal record says whether to invoke, wait, or answer at once.
 */
async function callbackTask(
  run: ExecutionRun,
  spec: TaskSpec,
  key: string,
  input: LibraryJson,
): Promise<unknown> {
  const { engine } = run;
  const token = taskToken(run.arn, key);
  // Opened before any journal access, so a callback arriving meanwhile is not missed.
  const wait = engine.waits.open(token, run.arn);
  try {
    const invocationFailure = run.journalled.get(key);
    if (invocationFailure && !invocationFailure.ok) {
      run.backoff(spec.stateName, true);
      throw new TaskFailure(invocationFailure.error, invocationFailure.cause);
    }
    let replayed = false;
    await run.track(async () => {
      // A fresh run's tokens are new (the token names the execution and the task's occurrence):
      // issue at once. Only a replay may find its token journalled, with whatever happened to it.
      const record = run.replay
        ? ((await run.journalCall(() => engine.journal.getToken(token))) ??
          (await run.journalCall(() => engine.journal.issueToken(newToken(run, spec, key, token)))))
        : await run.journalCall(() => engine.journal.issueToken(newToken(run, spec, key, token)));
      wait.track(record);
      const closed = outcomeOfToken(record);
      if (closed) {
        replayed = true;
        wait.settle(closed);
        return;
      }
      if (record.invokedAt) return;
      const { functionName, payload } = lambdaInvokeParameters(
        spec,
        replaceInStrings(input, TOKEN_SENTINEL, token),
      );
      run.invocations++;
      try {
        await engine.invokeFunction(functionName, payload);
      } catch (error) {
        const failure = lambdaFailure(error);
        const closedAt = engine.now().toISOString();
        await run.journalCall(() =>
          engine.journal.putTaskResult({
            executionArn: run.arn,
            taskKey: key,
            stateName: spec.stateName,
            outcome: { ok: false, ...failure },
            recordedAt: closedAt,
          }),
        );
        await run.journalCall(() =>
          engine.journal.closeToken(token, { status: 'FAILED', closedAt, ...failure }, run.arn),
        );
        run.backoff(spec.stateName, false);
        throw new TaskFailure(failure.error, failure.cause);
      }
      await run.journalCall(() => engine.journal.markTokenInvoked(token, engine.now().toISOString()));
    });
    run.assertLive();

    run.waiting++;
    const outcome = await wait.promise.finally(() => {
      run.waiting--;
    });
    switch (outcome.kind) {
      case 'success':
        return outcome.output;
      case 'failure':
        run.backoff(spec.stateName, replayed);
        throw new TaskFailure(outcome.error, outcome.cause);
      case 'timeout':
        run.backoff(spec.stateName, replayed);
        throw await timeoutError(outcome.error, outcome.cause);
      case 'halted':
        throw new RunHalted(`The run of ${run.arn} was stopped`);
    }
  } finally {
    engine.waits.release(wait);
  }
}

function newToken(run: ExecutionRun, spec: TaskSpec, key: string, token: string): TokenRecord {
  const issuedAt = run.engine.now();
  const after = (seconds: number | undefined) =>
    seconds === undefined ? undefined : new Date(issuedAt.getTime() + seconds * 1000).toISOString();
  return {
    token,
    executionArn: run.arn,
    taskKey: key,
    stateName: spec.stateName,
    issuedAt: issuedAt.toISOString(),
    status: 'WAITING',
    ...(spec.timeoutSeconds === undefined ? {} : { deadline: after(spec.timeoutSeconds) }),
    ...(spec.heartbeatSeconds === undefined
      ? {}
      : { heartbeatSeconds: spec.heartbeatSeconds, heartbeatDeadline: after(spec.heartbeatSeconds) }),
  };
}

function lambdaInvokeParameters(spec: TaskSpec, input: unknown): { functionName: string; payload: unknown } {
  if (!isRecord(input) || typeof input.FunctionName !== 'string') {
    throw new TaskFailure('States.Runtime', `State "${spec.stateName}": Parameters must give a FunctionName`);
  }
  // Lambda hands a function invoked without a payload an empty event.
  return { functionName: input.FunctionName, payload: input.Payload ?? {} };
}
