/**
 * Errors of the local Step Functions engine. Two families:
 * - API errors: what the Step Functions API answers (`name` is the AWS error code, so the local
 *   endpoint can send it as `__type` and the SDK raises its typed exception);
 * - workflow errors: what a Task state fails with inside an execution (`name` is the ASL error
 *   name that Retry/Catch match on, `message` becomes the Cause).
 */

export type ApiErrorCode =
  | 'ExecutionAlreadyExists'
  | 'ExecutionDoesNotExist'
  | 'StateMachineDoesNotExist'
  | 'InvalidArn'
  | 'InvalidName'
  | 'InvalidExecutionInput'
  | 'InvalidDefinition'
  | 'InvalidOutput'
  | 'TaskDoesNotExist'
  | 'TaskTimedOut'
  | 'ValidationException'
  | 'ServiceUnavailable';

export class StepFunctionsApiError extends Error {
  override readonly name: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = code;
  }
}

export const apiError = (code: ApiErrorCode, message: string): StepFunctionsApiError =>
  new StepFunctionsApiError(code, message);

/** A Task failure as the state machine sees it: Retry/Catch match `name`; Catch exposes `message` as Cause. */
export class TaskFailure extends Error {
  constructor(errorName: string, cause: string) {
    super(cause);
    this.name = errorName;
  }
}

/**
 * Thrown into a run the engine has stopped (close, StopExecution, execution timeout, journal fault).
 * The library reads `isRetryable`/`isCatchable` like its own runtime errors, so the run unwinds
 * without a Retry or Catch of the workflow acting on it.
 */
export class RunHalted extends Error {
  override readonly name = 'LocalStepFunctions.RunHalted';
  get isRetryable(): boolean {
    return false;
  }
  get isCatchable(): boolean {
    return false;
  }
}

/** The error name and cause AWS reports for an error a Lambda handler threw. */
export function lambdaFailure(error: unknown): { error: string; cause: string } {
  if (error instanceof Error) {
    const errorType = error.name || 'Error';
    const trace = (error.stack ?? '').split('\n').map((line) => line.trimEnd());
    return { error: errorType, cause: JSON.stringify({ errorType, errorMessage: error.message, trace }) };
  }
  return {
    error: 'Error',
    cause: JSON.stringify({ errorType: 'Error', errorMessage: String(error), trace: [] }),
  };
}
