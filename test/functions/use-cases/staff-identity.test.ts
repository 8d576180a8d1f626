import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aidApplicationSchema } from '../../../domain/aid-application.js';
import { handler as putIdentity } from '../../../functions/http/put-staff-identity.js';
import type { Principal } from '../../../functions/lib/http.js';
import { checkEligibility } from '../../../functions/use-cases/check-eligibility.js';
import { decideTask } from '../../../functions/use-cases/decide-task.js';
import { openTask } from '../../../functions/use-cases/open-task.js';
import { submitAidApplication } from '../../../functions/use-cases/submit-aid-application.js';
import { sampleApplication } from '../../support/api-client.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, httpEvent, lambdaContext, staffClaims } from '../../support/handler-env.js';

const olga = { fullName: 'Ольга Тестовна Рецензентова', birthDate: '1979-06-21' };
const reviewer = (username: string): Principal => ({ sub: `sub-${username}`, username, roles: ['reviewer'] });

async function recordIdentity(username: string, body: unknown, as = 'admin') {
  const res = (await putIdentity(
    httpEvent({
      method: 'PUT',
      path: `/v1/staff/${username}/identity`,
      pathParameters: { username },
      body: JSON.stringify(body),
      claims: staffClaims(as, [as]),
    }) as never,
    lambdaContext,
  )) as APIGatewayProxyStructuredResultV2 & { body: string };
  return { status: res.statusCode ?? 0, json: JSON.parse(res.body) as Record<string, unknown> };
}

/** An application by `applicant`, checked for eligibility, with its review task open. */
async function caseInReview(applicant: Record<string, unknown>): Promise<string> {
  const now = new Date();
  const application = aidApplicationSchema.parse(sampleApplication({ applicant }));
  const { caseId } = await submitAidApplication({ application, now });
  await checkEligibility(caseId, now);
  const { taskId } = await openTask({ caseId, type: 'review', taskToken: `token-${caseId}`, now });
  return taskId;
}

describe('staff applying for aid (segregation of duties)', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable();
  });
  afterAll(async () => table.drop());

  it("records a member of staff's identity as person keys only, and only for an administrator", async () => {
    const denied = await recordIdentity('reviewer-a', olga, 'reviewer');
    const recorded = await recordIdentity('reviewer-a', { ...olga, nationalId: '4510 123456' });

    const { Items } = await table.doc.send(new ScanCommand({ TableName: table.tableName }));
    const item = Items?.find((i) => i.pk === 'STAFF#reviewer-a');
    expect(denied.status).toBe(403);
    expect(recorded).toMatchObject({ status: 200, json: { username: 'reviewer-a', personKeys: 2 } });
    expect(JSON.stringify(item)).not.toContain('Ольга');
    expect(JSON.stringify(item)).not.toContain('123456');
  });

  it('refuses a reviewer the decision on her own application, with the rule in the reason', async () => {
    // Arrange
    await recordIdentity('reviewer-b', olga);
    const taskId = await caseInReview({ ...olga, phone: '+7 912 000-00-01', preferredLanguage: 'ru' });

    // Act
    const own = decideTask({
      taskId,
      decision: { outcome: 'approve' },
      principal: reviewer('reviewer-b'),
      now: new Date(),
    });

    // Assert
    await expect(own).rejects.toMatchObject({
      name: 'ForbiddenError',
      status: 403,
      message: expect.stringMatching(/own application.*segregation of duties/),
    });
  });

  it('lets another reviewer decide the same case', async () => {
    // Arrange
    await recordIdentity('reviewer-c', { fullName: 'Другая Коллега', birthDate: '1985-01-01' });
    const taskId = await caseInReview({
      ...olga,
      fullName: `${olga.fullName}-Вторая`,
      phone: '+7 912 000-00-02',
    });
    await recordIdentity('reviewer-d', { ...olga, fullName: `${olga.fullName}-Вторая` });

    // Act
    const bySelf = await decideTask({
      taskId,
      decision: { outcome: 'approve' },
      principal: reviewer('reviewer-d'),
      now: new Date(),
    }).catch((error: unknown) => error);
    const byColleague = await decideTask({
      taskId,
      decision: { outcome: 'approve' },
      principal: reviewer('reviewer-c'),
      now: new Date(),
    });

    // Assert
    expect(bySelf).toMatchObject({ name: 'ForbiddenError', status: 403 });
    expect(byColleague).toMatchObject({ outcome: 'approve', caseStatus: 'awaiting_approval' });
  });

  // Recorded as one person, she applies as the same person written another way.
  it.each([
    {
      what: 'under another spelling of her name',
      recorded: { fullName: 'Фёдорова Анна Тестовна', birthDate: '1981-02-03' },
      applied: { fullName: 'Анна Тестовна Федорова' },
    },
    {
      what: 'with her national id, recorded by name only (the case is keyed by the id)',
      recorded: { fullName: 'Вера Тестовна Иднова', birthDate: '1983-04-05' },
      applied: { nationalId: '987-654-321 00' },
    },
    {
      what: 'however many ё she left out of her name',
      recorded: { fullName: 'Фёдорова Алёна Тестовна', birthDate: '1984-06-07' },
      applied: { fullName: 'Алена Тестовна Федорова' },
    },
  ])('refuses a reviewer her own application sent $what', async ({ recorded, applied }) => {
    // Arrange
    const username = `reviewer-${recorded.birthDate}`;
    await recordIdentity(username, recorded);
    const taskId = await caseInReview({ ...recorded, ...applied, phone: '+7 912 000-00-03' });

    // Act
    const own = decideTask({
      taskId,
      decision: { outcome: 'approve' },
      principal: reviewer(username),
      now: new Date(),
    });

    // Assert
    await expect(own).rejects.toMatchObject({ name: 'ForbiddenError', status: 403 });
  });
});
