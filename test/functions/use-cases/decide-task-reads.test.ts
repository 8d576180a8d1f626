import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aidApplicationSchema } from '../../../domain/aid-application.js';
import { dynamo } from '../../../functions/lib/clients.js';
import type { Principal } from '../../../functions/lib/http.js';
import { checkEligibility } from '../../../functions/use-cases/check-eligibility.js';
import { decideTask } from '../../../functions/use-cases/decide-task.js';
import { openTask } from '../../../functions/use-cases/open-task.js';
import { submitAidApplication } from '../../../functions/use-cases/submit-aid-application.js';
import { distinctApplicant, sampleApplication } from '../../support/api-client.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const reviewer: Principal = { sub: 'sub-reviewer', username: 'reviewer', roles: ['reviewer'] };

describe("a reviewer's approval", () => {
  let table: TestTable;
  let taskId: string;
  const now = new Date();

  beforeAll(async () => {
    table = await handlerTable();
    const application = aidApplicationSchema.parse(sampleApplication({ applicant: distinctApplicant() }));
    const { caseId } = await submitAidApplication({ application, now });
    await checkEligibility(caseId, now);
    ({ taskId } = await openTask({ caseId, type: 'review', taskToken: `token-${caseId}`, now }));
  });
  afterAll(async () => table.drop());

  it('asks for the approval ladder together with the case, not after it', async () => {
    // Arrange: the partition key of every item read, in the order the reads are sent.
    const reads: string[] = [];
    dynamo().middlewareStack.add(
      (next, context) => async (args) => {
        const key = (args.input as { Key?: { pk?: string } }).Key;
        if (context.commandName === 'GetItemCommand' && key?.pk) reads.push(key.pk.split('#')[0] ?? '');
        return next(args);
      },
      { step: 'initialize', name: 'recordReads' },
    );

    // Act
    const decided = await decideTask({ taskId, decision: { outcome: 'approve' }, principal: reviewer, now });

    // Assert
    expect(decided.outcome).toBe('approve');
    expect(reads).toContain('POLICY');
    expect(reads.indexOf('POLICY')).toBeLessThan(reads.indexOf('CASE'));
  });
});
