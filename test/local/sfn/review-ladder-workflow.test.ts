import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { infoRequestDeadlineSeconds } from '../../../domain/info-request.js';
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
const AWAIT = functionArn('AwaitApplicant');
const TALLY = functionArn('TallyCommission');
const RESERVE = functionArn('ReserveFunds');
const DISBURSE = functionArn('CreateDisbursement');

function ladderFunctions(tally: 'approve' | 'reject' = 'approve'): FakeFunctions {
  return new FakeFunctions()
    .on(CHECK, () => ({ verdict: 'eligible', reasons: [] }))
    .on(OPEN_TASK, () => ({ taskId: 't' }))
    .on(AWAIT, () => ({ awaiting: true }))
    .on(TALLY, () => ({ outcome: tally }))
    .on(RESERVE, () => ({ outcome: 'reserved' }))
    .on(DISBURSE, () => ({ disbursementId: 'd-1' }));
}

type Payload = { type?: string; seat?: number; taskToken?: string };

function openTaskPayloads(functions: FakeFunctions, type: string): Payload[] {
  return functions.payloads(OPEN_TASK).filter((p) => (p as Payload).type === type) as Payload[];
}

function lastToken(functions: FakeFunctions, type: string): string {
  return taskTokenOf(openTaskPayloads(functions, type).at(-1));
}

async function start(engine: LocalStepFunctions, name: string) {
  engine.registerStateMachine('AidApplication', aidApplicationDefinition());
  const { executionArn } = await engine.startExecution({
    stateMachineArn: engine.stateMachineArn('AidApplication'),
    name,
    input: JSON.stringify({ caseId: name }),
  });
  await engine.whenIdle();
  return executionArn;
}

describe('the aid workflow on the review ladder (real ASL, fake steps)', () => {
  it('waits for the applicant after request_info and returns to the specialist review when answered', async () => {
    // Arrange
    const functions = ladderFunctions();
    const engine = newEngine(functions);
    const arn = await start(engine, 'case-info');

    // Act
    await engine.sendTaskSuccess(lastToken(functions, 'review'), '{"outcome":"request_info"}');
    await engine.whenIdle();
    const awaitPayload = functions.payloads(AWAIT)[0];
    await engine.sendTaskSuccess(taskTokenOf(awaitPayload), '{"outcome":"answered"}');
    await engine.whenIdle();

    // Assert
    expect(functions.count(AWAIT)).toBe(1);
    expect(openTaskPayloads(functions, 'review')).toHaveLength(2);
    expect((await engine.describeExecution(arn)).status).toBe('RUNNING');
    await engine.close();
  });

  it('opens a close_unanswered_request task when the answer does not come by the deadline, and waits again on extend', async () => {
    // Arrange
    const clock = new ManualClock();
    const functions = ladderFunctions();
    const engine = newEngine(functions, { clock });
    const arn = await start(engine, 'case-unanswered');
    await engine.sendTaskSuccess(lastToken(functions, 'review'), '{"outcome":"request_info"}');
    await engine.whenIdle();

    // Act
    clock.advanceSeconds(infoRequestDeadlineSeconds + 1);
    await engine.checkTimeouts();
    await engine.whenIdle();
    const closing = openTaskPayloads(functions, 'close_unanswered_request');
    await engine.sendTaskSuccess(lastToken(functions, 'close_unanswered_request'), '{"outcome":"extend"}');
    await engine.whenIdle();

    // Assert
    expect(closing).toHaveLength(1);
    expect(functions.count(AWAIT)).toBe(2);
    await engine
      .sendTaskSuccess(lastToken(functions, 'close_unanswered_request'), '{"outcome":"reject"}')
      .catch(() => undefined);
    expect((await engine.describeExecution(arn)).status).toBe('RUNNING');
    await engine.close();
  });

  it('routes a review approval for the commission to one vote per seat, then tallies and reserves', async () => {
    // Arrange
    const functions = ladderFunctions('approve');
    const engine = newEngine(functions);
    const arn = await start(engine, 'case-commission');

    // Act
    await engine.sendTaskSuccess(
      lastToken(functions, 'review'),
      JSON.stringify({ outcome: 'approve', approver: 'commission', commissionSeats: [1, 2, 3] }),
    );
    await engine.whenIdle();
    const votes = openTaskPayloads(functions, 'commission_vote');
    await engine.sendTaskSuccess(taskTokenOf(votes[0]), '{"outcome":"approve"}');
    await engine.sendTaskSuccess(taskTokenOf(votes[1]), '{"outcome":"approve"}');
    await engine.sendTaskSuccess(taskTokenOf(votes[2]), '{"outcome":"not_needed"}');
    await engine.whenIdle();
    await engine.sendTaskSuccess(lastToken(functions, 'authorise_payment'), '{"outcome":"approve"}');
    await engine.whenIdle();
    await engine.sendTaskSuccess(taskTokenOf(functions.payloads(DISBURSE)[0]), '{"status":"paid"}');
    await engine.whenIdle();

    // Assert
    expect(votes.map((v) => v.seat).sort()).toEqual([1, 2, 3]);
    expect(openTaskPayloads(functions, 'approve')).toHaveLength(0);
    expect(functions.count(TALLY)).toBe(1);
    expect(functions.count(RESERVE)).toBe(1);
    expect((await engine.describeExecution(arn)).status).toBe('SUCCEEDED');
    await engine.close();
  });

  it('ends rejected when the commission rejects, without reserving money', async () => {
    // Arrange
    const functions = ladderFunctions('reject');
    const engine = newEngine(functions);
    const arn = await start(engine, 'case-commission-no');

    // Act
    await engine.sendTaskSuccess(
      lastToken(functions, 'review'),
      JSON.stringify({ outcome: 'approve', approver: 'commission', commissionSeats: [1, 2, 3] }),
    );
    await engine.whenIdle();
    for (const vote of openTaskPayloads(functions, 'commission_vote')) {
      await engine.sendTaskSuccess(taskTokenOf(vote), '{"outcome":"reject"}');
    }
    await engine.whenIdle();

    // Assert
    expect(functions.count(RESERVE)).toBe(0);
    const execution = await engine.describeExecution(arn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({ approval: { outcome: 'reject' } });
    await engine.close();
  });

  it("keeps the answer deadline in the ASL equal to the domain's policy", () => {
    const definition = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../../workflows/aid-application.asl.json'), 'utf8'),
    ) as { States: Record<string, { TimeoutSeconds?: number }> };
    expect(definition.States["Await the applicant's answer"]?.TimeoutSeconds).toBe(
      infoRequestDeadlineSeconds,
    );
  });
});
