import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/http/submit-aid-application.js';
import { clock } from '../../../functions/lib/clock.js';
import { caseStatusChange } from '../../../functions/lib/store/case-writes.js';
import { getCase } from '../../../functions/lib/store/reads.js';
import { transact } from '../../../functions/lib/store/transactions.js';
import { distinctApplicant, distinctApplication, sampleApplication } from '../../support/api-client.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, httpEvent, lambdaContext } from '../../support/handler-env.js';

type Result = APIGatewayProxyStructuredResultV2 & { body: string };

async function submit(
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown>; contentType: string }> {
  const res = (await handler(
    httpEvent({ method: 'POST', path: '/v1/aid-applications', body, headers }) as never,
    lambdaContext,
  )) as Result;
  return {
    status: res.statusCode ?? 0,
    json: JSON.parse(res.body) as Record<string, unknown>,
    contentType: String(res.headers?.['content-type'] ?? ''),
  };
}

describe('POST /v1/aid-applications', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable();
  });
  afterAll(async () => table.drop());

  async function caseCount(): Promise<number> {
    const { Items } = await table.doc.send(new ScanCommand({ TableName: table.tableName }));
    return (Items ?? []).filter((i) => i.type === 'AidCase').length;
  }

  it('stores a valid application and answers 201 with reference and access code, never storing the code', async () => {
    const res = await submit(JSON.stringify(sampleApplication()));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      status: 'submitted',
      reference: expect.stringMatching(/^AID-\d{4}-\d{6}$/),
    });
    const { Items } = await table.doc.send(new ScanCommand({ TableName: table.tableName }));
    const stored = JSON.stringify(Items);
    expect(stored).not.toContain(String(res.json.accessCode));
    expect(stored).toContain('scrypt$');
  });

  it('numbers applications consecutively within a year', async () => {
    const a = await submit(JSON.stringify(distinctApplication()));
    const b = await submit(JSON.stringify(distinctApplication()));
    const n = (ref: unknown) => Number(String(ref).slice(-6));
    expect(n(b.json.reference)).toBe(n(a.json.reference) + 1);
  });

  it('answers 400 with every failing field path and writes nothing', async () => {
    const before = await caseCount();
    const body = sampleApplication({
      aidType: 'gold_bars',
      household: { size: 0, children: 0, monthlyIncome: { currency: 'RUB', minor: -1 } },
    });
    const res = await submit(JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    const paths = (res.json.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['aidType', 'household.size', 'household.monthlyIncome.minor']),
    );
    expect(await caseCount()).toBe(before);
  });

  it('answers 400 for a body that is not JSON, and 413 above 64 KiB', async () => {
    expect((await submit('{"applicant":')).status).toBe(400);
    const huge = JSON.stringify(sampleApplication({ reason: 'x'.repeat(70 * 1024) }));
    const res = await submit(huge);
    expect(res.status).toBe(413);
    expect(res.json.title).toBeTruthy();
  });

  it('refuses an application with no way to reach the applicant, at the applicant path', async () => {
    const body = sampleApplication({
      applicant: { fullName: 'Ли Мин', birthDate: '1960-01-01', preferredLanguage: 'zh' },
    });
    const res = await submit(JSON.stringify(body));
    expect(res.status).toBe(400);
    expect((res.json.errors as { path: string }[]).map((e) => e.path)).toContain('applicant');
  });

  it("takes 'not in the future' for a birth date on the office's day: born on 1 January, applied at 01:30 that night in Moscow", async () => {
    // Arrange: 22:30 UTC on 31 December is 01:30 on 1 January in Moscow (the default jurisdiction).
    clock.setOffset(Date.parse('2026-12-31T22:30:00Z') - Date.now());
    const body = distinctApplication({
      applicant: { ...distinctApplicant(), birthDate: '2027-01-01' },
      categories: ['family_with_children'],
    });

    // Act
    const res = await submit(JSON.stringify(body)).finally(() => clock.setOffset(0));

    // Assert
    expect(res.status).toBe(201);
  });

  it('refuses a malformed Idempotency-Key with a hint', async () => {
    const res = await submit(JSON.stringify(sampleApplication()), { 'idempotency-key': 'short' });
    expect(res.status).toBe(400);
  });

  describe('one open application per person and aid type', () => {
    it('answers a second application of the same person for the same aid with 409 naming the first', async () => {
      // Arrange
      const applicant = distinctApplicant();
      const first = await submit(JSON.stringify(sampleApplication({ applicant })));
      const before = await caseCount();

      // Act
      const second = await submit(JSON.stringify(sampleApplication({ applicant, reason: 'Ещё раз' })));

      // Assert
      expect(first.status).toBe(201);
      expect(second.status).toBe(409);
      expect(second.contentType).toContain('application/problem+json');
      expect(second.json.existingReference).toBe(first.json.reference);
      expect(second.json.code).toBe('open_application_exists');
      expect(await caseCount()).toBe(before);
    });

    it('still answers a retry with the same Idempotency-Key with the original 201', async () => {
      // Arrange
      const body = JSON.stringify(distinctApplication());
      const key = { 'idempotency-key': 'duplicate-check-0001' };
      const first = await submit(body, key);

      // Act
      const retry = await submit(body, key);

      // Assert
      expect(retry.status).toBe(201);
      expect(retry.json).toEqual(first.json);
    });

    it('accepts the same person for another aid type', async () => {
      const applicant = distinctApplicant();
      await submit(JSON.stringify(sampleApplication({ applicant })));

      const other = await submit(JSON.stringify(sampleApplication({ applicant, aidType: 'food_set' })));

      expect(other.status).toBe(201);
    });

    it('accepts the person again once the first application is closed', async () => {
      // Arrange
      const applicant = distinctApplicant();
      const first = await submit(JSON.stringify(sampleApplication({ applicant })));
      const current = await getCase(String(first.json.caseId));
      if (!current) throw new Error('the first case was not stored');
      const closed = await transact(
        caseStatusChange(table.tableName, current, {
          to: 'rejected',
          at: new Date().toISOString(),
          actor: { kind: 'system', username: 'test' },
          action: 'test.rejected',
        }),
      );

      // Act
      const again = await submit(JSON.stringify(sampleApplication({ applicant })));

      // Assert
      expect(closed.ok).toBe(true);
      expect(again.status).toBe(201);
      expect(again.json.reference).not.toBe(first.json.reference);
    });
  });
});
