import { describe, expect, it } from 'vitest';
import { StepFunctionsApiError } from '../../../local/sfn/errors.js';
import { aidApplicationDefinition, FakeFunctions, newEngine } from './harness.js';

const pass = { Type: 'Pass', End: true };

function refusal(definition: unknown, options: { aslValidation?: boolean } = {}): StepFunctionsApiError {
  const engine = newEngine(new FakeFunctions(), options);
  try {
    engine.registerStateMachine('Refused', definition);
  } catch (error) {
    if (error instanceof StepFunctionsApiError) return error;
    throw error;
  }
  throw new Error('The definition was accepted');
}

describe('definitions the local Step Functions engine refuses at load', () => {
  it('refuses JSONata at the top level', () => {
    // Arrange
    const definition = { QueryLanguage: 'JSONata', StartAt: 'A', States: { A: pass } };

    // Act
    const error = refusal(definition);

    // Assert
    expect(error.name).toBe('InvalidDefinition');
    expect(error.message).toMatch(/top level.*JSONata/);
  });

  it('refuses JSONata on one state and names that state', () => {
    // Arrange
    const definition = {
      StartAt: 'Tally votes',
      States: { 'Tally votes': { ...pass, QueryLanguage: 'JSONata' } },
    };

    // Act
    const error = refusal(definition);

    // Assert
    expect(error.message).toContain('State "Tally votes"');
    expect(error.message).toContain('JSONata');
  });

  it('refuses Assign (variables) and names the state, even inside a Parallel branch', () => {
    // Arrange
    const definition = {
      StartAt: 'Fan out',
      States: {
        'Fan out': {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'Plain', States: { Plain: pass } },
            {
              StartAt: 'Remember the amount',
              States: { 'Remember the amount': { ...pass, Assign: { amount: 1 } } },
            },
          ],
        },
      },
    };

    // Act
    const error = refusal(definition);

    // Assert
    expect(error.message).toContain('State "Remember the amount"');
    expect(error.message).toContain('Assign');
  });

  it('refuses a Distributed Map and names the state', () => {
    // Arrange
    const definition = {
      StartAt: 'Pay everyone',
      States: {
        'Pay everyone': {
          Type: 'Map',
          End: true,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Pay',
            States: { Pay: pass },
          },
        },
      },
    };

    // Act
    const error = refusal(definition);

    // Assert
    expect(error.message).toContain('State "Pay everyone"');
    expect(error.message).toContain('DISTRIBUTED');
  });

  it('refuses a Map that reads its items with an ItemReader', () => {
    // Arrange
    const definition = {
      StartAt: 'Read the batch',
      States: {
        'Read the batch': {
          Type: 'Map',
          End: true,
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k' } },
          ItemProcessor: { StartAt: 'Pay', States: { Pay: pass } },
        },
      },
    };

    // Act
    const error = refusal(definition);

    // Assert
    expect(error.message).toContain('State "Read the batch"');
    expect(error.message).toContain('ItemReader');
  });

  it('refuses a Task resource other than Lambda, inside a Map processor too', () => {
    // Arrange
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          End: true,
          ItemProcessor: {
            StartAt: 'Put item',
            States: {
              'Put item': {
                Type: 'Task',
                Resource: 'arn:aws:states:::dynamodb:putItem',
                Parameters: {},
                End: true,
              },
            },
          },
        },
      },
    };

    // Act
    const error = refusal(definition);

    // Assert
    expect(error.message).toContain('State "Put item"');
    expect(error.message).toContain('dynamodb:putItem');
  });

  it('refuses a callback task that never passes its task token', () => {
    // Arrange
    const definition = {
      StartAt: 'Wait for staff',
      States: {
        'Wait for staff': {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: { FunctionName: 'open-task', Payload: {} },
          End: true,
        },
      },
    };

    // Act
    const error = refusal(definition);

    // Assert
    expect(error.message).toContain('State "Wait for staff"');
    expect(error.message).toContain('$$.Task.Token');
  });

  it('lets asl-validator refuse a transition to a state that does not exist', () => {
    // Arrange
    const definition = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } };

    // Act
    const error = refusal(definition, { aslValidation: true });

    // Assert
    expect(error.name).toBe('InvalidDefinition');
    expect(error.message).toContain('Nowhere');
  });

  it('accepts the real aid application workflow under asl-validator', () => {
    // Arrange
    const engine = newEngine(new FakeFunctions(), { aslValidation: true });

    // Act
    const arn = engine.registerStateMachine('AidApplication', aidApplicationDefinition());

    // Assert
    expect(arn).toBe('arn:aws:states:eu-central-1:123456789012:stateMachine:AidApplication');
  });
});
