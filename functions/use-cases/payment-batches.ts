import { randomUUID } from 'node:crypto';
import { toIsoDate } from '../../domain/dates.js';
import type { Money } from '../../domain/money.js';
import {
  type BatchFileItem,
  bankTransfers,
  batchPain001,
  demoOfficeAccounts,
  type OfficeAccounts,
  sourcesWithoutAccount,
} from '../../domain/payment-files.js';
import {
  defaultFourEyesThreshold,
  endToEndIdFor,
  formatMinor,
  fourEyesViolation,
  type PayoutChannel,
  payoutChannel,
  totalsByCurrency,
} from '../../domain/payments.js';
import { tableName } from '../lib/clients.js';
import { csvHeaders, toCsv } from '../lib/csv.js';
import { ConflictError, ForbiddenError, NotFoundError, TransientError } from '../lib/errors.js';
import type { Principal } from '../lib/http.js';
import type { AuditHeadHolder } from '../lib/store/audit.js';
import { itemsByKey } from '../lib/store/index-items.js';
import { keys } from '../lib/store/keys.js';
import {
  batchChunkWrites,
  batchHeaderPut,
  disbursementsPerChunk,
  getDisbursements,
  getPaymentBatch,
  paymentBatchItems,
} from '../lib/store/payment-batches.js';
import { disbursementsByStatus, policyInForce } from '../lib/store/reads.js';
import type { DisbursementRecord, PaymentBatchItemRecord, PaymentBatchRecord } from '../lib/store/records.js';
import { transact } from '../lib/store/transactions.js';

/** At most this many disbursements go into one batch; the rest wait for the next. */
export const maxBatchSize = 1000;

export interface SkippedDisbursement {
  readonly disbursementId: string;
  readonly reason: 'not_found' | 'not_authorised' | 'in_kind' | 'batched_meanwhile';
}

export interface BatchReceipt {
  readonly batchId: string;
  readonly count: number;
  /** The control total (the batch's only currency; the first one when there are several). */
  readonly total: Money;
  /** Control totals per currency. */
  readonly totals: Money[];
  readonly skipped: SkippedDisbursement[];
}

const channelOf = (d: DisbursementRecord): PayoutChannel => d.channel ?? payoutChannel(d.aidType, d.payee);

/** Disbursements waiting for a batch, oldest first (all of them when no ids are given). */
async function candidates(ids: readonly string[] | undefined): Promise<{
  eligible: DisbursementRecord[];
  skipped: SkippedDisbursement[];
}> {
  const skipped: SkippedDisbursement[] = [];
  let found: DisbursementRecord[];
  if (ids) {
    const unique = [...new Set(ids)];
    found = await getDisbursements(unique);
    const known = new Set(found.map((d) => d.disbursementId));
    for (const id of unique) if (!known.has(id)) skipped.push({ disbursementId: id, reason: 'not_found' });
    found.sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.disbursementId.localeCompare(b.disbursementId),
    );
  } else {
    found = [];
    let cursor: string | undefined;
    do {
      const page = await disbursementsByStatus('authorised', 100, cursor);
      found.push(...page.items);
      cursor = page.cursor;
    } while (cursor && found.length < maxBatchSize * 2);
  }
  const eligible: DisbursementRecord[] = [];
  for (const d of found) {
    // The index is eventually consistent and ids may be anything: judge each by its own item.
    if (d.status !== 'authorised' || d.batchId)
      skipped.push({ disbursementId: d.disbursementId, reason: 'not_authorised' });
    else if (channelOf(d) === 'delivery')
      skipped.push({ disbursementId: d.disbursementId, reason: 'in_kind' });
    else if (eligible.length < maxBatchSize) eligible.push(d);
  }
  // Listing all authorised ones names every in-kind disbursement: not worth reporting as skipped.
  return { eligible, skipped: ids ? skipped : skipped.filter((s) => s.reason !== 'in_kind') };
}

function batchItem(batchId: string, d: DisbursementRecord): PaymentBatchItemRecord {
  return {
    ...keys.paymentBatchItem(batchId, d.disbursementId),
    type: 'PaymentBatchItem',
    batchId,
    disbursementId: d.disbursementId,
    endToEndId: d.endToEndId ?? endToEndIdFor(d.caseId, d.attempt ?? 1),
    caseId: d.caseId,
    caseReference: d.caseReference,
    aidType: d.aidType,
    fundingSource: d.fundingSource,
    amount: d.amount,
    channel: channelOf(d),
    payee: d.payee,
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Batches authorised bank-transfer and cash-desk disbursements (in-kind aid is delivered, never
 * batched). Each disbursement moves authorised → batched in a conditional, chunked transaction
 * (≤ 100 items) together with its batch item and the header's count and control totals; one that
 * someone else batched meanwhile is left out, so no disbursement is ever in two batches.
 *
 * Four eyes: an item above the policy threshold may not be batched by the officer who
 * authorised it (403 with the reason, before anything is written).
 */
export async function createPaymentBatch(input: {
  disbursementIds?: readonly string[] | undefined;
  principal: Principal;
  now: Date;
}): Promise<BatchReceipt> {
  const { principal, now } = input;
  const { eligible, skipped } = await candidates(input.disbursementIds);
  if (eligible.length === 0) {
    throw new ConflictError(
      'There is nothing to batch: no authorised bank-transfer or cash-desk disbursement (in-kind aid is confirmed by delivery).',
      { skipped },
    );
  }
  const threshold =
    (await policyInForce<Money>('batch-four-eyes-threshold', toIsoDate(now))) ?? defaultFourEyesThreshold;
  const violation = fourEyesViolation(eligible, principal.sub, threshold);
  if (violation) throw new ForbiddenError(violation);

  const table = tableName();
  const at = now.toISOString();
  const batchId = `bat_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
  const header = await transact([
    batchHeaderPut(table, {
      batchId,
      createdBy: principal.username,
      createdBySub: principal.sub,
      createdAt: at,
      count: 0,
      totals: {},
      version: 1,
    }),
  ]);
  if (!header.ok) throw new TransientError('batch id collision; try again');

  const batched: DisbursementRecord[] = [];
  for (let i = 0; i < eligible.length; i += disbursementsPerChunk) {
    let chunk = eligible.slice(i, i + disbursementsPerChunk);
    for (let round = 0; chunk.length > 0; round++) {
      // Each batched disbursement is an audit event on its case: read the cases' chain heads.
      const cases = new Map(
        (await itemsByKey<AuditHeadHolder>(chunk.map((d) => keys.case(d.caseId)))).map((c) => [c.caseId, c]),
      );
      let outcome: Awaited<ReturnType<typeof transact>>;
      try {
        outcome = await transact(
          batchChunkWrites(
            table,
            batchId,
            at,
            { kind: 'staff', username: principal.username, sub: principal.sub, roles: principal.roles },
            chunk.map((d) => ({ disbursement: d, item: batchItem(batchId, d) })),
            cases,
          ),
        );
      } catch (error) {
        // A concurrent batch is writing the same disbursements: back off, then the conditions decide.
        if (error instanceof TransientError && round < 10) {
          await pause(20 + Math.random() * 40 * 2 ** Math.min(round, 5));
          continue;
        }
        throw error;
      }
      if (outcome.ok) {
        batched.push(...chunk);
        break;
      }
      // Which disbursements someone else took is read from them, not from the cancellation
      // reasons (DynamoDB Local names fewer failed conditions than DynamoDB does).
      const reread = await getDisbursements(chunk.map((d) => d.disbursementId));
      const lost = new Set(
        reread
          .filter((d) => d.status !== 'authorised' || d.batchId !== undefined)
          .map((d) => d.disbursementId),
      );
      if (lost.size === 0 && round < 10) {
        // Every disbursement is still free: a case's audit head moved since it was read (another
        // event on the case). Read the heads again and retry.
        await pause(10 + Math.random() * 20 * 2 ** Math.min(round, 4));
        continue;
      }
      if (lost.size === 0) {
        throw new Error(
          `batch ${batchId}: a chunk was refused (${outcome.reasons.join(',')}) with every disbursement free`,
        );
      }
      for (const id of lost) skipped.push({ disbursementId: id, reason: 'batched_meanwhile' });
      chunk = chunk.filter((d) => !lost.has(d.disbursementId));
    }
  }
  if (batched.length === 0) {
    throw new ConflictError('Every disbursement chosen was batched by someone else meanwhile.', { skipped });
  }
  const totals = totalsByCurrency(batched.map((d) => d.amount));
  return { batchId, count: batched.length, total: totals[0] as Money, totals, skipped };
}

export interface BatchView {
  readonly batchId: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly count: number;
  readonly total: Money | undefined;
  readonly totals: Money[];
  readonly items: {
    readonly disbursementId: string;
    readonly endToEndId: string;
    readonly caseReference: string;
    readonly aidType: string;
    readonly fundingSource: string;
    readonly amount: Money;
    readonly channel: PayoutChannel;
    readonly payee: DisbursementRecord['payee'];
    /** The disbursement's status now (batched until settled). */
    readonly status: string;
  }[];
}

async function batchOrThrow(batchId: string): Promise<PaymentBatchRecord> {
  const header = await getPaymentBatch(batchId);
  if (!header) throw new NotFoundError(`There is no payment batch ${batchId}.`);
  return header;
}

const totalsOf = (header: PaymentBatchRecord): Money[] =>
  Object.entries(header.totals)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => ({ currency, minor }));

/** The batch's header and its items, each with its disbursement's status now. */
export async function paymentBatchView(batchId: string): Promise<BatchView> {
  const header = await batchOrThrow(batchId);
  const items = await paymentBatchItems(batchId);
  const statuses = new Map(
    (await getDisbursements(items.map((i) => i.disbursementId))).map((d) => [d.disbursementId, d.status]),
  );
  const totals = totalsOf(header);
  return {
    batchId,
    createdAt: header.createdAt,
    createdBy: header.createdBy,
    count: header.count,
    total: totals[0],
    totals,
    items: items.map((i) => ({
      disbursementId: i.disbursementId,
      endToEndId: i.endToEndId,
      caseReference: i.caseReference,
      aidType: i.aidType,
      fundingSource: i.fundingSource,
      amount: i.amount,
      channel: i.channel,
      payee: i.payee,
      status: statuses.get(i.disbursementId) ?? 'unknown',
    })),
  };
}

export const batchFileFormats = ['csv', 'pain001'] as const;
export type BatchFileFormat = (typeof batchFileFormats)[number];

export interface BatchFile {
  readonly text: string;
  readonly headers: Record<string, string>;
}

const fileItem = (i: PaymentBatchItemRecord): BatchFileItem => ({
  disbursementId: i.disbursementId,
  endToEndId: i.endToEndId,
  caseReference: i.caseReference,
  aidType: i.aidType,
  fundingSource: i.fundingSource,
  amount: i.amount,
  channel: i.channel,
  payee: i.payee,
});

export const batchCsvHeader = [
  'batch_id',
  'disbursement_id',
  'end_to_end_id',
  'case_reference',
  'channel',
  'payee_name',
  'account_holder',
  'iban',
  'account_number',
  'bic',
  'amount',
  'currency',
  'funding_source',
  'aid_type',
] as const;

/**
 * Every item of a batch as CSV (RFC 4180, formula-safe cells; lib/csv.ts), amounts as decimals.
 * Starts with the UTF-8 byte order mark: Excel, which the offices open these files with, reads
 * UTF-8 Cyrillic and Chinese names as mojibake without it.
 */
export function batchCsv(batchId: string, items: readonly BatchFileItem[]): string {
  const rows = items.map((i) => [
    batchId,
    i.disbursementId,
    i.endToEndId,
    i.caseReference,
    i.channel,
    i.payee.name,
    i.payee.accountHolder,
    i.payee.iban,
    i.payee.accountNumber,
    i.payee.bic,
    formatMinor(i.amount.minor),
    i.amount.currency,
    i.fundingSource,
    i.aidType,
  ]);
  return `\uFEFF${toCsv([[...batchCsvHeader], ...rows])}`;
}

/**
 * A file of the batch, written from the items as they were batched (so it never changes): the
 * CSV of every item, or the pain.001.001.09 XML of its bank transfers. The office's accounts are
 * the policy value `office-accounts` (demo accounts until an administrator sets it).
 */
export async function paymentBatchFile(
  batchId: string,
  format: BatchFileFormat,
  now: Date,
): Promise<BatchFile> {
  const header = await batchOrThrow(batchId);
  const items = (await paymentBatchItems(batchId)).map(fileItem);
  if (format === 'csv') return { text: batchCsv(batchId, items), headers: csvHeaders(`${batchId}.csv`) };
  if (bankTransfers(items).length === 0) {
    throw new ConflictError(
      `Batch ${batchId} has no bank transfers: its ${items.length} cash-desk payouts are in the CSV file.`,
    );
  }
  const accounts =
    (await policyInForce<OfficeAccounts>('office-accounts', toIsoDate(now))) ?? demoOfficeAccounts;
  const missing = sourcesWithoutAccount(items, accounts);
  if (missing.length > 0) {
    throw new ConflictError(
      `No office account is configured to pay from ${missing.join(', ')}: an administrator sets them in the policy "office-accounts".`,
    );
  }
  return {
    text: batchPain001({ batchId, createdAt: header.createdAt }, items, accounts),
    headers: {
      'content-type': 'application/xml; charset=utf-8',
      'content-disposition': `attachment; filename="${batchId}.pain.001.001.09.xml"`,
    },
  };
}
