import { describe, expect, it } from 'vitest';
import type { LocalStepFunctions } from '../../../local/sfn/engine.js';
import {
  aidApplicationDefinition,
  FakeFunctions,
  functionArn,
  ManualClock,
  newEngine,
  taskTokenOf,
} from './harness.js';

const CHECK = functionArn('CheckEligibility');
const OPEN_TASK = functionArn('OpenTask');
const RESERVE = functionArn('ReserveFunds');
const DISBURSE = functionArn('CreateDisbursement');
const RECORD_FAILURE = functionArn('RecordFailure');

function paymentFunctions(): FakeFunctions {
  return new FakeFunctions()
    .on(CHECK, () => ({ verdict: 'eligible', reasons: [] }))
    .on(OPEN_TASK, () => ({ taskId: 't' }))
    .on(RESERVE, () => ({ outcome: 'reserved' }))
    .on(DISBURSE, () => ({ disbursementId: 'd' }))
    .on(RECORD_FAILURE, () => ({ recorded: true }));
}

type Payload = { type?: string; taskToken?: string };
const tokens = (functions: FakeFunctions, fn: string, type?: string) =>
  functions
    .payloads(fn)
    .filter((p) => type === undefined || (p as Payload).type === type)
    .map(taskTokenOf);

async function decide(engine: LocalStepFunctions, token: string | undefined, output: object) {
  await engine.sendTaskSuccess(token ?? '', JSON.stringify(output));
  await engine.whenIdle();
}

/** Starts a case and takes it through review, the head's approval and the authorisation. */
async function authorisedCase(engine: LocalStepFunctions, functions: FakeFunctions, name: string) {
  engine.registerStateMachine('AidApplication', aidApplicationDefinition());
  const { executionArn } = await engine.startExecution({
    stateMachineArn: engine.stateMachineArn('AidApplication'),
    name,
    input: JSON.stringify({ caseId: name }),
  });
  await engine.whenIdle();
  await decide(engine, tokens(functions, OPEN_TASK, 'review')[0], { outcome: 'approve' });
  await decide(engine, tokens(functions, OPEN_TASK, 'approve')[0], { outcome: 'approve' });
  await decide(engine, tokens(functions, OPEN_TASK, 'authorise_payment')[0], { outcome: 'approve' });
  return executionArn;
}

describe('the aid workflow waits for the settlement (real ASL, fake steps)', () => {
  it('waits in "Create the disbursement" until paid, then ends: 9 transitions on the single-approver path', async () => {
    // Arrange
    const functions = paymentFunctions();
    const engine = newEngine(functions);
    const arn = await authorisedCase(engine, functions, 'case-paid');
    const waiting = (await engine.describeExecution(arn)).status;

    // Act
    await decide(engine, tokens(functions, DISBURSE)[0], { disbursementId: 'd', status: 'paid' });

    // Assert
    expect(waiting).toBe('RUNNING');
    expect(functions.payloads(DISBURSE)[0]).toMatchObject({ caseId: 'case-paid', executionId: arn });
    const execution = await engine.describeExecution(arn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '{}').disbursement).toEqual({
      disbursementId: 'd',
      status: 'paid',
    });
    // Check, eligible?, review, review outcome?, head approval, reserve, reserved?, authorise,
    // disburse: no choice after the head's or finance's wait (rejections arrive as a caught error).
    expect(await engine.transitions(arn)).toBe(9);
    await engine.close();
  });

  it('catches PaymentFailed into a re-issue task; a re-issue reserves, authorises and disburses again, then ends paid', async () => {
    // Arrange
    const functions = paymentFunctions();
    const engine = newEngine(functions);
    const arn = await authorisedCase(engine, functions, 'case-reissue');

    // Act
    await engine.sendTaskFailure(
      tokens(functions, DISBURSE)[0] ?? '',
      'PaymentFailed',
      '{"disbursementId":"d"}',
    );
    await engine.whenIdle();
    const reissueTasks = tokens(functions, OPEN_TASK, 'reissue_payment');
    await decide(engine, reissueTasks[0], { outcome: 'reissue' });
    await decide(engine, tokens(functions, OPEN_TASK, 'authorise_payment')[1], { outcome: 'approve' });
    const disbursementWaits = tokens(functions, DISBURSE);
    await decide(engine, disbursementWaits[1], { disbursementId: 'd2', status: 'paid' });

    // Assert
    expect(reissueTasks).toHaveLength(1);
    expect(disbursementWaits).toHaveLength(2);
    expect(functions.count(RESERVE)).toBe(2);
    expect(functions.count(RECORD_FAILURE)).toBe(0);
    const execution = await engine.describeExecution(arn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({
      paymentFailure: { Error: 'PaymentFailed' },
      reissue: { outcome: 'reissue' },
      disbursement: { disbursementId: 'd2', status: 'paid' },
    });
    await engine.close();
  });

  it('ends without reserving again when finance closes the case after a failed payment', async () => {
    // Arrange
    const functions = paymentFunctions();
    const engine = newEngine(functions);
    const arn = await authorisedCase(engine, functions, 'case-close');
    await engine.sendTaskFailure(tokens(functions, DISBURSE)[0] ?? '', 'PaymentFailed', '{}');
    await engine.whenIdle();

    // Act
    await decide(engine, tokens(functions, OPEN_TASK, 'reissue_payment')[0], { outcome: 'close' });

    // Assert
    expect((await engine.describeExecution(arn)).status).toBe('SUCCEEDED');
    expect(functions.count(RESERVE)).toBe(1);
    expect(functions.count(DISBURSE)).toBe(1);
    await engine.close();
  });

  it('enters the settlement wait again when it times out, and the settlement to the new token ends it', async () => {
    // Arrange
    const clock = new ManualClock();
    const functions = paymentFunctions();
    const engine = newEngine(functions, { clock });
    const arn = await authorisedCase(engine, functions, 'case-slow-bank');

    // Act
    clock.advanceSeconds(30 * 86_400 + 1);
    await engine.checkTimeouts();
    await engine.whenIdle();
    const [first, second] = tokens(functions, DISBURSE);
    const stale = await engine.sendTaskSuccess(first ?? '', '{}').then(
      () => 'accepted',
      (error: Error) => error.name,
    );
    await decide(engine, second, { disbursementId: 'd', status: 'paid' });

    // Assert
    expect(functions.payloads(DISBURSE)).toHaveLength(2);
    expect(second).not.toBe(first);
    expect(stale).toBe('TaskTimedOut');
    expect((await engine.describeExecution(arn)).status).toBe('SUCCEEDED');
    await engine.close();
  });
});
