import { createHash } from 'node:crypto';
import { apiError } from './errors.js';
import { canonicalJson, isRecord, type JsonRecord } from './json.js';

/**
 * Reads an ASL definition once at registration: refuses what the local engine cannot run the way
 * AWS does, describes every Task and retrier, and derives the definition handed to
 * aws-local-stepfunctions (with the timeouts we enforce ourselves taken out of its hands).
 */

export const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
export const LAMBDA_INVOKE_CALLBACK = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const LAMBDA_FUNCTION_ARN =
  /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?$/;

/**
 * The library arms a Node timer of TimeoutSeconds for every Task; Node fires timers above
 * 2^31-1 ms at once, so nothing longer than this may reach it.
 */
export const MAX_TIMER_SECONDS = Math.floor((2 ** 31 - 1) / 1000);
const LIBRARY_DEFAULT_TASK_TIMEOUT_SECONDS = 60;

export type TaskKind = 'invoke' | 'callback' | 'function';

export interface TaskSpec {
  readonly stateName: string;
  readonly kind: TaskKind;
  /** For `function` tasks, the Lambda ARN in Resource. */
  readonly resource: string;
  /** Callback tasks only: enforced by the engine against its clock. */
  readonly timeoutSeconds?: number;
  readonly heartbeatSeconds?: number;
  /**
   * Other tasks: the timeout the library enforces with a timer (undefined when it comes from
   * TimeoutSecondsPath), so the journal can record a late result as the timeout the run saw.
   */
  readonly libraryTimeoutSeconds?: number;
}

export interface RetrierSpec {
  readonly errorEquals: readonly string[];
  readonly maxAttempts: number;
}

export interface StateSpec {
  readonly type: string;
  readonly retry: readonly RetrierSpec[];
}

export interface ParsedDefinition {
  /** Definition for the library: callback timeouts, heartbeats and the execution timeout removed. */
  readonly runnable: JsonRecord;
  readonly tasks: ReadonlyMap<string, TaskSpec>;
  readonly states: ReadonlyMap<string, StateSpec>;
  /** Parallel/Map state name → every state nested inside it, at any depth. */
  readonly nested: ReadonlyMap<string, ReadonlySet<string>>;
  readonly timeoutSeconds?: number;
  readonly hash: string;
}

const refuse = (where: string, what: string) =>
  apiError('InvalidDefinition', `${where}: ${what} is not supported by the local Step Functions engine`);

export function parseDefinition(definition: unknown): ParsedDefinition {
  if (!isRecord(definition)) throw apiError('InvalidDefinition', 'The definition must be a JSON object');
  if (definition.QueryLanguage === 'JSONata') {
    throw refuse('The state machine (top level)', 'QueryLanguage "JSONata"');
  }
  const runnable = structuredClone(definition);
  const tasks = new Map<string, TaskSpec>();
  const states = new Map<string, StateSpec>();
  const nested = new Map<string, Set<string>>();
  walkMachine(runnable, { tasks, states, nested, ancestors: [] });
  const timeoutSeconds = positiveNumber(runnable.TimeoutSeconds);
  // The engine enforces the execution timeout against its clock and across restarts.
  delete runnable.TimeoutSeconds;
  return {
    runnable,
    tasks,
    states,
    nested,
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    hash: createHash('sha256').update(canonicalJson(definition)).digest('hex'),
  };
}

interface WalkContext {
  readonly tasks: Map<string, TaskSpec>;
  readonly states: Map<string, StateSpec>;
  readonly nested: Map<string, Set<string>>;
  readonly ancestors: readonly string[];
}

function walkMachine(machine: JsonRecord, context: WalkContext): void {
  if (!isRecord(machine.States)) throw apiError('InvalidDefinition', 'A state machine needs a States object');
  for (const [name, state] of Object.entries(machine.States)) {
    if (!isRecord(state)) throw apiError('InvalidDefinition', `State "${name}" must be an object`);
    walkState(name, state, context);
  }
}

function walkState(name: string, state: JsonRecord, context: WalkContext): void {
  const where = `State "${name}"`;
  if (context.states.has(name)) {
    // Overrides and journal keys go by state name, as do AWS's own rules on unique names.
    throw apiError('InvalidDefinition', `${where} is defined more than once`);
  }
  if (state.QueryLanguage === 'JSONata') throw refuse(where, 'QueryLanguage "JSONata"');
  for (const field of ['Assign', 'Arguments', 'Output']) {
    if (field in state) throw refuse(where, `"${field}" (variables / JSONata)`);
  }
  for (const list of [state.Catch, state.Choices]) {
    if (Array.isArray(list) && list.some((entry) => isRecord(entry) && 'Assign' in entry)) {
      throw refuse(where, '"Assign" (variables)');
    }
  }
  addHeartbeatTimeoutToTimeoutMatchers(state);
  context.states.set(name, { type: String(state.Type), retry: retriers(state.Retry) });
  for (const ancestor of context.ancestors) context.nested.get(ancestor)?.add(name);

  switch (state.Type) {
    case 'Task':
      context.tasks.set(name, taskSpec(name, state));
      adaptTaskTimeouts(state, context.tasks.get(name)?.kind === 'callback');
      break;
    case 'Parallel': {
      context.nested.set(name, new Set());
      const branches = Array.isArray(state.Branches) ? state.Branches : [];
      for (const branch of branches) {
        if (!isRecord(branch))
          throw apiError('InvalidDefinition', `${where} has a branch that is not an object`);
        walkMachine(branch, { ...context, ancestors: [...context.ancestors, name] });
      }
      break;
    }
    case 'Map': {
      for (const field of ['ItemReader', 'ResultWriter', 'ItemBatcher']) {
        if (field in state) throw refuse(where, `"${field}" (Distributed Map)`);
      }
      const processor = state.ItemProcessor ?? state.Iterator;
      if (!isRecord(processor)) throw apiError('InvalidDefinition', `${where} needs an ItemProcessor`);
      const config = processor.ProcessorConfig;
      if (isRecord(config) && config.Mode === 'DISTRIBUTED') {
        throw refuse(where, 'ItemProcessor.ProcessorConfig.Mode "DISTRIBUTED"');
      }
      context.nested.set(name, new Set());
      walkMachine(processor, { ...context, ancestors: [...context.ancestors, name] });
      break;
    }
    default:
      break;
  }
}

function taskSpec(name: string, state: JsonRecord): TaskSpec {
  const where = `State "${name}"`;
  const resource = typeof state.Resource === 'string' ? state.Resource : '';
  const libraryTimeoutSeconds =
    'TimeoutSecondsPath' in state ? undefined : libraryTimeout(state.TimeoutSeconds);
  const timed = libraryTimeoutSeconds === undefined ? {} : { libraryTimeoutSeconds };
  if (resource === LAMBDA_INVOKE) return { stateName: name, kind: 'invoke', resource, ...timed };
  if (LAMBDA_FUNCTION_ARN.test(resource)) return { stateName: name, kind: 'function', resource, ...timed };
  if (resource !== LAMBDA_INVOKE_CALLBACK) throw refuse(where, `Resource "${resource}"`);
  for (const field of ['TimeoutSecondsPath', 'HeartbeatSecondsPath']) {
    if (field in state) throw refuse(where, `"${field}" on a callback task`);
  }
  if (!JSON.stringify(state.Parameters ?? null).includes('$$.Task.Token')) {
    throw apiError(
      'InvalidDefinition',
      `${where}: a .waitForTaskToken task must pass $$.Task.Token in Parameters`,
    );
  }
  const timeoutSeconds = positiveNumber(state.TimeoutSeconds);
  const heartbeatSeconds = positiveNumber(state.HeartbeatSeconds);
  return {
    stateName: name,
    kind: 'callback',
    resource,
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    ...(heartbeatSeconds === undefined ? {} : { heartbeatSeconds }),
  };
}

function adaptTaskTimeouts(state: JsonRecord, callback: boolean): void {
  delete state.HeartbeatSeconds;
  if (callback) {
    // The engine enforces these against its clock; the library's timer must never win the race.
    state.TimeoutSeconds = MAX_TIMER_SECONDS;
    return;
  }
  const timeout = positiveNumber(state.TimeoutSeconds);
  if (timeout !== undefined && timeout > MAX_TIMER_SECONDS) state.TimeoutSeconds = MAX_TIMER_SECONDS;
}

/**
 * In AWS a missed heartbeat is a timeout: catchers of States.Timeout see it too. The library
 * matches names exactly, so those catchers and retriers also list States.HeartbeatTimeout.
 */
function addHeartbeatTimeoutToTimeoutMatchers(state: JsonRecord): void {
  for (const list of [state.Retry, state.Catch]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (!isRecord(entry) || !Array.isArray(entry.ErrorEquals)) continue;
      const names: unknown[] = entry.ErrorEquals;
      if (names.includes('States.Timeout') && !names.includes('States.HeartbeatTimeout')) {
        entry.ErrorEquals = [...names, 'States.HeartbeatTimeout'];
      }
    }
  }
}

function retriers(value: unknown): RetrierSpec[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((retrier) => ({
    errorEquals: Array.isArray(retrier.ErrorEquals)
      ? retrier.ErrorEquals.filter((name): name is string => typeof name === 'string')
      : [],
    maxAttempts: typeof retrier.MaxAttempts === 'number' ? retrier.MaxAttempts : 3,
  }));
}

/** What TaskStateAction arms its timer with (it defaults to 60 s). */
function libraryTimeout(timeoutSeconds: unknown): number {
  const seconds = positiveNumber(timeoutSeconds) ?? LIBRARY_DEFAULT_TASK_TIMEOUT_SECONDS;
  return Math.min(seconds, MAX_TIMER_SECONDS);
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && value > 0 ? value : undefined;
}
