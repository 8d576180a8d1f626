import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../../functions/lib/clock.js';
import { localCredentials, localRegion } from '../../local/dynamodb-local.js';
import { appTableName, type Runtime, startRuntime } from '../../local/runtime.js';
import { verifyAuditTrails } from '../../scripts/audit-trails.js';
import { ApiClient, distinctApplication } from '../support/api-client.js';

const run = promisify(execFile);

interface Receipt {
  caseId: string;
  reference: string;
  accessCode: string;
  status: string;
}

/**
 * Retention on the embedded runtime: closed cases carry their TTL, the local TTL emulator deletes
 * them once the clock passes it, the table stream deletes the rest of each case, and the yearly
 * reports stay as they were. Along the way every audit chain the workflows wrote is verified.
 */
describe('retention of closed cases on the embedded runtime', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aidflow-retention-'));
  let runtime: Runtime;
  let api: ApiClient;
  let doc: DynamoDBDocumentClient;
  let paid: Receipt;
  let rejected: Receipt;
  let anonymous: Receipt;
  const year = clock.now().getUTCFullYear();
  const reports = [
    `/v1/reports/appeals?from=${year}-01-01&to=${year}-12-31`,
    `/v1/reports/aid-usage?year=${year}`,
    `/v1/reports/budgets?year=${year}`,
  ];

  beforeAll(async () => {
    runtime = await startRuntime({ port: 0, dataDir, timerIntervalMs: 60_000 });
    api = new ApiClient(runtime.url);
    doc = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: runtime.dynamoEndpoint,
        region: localRegion,
        credentials: localCredentials,
      }),
    );
  }, 180_000);
  afterAll(async () => {
    doc?.destroy();
    await runtime?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function decide(role: string, reference: string, type: string, body: Record<string, unknown>) {
    await runtime.settle();
    const tasks = await api.as<{ items: { taskId: string; type: string; caseReference: string }[] }>(
      role,
      'GET',
      '/v1/tasks',
    );
    const task = tasks.body.items.find((t) => t.caseReference === reference && t.type === type);
    expect(task, `${type} task of ${reference}`).toBeDefined();
    const res = await api.as(role, 'POST', `/v1/tasks/${task?.taskId}/decision`, body);
    expect(res.status).toBe(200);
  }

  const staffView = (r: Receipt) =>
    api.as<{ status: string; expiresAt?: number }>('auditor', 'GET', `/v1/cases/by-id/${r.caseId}`);
  const applicantView = (r: Receipt) =>
    api.request('GET', `/v1/cases/${r.reference}`, { headers: { 'x-access-code': r.accessCode } });
  const itemsOf = async (caseId: string) =>
    (
      await doc.send(
        new QueryCommand({
          TableName: appTableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `CASE#${caseId}` },
          ConsistentRead: true,
        }),
      )
    ).Items ?? [];

  const tasksOf = async (caseId: string) =>
    (
      await doc.send(
        new QueryCommand({
          TableName: appTableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': `CASE_TASKS#${caseId}` },
        }),
      )
    ).Items ?? [];

  it('gives every closed case its expiry: paid, rejected by the rules, and an appeal with no one to answer', async () => {
    // Arrange: a paid case (review, head, finance, the bank), an automatic rejection, an anonymous appeal.
    paid = (await api.request<Receipt>('POST', '/v1/aid-applications', { body: distinctApplication() })).body;
    await decide('reviewer', paid.reference, 'review', { outcome: 'approve' });
    await decide('head', paid.reference, 'approve', { outcome: 'approve', fundingSource: 'regional_budget' });
    await decide('finance', paid.reference, 'authorise_payment', { outcome: 'approve' });
    await runtime.settle();
    const authorised = await api.as<{ items: { disbursementId: string; caseReference: string }[] }>(
      'finance',
      'GET',
      '/v1/disbursements?status=authorised',
    );
    const disbursement = authorised.body.items.find((d) => d.caseReference === paid.reference);
    const settled = await api.as(
      'finance',
      'POST',
      `/v1/disbursements/${disbursement?.disbursementId}/settlement`,
      {
        status: 'paid',
        bankReference: 'BANK-RET-1',
      },
    );
    expect(settled.status).toBe(200);
    rejected = (
      await api.request<Receipt>('POST', '/v1/aid-applications', {
        body: distinctApplication({
          household: { size: 1, children: 0, monthlyIncome: { currency: 'RUB', minor: 9_000_000 } },
        }),
      })
    ).body;
    anonymous = (
      await api.request<Receipt>('POST', '/v1/appeals', {
        body: {
          applicant: {},
          kind: 'proposal',
          subject: 'Скамейки',
          text: 'Поставьте скамейки у почты.',
          topic: 'housing',
        },
      })
    ).body;

    // Act
    await runtime.settle();
    const views = await Promise.all([paid, rejected, anonymous].map(staffView));

    // Assert
    expect(views.map((v) => v.body.status)).toEqual(['paid', 'rejected', 'not_answerable']);
    const now = clock.now().getTime() / 1000;
    for (const v of views) expect(v.body.expiresAt).toBeGreaterThan(now + 4 * 365 * 86_400);
    expect(await tasksOf(paid.caseId)).toHaveLength(3);
  }, 120_000);

  it('has written an intact audit chain for every case, which npm run audit:verify finds through runtime.json', async () => {
    const report = await verifyAuditTrails({ doc, tableName: appTableName });
    const { TABLE_NAME: _table, DYNAMODB_ENDPOINT: _endpoint, ...env } = process.env;
    const cli = await run(process.execPath, ['--import', 'tsx', resolve('scripts/audit-verify.ts')], {
      env: { ...env, AIDFLOW_DATA_DIR: dataDir },
    });

    expect(report.findings).toEqual([]);
    expect(report.events).toBeGreaterThanOrEqual(10);
    expect(cli.stdout).toContain('every chain is intact');
  }, 60_000);

  it('deletes the cases once the clock passes their expiry, and keeps the yearly reports as they were', async () => {
    // Arrange
    const before = await Promise.all(reports.map((path) => api.as('head', 'GET', path)));
    const latest = Math.max(
      ...(await Promise.all([paid, rejected, anonymous].map(staffView))).map((v) => Number(v.body.expiresAt)),
    );
    const days = Math.ceil((latest * 1000 - clock.now().getTime()) / 86_400_000) + 1;

    // Act
    const advanced = await api.request<{ expired: number }>('POST', '/local/clock', {
      body: { advanceDays: days },
    });
    await runtime.settle();

    // Assert
    expect(advanced.body.expired).toBeGreaterThanOrEqual(3);
    for (const r of [paid, rejected, anonymous]) {
      expect((await staffView(r)).status).toBe(404);
      expect((await applicantView(r)).status).toBe(404);
      expect(await itemsOf(r.caseId)).toEqual([]);
      expect(await tasksOf(r.caseId)).toEqual([]);
    }
    const after = await Promise.all(reports.map((path) => api.as('head', 'GET', path)));
    expect(before.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(after.map((r) => r.body)).toEqual(before.map((r) => r.body));
    expect(JSON.stringify(before[1]?.body)).toContain('regional_budget');
    expect((await verifyAuditTrails({ doc, tableName: appTableName })).findings).toEqual([]);
  }, 120_000);
});
