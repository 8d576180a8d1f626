import { describe, expect, it } from 'vitest';
import { FakeFunctions, functionArn, newEngine, singleTask } from './harness.js';

class TransientError extends Error {
  override name = 'TransientError';
}

describe('lambda:invoke tasks in the local Step Functions engine', () => {
  it('wraps the handler result like AWS, so ResultSelector reads it from $.Payload', async () => {
    // Arrange
    const functions = new FakeFunctions().on('check', () => ({ verdict: 'eligible' }));
    const engine = newEngine(functions);
    const machine = engine.registerStateMachine(
      'Wrap',
      singleTask({
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: 'check', Payload: { 'caseId.$': '$.caseId' } },
        ResultSelector: {
          'verdict.$': '$.Payload.verdict',
          'status.$': '$.StatusCode',
          'version.$': '$.ExecutedVersion',
        },
        ResultPath: '$.eligibility',
      }),
    );

    // Act
    const { executionArn } = await engine.startExecution({
      stateMachineArn: machine,
      input: '{"caseId":"c-1"}',
    });
    await engine.whenIdle();

    // Assert
    const execution = await engine.describeExecution(executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '')).toEqual({
      caseId: 'c-1',
      eligibility: { verdict: 'eligible', status: 200, version: '$LATEST' },
    });
    expect(functions.payloads('check')).toEqual([{ caseId: 'c-1' }]);
  });

  it('passes a plain Lambda ARN task its input and returns the result unwrapped', async () => {
    // Arrange
    const functions = new FakeFunctions().on(functionArn('Echo'), (payload) => ({ echoed: payload }));
    const engine = newEngine(functions);
    const machine = engine.registerStateMachine('PlainArn', singleTask({ Resource: functionArn('Echo') }));

    // Act
    const { executionArn } = await engine.startExecution({ stateMachineArn: machine, input: '{"n":1}' });
    await engine.whenIdle();

    // Assert
    const execution = await engine.describeExecution(executionArn);
    expect(JSON.parse(execution.output ?? '')).toEqual({ echoed: { n: 1 } });
  });

  it("fails the Task with the handler's error name and AWS's JSON Cause, which Catch hands on", async () => {
    // Arrange
    const functions = new FakeFunctions().on('reserve', () => {
      throw new TransientError('budget row locked');
    });
    const engine = newEngine(functions);
    const machine = engine.registerStateMachine('Caught', {
      StartAt: 'Reserve',
      States: {
        Reserve: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'reserve', Payload: {} },
          Catch: [{ ErrorEquals: ['TransientError'], ResultPath: '$.failure', Next: 'Recorded' }],
          End: true,
        },
        Recorded: { Type: 'Succeed' },
      },
    });

    // Act
    const { executionArn } = await engine.startExecution({ stateMachineArn: machine });
    await engine.whenIdle();

    // Assert
    const output = JSON.parse((await engine.describeExecution(executionArn)).output ?? '');
    expect(output.failure.Error).toBe('TransientError');
    expect(JSON.parse(output.failure.Cause)).toMatchObject({
      errorType: 'TransientError',
      errorMessage: 'budget row locked',
    });
  });

  it('retries a transient error with exponential backoff and then succeeds', async () => {
    // Arrange
    const calledAt: number[] = [];
    const functions = new FakeFunctions().on('flaky', () => {
      calledAt.push(performance.now());
      if (calledAt.length < 3) throw new TransientError('try again');
      return { ok: true };
    });
    const engine = newEngine(functions);
    const machine = engine.registerStateMachine(
      'Retried',
      singleTask({
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: 'flaky', Payload: {} },
        ResultSelector: { 'ok.$': '$.Payload.ok' },
        Retry: [{ ErrorEquals: ['TransientError'], IntervalSeconds: 0.05, BackoffRate: 2, MaxAttempts: 3 }],
      }),
    );

    // Act
    const { executionArn } = await engine.startExecution({ stateMachineArn: machine });
    await engine.whenIdle();

    // Assert
    const execution = await engine.describeExecution(executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '')).toEqual({ ok: true });
    const [first = 0, second = 0, third = 0] = calledAt;
    expect(second - first).toBeGreaterThanOrEqual(45);
    expect(third - second).toBeGreaterThanOrEqual(95);
    expect(await engine.transitions(executionArn)).toBe(3); // one state entered, two retries
  });

  it('fails the execution with the error and cause once the retries are spent', async () => {
    // Arrange
    const functions = new FakeFunctions().on('down', () => {
      throw new TransientError('still down');
    });
    const engine = newEngine(functions);
    const machine = engine.registerStateMachine(
      'Exhausted',
      singleTask({
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: 'down' },
        Retry: [{ ErrorEquals: ['TransientError'], IntervalSeconds: 0.01, MaxAttempts: 2 }],
      }),
    );

    // Act
    const { executionArn } = await engine.startExecution({ stateMachineArn: machine });
    await engine.whenIdle();

    // Assert
    const execution = await engine.describeExecution(executionArn);
    expect(execution).toMatchObject({ status: 'FAILED', error: 'TransientError' });
    expect(JSON.parse(execution.cause ?? '')).toMatchObject({ errorMessage: 'still down' });
    expect(functions.count('down')).toBe(3);
    expect(execution.stopDate).toBeInstanceOf(Date);
  });

  it('ends in the error and cause of a Fail state', async () => {
    // Arrange
    const engine = newEngine(new FakeFunctions());
    const machine = engine.registerStateMachine('Fails', {
      StartAt: 'Stop',
      States: { Stop: { Type: 'Fail', Error: 'CaseWorkflowFailed', Cause: 'A step failed' } },
    });

    // Act
    const { executionArn } = await engine.startExecution({ stateMachineArn: machine });
    await engine.whenIdle();

    // Assert
    expect(await engine.describeExecution(executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'CaseWorkflowFailed',
      cause: 'A step failed',
    });
  });
});
