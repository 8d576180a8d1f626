import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aidApplicationSchema } from '../../../domain/aid-application.js';
import type { Principal } from '../../../functions/lib/http.js';
import { storedExplanation } from '../../../functions/lib/store/eligibility-records.js';
import { getCase } from '../../../functions/lib/store/reads.js';
import { checkEligibility } from '../../../functions/use-cases/check-eligibility.js';
import { openTask } from '../../../functions/use-cases/open-task.js';
import { caseForStaff } from '../../../functions/use-cases/staff-cases.js';
import { taskDetail } from '../../../functions/use-cases/staff-tasks.js';
import { submitAidApplication } from '../../../functions/use-cases/submit-aid-application.js';
import { distinctApplicant, sampleApplication } from '../../support/api-client.js';
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

  it('keeps each reason on the case in the applicant’s language only, and all four languages beside it', async () => {
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
    expect({ ...explanation, rules: undefined }).toEqual({ ...stored?.eligibility, rules: undefined });
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
