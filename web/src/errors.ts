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
 * Turns a schema issue (from the shared zod schemas, or the server's problem `errors`, which
 * come from the same schemas) into a message in the person's language that says how to fix it.
 * The schema decides whether the answer is valid; this decides how to say so.
 */
export function localise(t: Messages, key: ErrorKey, serverMessage: string, input?: unknown): string {
  const variants = t.err[key] as Record<string, string>;
  const m = serverMessage.toLowerCase();
  let variant: Variant = 'invalid';
  if (
    input === undefined ||
    input === '' ||
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
