import { ExecutionError, StateMachine } from 'aws-local-stepfunctions';

/**
 * In AWS, `States.TaskFailed` in a Retry or Catch matches every error except timeouts. The library
 * implements that exception with `instanceof` on its own (unexported) StatesTimeoutError class, so
 * the timeouts the engine raises must be instances of that class. We obtain it once by letting the
 * library time out a Task of one millisecond.
 */

type ErrorClass = new () => Error;

let discovered: Promise<ErrorClass> | undefined;

export function libraryTimeoutErrorClass(): Promise<ErrorClass> {
  discovered ??= discover();
  return discovered;
}

/** A States.Timeout or States.HeartbeatTimeout that Retry/Catch treat exactly like the library's own. */
export async function timeoutError(name: 'States.Timeout' | 'States.HeartbeatTimeout', cause: string) {
  const ErrorOfLibrary = await libraryTimeoutErrorClass();
  const error = new ErrorOfLibrary();
  error.name = name;
  error.message = cause;
  return error;
}

async function discover(): Promise<ErrorClass> {
  const probe = new StateMachine(
    {
      StartAt: 'Probe',
      States: {
        Probe: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSeconds: 0.001, End: true },
      },
    },
    { validationOptions: { noValidate: true } },
  );
  const { result } = probe.run(
    {},
    { overrides: { taskResourceLocalHandlers: { Probe: () => new Promise(() => {}) } } },
  );
  try {
    await result;
  } catch (error) {
    const cause: unknown = error instanceof ExecutionError ? error.cause : undefined;
    if (cause instanceof Error && cause.name === 'States.Timeout') {
      const errorClass: unknown = Object.getPrototypeOf(cause)?.constructor;
      if (typeof errorClass === 'function') return errorClass as ErrorClass;
    }
  }
  throw new Error('aws-local-stepfunctions no longer times out Tasks the way this engine expects');
}
