import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidOutput,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalStepFunctions } from '../../../local/sfn/engine.js';
import { FakeFunctions, newEngine, serveEngine, taskTokenOf } from './harness.js';

const reviewMachine = {
  StartAt: 'Review',
  States: {
    Review: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: 'open-task',
        Payload: { 'caseId.$': '$.caseId', 'taskToken.$': '$$.Task.Token' },
      },
      ResultPath: '$.review',
      Catch: [{ ErrorEquals: ['Rejected'], ResultPath: '$.failure', Next: 'Rejected' }],
      End: true,
    },
    Rejected: { Type: 'Succeed' },
  },
};

async function rejection(action: Promise<unknown>): Promise<unknown> {
  try {
    await action;
  } catch (error) {
    return error;
  }
  throw new Error('The call succeeded');
}

describe('the local Step Functions endpoint, through the real SFN client', () => {
  let functions: FakeFunctions;
  let engine: LocalStepFunctions;
  let client: SFNClient;
  let close: () => Promise<void>;
  let stateMachineArn: string;

  beforeEach(async () => {
    functions = new FakeFunctions().on('open-task', () => null);
    engine = newEngine(functions);
    stateMachineArn = engine.registerStateMachine('Review', reviewMachine);
    ({ client, close } = await serveEngine(engine));
  });
  afterEach(async () => {
    await engine.close();
    await close();
  });

  it('starts an execution, delivers SendTaskSuccess to its waiting task and describes the result', async () => {
    // Arrange
    const started = await client.send(
      new StartExecutionCommand({ stateMachineArn, name: 'case-1', input: '{"caseId":"c-1"}' }),
    );
    await engine.whenIdle();
    const token = taskTokenOf(functions.payloads('open-task')[0]);

    // Act
    await client.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    await client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"outcome":"approve"}' }));
    await engine.whenIdle();
    const described = await client.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));

    // Assert
    expect(started.executionArn).toBe('arn:aws:states:eu-central-1:123456789012:execution:Review:case-1');
    expect(started.startDate).toBeInstanceOf(Date);
    expect(described).toMatchObject({
      executionArn: started.executionArn,
      stateMachineArn,
      name: 'case-1',
      status: 'SUCCEEDED',
      input: '{"caseId":"c-1"}',
    });
    expect(described.startDate?.getTime()).toBe(started.startDate?.getTime());
    expect(described.stopDate).toBeInstanceOf(Date);
    expect(JSON.parse(described.output ?? '')).toEqual({ caseId: 'c-1', review: { outcome: 'approve' } });
  });

  it('routes SendTaskFailure to the Catch of the waiting task', async () => {
    // Arrange
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn, input: '{"caseId":"c-2"}' }),
    );
    await engine.whenIdle();

    // Act
    await client.send(
      new SendTaskFailureCommand({
        taskToken: taskTokenOf(functions.payloads('open-task')[0]),
        error: 'Rejected',
        cause: 'Income above the threshold',
      }),
    );
    await engine.whenIdle();

    // Assert
    const { output } = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(JSON.parse(output ?? '')).toMatchObject({
      failure: { Error: 'Rejected', Cause: 'Income above the threshold' },
    });
  });

  it('maps task token errors to the typed SDK exceptions', async () => {
    // Arrange
    await client.send(new StartExecutionCommand({ stateMachineArn, input: '{"caseId":"c-3"}' }));
    await engine.whenIdle();
    const token = taskTokenOf(functions.payloads('open-task')[0]);

    // Act
    const unknown = await rejection(
      client.send(
        new SendTaskSuccessCommand({ taskToken: 'never-issued-token-0000000000000000000', output: '{}' }),
      ),
    );
    const badOutput = await rejection(
      client.send(new SendTaskSuccessCommand({ taskToken: token, output: 'nope' })),
    );
    await client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));
    const twice = await rejection(
      client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    );

    // Assert
    expect(unknown).toBeInstanceOf(TaskDoesNotExist);
    expect(badOutput).toBeInstanceOf(InvalidOutput);
    expect(twice).toBeInstanceOf(TaskTimedOut);
  });

  it('treats StartExecution with the same name and input as the same execution, and refuses another input', async () => {
    // Arrange
    const request = { stateMachineArn, name: 'case-4', input: '{"caseId":"c-4"}' };
    const first = await client.send(new StartExecutionCommand(request));

    // Act
    const again = await client.send(new StartExecutionCommand(request));
    const clash = await rejection(
      client.send(new StartExecutionCommand({ ...request, input: '{"caseId":"other"}' })),
    );
    await engine.whenIdle();

    // Assert
    expect(again.executionArn).toBe(first.executionArn);
    expect(again.startDate?.getTime()).toBe(first.startDate?.getTime());
    expect(clash).toBeInstanceOf(ExecutionAlreadyExists);
    expect(functions.count('open-task')).toBe(1);
  });

  it('answers StateMachineDoesNotExist and ExecutionDoesNotExist for unknown ARNs', async () => {
    // Act
    const noMachine = await rejection(
      client.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}-gone`, input: '{}' })),
    );
    const noExecution = await rejection(
      client.send(
        new DescribeExecutionCommand({
          executionArn: 'arn:aws:states:eu-central-1:123456789012:execution:Review:nope',
        }),
      ),
    );

    // Assert
    expect(noMachine).toBeInstanceOf(StateMachineDoesNotExist);
    expect(noExecution).toBeInstanceOf(ExecutionDoesNotExist);
  });

  it('stops an execution and lists executions newest first with their status', async () => {
    // Arrange
    const a = await client.send(
      new StartExecutionCommand({ stateMachineArn, name: 'a', input: '{"caseId":"a"}' }),
    );
    const b = await client.send(
      new StartExecutionCommand({ stateMachineArn, name: 'b', input: '{"caseId":"b"}' }),
    );
    await engine.whenIdle();

    // Act
    const stopped = await client.send(
      new StopExecutionCommand({ executionArn: a.executionArn, cause: 'withdrawn' }),
    );
    const all = await client.send(new ListExecutionsCommand({ stateMachineArn }));
    const running = await client.send(
      new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING' }),
    );

    // Assert
    expect(stopped.stopDate).toBeInstanceOf(Date);
    expect(all.executions?.map((e) => [e.name, e.status])).toEqual(
      expect.arrayContaining([
        ['a', 'ABORTED'],
        ['b', 'RUNNING'],
      ]),
    );
    expect(running.executions?.map((e) => e.executionArn)).toEqual([b.executionArn]);
  });
});
