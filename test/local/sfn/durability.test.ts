import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStepFunctions } from '../../../local/sfn/engine.js';
import { DynamoJournal } from '../../../local/sfn/journal.js';
import { createTestTable, type TestTable } from '../../support/dynamodb.js';
import { aidApplicationDefinition, FakeFunctions, functionArn, newEngine, taskTokenOf } from './harness.js';

const CHECK = functionArn('CheckEligibility');
const OPEN_TASK = functionArn('OpenTask');
const RESERVE = functionArn('ReserveFunds');
const DISBURSE = functionArn('CreateDisbursement');

/** In-memory stand-ins for the workflow's step handlers, on the happy path. */
function aidFunctions(): FakeFunctions {
  return new FakeFunctions()
    .on(CHECK, () => ({ verdict: 'eligible', reasons: [] }))
    .on(OPEN_TASK, () => ({ taskId: 't' }))
    .on(RESERVE, () => ({ outcome: 'reserved' }))
    .on(DISBURSE, () => ({ disbursementId: 'd-1' }));
}

/** The token the fake OpenTask handler was given for a task type ('review', 'approve', …). */
function tokenFor(functions: FakeFunctions, type: string): string {
  const payload = functions.payloads(OPEN_TASK).find((p) => (p as { type?: string }).type === type);
  return taskTokenOf(payload);
}

function engineOn(table: TestTable, functions: FakeFunctions): LocalStepFunctions {
  const engine = newEngine(functions, { journal: new DynamoJournal(table.doc, table.tableName) });
  engine.registerStateMachine('AidApplication', aidApplicationDefinition());
  return engine;
}

describe('durable executions of the aid application workflow on DynamoDB Local', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await createTestTable('keyValue');
  });
  afterAll(async () => table.drop());

  it('resumes at Head approval after a restart without re-invoking finished tasks, and succeeds in 9 transitions', async () => {
    // Arrange
    const functions = aidFunctions();
    const first = engineOn(table, functions);
    const { executionArn } = await first.startExecution({
      stateMachineArn: first.stateMachineArn('AidApplication'),
      name: 'case-restart',
      input: '{"caseId":"case-restart"}',
    });
    await first.whenIdle();
    await first.sendTaskSuccess(tokenFor(functions, 'review'), '{"outcome":"approve"}');
    await first.whenIdle();
    const beforeRestart = { check: functions.count(CHECK), openTask: functions.count(OPEN_TASK) };
    await first.close();

    // Act
    const second = engineOn(table, functions);
    const resumed = await second.recover();
    await second.whenIdle();
    const afterReplay = { check: functions.count(CHECK), openTask: functions.count(OPEN_TASK) };
    await second.sendTaskSuccess(tokenFor(functions, 'approve'), '{"outcome":"approve"}');
    await second.whenIdle();
    await second.sendTaskSuccess(tokenFor(functions, 'authorise_payment'), '{"outcome":"approve"}');
    await second.whenIdle();
    // The settlement: "Create the disbursement" waits for it (finance records paid; the stream answers).
    await second.sendTaskSuccess(
      taskTokenOf(functions.payloads(DISBURSE)[0]),
      '{"disbursementId":"d-1","status":"paid"}',
    );
    await second.whenIdle();

    // Assert
    expect(beforeRestart).toEqual({ check: 1, openTask: 2 });
    expect(resumed).toEqual([executionArn]);
    expect(afterReplay).toEqual({ check: 1, openTask: 2 });
    const execution = await second.describeExecution(executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '')).toMatchObject({
      caseId: 'case-restart',
      eligibility: { verdict: 'eligible' },
      review: { outcome: 'approve' },
      approval: { outcome: 'approve' },
      funds: { outcome: 'reserved' },
      authorisation: { outcome: 'approve' },
      disbursement: { disbursementId: 'd-1', status: 'paid' },
    });
    expect([functions.count(OPEN_TASK), functions.count(RESERVE), functions.count(DISBURSE)]).toEqual([
      3, 1, 1,
    ]);
    expect(await second.transitions(executionArn)).toBe(9);
    expect(
      (await new DynamoJournal(table.doc, table.tableName).getExecution(executionArn))?.transitions,
    ).toBe(9);
    await second.close();
  });

  it('keeps a callback that arrives before the execution is replayed, and the replay goes on from it', async () => {
    // Arrange
    const functions = aidFunctions();
    const first = engineOn(table, functions);
    const { executionArn } = await first.startExecution({
      stateMachineArn: first.stateMachineArn('AidApplication'),
      name: 'case-early-callback',
      input: '{"caseId":"case-early-callback"}',
    });
    await first.whenIdle();
    await first.close();
    const second = engineOn(table, functions);

    // Act
    await second.sendTaskSuccess(tokenFor(functions, 'review'), '{"outcome":"approve"}');
    await second.recover();
    await second.whenIdle();

    // Assert
    expect(functions.payloads(OPEN_TASK).map((p) => (p as { type: string }).type)).toEqual([
      'review',
      'approve',
    ]);
    expect((await second.describeExecution(executionArn)).status).toBe('RUNNING');
    expect(second.stats()).toMatchObject({ waitingCallbacks: 1, byStatus: { RUNNING: 1 } });
    await second.close();
  });

  it('replays a rejection that arrived while the engine was down as the same caught error', async () => {
    // Arrange: the case waits for the head; the engine stops.
    const functions = aidFunctions();
    const first = engineOn(table, functions);
    const { executionArn } = await first.startExecution({
      stateMachineArn: first.stateMachineArn('AidApplication'),
      name: 'case-rejected-while-down',
      input: '{"caseId":"case-rejected-while-down"}',
    });
    await first.whenIdle();
    await first.sendTaskSuccess(tokenFor(functions, 'review'), '{"outcome":"approve"}');
    await first.whenIdle();
    await first.close();
    const second = engineOn(table, functions);

    // Act: the stream delivers the head's rejection before the execution is replayed.
    await second.sendTaskFailure(tokenFor(functions, 'approve'), 'DecisionRejected', '{"outcome":"reject"}');
    await second.recover();
    await second.whenIdle();

    // Assert
    const execution = await second.describeExecution(executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({ approval: { Error: 'DecisionRejected' } });
    expect(functions.count(RESERVE)).toBe(0);
    await second.close();
  });

  it('lets exactly one of two racing callbacks for one token through', async () => {
    // Arrange
    const functions = aidFunctions();
    const engine = engineOn(table, functions);
    await engine.startExecution({
      stateMachineArn: engine.stateMachineArn('AidApplication'),
      name: 'case-race',
      input: '{"caseId":"case-race"}',
    });
    await engine.whenIdle();
    const token = tokenFor(functions, 'review');

    // Act
    const results = await Promise.allSettled([
      engine.sendTaskSuccess(token, '{"outcome":"approve"}'),
      engine.sendTaskSuccess(token, '{"outcome":"reject"}'),
    ]);
    await engine.whenIdle();

    // Assert
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && (refused.reason as Error).name).toBe('TaskTimedOut');
    await engine.close();
  });
});
