import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoRuleSets } from '../../../domain/eligibility-demo.js';
import { handler as listRuleSetsRoute } from '../../../functions/http/list-rule-sets.js';
import { clock } from '../../../functions/lib/clock.js';
import { ValidationError } from '../../../functions/lib/errors.js';
import type { Principal } from '../../../functions/lib/http.js';
import { createRuleSet } from '../../../functions/use-cases/rule-sets.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, httpEvent, lambdaContext, staffClaims } from '../../support/handler-env.js';

const admin: Principal = { sub: 'sub-admin', username: 'admin', roles: ['admin'] };
/** 22:30 UTC on 31 December: 01:30 on 1 January in Moscow (the default jurisdiction). */
const newYearsNight = new Date('2026-12-31T22:30:00Z');

describe("rule set versions on the office's calendar", () => {
  let table: TestTable;
  const foodRules = demoRuleSets.find((r) => r.aidType === 'food_set');

  beforeAll(async () => {
    table = await handlerTable();
  });
  afterAll(async () => table.drop());
  afterEach(() => clock.setOffset(0));

  it('refuses a version from 31 December at 01:30 on 1 January in Moscow: that day is already past there', async () => {
    // Arrange
    if (!foodRules) throw new Error('the demo has food set rules');

    // Act
    const creating = createRuleSet({
      aidType: 'food_set',
      body: { id: 'food-late', effectiveFrom: '2026-12-31', rules: foodRules.rules },
      principal: admin,
      now: newYearsNight,
    });

    // Assert
    await expect(creating).rejects.toBeInstanceOf(ValidationError);
    await expect(creating).rejects.toMatchObject({
      errors: [
        expect.objectContaining({ path: 'effectiveFrom', message: expect.stringContaining('2027-01-01') }),
      ],
    });
  });

  it('lists the version from 1 January as the one in force at 01:30 on 1 January in Moscow', async () => {
    // Arrange
    if (!foodRules) throw new Error('the demo has food set rules');
    await createRuleSet({
      aidType: 'food_set',
      body: { id: 'food-2027', effectiveFrom: '2027-01-01', rules: foodRules.rules },
      principal: admin,
      now: new Date('2026-12-01T12:00:00Z'),
    });
    clock.setOffset(newYearsNight.getTime() - Date.now());

    // Act
    const res = (await listRuleSetsRoute(
      httpEvent({
        method: 'GET',
        path: '/v1/rule-sets/food_set',
        pathParameters: { aidType: 'food_set' },
        claims: staffClaims('reviewer', ['reviewer']),
      }) as never,
      lambdaContext,
    )) as APIGatewayProxyStructuredResultV2 & { body: string };

    // Assert
    expect(res.statusCode).toBe(200);
    const items = (JSON.parse(res.body) as { items: { id: string; inForce: boolean }[] }).items;
    expect(items.filter((i) => i.inForce).map((i) => i.id)).toEqual(['food-2027']);
  });
});
