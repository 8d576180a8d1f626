import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aidApplicationSchema } from '../../../domain/aid-application.js';
import { personKey } from '../../../functions/lib/access-codes.js';
import type { Principal } from '../../../functions/lib/http.js';
import { storedExplanation } from '../../../functions/lib/store/eligibility-records.js';
import { getCase } from '../../../functions/lib/store/reads.js';
import { checkEligibility } from '../../../functions/use-cases/check-eligibility.js';
import { openTask } from '../../../functions/use-cases/open-task.js';
import { caseForStaff } from '../../../functions/use-cases/staff-cases.js';
import { taskDetail } from '../../../functions/use-cases/staff-tasks.js';
import { submitAidApplication } from '../../../functions/use-cases/submit-aid-application.js';
import { distinctApplicant, sampleApplication } from '../../support/api-client.js';
import { aidCaseItem } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const reviewer: Principal = { sub: 'sub-reviewer', username: 'reviewer', roles: ['reviewer'] };

describe('the eligibility check', () => {
  let table: TestTable;
  let caseId: string;
  const now = new Date();

  beforeAll(async () => {
    table = await handlerTable();
    const application = aidApplicationSchema.parse(
      sampleApplication({ applicant: { ...distinctApplicant(), preferredLanguage: 'uk' } }),
    );
    ({ caseId } = await submitAidApplication({ application, now }));
  });
  afterAll(async () => table.drop());

  it('keeps on the case the verdict and each reason in the applicant’s language only; the facts and all four languages beside it', async () => {
    // Act
    await checkEligibility(caseId, now);

    // Assert
    const stored = await getCase(caseId);
    const explanation = await storedExplanation(caseId);
    expect(stored?.eligibility?.language).toBe('uk');
    expect(stored?.eligibility?.rules.length).toBeGreaterThan(0);
    for (const rule of stored?.eligibility?.rules ?? []) {
      expect(rule.messages).toBeUndefined();
      const full = explanation?.rules.find((r) => r.code === rule.code);
      expect(Object.keys(full?.messages ?? {}).sort()).toEqual(['en', 'ru', 'uk', 'zh']);
      expect(rule.message).toBe(full?.messages.uk);
    }
    // Nothing reads the facts or each rule's facts from the case; every write of the case paid for them.
    expect(stored?.eligibility).toEqual({
      verdict: explanation?.verdict,
      asOf: explanation?.asOf,
      language: 'uk',
      rules: explanation?.rules.map(({ code, passed, mandatory, message }) => ({
        code,
        passed,
        mandatory,
        message,
      })),
    });
    expect(explanation?.facts.householdSize).toBeGreaterThan(0);
    expect(explanation?.rules.every((r) => r.factsUsed !== undefined)).toBe(true);
  });

  it("finds the person's earlier cash aid through the person index, and not other aid types", async () => {
    // Arrange: the same person was paid cash aid three months ago, and food aid last month.
    const applicant = distinctApplicant();
    const person = personKey(applicant as { fullName: string; birthDate: string });
    const earlier = (aidType: string, decidedAt: string) => {
      const submittedAt = '2020-01-01T10:00:00.000Z';
      return aidCaseItem({
        aidType,
        status: 'paid',
        personKey: person,
        submittedAt,
        decision: { outcome: 'approved', decidedAt },
      });
    };
    // At noon UTC, so the date is the same in the policy's time zone.
    const daysAgo = (days: number) => {
      const at = new Date(now);
      at.setUTCDate(at.getUTCDate() - days);
      at.setUTCHours(12, 0, 0, 0);
      return at.toISOString();
    };
    const paidCash = daysAgo(90);
    const paidFood = daysAgo(30);
    for (const item of [earlier('cash', paidCash), earlier('food', paidFood)])
      await table.doc.send(new PutCommand({ TableName: table.tableName, Item: item }));
    const application = aidApplicationSchema.parse(sampleApplication({ applicant, aidType: 'cash' }));
    const { caseId: again } = await submitAidApplication({ application, now });

    // Act
    await checkEligibility(again, now);

    // Assert
    const facts = (await storedExplanation(again))?.facts;
    expect(facts?.receivedCashAidBefore).toBe(true);
    expect(facts?.lastCashAidDate).toBe(paidCash.slice(0, 10));
  });

  it('shows the staff desk the reasons in every language, in the task and in the case', async () => {
    // Arrange
    const { taskId } = await openTask({ caseId, type: 'review', taskToken: `token-${caseId}`, now });

    // Act
    const task = await taskDetail({ taskId, principal: reviewer, now });
    const view = (await caseForStaff(caseId)) as { eligibility?: { rules: { messages?: unknown }[] } };

    // Assert
    const expected = (await storedExplanation(caseId))?.rules;
    expect(task.eligibility?.rules).toEqual(expected);
    expect(view.eligibility?.rules).toEqual(expected);
  });
});
