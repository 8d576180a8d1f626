import type { StateMachine } from 'aws-local-stepfunctions';
import type { ParsedDefinition } from './definition.js';

export type LibraryEvent =
  ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer Event> ? Event : never;

const TIMEOUT_ERRORS = new Set(['States.Timeout', 'States.HeartbeatTimeout']);
const NOT_RETRYABLE = new Set(['States.Runtime', 'LocalStepFunctions.RunHalted']);

/**
 * Follows one run through the library's event log: counts state transitions, and knows when the
 * run is sleeping in the library (a Retry backoff or a Wait state), which the engine cannot see
 * from its Task handlers. Retries are predicted by mirroring the library's own retrier rules.
 */
export class RunActivity {
  /** States entered plus retries: what AWS bills as state transitions. */
  transitions = 0;
  events = 0;
  private readonly attempts = new Map<string, number[]>();
  private readonly pendingRetries = new Set<string>();
  private readonly sleepingWaitStates = new Set<string>();

  constructor(private readonly definition: ParsedDefinition) {}

  /** Nothing is sleeping inside the library. */
  get quiet(): boolean {
    return this.pendingRetries.size === 0 && this.sleepingWaitStates.size === 0;
  }

  onEvent(event: LibraryEvent): void {
    this.events++;
    if (!('state' in event)) return;
    const { name, type } = event.state;
    const key = `${name}#${event.index ?? ''}`;
    switch (event.type) {
      case 'StateEntered':
        this.transitions++;
        this.attempts.delete(key);
        if (type === 'Wait') this.sleepingWaitStates.add(key);
        break;
      case 'StateRetried':
        this.transitions++;
        this.pendingRetries.delete(key);
        break;
      case 'StateFailed':
        this.leave(name, key);
        if (this.willRetry(name, key, event.Error)) this.pendingRetries.add(key);
        break;
      case 'StateExited':
      case 'StateCaught':
        this.leave(name, key);
        break;
    }
  }

  private leave(name: string, key: string): void {
    this.sleepingWaitStates.delete(key);
    // A Parallel or Map that ends has aborted whatever its branches were still sleeping in.
    const inner = this.definition.nested.get(name);
    if (!inner) return;
    for (const set of [this.pendingRetries, this.sleepingWaitStates]) {
      for (const entry of set) {
        if (inner.has(entry.slice(0, entry.lastIndexOf('#')))) set.delete(entry);
      }
    }
  }

  /** The library's StateExecutor.shouldRetry, on the information an event carries. */
  private willRetry(stateName: string, key: string, error: string): boolean {
    const state = this.definition.states.get(stateName);
    if (!state || NOT_RETRYABLE.has(error)) return false;
    const attempts = this.attempts.get(key) ?? state.retry.map(() => 0);
    this.attempts.set(key, attempts);
    for (const [index, retrier] of state.retry.entries()) {
      const matches = retrier.errorEquals.some(
        (name) =>
          name === error ||
          name === 'States.ALL' ||
          (name === 'States.TaskFailed' && state.type === 'Task' && !TIMEOUT_ERRORS.has(error)),
      );
      if (!matches) continue;
      const used = attempts[index] ?? 0;
      if (used >= retrier.maxAttempts) return false;
      attempts[index] = used + 1;
      return true;
    }
    return false;
  }
}
