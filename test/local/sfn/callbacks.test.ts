import { describe, expect, it } from 'vitest';
import type { LocalStepFunctions } from '../../../local/sfn/engine.js';
import { FakeFunctions, ManualClock, newEngine, taskTokenOf } from './harness.js';

const openTask = (extra: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  Parameters: {
    FunctionName: 'open-task',
    Payload: { 'caseId.$': '$.caseId', 'taskToken.$': '$$.Task.Token', 'executionId.$': '$$.Execution.Id' },
  },
  ...extra,
});

async function output(engine: LocalStepFunctions, executionArn: string): Promise<unknown> {
  const execution = await engine.describeExecution(executionArn);
  return JSON.parse(execution.output ?? 'null');
}

async function apiErrorOf(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (error) {
    return error instanceof Error ? error.name : String(error);
  }
  return 'no error';
}

describe('callback tasks (.waitForTaskToken) in the local Step Functions engine', () => {
  it('invokes the handler with a task token and the execution id, then resumes with the SendTaskSuccess output', async () => {
    // Arrange
    const functions = new FakeFunctions().on('open-task', () => ({ ignored: true }));
    const engine = newEngine(functions);
    const machine = engine.registerStateMachine('Review', {
      StartAt: 'Review',
      States: { Review: openTask({ ResultPath: '$.review', End: true }) },
    });
    const { executionArn } = await engine.startExecution({
      stateMachineArn: machine,
      input: '{"caseId":"c-7"}',
    });
    await engine.whenIdle();
    const [payload] = functions.payloads('open-task');
    const token = taskTokenOf(payload);

    // Act
    const before = await engine.describeExecution(executionArn);
    await engine.sendTaskSuccess(token, '{"outcome":"approve"}');
    await engine.whenIdle();

    // Assert
    expect(before.status).toBe('RUNNING');
    expect(payload).toEqual({ caseId: 'c-7', taskToken: token, executionId: executionArn });
    expect(token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(await output(engine, executionArn)).toEqual({ caseId: 'c-7', review: { outcome: 'approve' } });
  });

  it('fails the task with the SendTaskFailure error and cause, which Catch matches by name', async () => {
    // Arrange
    const functions = new FakeFunctions().on('open-task', () => null);
    const engine = newEngine(functions);
    const machine = engine.registerStateMachine('Rejectable', {
      StartAt: 'Review',
      States: {
        Review: openTask({
          Catch: [{ ErrorEquals: ['Rejected'], ResultPath: '$.failure', Next: 'Closed' }],
          End: true,
        }),
        Closed: { Type: 'Succeed' },
      },
    });
    const { executionArn } = await engine.startExecution({
      stateMachineArn: machine,
      input: '{"caseId":"c-8"}',
    });
    await engine.whenIdle();

    // Act
    await engine.sendTaskFailure(
      taskTokenOf(functions.payloads('open-task')[0]),
      'Rejected',
      'no funds left',
    );
    await engine.whenIdle();

    // Assert
    expect(await output(engine, executionArn)).toEqual({
      caseId: 'c-8',
      failure: { Error: 'Rejected', Cause: 'no funds left' },
    });
  });

  it('answers TaskTimedOut for a token already answered, TaskDoesNotExist for one never issued, InvalidOutput for bad JSON', async () => {
    // Arrange
    const functions = new FakeFunctions().on('open-task', () => null);
    const engine = newEngine(functions);
    const machine = engine.registerStateMachine('Once', {
      StartAt: 'Review',
      States: { Review: openTask({ End: true }) },
    });
    await engine.startExecution({ stateMachineArn: machine, input: '{"caseId":"c-9"}' });
    await engine.whenIdle();
    const token = taskTokenOf(functions.payloads('open-task')[0]);

    // Act
    const invalidOutput = await apiErrorOf(engine.sendTaskSuccess(token, '{not json'));
    await engine.sendTaskSuccess(token, '{}');
    const second = await apiErrorOf(engine.sendTaskSuccess(token, '{}'));
    const heartbeatAfter = await apiErrorOf(engine.sendTaskHeartbeat(token));
    const unknown = await apiErrorOf(
      engine.sendTaskFailure('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'X'),
    );

    // Assert
    expect(invalidOutput).toBe('InvalidOutput');
    expect(second).toBe('TaskTimedOut');
    expect(heartbeatAfter).toBe('TaskTimedOut');
    expect(unknown).toBe('TaskDoesNotExist');
  });

  it('times out a callback task on the injected clock; States.TaskFailed does not catch it, States.Timeout does', async () => {
    // Arrange
    const clock = new ManualClock();
    const functions = new FakeFunctions().on('open-task', () => null);
    const engine = newEngine(functions, { clock });
    const machine = engine.registerStateMachine('Overdue', {
      StartAt: 'Review',
      States: {
        Review: openTask({
          TimeoutSeconds: 3600,
          Catch: [
            { ErrorEquals: ['States.TaskFailed'], ResultPath: '$.failure', Next: 'Failed' },
            { ErrorEquals: ['States.Timeout'], ResultPath: '$.overdue', Next: 'Escalated' },
          ],
          End: true,
        }),
        Failed: { Type: 'Fail', Error: 'WrongCatcher' },
        Escalated: { Type: 'Succeed' },
      },
    });
    const { executionArn } = await engine.startExecution({
      stateMachineArn: machine,
      input: '{"caseId":"c-10"}',
    });
    await engine.whenIdle();
    const token = taskTokenOf(functions.payloads('open-task')[0]);

    // Act
    clock.advanceSeconds(3599);
    const early = await engine.checkTimeouts();
    clock.advanceSeconds(1);
    const due = await engine.checkTimeouts();
    await engine.whenIdle();
    const late = await apiErrorOf(engine.sendTaskSuccess(token, '{}'));

    // Assert
    expect([early, due]).toEqual([0, 1]);
    const execution = await engine.describeExecution(executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '')).toMatchObject({ overdue: { Error: 'States.Timeout' } });
    expect(late).toBe('TaskTimedOut');
  });

  it('keeps a task alive while heartbeats come and fails it with States.HeartbeatTimeout when they stop', async () => {
    // Arrange
    const clock = new ManualClock();
    const functions = new FakeFunctions().on('open-task', () => null);
    const engine = newEngine(functions, { clock });
    const machine = engine.registerStateMachine('Heartbeats', {
      StartAt: 'Review',
      States: {
        Review: openTask({
          TimeoutSeconds: 3600,
          HeartbeatSeconds: 60,
          Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.overdue', Next: 'Escalated' }],
          End: true,
        }),
        Escalated: { Type: 'Succeed' },
      },
    });
    const { executionArn } = await engine.startExecution({
      stateMachineArn: machine,
      input: '{"caseId":"c-11"}',
    });
    await engine.whenIdle();
    const token = taskTokenOf(functions.payloads('open-task')[0]);

    // Act
    clock.advanceSeconds(50);
    await engine.sendTaskHeartbeat(token);
    clock.advanceSeconds(50);
    const whileBeating = await engine.checkTimeouts();
    clock.advanceSeconds(20);
    const afterSilence = await engine.checkTimeouts();
    await engine.whenIdle();

    // Assert
    expect([whileBeating, afterSilence]).toEqual([0, 1]);
    expect(await output(engine, executionArn)).toMatchObject({
      overdue: { Error: 'States.HeartbeatTimeout' },
    });
  });

  it('waits in every Parallel branch and Map iteration with its own token, and counts every state entered', async () => {
    // Arrange
    const functions = new FakeFunctions().on('open-task', () => null);
    const engine = newEngine(functions);
    const machine = engine.registerStateMachine('FanOut', {
      StartAt: 'Both reviews',
      States: {
        'Both reviews': {
          Type: 'Parallel',
          ResultPath: '$.reviews',
          Next: 'Each member',
          Branches: [
            { StartAt: 'Legal review', States: { 'Legal review': openTask({ End: true }) } },
            { StartAt: 'Finance review', States: { 'Finance review': openTask({ End: true }) } },
          ],
        },
        'Each member': {
          Type: 'Map',
          ItemsPath: '$.members',
          ResultPath: '$.votes',
          End: true,
          ItemProcessor: {
            StartAt: 'Vote',
            States: {
              Vote: {
                Type: 'Task',
                Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
                Parameters: {
                  FunctionName: 'open-task',
                  Payload: { 'member.$': '$', 'taskToken.$': '$$.Task.Token' },
                },
                End: true,
              },
            },
          },
        },
      },
    });
    const input = JSON.stringify({ caseId: 'c-12', members: ['ann', 'bob', 'cem'] });
    const { executionArn } = await engine.startExecution({ stateMachineArn: machine, input });

    // Act
    await engine.whenIdle();
    const branchTokens = functions.payloads('open-task').map(taskTokenOf);
    for (const [index, token] of branchTokens.entries())
      await engine.sendTaskSuccess(token, `{"branch":${index}}`);
    await engine.whenIdle();
    const votes = functions.payloads('open-task').slice(2);
    const waitingForVotes = engine.stats().waitingCallbacks;
    for (const vote of votes) {
      const { member } = vote as { member: string };
      await engine.sendTaskSuccess(taskTokenOf(vote), JSON.stringify({ member, vote: 'yes' }));
    }
    await engine.whenIdle();

    // Assert
    expect(branchTokens).toHaveLength(2);
    expect(waitingForVotes).toBe(3);
    expect(new Set(functions.payloads('open-task').map(taskTokenOf)).size).toBe(5);
    expect(await output(engine, executionArn)).toEqual({
      caseId: 'c-12',
      members: ['ann', 'bob', 'cem'],
      reviews: [{ branch: 0 }, { branch: 1 }],
      votes: [
        { member: 'ann', vote: 'yes' },
        { member: 'bob', vote: 'yes' },
        { member: 'cem', vote: 'yes' },
      ],
    });
    // Both reviews, 2 branch tasks, Each member, 3 iterations of Vote.
    expect(await engine.transitions(executionArn)).toBe(7);
  });

  it('stops an execution: ABORTED with its error and cause, and its callback token is over', async () => {
    // Arrange
    const functions = new FakeFunctions().on('open-task', () => null);
    const engine = newEngine(functions);
    const machine = engine.registerStateMachine('Stoppable', {
      StartAt: 'Review',
      States: { Review: openTask({ End: true }) },
    });
    const { executionArn } = await engine.startExecution({
      stateMachineArn: machine,
      input: '{"caseId":"c-13"}',
    });
    await engine.whenIdle();

    // Act
    await engine.stopExecution(executionArn, { error: 'Withdrawn', cause: 'The applicant withdrew' });
    await engine.whenIdle();
    const late = await apiErrorOf(
      engine.sendTaskSuccess(taskTokenOf(functions.payloads('open-task')[0]), '{}'),
    );

    // Assert
    expect(await engine.describeExecution(executionArn)).toMatchObject({
      status: 'ABORTED',
      error: 'Withdrawn',
      cause: 'The applicant withdrew',
    });
    expect(late).toBe('TaskTimedOut');
    expect(engine.stats().waitingCallbacks).toBe(0);
  });

  it("times out an execution that outlives the machine's TimeoutSeconds on the injected clock", async () => {
    // Arrange
    const clock = new ManualClock();
    const functions = new FakeFunctions().on('open-task', () => null);
    const engine = newEngine(functions, { clock });
    const machine = engine.registerStateMachine('Bounded', {
      TimeoutSeconds: 600,
      StartAt: 'Review',
      States: { Review: openTask({ End: true }) },
    });
    const { executionArn } = await engine.startExecution({
      stateMachineArn: machine,
      input: '{"caseId":"c-14"}',
    });
    await engine.whenIdle();

    // Act
    clock.advanceSeconds(600);
    await engine.checkTimeouts();
    await engine.whenIdle();

    // Assert
    const execution = await engine.describeExecution(executionArn);
    expect(execution.status).toBe('TIMED_OUT');
    expect(execution.stopDate?.toISOString()).toBe(clock.now().toISOString());
  });
});
