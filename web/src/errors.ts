import type { Failure } from './api.js';
import type { Messages } from './messages/en.js';

/** A field's problem, ready for the error summary and the field itself. */
export interface FieldError {
  /** The id of the input the summary links to. */
  field: string;
  message: string;
}

export type ErrorKey = keyof Messages['err'];
type Variant = 'missing' | 'invalid' | 'future' | 'tooMany' | 'checksum' | 'looksRu';

/**
 * What the person gave for the field an issue names: the value at the path in the body
 * that was checked (or sent). zod leaves an issue's own `input` out for most checks (a name too
 * long, a date that does not exist), and the server's problem has none, so the body is asked.
 */
export function valueAt(body: unknown, path: readonly PropertyKey[] | string): unknown {
  const keys = typeof path === 'string' ? path.split('.').filter(Boolean) : path;
  let value: unknown = body;
  for (const key of keys) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[typeof key === 'symbol' ? key : String(key)];
  }
  return value;
}

/**
 * Turns a schema issue (from the shared zod schemas, or the server's problem `errors`, which
 * come from the same schemas) into a message in the person's language that says how to fix it.
 * The schema decides whether the answer is valid; this decides how to say so. `input` is what
 * the person gave (valueAt): nothing, or only spaces, is "missing", anything else "invalid" unless
 * the message names a more precise variant.
 */
export function localise(t: Messages, key: ErrorKey, serverMessage: string, input?: unknown): string {
  const variants = t.err[key] as Record<string, string>;
  const m = serverMessage.toLowerCase();
  let variant: Variant = 'invalid';
  if (
    input === undefined ||
    (typeof input === 'string' && input.trim() === '') ||
    m.includes('is required') ||
    m.includes('must not be empty') ||
    m.includes('choose at least one') ||
    m.includes('give at least one') ||
    m.includes('give the account')
  )
    variant = 'missing';
  if (m.includes('cannot be in the future')) variant = 'future';
  if (m.includes('cannot be larger than the household size')) variant = 'tooMany';
  if (m.includes('check digits do not match')) variant = 'checksum';
  if (m.includes('looks like a 20-digit')) variant = 'looksRu';
  if (m.includes("needs the bank's 9-digit bic")) variant = 'missing';
  return variants[variant] || variants.invalid || variants.missing || serverMessage;
}

/** The single message for a failed request: what happened and what to do. */
export function failureMessage(t: Messages, failure: Failure): string {
  if (failure.kind === 'network') return t.networkError;
  if (failure.kind === 'unavailable') return t.notAvailable;
  if (failure.status === 429)
    return t.tooManyAttempts(Math.max(1, Math.ceil((failure.retryAfterSeconds ?? 900) / 60)));
  if (failure.status >= 500) return t.serverError(failure.status);
  return failure.problem.detail ?? t.serverError(failure.status);
}
