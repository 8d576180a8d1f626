import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from './json.js';

/**
 * Replay finds a Task's journalled result by a key that a re-run of the same execution computes
 * again: the state name, a hash of the Task's effective input, and how many times that pair has
 * already come up in this run (retries and loops back into a state repeat both).
 */

/**
 * What the library sees as `$$.Task.Token`. It is constant, so the effective input (and its hash)
 * is the same on every run; the real token replaces it only in the payload the handler receives.
 */
export const TOKEN_SENTINEL = '$$aidflow-local-sfn:task-token$$';

const TOKEN_KEY = 'aidflow-local-step-functions/task-token/v1';

export function inputHash(effectiveInput: unknown): string {
  return createHash('sha256').update(canonicalJson(effectiveInput)).digest('hex');
}

export function taskKey(stateName: string, hash: string, occurrence: number): string {
  return `${stateName}|${hash}|${occurrence}`;
}

/** Opaque (43 characters of base64url) and the same for the same execution and task on every run. */
export function taskToken(executionArn: string, key: string): string {
  return createHmac('sha256', TOKEN_KEY).update(`${executionArn}\n${key}`).digest('base64url');
}

/** Counts (state, input) pairs within one run of an execution. */
export class OccurrenceCounter {
  private readonly seen = new Map<string, number>();

  next(stateName: string, hash: string): number {
    const id = `${stateName}|${hash}`;
    const occurrence = this.seen.get(id) ?? 0;
    this.seen.set(id, occurrence + 1);
    return occurrence;
  }
}
