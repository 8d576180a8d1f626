import type { ApiResult, Failure } from './api.js';
import { outcomeUnknown } from './errors.js';

/**
 * Sending a form under an Idempotency-Key when the connection may drop after the server took the
 * request. The server answers the same key with the same body by the first receipt, and the same key
 * with another body by 409 `idempotency_key_reused` (API.md). So the page keeps, with the draft, every
 * body it sent under the key whose answer never came; a later send goes out with the answers as they
 * are now, and when the key turns out to be taken, each of those earlier bodies is sent again until
 * one is answered with its receipt: the case the lost send made, as it was made. Nothing is sent
 * twice, no case is made from answers the person has since changed when the lost send never arrived,
 * and the reference and the access code are never lost with a dropped answer.
 */

/** The `code` of the 409 a key answers when it came with another body before (functions/lib/store/idempotency.ts). */
export const keyReusedCode = 'idempotency_key_reused';

/** What a draft keeps about its sends (in sessionStorage with the answers, so a reload keeps it too). */
export interface KeyedSends {
  idempotencyKey: string;
  /** The bodies (JSON) sent under the key whose answer was lost, oldest first: any may have made the case. */
  unconfirmed: string[];
}

export type SendOutcome<T> =
  /** Answered with the receipt. `earlier`: of a body sent before, not the answers as they are now. */
  | { kind: 'sent'; receipt: T; earlier: boolean }
  /** No answer, or the server failed (5xx): it may or may not have been taken. Sending again is safe. */
  | { kind: 'unknown'; failure: Failure }
  /** A known refusal (400, 409 for another reason, 429…): the answers as they are now made no case. */
  | { kind: 'refused'; failure: Failure }
  /** The key was taken by a body not sent from here (a copy of the tab): the draft now has a new key. */
  | { kind: 'taken' };

export function keyReused(failure: Failure): boolean {
  return (
    failure.kind === 'http' &&
    failure.status === 409 &&
    (failure.problem as { code?: unknown }).code === keyReusedCode
  );
}

/**
 * Sends `body` under the draft's key, and after a lost answer the earlier bodies as above. `keep`
 * stores the draft's sends; it is called before each request leaves, so a reload or a closed tab
 * while one is on its way still knows what was sent. `newKey` makes the key for a taken one.
 */
export async function sendKeyed<T>(
  sends: KeyedSends,
  body: unknown,
  post: (body: unknown, idempotencyKey: string) => Promise<ApiResult<T>>,
  keep: (sends: KeyedSends) => void,
  newKey: () => string,
): Promise<SendOutcome<T>> {
  const key = sends.idempotencyKey;
  const json = JSON.stringify(body);
  let unconfirmed = sends.unconfirmed.includes(json) ? sends.unconfirmed : [...sends.unconfirmed, json];
  const store = (next: string[]) => {
    unconfirmed = next;
    keep({ idempotencyKey: key, unconfirmed });
  };
  store(unconfirmed);
  const res = await post(body, key);
  if (res.ok) return { kind: 'sent', receipt: res.data, earlier: false };
  if (outcomeUnknown(res)) return { kind: 'unknown', failure: res };
  // Answered: these answers made no case under the key.
  store(unconfirmed.filter((b) => b !== json));
  if (!keyReused(res)) return { kind: 'refused', failure: res };
  // The key made a case from other answers: one of the sends whose answer was lost.
  for (const earlier of unconfirmed) {
    const again = await post(JSON.parse(earlier), key);
    if (again.ok) return { kind: 'sent', receipt: again.data, earlier: true };
    if (outcomeUnknown(again)) return { kind: 'unknown', failure: again };
    store(unconfirmed.filter((b) => b !== earlier));
  }
  keep({ idempotencyKey: newKey(), unconfirmed: [] });
  return { kind: 'taken' };
}

const earlierKey = 'aidflow.sent-as-earlier';

/** Marks the case just sent as made from the answers first sent, for its confirmation (this tab only). */
export function rememberSentAsEarlier(reference: string | undefined): void {
  try {
    if (reference) sessionStorage.setItem(earlierKey, reference);
    else sessionStorage.removeItem(earlierKey);
  } catch {
    // not fatal: the confirmation only leaves the note out
  }
}

export function sentAsEarlier(reference: string): boolean {
  try {
    return sessionStorage.getItem(earlierKey) === reference;
  } catch {
    return false;
  }
}
