import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balances } from '../../../domain/budget.js';
import { handler as listBudgets } from '../../../functions/http/list-budgets.js';
import { handler as putBudget } from '../../../functions/http/put-budget.js';
import { clock } from '../../../functions/lib/clock.js';
import { reserveFunds } from '../../../functions/use-cases/funds.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, httpEvent, lambdaContext, staffClaims } from '../../support/handler-env.js';

const year = 2033;
type Result = APIGatewayProxyStructuredResultV2 & { body: string };
interface Line {
  source: string;
  year: number;
  opening: { minor: number };
  allocated: { minor: number };
  reserved: { minor: number };
  spent: { minor: number };
  remaining: { minor: number };
}

const rub = (minor: number) => ({ currency: 'RUB', minor });

async function list(as: [string, string[]], y = year) {
  const res = (await listBudgets(
    httpEvent({ method: 'GET', path: '/v1/budgets', query: { year: String(y) }, claims: staffClaims(...as) }),
    lambdaContext,
  )) as Result;
  return { status: res.statusCode, body: JSON.parse(res.body) as { items: Line[]; detail?: string } };
}

async function put(source: string, body: unknown, as: [string, string[]] = ['admin', ['admin']]) {
  const res = (await putBudget(
    httpEvent({
      method: 'PUT',
      path: `/v1/budgets/${source}/${year}`,
      pathParameters: { source, year: String(year) },
      body: JSON.stringify(body),
      claims: staffClaims(...as),
    }),
    lambdaContext,
  )) as Result;
  return {
    status: res.statusCode,
    body: JSON.parse(res.body) as Line & { detail?: string; code?: string; committed?: number },
  };
}

const figures = (l: Line) => ({
  opening: l.opening.minor,
  allocated: l.allocated.minor,
  reserved: l.reserved.minor,
  spent: l.spent.minor,
  remaining: l.remaining.minor,
});

describe('budgets: GET /v1/budgets and PUT /v1/budgets/{source}/{year}', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ year });
  });
  afterAll(async () => table.drop());

  it('lists every funding source of the year with its figures as money, balanced', async () => {
    const res = await list(['finance', ['finance']]);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    const regional = res.body.items.find((l) => l.source === 'regional_budget');
    expect(regional).toMatchObject({ year, allocated: { currency: 'RUB', minor: 200_000_000 } });
    expect(res.body.items.every((l) => balances(figures(l)))).toBe(true);
  });

  it("lists the office's year when none is asked: at 01:30 on 1 January in Moscow, the new year's lines", async () => {
    // Arrange: 22:30 UTC on 31 December before the seeded year is already that year in Moscow.
    clock.setOffset(Date.parse(`${year - 1}-12-31T22:30:00Z`) - Date.now());

    // Act
    const res = (await listBudgets(
      httpEvent({ method: 'GET', path: '/v1/budgets', claims: staffClaims('admin', ['admin']) }),
      lambdaContext,
    ).finally(() => clock.setOffset(0))) as Result;

    // Assert
    const items = (JSON.parse(res.body) as { items: Line[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((l) => l.year === year)).toBe(true);
  });

  it('refuses the budgets to a reviewer with the reason, and a change to anyone but an administrator', async () => {
    const read = await list(['reviewer', ['reviewer']]);
    const write = await put('regional_budget', { allocated: rub(1) }, ['finance', ['finance']]);
    expect(read.status).toBe(403);
    expect(read.body.detail).toContain('finance, head, admin, auditor');
    expect(write.status).toBe(403);
  });

  it('tops up a line keeping reserved money and the balance equation', async () => {
    // Arrange: a reservation of 10 000 RUB on a fresh line of 50 000 RUB.
    await put('charity', { allocated: rub(5_000_000) });
    const caseId = '11111111-1111-4111-8111-111111111111';
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          pk: `CASE#${caseId}`,
          sk: 'CASE',
          type: 'AidCase',
          caseId,
          reference: `AID-${year}-000001`,
          year,
          status: 'approved',
          version: 1,
          submittedAt: `${year}-02-01T00:00:00.000Z`,
          aidType: 'cash',
          requestedAmount: rub(1_000_000),
          approvedAmount: rub(1_000_000),
          fundingSource: 'charity',
          deciders: [],
          timeline: [],
        },
      }),
    );
    expect((await reserveFunds(caseId, clock.now())).outcome).toBe('reserved');

    // Act
    const res = await put('charity', { allocated: rub(8_000_000), opening: rub(500_000) });

    // Assert
    expect(res.status).toBe(200);
    expect(figures(res.body)).toEqual({
      opening: 500_000,
      allocated: 8_000_000,
      reserved: 1_000_000,
      spent: 0,
      remaining: 7_500_000,
    });
    const listed = (await list(['auditor', ['auditor']])).body.items.find((l) => l.source === 'charity');
    expect(listed && figures(listed)).toEqual(figures(res.body));
  });

  it('refuses with 409 an allocation below the money already reserved', async () => {
    const res = await put('charity', { allocated: rub(400_000), opening: rub(0) });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('reserved or spent');
    // The desk words the refusal in its own language from the code and the committed amount.
    expect(res.body).toMatchObject({ code: 'below_committed', committed: 1_000_000, source: 'charity' });
  });

  it('answers 404 for an unknown funding source and 400 for a malformed amount', async () => {
    expect((await put('lottery', { allocated: rub(1) })).status).toBe(404);
    const bad = await put('regional_budget', { allocated: { currency: 'RUB', minor: -5 } });
    expect(bad.status).toBe(400);
  });
});
