import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Money } from '../../../domain/money.js';
import { demoOfficeAccounts } from '../../../domain/payment-files.js';
import { endToEndIdFor, payoutChannel } from '../../../domain/payments.js';
import type { Principal } from '../../../functions/lib/http.js';
import { keys } from '../../../functions/lib/store/keys.js';
import type { DisbursementRecord, PaymentBatchRecord } from '../../../functions/lib/store/records.js';
import {
  batchCsv,
  createPaymentBatch,
  keyedBatch,
  listPaymentBatches,
  markPaymentBatchSent,
  paymentBatchFile,
  paymentBatchView,
} from '../../../functions/use-cases/payment-batches.js';
import { aidCaseItem } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';
import { child, findAll, pain001Problems, parseXml } from '../../support/pain001-structure.js';

const now = new Date('2033-05-04T08:00:00Z');
const finance: Principal = { sub: 'sub-finance', username: 'finance', roles: ['finance'] };
const finance2: Principal = { sub: 'sub-finance2', username: 'finance2', roles: ['finance'] };
const bank = {
  method: 'bank_transfer',
  accountHolder: 'Анна Иванова',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
};

async function errorOf(
  action: Promise<unknown>,
): Promise<{ name: string; message: string; extra?: Record<string, unknown> }> {
  try {
    await action;
  } catch (error) {
    const { name, message, extra } = error as Error & { extra?: Record<string, unknown> };
    return { name, message, extra };
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
    expect(own).toMatchObject({
      extra: { code: 'four_eyes', amount: { currency: 'RUB', minor: 15_000_000 } },
    });
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

  it('answers a retry with the same Idempotency-Key with the same receipt, and batches nothing twice', async () => {
    // Arrange: the first response was lost on the way; in the meantime another payment was authorised.
    const ids = [await authorised({ minor: 11_100 }), await authorised({ minor: 22_200 })];
    const key = `retry-${randomUUID()}`;
    const first = await createPaymentBatch({ principal: finance2, now, idempotencyKey: key });
    const meanwhile = await authorised({ minor: 33_300 });

    // Act
    const again = await createPaymentBatch({ principal: finance2, now, idempotencyKey: key });

    // Assert
    expect(again).toEqual(first);
    expect(first.batchId).toBe(keyedBatch(finance2.sub, key, undefined).batchId);
    expect(first.count).toBeGreaterThanOrEqual(2);
    for (const id of ids) expect((await disbursement(id)).batchId).toBe(first.batchId);
    expect((await disbursement(meanwhile)).status).toBe('authorised');
    expect((await header(first.batchId)).count).toBe(first.count);
  });

  it('gives requests with the same Idempotency-Key at once one batch and the same 201 receipt', async () => {
    // Arrange
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => authorised({ minor: 2_000 + i })));
    const key = `parallel-${randomUUID()}`;

    // Act: a double click and a retry, all at once.
    const results = await Promise.allSettled(
      [0, 1, 2].map(() => createPaymentBatch({ principal: finance2, now, idempotencyKey: key })),
    );

    // Assert
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const receipts = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(receipts[1]).toEqual(receipts[0]);
    expect(receipts[2]).toEqual(receipts[0]);
    const view = await paymentBatchView(receipts[0]?.batchId ?? '');
    expect(view.count).toBe(receipts[0]?.count);
    for (const id of ids) expect((await disbursement(id)).batchId).toBe(receipts[0]?.batchId);
  });

  it("refuses the same Idempotency-Key with another request (409), and keeps another officer's key apart", async () => {
    // Arrange
    const [a, b] = [await authorised({ minor: 4_400 }), await authorised({ minor: 5_500 })];
    const key = `reused-${randomUUID()}`;
    const first = await createPaymentBatch({
      disbursementIds: [a],
      principal: finance2,
      now,
      idempotencyKey: key,
    });

    // Act
    const reused = await errorOf(
      createPaymentBatch({ disbursementIds: [b], principal: finance2, now, idempotencyKey: key }),
    );
    const colleague = await createPaymentBatch({
      disbursementIds: [b],
      principal: { ...finance2, sub: 'sub-finance3', username: 'finance3' },
      now,
      idempotencyKey: key,
    });

    // Assert
    expect(reused.name).toBe('ConflictError');
    expect(reused.message).toMatch(/Idempotency-Key was already used/);
    expect(colleague.batchId).not.toBe(first.batchId);
    expect((await disbursement(b)).batchId).toBe(colleague.batchId);
  });

  it('finishes a keyed batch whose request died after claiming it, on the next retry', async () => {
    // Arrange: the header was claimed three minutes ago, and nothing more happened.
    const id = await authorised({ minor: 6_600 });
    const key = `crashed-${randomUUID()}`;
    const { batchId, requestHash } = keyedBatch(finance2.sub, key, [id]);
    const claimedAt = new Date(now.getTime() - 3 * 60_000).toISOString();
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...keys.paymentBatch(batchId),
          ...keys.paymentBatchRegister(claimedAt, batchId),
          type: 'PaymentBatch',
          batchId,
          createdBy: finance2.username,
          createdBySub: finance2.sub,
          createdAt: claimedAt,
          count: 0,
          totals: {},
          version: 1,
          requestHash,
        },
      }),
    );

    // Act
    const receipt = await createPaymentBatch({
      disbursementIds: [id],
      principal: finance2,
      now,
      idempotencyKey: key,
    });

    // Assert
    expect(receipt).toMatchObject({ batchId, count: 1, total: { currency: 'RUB', minor: 6_600 } });
    expect((await disbursement(id)).batchId).toBe(batchId);
    expect(
      await createPaymentBatch({ disbursementIds: [id], principal: finance2, now, idempotencyKey: key }),
    ).toEqual(receipt);
  });

  it('names its refusals with a code: nothing_to_batch', async () => {
    // Act
    const nothing = await createPaymentBatch({
      disbursementIds: ['dsb_nowhere'],
      principal: finance2,
      now,
    }).then(
      () => undefined,
      (error: { extra?: Record<string, unknown> }) => error.extra,
    );

    // Assert
    expect(nothing).toMatchObject({ code: 'nothing_to_batch', skipped: [{ disbursementId: 'dsb_nowhere' }] });
  });

  it('writes the CSV of a batch and its pain.001 file, which has the structure of the XSD', async () => {
    // Arrange
    const transfer = await authorised({ minor: 987_654 });
    const cash = await authorised({ minor: 5_000, payee: { method: 'cash_desk' } });
    const receipt = await createPaymentBatch({ disbursementIds: [transfer, cash], principal: finance2, now });

    // Act
    const csv = await paymentBatchFile(receipt.batchId, 'csv', now, finance);
    const xml = await paymentBatchFile(receipt.batchId, 'pain001', now, finance);

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
    expect((await errorOf(paymentBatchFile(receipt.batchId, 'pain001', now, finance))).name).toBe(
      'ConflictError',
    );
    expect((await errorOf(paymentBatchView('bat_unknown'))).name).toBe('NotFoundError');
    // A file that could not be written is not counted as downloaded.
    expect((await paymentBatchView(receipt.batchId)).downloads).toBe(0);
  });

  /** The `batch.sent` events on a case's audit trail, in chain order. */
  const sentEvents = async (caseId: string) =>
    (
      (
        await table.doc.send(
          new QueryCommand({
            TableName: table.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
            ExpressionAttributeValues: { ':pk': keys.case(caseId).pk, ':audit': 'AUDIT#' },
            ConsistentRead: true,
          }),
        )
      ).Items ?? []
    ).filter((e) => e.action === 'batch.sent') as {
      actor: { username: string };
      at: string;
      after: object;
    }[];
  const caseOf = async (disbursementId: string) => (await disbursement(disbursementId)).caseId;
  const later = (days: number) => new Date(now.getTime() + days * 86_400_000);

  it('lists the batches newest first, a page at a time, with who made them, when, count, total and status', async () => {
    // Arrange: two batches made after every other batch of this table.
    const first = await createPaymentBatch({
      disbursementIds: [await authorised({ minor: 100_000 })],
      principal: finance,
      now: later(10),
    });
    const second = await createPaymentBatch({
      disbursementIds: [await authorised({ minor: 200_000 }), await authorised({ minor: 50_000 })],
      principal: finance2,
      now: later(11),
    });

    // Act
    const page1 = await listPaymentBatches({ limit: 1 });
    const page2 = await listPaymentBatches({ limit: 1, cursor: page1.cursor });

    // Assert
    expect(page1.items).toEqual([
      {
        batchId: second.batchId,
        createdAt: later(11).toISOString(),
        createdBy: 'finance2',
        count: 2,
        total: { currency: 'RUB', minor: 250_000 },
        totals: [{ currency: 'RUB', minor: 250_000 }],
        status: 'created',
        downloads: 0,
      },
    ]);
    expect(page1.cursor).toBeDefined();
    expect(page2.items.map((b) => [b.batchId, b.createdBy, b.count])).toEqual([
      [first.batchId, 'finance', 1],
    ]);
  });

  it('marks a batch sent to the bank once, with who and when, and an audit event on each of its cases', async () => {
    // Arrange
    const transfer = await authorised({ minor: 300_000 });
    const cash = await authorised({ minor: 40_000, payee: { method: 'cash_desk' } });
    const { batchId } = await createPaymentBatch({
      disbursementIds: [transfer, cash],
      principal: finance2,
      now,
    });

    // Act
    const receipt = await markPaymentBatchSent({ batchId, principal: finance, now: later(1) });
    const again = await markPaymentBatchSent({ batchId, principal: finance2, now: later(2) });

    // Assert
    expect(receipt).toEqual({
      batchId,
      status: 'sent',
      sentAt: later(1).toISOString(),
      sentBy: 'finance',
      alreadySent: false,
    });
    expect(again).toEqual({ ...receipt, alreadySent: true });
    const view = await paymentBatchView(batchId);
    expect([view.status, view.sentBy, view.sentAt]).toEqual(['sent', 'finance', later(1).toISOString()]);
    expect([view.bankTransfers, view.cashDesk]).toEqual([1, 1]);
    for (const id of [transfer, cash]) {
      const events = await sentEvents(await caseOf(id));
      expect(events).toHaveLength(1);
      expect(events[0]?.actor.username).toBe('finance');
      expect(events[0]?.at).toBe(later(1).toISOString());
      expect(events[0]?.after).toMatchObject({ disbursementId: id, batchId, sent: true });
    }
    expect((await header(batchId)).sentBy).toBe('finance');
  });

  it('gives two officers marking one batch at once the same single mark, and each case one event', async () => {
    // Arrange
    const ids = [
      await authorised(),
      await authorised(),
      await authorised({ payee: { method: 'cash_desk' } }),
    ];
    const { batchId } = await createPaymentBatch({ disbursementIds: ids, principal: finance2, now });

    // Act
    const [a, b] = await Promise.all([
      markPaymentBatchSent({ batchId, principal: finance, now: later(1) }),
      markPaymentBatchSent({ batchId, principal: finance2, now: later(1) }),
    ]);

    // Assert
    expect(a.sentBy).toBe(b.sentBy);
    expect([a.alreadySent, b.alreadySent].sort()).toEqual([false, true]);
    for (const id of ids) expect(await sentEvents(await caseOf(id))).toHaveLength(1);
  });

  it('finishes the audit events of a marking that stopped half-way, in the name of the officer who marked it', async () => {
    // Arrange: the mark is on the header but no case has its event (the request died after it).
    const ids = [await authorised(), await authorised()];
    const { batchId } = await createPaymentBatch({ disbursementIds: ids, principal: finance2, now });
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: keys.paymentBatch(batchId),
        UpdateExpression: 'SET sentAt = :at, sentBy = :by, sentBySub = :sub, sentByRoles = :roles',
        ExpressionAttributeValues: {
          ':at': later(1).toISOString(),
          ':by': 'finance',
          ':sub': finance.sub,
          ':roles': ['finance'],
        },
      }),
    );

    // Act
    const receipt = await markPaymentBatchSent({ batchId, principal: finance2, now: later(3) });

    // Assert
    expect([receipt.sentBy, receipt.alreadySent]).toEqual(['finance', true]);
    for (const id of ids) {
      const events = await sentEvents(await caseOf(id));
      expect(events.map((e) => [e.actor.username, e.at])).toEqual([['finance', later(1).toISOString()]]);
    }
  });

  it('answers 404 when marking a batch that does not exist', async () => {
    expect((await errorOf(markPaymentBatchSent({ batchId: 'bat_none', principal: finance, now }))).name).toBe(
      'NotFoundError',
    );
  });

  it('records every download of a file with who and when, and still serves a batch already sent', async () => {
    // Arrange
    const auditor: Principal = { sub: 'sub-auditor', username: 'auditor', roles: ['auditor'] };
    const { batchId } = await createPaymentBatch({
      disbursementIds: [await authorised()],
      principal: finance2,
      now,
    });

    // Act
    await paymentBatchFile(batchId, 'csv', later(1), finance);
    await paymentBatchFile(batchId, 'pain001', later(2), auditor);
    await markPaymentBatchSent({ batchId, principal: finance, now: later(3) });
    const again = await paymentBatchFile(batchId, 'pain001', later(4), finance2);

    // Assert
    expect(again.text).toContain('<Document');
    const view = await paymentBatchView(batchId);
    expect(view.downloads).toBe(3);
    expect(view.downloadLog).toEqual([
      { format: 'pain001', at: later(4).toISOString(), by: 'finance2', roles: ['finance'] },
      { format: 'pain001', at: later(2).toISOString(), by: 'auditor', roles: ['auditor'] },
      { format: 'csv', at: later(1).toISOString(), by: 'finance', roles: ['finance'] },
    ]);
    expect(view.lastDownload).toEqual(view.downloadLog[0]);
    const listed = (await listPaymentBatches({ limit: 100 })).items.find((b) => b.batchId === batchId);
    expect(listed).toMatchObject({
      status: 'sent',
      sentBy: 'finance',
      downloads: 3,
      lastDownload: { by: 'finance2' },
    });
  });
  // Last in this suite: its batches are the newest, which the listing tests above do not expect.
  describe("at 01:30 on 1 January in Moscow (22:30 UTC on 31 December), the policies of the office's new year", () => {
    const newYearsNight = new Date('2033-12-31T22:30:00Z');
    beforeAll(async () => {
      const from2034 = (name: string, value: unknown) =>
        table.doc.send(
          new PutCommand({
            TableName: table.tableName,
            Item: { ...keys.policy(name, '2034-01-01'), type: 'Policy', value },
          }),
        );
      await from2034('batch-four-eyes-threshold', { currency: 'RUB', minor: 100_000 });
      await from2034('office-accounts', { ...demoOfficeAccounts, initiatingParty: 'Office from 2034' });
    });

    it("hold four eyes to the new year's threshold", async () => {
      // Arrange: above the threshold from 1 January only.
      const own = await authorised({ minor: 200_000, authorisedBy: finance });

      // Act
      const refused = await errorOf(
        createPaymentBatch({ disbursementIds: [own], principal: finance, now: newYearsNight }),
      );

      // Assert
      expect(refused).toMatchObject({ name: 'ForbiddenError', extra: { code: 'four_eyes' } });
    });

    it("write the pain.001 from the new year's office accounts, for execution on 1 January", async () => {
      // Arrange
      const transfer = await authorised({ minor: 20_000, authorisedBy: finance2 });
      const receipt = await createPaymentBatch({
        disbursementIds: [transfer],
        principal: finance,
        now: newYearsNight,
      });

      // Act
      const xml = await paymentBatchFile(receipt.batchId, 'pain001', newYearsNight, finance);

      // Assert
      const doc = parseXml(xml.text);
      const initiatingParty = findAll(doc, 'InitgPty')[0];
      expect(child(initiatingParty ?? doc, 'Nm')?.text).toBe('Office from 2034');
      expect(findAll(doc, 'ReqdExctnDt').map((e) => child(e, 'Dt')?.text)).toEqual(['2034-01-01']);
    });
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
