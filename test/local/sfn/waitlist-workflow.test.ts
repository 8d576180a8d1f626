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

const OPEN_TASK = functionArn('OpenTask');
const AWAIT_FUNDS = functionArn('AwaitFunds');
const RESERVE = functionArn('ReserveFunds');

const thirtyDays = 2_592_000;

type Payload = { type?: string; taskToken?: string; caseId?: string };

function waitlistFunctions(): FakeFunctions {
  return new FakeFunctions()
    .on(functionArn('CheckEligibility'), () => ({ verdict: 'eligible' }))
    .on(OPEN_TASK, () => ({ taskId: 't' }))
    .on(RESERVE, () => ({ outcome: 'insufficient_funds' }))
    .on(AWAIT_FUNDS, () => ({ waiting: true }));
}

function lastToken(functions: FakeFunctions, fn: string, type?: string): string {
  const payloads = functions.payloads(fn) as Payload[];
  return taskTokenOf(payloads.filter((p) => type === undefined || p.type === type).at(-1));
}

/** Runs a case to the head's approval, which the fake reservation answers with "no money". */
async function approvedWithoutMoney(engine: LocalStepFunctions, functions: FakeFunctions, name: string) {
  engine.registerStateMachine('AidApplication', aidApplicationDefinition());
  const { executionArn } = await engine.startExecution({
    stateMachineArn: engine.stateMachineArn('AidApplication'),
    name,
    input: JSON.stringify({ caseId: name }),
  });
  await engine.whenIdle();
  await engine.sendTaskSuccess(lastToken(functions, OPEN_TASK, 'review'), '{"outcome":"approve"}');
  await engine.whenIdle();
  await engine.sendTaskSuccess(lastToken(functions, OPEN_TASK, 'approve'), '{"outcome":"approve"}');
  await engine.whenIdle();
  return executionArn;
}

describe('the aid workflow when no budget covers an approval (real ASL, fake steps)', () => {
  it('waits for funds instead of ending, and goes on to the payment authorisation once funded', async () => {
    // Arrange
    const functions = waitlistFunctions();
    const engine = newEngine(functions);
    const arn = await approvedWithoutMoney(engine, functions, 'case-waitlisted');
    const waiting = (await engine.describeExecution(arn)).status;

    // Act
    await engine.sendTaskSuccess(
      lastToken(functions, AWAIT_FUNDS),
      JSON.stringify({ outcome: 'reserved', source: 'charity' }),
    );
    await engine.whenIdle();

    // Assert
    expect(waiting).toBe('RUNNING');
    expect(functions.payloads(AWAIT_FUNDS)).toEqual([
      expect.objectContaining({ caseId: 'case-waitlisted', taskToken: expect.any(String) }),
    ]);
    expect((functions.payloads(OPEN_TASK) as Payload[]).map((p) => p.type)).toEqual([
      'review',
      'approve',
      'authorise_payment',
    ]);
    expect((await engine.describeExecution(arn)).status).toBe('RUNNING');
    await engine.close();
  });

  it('enters the wait again with a fresh token when it times out, and is resumed on the new one', async () => {
    // Arrange
    const clock = new ManualClock();
    const functions = waitlistFunctions();
    const engine = newEngine(functions, { clock });
    await approvedWithoutMoney(engine, functions, 'case-long-wait');
    const firstToken = lastToken(functions, AWAIT_FUNDS);

    // Act
    clock.advanceSeconds(thirtyDays + 1);
    await engine.checkTimeouts();
    await engine.whenIdle();
    const secondToken = lastToken(functions, AWAIT_FUNDS);
    const stale = await engine.sendTaskSuccess(firstToken, '{"outcome":"reserved"}').then(
      () => 'accepted',
      (error: Error) => error.name,
    );
    await engine.sendTaskSuccess(secondToken, '{"outcome":"reserved"}');
    await engine.whenIdle();

    // Assert
    expect(functions.count(AWAIT_FUNDS)).toBe(2);
    expect(secondToken).not.toBe(firstToken);
    expect(stale).not.toBe('accepted');
    expect((functions.payloads(OPEN_TASK) as Payload[]).at(-1)?.type).toBe('authorise_payment');
    await engine.close();
  });
});
