/**
 * Errors a use case may raise, each with the HTTP status and RFC 9457 problem it maps to.
 * Workflow steps throw them too: their `name` is what ASL Retry/Catch match on.
 */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;
  /**
   * Fields for a program, copied into the problem: a precise `code` (the web app words the
   * problem from it in the reader's language) and what the words need (a date, an amount, a role).
   */
  readonly extra: Record<string, unknown>;
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.extra = extra;
  }
  /** A stable URI reference naming the problem type. */
  get type(): string {
    return `https://aidflow.example.org/problems/${this.name
      .replace(/Error$/, '')
      .replace(/([a-z])([A-Z])/g, '$1-$2')
      .toLowerCase()}`;
  }
}

export class ValidationError extends AppError {
  override readonly name = 'ValidationError';
  readonly status = 400;
  readonly title = 'The request is not valid';
  constructor(
    readonly errors: readonly FieldError[],
    detail = 'Some fields need correcting; see errors.',
  ) {
    super(detail);
  }
}

export class UnauthorizedError extends AppError {
  override readonly name = 'UnauthorizedError';
  readonly status = 401;
  readonly title = 'Sign-in required';
}

export class ForbiddenError extends AppError {
  override readonly name = 'ForbiddenError';
  readonly status = 403;
  readonly title = 'Not allowed';
}

export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
  readonly status = 404;
  readonly title = 'Not found';
}

export class ConflictError extends AppError {
  override readonly name: string = 'ConflictError';
  readonly status: number = 409;
  readonly title: string = 'Conflict';
}

/**
 * A conditional request whose condition does not hold (If-None-Match: * on something that
 * exists). A kind of conflict, with its extra fields in the problem; only the functions that
 * throw it bundle it.
 */
export class PreconditionFailedError extends ConflictError {
  override readonly name: string = 'PreconditionFailedError';
  override readonly status: number = 412;
  override readonly title: string = 'Precondition failed';
}

export class PayloadTooLargeError extends AppError {
  override readonly name = 'PayloadTooLargeError';
  readonly status = 413;
  readonly title = 'Request body too large';
}

export class UnsupportedMediaTypeError extends AppError {
  override readonly name = 'UnsupportedMediaTypeError';
  readonly status = 415;
  readonly title = 'Unsupported media type';
}

export class TooManyRequestsError extends AppError {
  override readonly name = 'TooManyRequestsError';
  readonly status = 429;
  readonly title = 'Too many attempts';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * A failure worth retrying (throttling, an optimistic-concurrency race). Workflows retry
 * `TransientError` with backoff and jitter; the HTTP layer answers 503 with Retry-After.
 */
export class TransientError extends Error {
  override readonly name = 'TransientError';
}

/** A failure no retry will mend (a case in a state the step cannot act on). */
export class PermanentStepError extends Error {
  override readonly name = 'PermanentStepError';
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /**
   * What went wrong, for a program (the web app words it in the reader's language): the error's
   * kind (`conflict`, `not_found`, `validation`, …) unless the error names a more precise one in
   * its extra fields (`nothing_to_batch`, `already_settled`, …).
   */
  code: string;
  errors?: readonly FieldError[];
  [extension: string]: unknown;
}

export function toProblem(error: AppError): Problem {
  // The extra fields first: none of them may replace the problem's own (a case's `status` once
  // replaced the HTTP status).
  const problem: Problem = {
    ...error.extra,
    type: error.type,
    title: error.title,
    status: error.status,
    detail: error.message,
    code:
      typeof error.extra.code === 'string'
        ? error.extra.code
        : error.name
            .replace(/Error$/, '')
            .replace(/([a-z])([A-Z])/g, '$1_$2')
            .toLowerCase(),
  };
  if (error instanceof ValidationError) problem.errors = error.errors;
  return problem;
}
