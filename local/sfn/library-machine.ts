import { createHash } from 'node:crypto';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { apiError } from './errors.js';
import { canonicalJson, type JsonRecord } from './json.js';

/**
 * asl-validator compiles its JSON schemas on every call (about 0.7 s), so each distinct definition
 * is validated once per process and the verdict reused.
 */
const verdicts = new Map<string, string | undefined>();

export function loadLibraryMachine(runnable: JsonRecord, options: { validate: boolean }): StateMachine {
  if (options.validate) {
    const key = createHash('sha256').update(canonicalJson(runnable)).digest('hex');
    if (!verdicts.has(key)) verdicts.set(key, aslValidationError(runnable));
    const error = verdicts.get(key);
    if (error) throw apiError('InvalidDefinition', error);
  }
  return new StateMachine(runnable as unknown as StateMachineDefinition, {
    validationOptions: { noValidate: true },
  });
}

function aslValidationError(runnable: JsonRecord): string | undefined {
  try {
    // The validator writes default QueryLanguage fields into what it checks: give it a copy.
    new StateMachine(structuredClone(runnable) as unknown as StateMachineDefinition, {
      validationOptions: { checkArn: true, checkPaths: true },
    });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
