import { describe, expect, it } from 'vitest';
import type { LocalStepFunctions } from '../../../local/sfn/engine.js';
import { aidApplicationDefinition, FakeFunctions, functionArn, newEngine, taskTokenOf } from './harness.js';

const CHECK = functionArn('CheckEligibility');
const OPEN_TASK = functionArn('OpenTask');
const RESERVE = functionArn('ReserveFunds');
const RELEASE = functionArn('ReleaseFunds');
const DISBURSE = functionArn('CreateDisbursement');
const RECORD_FAILURE = functionArn('RecordFailure');

function steps(): FakeFunctions {
  return new FakeFunctions()
    .on(CHECK, () => ({ verdict: 'eligible', reasons: [] }))
    .on(OPEN_TASK, () => ({ taskId: 't' }))
    .on(RESERVE, () => ({ outcome: 'reserved' }))
    .on(RELEASE, () => ({ released: true }))
    .on(DISBURSE, () => ({ disbursementId: 'd' }))
    .on(RECORD_FAILURE, () => ({ recorded: true }));
}

const tokenOf = (functions: FakeFunctions, type: string) =>
  taskTokenOf(
    functions
      .payloads(OPEN_TASK)
      .filter((p) => (p as { type?: string }).type === type)
      .at(-1),
  );

async function start(engine: LocalStepFunctions, name: string): Promise<string> {
  engine.registerStateMachine('AidApplication', aidApplicationDefinition());
  const { executionArn } = await engine.startExecution({
    stateMachineArn: engine.stateMachineArn('AidApplication'),
    name,
    input: JSON.stringify({ caseId: name }),
  });
  await engine.whenIdle();
  return executionArn;
}

async function succeed(engine: LocalStepFunctions, token: string, output: object) {
  await engine.sendTaskSuccess(token, JSON.stringify(output));
  await engine.whenIdle();
}

async function fail(engine: LocalStepFunctions, token: string, error: string, cause: object) {
  await engine.sendTaskFailure(token, error, JSON.stringify(cause));
  await engine.whenIdle();
}

/** Rejections of the head's approval and of the payment authorisation arrive as SendTaskFailure. */
describe('the aid workflow on a rejected decision (real ASL, fake steps)', () => {
  it('ends "Application rejected" when the head rejects, reserving nothing and recording no failure', async () => {
    // Arrange
    const functions = steps();
    const engine = newEngine(functions);
    const arn = await start(engine, 'case-head-no');
    await succeed(engine, tokenOf(functions, 'review'), { outcome: 'approve', approver: 'head' });

    // Act
    await fail(engine, tokenOf(functions, 'approve'), 'DecisionRejected', { outcome: 'reject' });

    // Assert
    const execution = await engine.describeExecution(arn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({ approval: { Error: 'DecisionRejected' } });
    expect(functions.count(RESERVE)).toBe(0);
    expect(functions.count(RECORD_FAILURE)).toBe(0);
    await engine.close();
  });

  it('releases the funds when finance refuses the payment, and disburses nothing', async () => {
    // Arrange
    const functions = steps();
    const engine = newEngine(functions);
    const arn = await start(engine, 'case-finance-no');
    await succeed(engine, tokenOf(functions, 'review'), { outcome: 'approve' });
    await succeed(engine, tokenOf(functions, 'approve'), { outcome: 'approve' });

    // Act
    await fail(engine, tokenOf(functions, 'authorise_payment'), 'DecisionRejected', { outcome: 'reject' });

    // Assert
    expect((await engine.describeExecution(arn)).status).toBe('SUCCEEDED');
    expect(functions.count(RELEASE)).toBe(1);
    expect(functions.count(DISBURSE)).toBe(0);
    expect(functions.count(RECORD_FAILURE)).toBe(0);
    await engine.close();
  });

  it('fails in "Unexpected decision" on an outcome the workflow does not know, as a choice would', async () => {
    // Arrange
    const functions = steps();
    const engine = newEngine(functions);
    const arn = await start(engine, 'case-odd');
    await succeed(engine, tokenOf(functions, 'review'), { outcome: 'approve' });

    // Act
    await fail(engine, tokenOf(functions, 'approve'), 'UnexpectedDecision', { outcome: 'extend' });

    // Assert
    const execution = await engine.describeExecution(arn);
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('UnexpectedDecision');
    expect(functions.count(RESERVE)).toBe(0);
    await engine.close();
  });

  it('goes from the review straight to the commission when the ladder says so (one choice)', async () => {
    // Arrange
    const functions = steps();
    const engine = newEngine(functions);
    await start(engine, 'case-big');

    // Act
    await succeed(engine, tokenOf(functions, 'review'), {
      outcome: 'approve',
      approver: 'commission',
      commissionSeats: [1, 2, 3],
    });

    // Assert
    const types = functions.payloads(OPEN_TASK).map((p) => (p as { type?: string }).type);
    expect(types.filter((t) => t === 'commission_vote')).toHaveLength(3);
    expect(types).not.toContain('approve');
    await engine.close();
  });
});
