import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Money } from '../../../domain/money.js';
import { endToEndIdFor, payoutChannel } from '../../../domain/payments.js';
import type { Principal } from '../../../functions/lib/http.js';
import { keys } from '../../../functions/lib/store/keys.js';
import type { DisbursementRecord, PaymentBatchRecord } from '../../../functions/lib/store/records.js';
import {
  batchCsv,
  createPaymentBatch,
  paymentBatchFile,
  paymentBatchView,
} from '../../../functions/use-cases/payment-batches.js';
import { aidCaseItem } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';
import { pain001Problems, parseXml } from '../../support/pain001-structure.js';

const now = new Date('2033-05-04T08:00:00Z');
const finance: Principal = { sub: 'sub-finance', username: 'finance', roles: ['finance'] };
const finance2: Principal = { sub: 'sub-finance2', username: 'finance2', roles: ['finance'] };
const bank = {
  method: 'bank_transfer',
  accountHolder: 'Анна Иванова',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
};

async function errorOf(action: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await action;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  return { name: 'no error', message: '' };
}

describe('payment batches', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ year: 2033 });
  });
  afterAll(async () => table.drop());

  let made = 0;
  /** An authorised disbursement as "Create the disbursement" leaves it. */
  async function authorised(
    options: {
      minor?: number;
      payee?: Record<string, unknown>;
      aidType?: string;
      authorisedBy?: Principal;
    } = {},
  ): Promise<string> {
    const caseId = randomUUID();
    const disbursementId = `dsb_${caseId}`;
    const payee = { name: 'Анна Иванова', ...(options.payee ?? bank) } as DisbursementRecord['payee'];
    const aidType = options.aidType ?? 'cash';
    const by = options.authorisedBy ?? finance;
    const createdAt = new Date(now.getTime() - 86_400_000 + made++ * 1000).toISOString();
    const record: DisbursementRecord & Record<string, unknown> = {
      ...keys.disbursement(disbursementId),
      ...keys.disbursementsByStatus('authorised', createdAt),
      type: 'Disbursement',
      disbursementId,
      caseId,
      caseReference: `AID-2033-${String(made).padStart(6, '0')}`,
      aidType,
      fundingSource: 'regional_budget',
      amount: { currency: 'RUB', minor: options.minor ?? 500_000 },
      status: 'authorised',
      payee,
      channel: payoutChannel(aidType, payee),
      attempt: 1,
      endToEndId: endToEndIdFor(caseId, 1),
      authorisedBy: by.username,
      authorisedBySub: by.sub,
      createdAt,
      version: 1,
    };
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: record }));
    // Its case: batching chains an audit event through the case item (its audit head).
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: aidCaseItem({
          caseId,
          year: 2033,
          status: 'payment_authorised',
          aidType,
          reference: record.caseReference,
        }),
      }),
    );
    return disbursementId;
  }

  const disbursement = async (id: string) =>
    (
      await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: keys.disbursement(id), ConsistentRead: true }),
      )
    ).Item as DisbursementRecord;
  const header = async (batchId: string) =>
    (
      await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: keys.paymentBatch(batchId), ConsistentRead: true }),
      )
    ).Item as PaymentBatchRecord;

  it('batches every authorised bank and cash-desk disbursement when none are named, never in-kind aid', async () => {
    // Arrange
    const transfer = await authorised({ minor: 500_000 });
    const cash = await authorised({ minor: 120_050, payee: { method: 'cash_desk' } });
    const food = await authorised({ minor: 300_000, aidType: 'food_set', payee: { method: 'in_kind' } });

    // Act
    const receipt = await createPaymentBatch({ principal: finance2, now });

    // Assert
    expect(receipt).toMatchObject({ count: 2, total: { currency: 'RUB', minor: 620_050 } });
    expect(receipt.totals).toEqual([{ currency: 'RUB', minor: 620_050 }]);
    expect(receipt.batchId).toMatch(/^bat_[0-9a-f]{24}$/);
    expect(await disbursement(transfer)).toMatchObject({ status: 'batched', batchId: receipt.batchId });
    expect(await disbursement(cash)).toMatchObject({ status: 'batched', gsi2pk: 'DISBURSEMENTS#batched' });
    expect((await disbursement(food)).status).toBe('authorised');
    const audit = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
        ExpressionAttributeValues: {
          ':pk': `CASE#${(await disbursement(transfer)).caseId}`,
          ':audit': 'AUDIT#',
        },
      }),
    );
    expect(audit.Items).toEqual([
      expect.objectContaining({
        action: 'disbursement.batched',
        actor: expect.objectContaining({ username: 'finance2' }),
        after: { disbursementId: transfer, status: 'batched', batchId: receipt.batchId },
      }),
    ]);
    expect(await header(receipt.batchId)).toMatchObject({
      count: 2,
      totals: { RUB: 620_050 },
      createdBy: 'finance2',
      createdAt: now.toISOString(),
    });
  });

  it('never puts a disbursement into two batches, however two officers race (over several chunks)', async () => {
    // Arrange: more than one transaction's worth (disbursementsPerChunk: 24).
    const ids = await Promise.all(Array.from({ length: 60 }, (_, i) => authorised({ minor: 1_000 + i })));

    // Act
    const results = await Promise.allSettled([
      createPaymentBatch({ disbursementIds: ids, principal: finance, now }),
      createPaymentBatch({ disbursementIds: [...ids].reverse(), principal: finance2, now }),
    ]);

    // Assert
    const receipts = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(receipts.length).toBeGreaterThan(0);
    const views = await Promise.all(receipts.map((r) => paymentBatchView(r.batchId)));
    const batchedIds = views.flatMap((v) => v.items.map((i) => i.disbursementId));
    expect(new Set(batchedIds).size).toBe(batchedIds.length);
    expect([...batchedIds].sort()).toEqual([...ids].sort());
    for (const view of views) {
      const sum = view.items.reduce((s, i) => s + i.amount.minor, 0);
      expect(view.count).toBe(view.items.length);
      expect(view.totals).toEqual([{ currency: 'RUB', minor: sum }]);
      for (const item of view.items)
        expect((await disbursement(item.disbursementId)).batchId).toBe(view.batchId);
    }
  });

  it('refuses with 403 a batch holding an item above the threshold that the caller authorised', async () => {
    // Arrange
    const large = await authorised({ minor: 15_000_000, authorisedBy: finance });
    const small = await authorised({ minor: 10_000, authorisedBy: finance });

    // Act
    const own = await errorOf(
      createPaymentBatch({ disbursementIds: [large, small], principal: finance, now }),
    );
    const colleague = await createPaymentBatch({ disbursementIds: [large, small], principal: finance2, now });

    // Assert
    expect(own.name).toBe('ForbiddenError');
    expect(own.message).toMatch(/four eyes/);
    expect(colleague.count).toBe(2);
  });

  it('reports what it left out of a named list, and answers 409 when nothing is left', async () => {
    // Arrange
    const food = await authorised({ aidType: 'food_set', payee: { method: 'in_kind' } });
    const ok = await authorised({ minor: 7_700 });
    const first = await createPaymentBatch({ disbursementIds: [ok], principal: finance2, now });

    // Act
    const nothing = await errorOf(
      createPaymentBatch({ disbursementIds: [food, ok, 'dsb_missing'], principal: finance2, now }),
    );

    // Assert
    expect(first.count).toBe(1);
    expect(nothing.name).toBe('ConflictError');
    expect((await disbursement(food)).batchId).toBeUndefined();
  });

  it('writes the CSV of a batch and its pain.001 file, which has the structure of the XSD', async () => {
    // Arrange
    const transfer = await authorised({ minor: 987_654 });
    const cash = await authorised({ minor: 5_000, payee: { method: 'cash_desk' } });
    const receipt = await createPaymentBatch({ disbursementIds: [transfer, cash], principal: finance2, now });

    // Act
    const csv = await paymentBatchFile(receipt.batchId, 'csv', now);
    const xml = await paymentBatchFile(receipt.batchId, 'pain001', now);

    // Assert
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="${receipt.batchId}.csv"`);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]?.startsWith('batch_id,disbursement_id,end_to_end_id,case_reference,channel')).toBe(true);
    expect(csv.text).toContain('9876.54,RUB');
    expect(xml.headers['content-type']).toBe('application/xml; charset=utf-8');
    const doc = parseXml(xml.text);
    expect(pain001Problems(doc)).toEqual([]);
    expect(xml.text).toContain(`<EndToEndId>${(await disbursement(transfer)).endToEndId}</EndToEndId>`);
    expect(xml.text).not.toContain((await disbursement(cash)).endToEndId);
  });

  it('answers 409 for the pain.001 of a batch with only cash-desk payouts, and 404 for an unknown batch', async () => {
    const cash = await authorised({ minor: 5_000, payee: { method: 'cash_desk' } });
    const receipt = await createPaymentBatch({ disbursementIds: [cash], principal: finance2, now });
    expect((await errorOf(paymentBatchFile(receipt.batchId, 'pain001', now))).name).toBe('ConflictError');
    expect((await errorOf(paymentBatchView('bat_unknown'))).name).toBe('NotFoundError');
  });
});

describe('the CSV of a payment batch', () => {
  const amount: Money = { currency: 'RUB', minor: 123_456 };
  const row = (name: string, accountHolder?: string) => ({
    disbursementId: 'dsb_1',
    endToEndId: 'e2e',
    caseReference: 'AID-2026-000001',
    aidType: 'cash',
    fundingSource: 'regional_budget',
    amount,
    channel: 'bank_transfer' as const,
    payee: { name, method: 'bank_transfer', accountHolder, iban: 'DE89370400440532013000' },
  });

  it('starts with the UTF-8 byte order mark and a header row, and keeps Cyrillic and Chinese names', () => {
    const csv = batchCsv('bat_1', [row('Анна Иванова'), row('王小明')]);
    expect(csv.startsWith('\uFEFFbatch_id,')).toBe(true);
    expect(csv).toContain(',Анна Иванова,');
    expect(csv).toContain(',王小明,');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const csv = batchCsv('bat_1', [row('Ivanova, Anna "Anya"\nflat 2')]);
    expect(csv).toContain(',"Ivanova, Anna ""Anya""\nflat 2",');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const csv = batchCsv('bat_1', [row('=HYPERLINK("http://x","pay")', '+7 912'), row('@SUM(A1)', '-1')]);
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""pay"")",'+7 912,`);
    expect(csv).toContain(",'@SUM(A1),'-1,");
    expect(csv).toContain(',1234.56,RUB,');
  });
});
