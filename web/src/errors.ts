import { useCallback, useState } from 'preact/hooks';
import type { Money } from '../../domain/money.js';
import type { Failure, Problem } from './api.js';
import type { Messages } from './messages/en.js';

/** A field's problem, ready for the error summary and the field itself. */
export interface FieldError {
  /** The id of the input the summary links to. */
  field: string;
  message: string;
}

/**
 * How the page's language writes a sum, a number, a date or a time, for words that include one
 * (useI18n() gives them, with the strings).
 */
export interface Formats {
  money: (m: Money) => string;
  number: (n: number) => string;
  /** A civil date (YYYY-MM-DD) or the date of an instant, e.g. "2 April 1950". */
  date: (isoDateOrInstant: string) => string;
  dateTime: (instant: string) => string;
}

/**
 * Words a page keeps to show later (a field's problem, why a send failed, what became of an answer
 * just sent), kept as how to say them rather than as said, so that they follow a switch of the
 * page's language: its dates and sums too, written with `format` (the page's useI18n()).
 */
export type Said = (t: Messages, format: Formats) => string;

/** A field's problem as a page keeps it; `saidIn` makes it the FieldError shown. */
export interface FieldProblem {
  field: string;
  say: Said;
}

/** A message a page shows until it is unset (why a send failed), kept as Said: useState for a Said. */
export function useSaid(): [Said | undefined, (say: Said | undefined) => void] {
  const [said, keep] = useState<Said | undefined>(undefined);
  // Wrapped: useState's setter would call a function given to it as an update.
  const set = useCallback((say: Said | undefined) => keep(() => say), []);
  return [said, set];
}

/** The problems in the page's language as it is now (`i18n`: the page's useI18n()). */
export function saidIn(i18n: Formats & { t: Messages }, problems: readonly FieldProblem[]): FieldError[] {
  return problems.map((p) => ({ field: p.field, message: p.say(i18n.t, i18n) }));
}

export type ErrorKey = keyof Messages['err'];
type Variant =
  | 'missing'
  | 'invalid'
  | 'future'
  | 'tooMany'
  | 'checksum'
  | 'looksRu'
  | 'noPostalAddress'
  | 'noCaseAddress';

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
  if (m.includes('gave no postal address')) variant = 'noPostalAddress';
  // A re-issue on the staff desk: the case (not the reader) has no postal address.
  if (m.includes('case has no postal address')) variant = 'noCaseAddress';
  return variants[variant] || variants.invalid || variants.missing || serverMessage;
}

/**
 * A page's own words for the problems it expects, by the API's problem `code` (API.md): a text, or
 * a function of the problem for one that needs its fields (a date, a status).
 */
export type ProblemTexts = Readonly<Record<string, string | ((problem: Problem) => string) | undefined>>;

/** The problem's code when the server answered with one (a 4xx or 5xx problem+json). */
export function problemCode(failure: Failure): string | undefined {
  return failure.kind === 'http' && typeof failure.problem.code === 'string'
    ? failure.problem.code
    : undefined;
}

/** A text field of the problem (e.g. `answeredAt`), when it has it. */
export function problemField(failure: Failure, name: string): string | undefined {
  if (failure.kind !== 'http') return undefined;
  const value = failure.problem[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Whether the request may have been carried out although no answer arrived (the connection broke
 * on the way back, the server timed out): a page reloads what it shows after such a failure.
 */
export function outcomeUnknown(failure: Failure): boolean {
  return failure.kind === 'network' || (failure.kind === 'http' && failure.status >= 500);
}

/**
 * The single message for a failed request, in the page's language: what happened and what to do.
 * `texts` are the page's words for the codes it expects; a problem with another code is told by
 * its kind (not found, not valid, …), and only a refusal nothing names is told with the server's
 * own detail, behind a translated lead ("The office's system refused this…").
 */
export function failureMessage(t: Messages, failure: Failure, texts: ProblemTexts = {}): string {
  if (failure.kind === 'network') return t.networkError;
  if (failure.kind === 'unavailable') return t.notAvailable;
  const code = problemCode(failure);
  const own = code === undefined ? undefined : texts[code];
  if (own !== undefined) return typeof own === 'function' ? own(failure.problem) : own;
  if (failure.status === 429)
    return t.tooManyAttempts(Math.max(1, Math.ceil((failure.retryAfterSeconds ?? 900) / 60)));
  if (failure.status >= 500) return t.serverError(failure.status);
  if (failure.status === 400) return t.problemInvalid;
  if (failure.status === 401) return t.problemSignIn;
  if (failure.status === 404) return t.problemNotFound;
  if (failure.status === 413) return t.problemTooLarge;
  if (code === 'role_required') return t.problemRoleRequired;
  return t.problemRefused(failure.problem.detail ?? '');
}
