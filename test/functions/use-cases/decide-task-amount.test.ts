import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aidApplicationSchema } from '../../../domain/aid-application.js';
import { ValidationError } from '../../../functions/lib/errors.js';
import type { Principal } from '../../../functions/lib/http.js';
import { getCase } from '../../../functions/lib/store/reads.js';
import { checkEligibility } from '../../../functions/use-cases/check-eligibility.js';
import { decideTask } from '../../../functions/use-cases/decide-task.js';
import { openTask } from '../../../functions/use-cases/open-task.js';
import { submitAidApplication } from '../../../functions/use-cases/submit-aid-application.js';
import { distinctApplicant, sampleApplication } from '../../support/api-client.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const reviewer: Principal = { sub: 'sub-reviewer', username: 'reviewer', roles: ['reviewer'] };
const head: Principal = { sub: 'sub-head', username: 'head', roles: ['head'] };
/** The sample application asks for 5 000 RUB. */
const requested = 500_000;
const rub = (minor: number) => ({ currency: 'RUB', minor });

/**
 * An approval gives at most what the applicant asked for (domain/decision.ts
 * `amountAboveRequested`), whoever approves, against DynamoDB Local.
 */
describe('the amount an approval may give', () => {
  let table: TestTable;
  const now = new Date();
  beforeAll(async () => {
    table = await handlerTable();
  });
  afterAll(async () => table.drop());

  /** A new case in review; its id and the review task's. */
  async function caseInReview(asked = requested): Promise<{ caseId: string; taskId: string }> {
    const application = aidApplicationSchema.parse(
      sampleApplication({ applicant: distinctApplicant(), requestedAmount: rub(asked) }),
    );
    const { caseId } = await submitAidApplication({ application, now });
    await checkEligibility(caseId, now);
    const { taskId } = await openTask({ caseId, type: 'review', taskToken: `review-${caseId}`, now });
    return { caseId, taskId };
  }

  /** A case the review sent to the head; its id and the head's task. */
  async function caseWithTheHead(): Promise<{ caseId: string; taskId: string }> {
    const review = await caseInReview();
    await decideTask({ taskId: review.taskId, decision: { outcome: 'approve' }, principal: reviewer, now });
    const { taskId } = await openTask({
      caseId: review.caseId,
      type: 'approve',
      taskToken: `approve-${review.caseId}`,
      now,
    });
    return { caseId: review.caseId, taskId };
  }

  it('refuses the head an amount above the requested one, naming it, and changes nothing', async () => {
    // Arrange
    const { caseId, taskId } = await caseWithTheHead();

    // Act: "5 000,50" typed for a request of 5 000.
    const deciding = decideTask({
      taskId,
      decision: { outcome: 'approve', amount: rub(requested + 50) },
      principal: head,
      now,
    });

    // Assert
    const refusal = await deciding.catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).errors).toEqual([
      {
        path: 'amount.minor',
        message:
          'The approved amount may not exceed the requested amount (5000 RUB); approve at most that, or reject with reasons.',
      },
    ]);
    const after = await getCase(caseId);
    expect(after?.status).toBe('awaiting_approval');
    expect(after?.approvedAmount).toEqual(rub(requested));
    expect(after?.deciders.map((d) => d.stage)).toEqual(['review']);
  });

  it('refuses the reviewer a proposal above the requested amount too', async () => {
    // Arrange
    const { taskId } = await caseInReview();

    // Act
    const deciding = decideTask({
      taskId,
      decision: { outcome: 'approve', amount: rub(requested + 1) },
      principal: reviewer,
      now,
    });

    // Assert
    await expect(deciding).rejects.toThrow(ValidationError);
  });

  it("still refuses the head an amount within the requested one but above the head's limit", async () => {
    // Arrange: 40 000 asked, the review proposes 25 000, which is the head's to approve.
    const review = await caseInReview(4_000_000);
    await decideTask({
      taskId: review.taskId,
      decision: { outcome: 'approve', amount: rub(2_500_000) },
      principal: reviewer,
      now,
    });
    const { taskId } = await openTask({
      caseId: review.caseId,
      type: 'approve',
      taskToken: `approve-${review.caseId}`,
      now,
    });

    // Act
    const deciding = decideTask({
      taskId,
      decision: { outcome: 'approve', amount: rub(3_000_100) },
      principal: head,
      now,
    });

    // Assert
    await expect(deciding).rejects.toThrow(
      /may approve up to 3000000 minor units of RUB .* needs the commission/,
    );
    await expect(deciding).rejects.toMatchObject({
      extra: { code: 'head_limit_exceeded', limit: { currency: 'RUB', minor: 3_000_000 } },
    });
  });

  it('lets the head approve the requested amount or less', async () => {
    // Arrange
    const asked = await caseWithTheHead();
    const less = await caseWithTheHead();

    // Act
    const whole = await decideTask({
      taskId: asked.taskId,
      decision: { outcome: 'approve', amount: rub(requested) },
      principal: head,
      now,
    });
    const part = await decideTask({
      taskId: less.taskId,
      decision: { outcome: 'approve', amount: rub(300_000) },
      principal: head,
      now,
    });

    // Assert
    expect([whole.caseStatus, part.caseStatus]).toEqual(['approved', 'approved']);
    expect((await getCase(less.caseId))?.approvedAmount).toEqual(rub(300_000));
  });
});
