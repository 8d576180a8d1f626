import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as aidUsage } from '../../../functions/http/aid-usage-report.js';
import { handler as budgets } from '../../../functions/http/budgets-report.js';
import { clock } from '../../../functions/lib/clock.js';
import { openApiDocument } from '../../../functions/lib/openapi.js';
import { countPaidDisbursement } from '../../../functions/use-cases/reports/aid-usage.js';
import { aidCaseItem, disbursementItem } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, httpEvent, lambdaContext, staffClaims } from '../../support/handler-env.js';

const year = 2037;
let table: TestTable;
beforeAll(async () => {
  table = await handlerTable({ year });
  const aidCase = aidCaseItem({ year, status: 'paid', categories: ['disabled'] });
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: aidCase }));
  const d = disbursementItem(aidCase);
  await countPaidDisbursement(d, { ...d, status: 'paid' });
});
afterAll(async () => table.drop());

type Handler = typeof aidUsage;
async function get(h: Handler, path: string, query: Record<string, string>, groups = ['head']) {
  return (await h(
    httpEvent({ method: 'GET', path, query, claims: staffClaims('someone', groups) }) as never,
    lambdaContext,
  )) as APIGatewayProxyStructuredResultV2;
}

describe('GET /v1/reports/aid-usage and /v1/reports/budgets', () => {
  it('answers the head with the year’s rows as JSON', async () => {
    const res = await get(aidUsage, '/v1/reports/aid-usage', { year: String(year) });
    const body = JSON.parse(String(res.body));

    expect(res.statusCode).toBe(200);
    expect(body).toMatchObject({ year, currency: 'RUB' });
    expect(body.rows[0]).toMatchObject({
      source: 'regional_budget',
      aidType: 'cash',
      disabled: { amount: { currency: 'RUB', minor: 500_000 }, persons: 1 },
      adults: { amount: { currency: 'RUB', minor: 500_000 }, persons: 1 },
    });
  });

  it('sends CSV as a download with format=csv', async () => {
    const res = await get(budgets, '/v1/reports/budgets', { year: String(year), format: 'csv' }, ['auditor']);

    expect(res.statusCode).toBe(200);
    expect(res.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers?.['content-disposition']).toBe(`attachment; filename="budgets-${year}.csv"`);
    expect(String(res.body)).toMatch(/^source,currency,opening,allocated,reserved,spent,spentOnAdults,/);
    expect(String(res.body)).toContain('\r\nregional_budget,RUB,');
  });

  it("reports the office's year when none is asked: at 01:30 on 1 January in Moscow, the new year", async () => {
    // Arrange: 22:30 UTC on 31 December before the seeded year is already that year in Moscow.
    clock.setOffset(Date.parse(`${year - 1}-12-31T22:30:00Z`) - Date.now());

    // Act
    const [usage, lines] = await Promise.all([
      get(aidUsage, '/v1/reports/aid-usage', {}),
      get(budgets, '/v1/reports/budgets', {}),
    ]).finally(() => clock.setOffset(0));

    // Assert
    expect(JSON.parse(String(usage.body))).toMatchObject({ year });
    expect(JSON.parse(String(lines.body))).toMatchObject({ year });
  });

  it('refuses a clerk, with the roles that may read reports', async () => {
    const res = await get(aidUsage, '/v1/reports/aid-usage', { year: String(year) }, ['clerk']);

    expect(res.statusCode).toBe(403);
    expect(JSON.parse(String(res.body)).detail).toContain('head, finance, admin, auditor');
  });

  it('answers 400 naming each bad parameter', async () => {
    const res = await get(budgets, '/v1/reports/budgets', { year: 'last', format: 'xlsx' });
    const body = JSON.parse(String(res.body));

    expect(res.statusCode).toBe(400);
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['format', 'year']);
  });
});

describe('the reports in the OpenAPI document', () => {
  it('describes their JSON answers with the report schemas, and their CSV form', () => {
    const doc = openApiDocument() as {
      paths: Record<
        string,
        { get: { responses: Record<string, { content: Record<string, { schema?: unknown }> }> } }
      >;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; description?: string }> };
    };

    for (const [path, schema] of [
      ['/v1/reports/aid-usage', 'AidUsageReport'],
      ['/v1/reports/budgets', 'BudgetsReport'],
    ] as const) {
      const content = doc.paths[path]?.get.responses['200']?.content ?? {};
      expect(content['application/json']?.schema, path).toEqual({ $ref: `#/components/schemas/${schema}` });
      expect(content['text/csv'], path).toBeDefined();
    }
    expect(Object.keys(doc.components.schemas.AidUsageRow?.properties ?? {})).toEqual([
      'source',
      'aidType',
      'adults',
      'disabled',
      'pensioners',
      'other',
      'families',
    ]);
    expect(JSON.stringify(doc.components.schemas.BudgetReportRow)).toContain('opening + allocated − spent');
  });
});
