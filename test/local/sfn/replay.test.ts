import { describe, expect, it } from 'vitest';
import { MemoryJournal } from '../../../local/sfn/journal.js';
import { FakeFunctions, newEngine, taskTokenOf } from './harness.js';

class TransientError extends Error {
  override name = 'TransientError';
}

const waitForStaff = {
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  Parameters: { FunctionName: 'open-task', Payload: { 'taskToken.$': '$$.Task.Token' } },
  End: true,
};

describe('replaying an execution from the journal', () => {
  it('replays a failed attempt and its retry from the journal without invoking or sleeping again', async () => {
    // Arrange
    const journal = new MemoryJournal();
    let failures = 0;
    const functions = new FakeFunctions()
      .on('flaky', () => {
        if (failures++ === 0) throw new TransientError('first try fails');
        return { ok: true };
      })
      .on('open-task', () => null);
    const definition = {
      StartAt: 'Flaky step',
      States: {
        'Flaky step': {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'flaky', Payload: {} },
          Retry: [{ ErrorEquals: ['TransientError'], IntervalSeconds: 0.4, MaxAttempts: 2 }],
          ResultPath: '$.flaky',
          Next: 'Wait for staff',
        },
        'Wait for staff': waitForStaff,
      },
    };
    const first = newEngine(functions, { journal });
    const machine = first.registerStateMachine('Flaky', definition);
    const { executionArn } = await first.startExecution({ stateMachineArn: machine });
    await first.whenIdle();
    const beforeRestart = [functions.count('flaky'), functions.count('open-task')];
    await first.close();
    const second = newEngine(functions, { journal });
    second.registerStateMachine('Flaky', definition);

    // Act
    const replayStarted = performance.now();
    await second.recover();
    await second.whenIdle();
    const replayMs = performance.now() - replayStarted;
    await second.sendTaskSuccess(taskTokenOf(functions.payloads('open-task')[0]), '"done"');
    await second.whenIdle();

    // Assert
    expect(beforeRestart).toEqual([2, 1]);
    expect(functions.count('flaky')).toBe(2);
    expect(functions.count('open-task')).toBe(1);
    expect(replayMs).toBeLessThan(300);
    const execution = await second.describeExecution(executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.output).toBe('"done"');
    expect(await second.transitions(executionArn)).toBe(3); // two states entered, one retry
  });

  it('retries a callback task whose handler failed with a fresh token, and replays both attempts', async () => {
    // Arrange
    const journal = new MemoryJournal();
    let opened = 0;
    const functions = new FakeFunctions().on('open-task', () => {
      if (opened++ === 0) throw new TransientError('table busy');
      return null;
    });
    const definition = {
      StartAt: 'Wait for staff',
      States: {
        'Wait for staff': {
          ...waitForStaff,
          Retry: [{ ErrorEquals: ['TransientError'], IntervalSeconds: 0.01, MaxAttempts: 1 }],
        },
      },
    };
    const first = newEngine(functions, { journal });
    const machine = first.registerStateMachine('OpenRetry', definition);
    const { executionArn } = await first.startExecution({ stateMachineArn: machine });
    await first.whenIdle();
    const [failedToken, liveToken] = functions.payloads('open-task').map(taskTokenOf);
    await first.close();
    const second = newEngine(functions, { journal });
    second.registerStateMachine('OpenRetry', definition);

    // Act
    await second.recover();
    await second.whenIdle();
    await second.sendTaskSuccess(liveToken ?? '', '{"outcome":"approve"}');
    await second.whenIdle();

    // Assert
    expect(failedToken).not.toBe(liveToken);
    expect(functions.count('open-task')).toBe(2);
    expect((await second.describeExecution(executionArn)).status).toBe('SUCCEEDED');
  });

  it('journals a handler that outlived its TimeoutSeconds as the States.Timeout the run saw, and replays it so', async () => {
    // Arrange
    const journal = new MemoryJournal();
    const functions = new FakeFunctions()
      .on('slow', () => new Promise((resolve) => setTimeout(() => resolve({ late: true }), 120)))
      .on('open-task', () => null);
    const definition = {
      StartAt: 'Slow step',
      States: {
        'Slow step': {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'slow' },
          TimeoutSeconds: 0.05,
          Catch: [
            { ErrorEquals: ['States.TaskFailed'], Next: 'Wrong catcher' },
            { ErrorEquals: ['States.Timeout'], ResultPath: '$.timedOut', Next: 'Wait for staff' },
          ],
          End: true,
        },
        'Wrong catcher': { Type: 'Fail', Error: 'WrongCatcher' },
        'Wait for staff': waitForStaff,
      },
    };
    const first = newEngine(functions, { journal });
    const machine = first.registerStateMachine('Slow', definition);
    const { executionArn } = await first.startExecution({ stateMachineArn: machine });
    await first.whenIdle();
    await first.close();
    const second = newEngine(functions, { journal });
    second.registerStateMachine('Slow', definition);

    // Act
    await second.recover();
    await second.whenIdle();
    await second.sendTaskSuccess(taskTokenOf(functions.payloads('open-task')[0]), '{"done":true}');
    await second.whenIdle();

    // Assert
    expect([functions.count('slow'), functions.count('open-task')]).toEqual([1, 1]);
    const execution = await second.describeExecution(executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '')).toEqual({ done: true });
  });

  it('does not start a second run for a repeated StartExecution of an execution that is already running', async () => {
    // Arrange
    const functions = new FakeFunctions().on('open-task', () => null);
    const engine = newEngine(functions);
    const machine = engine.registerStateMachine('Single', {
      StartAt: 'Wait for staff',
      States: { 'Wait for staff': waitForStaff },
    });
    const request = { stateMachineArn: machine, name: 'only-once', input: '{"a":1}' };

    // Act
    const results = await Promise.all([engine.startExecution(request), engine.startExecution(request)]);
    await engine.whenIdle();

    // Assert
    expect(new Set(results.map((r) => r.executionArn)).size).toBe(1);
    expect(functions.count('open-task')).toBe(1);
    expect(engine.stats()).toMatchObject({ executions: 1, waitingCallbacks: 1 });
  });
});
