import { randomUUID } from 'node:crypto';
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
import { sha256 } from '../lib/access-codes.js';
import { tableName } from '../lib/clients.js';
import { csvHeaders, toCsv } from '../lib/csv.js';
import { ConflictError, ForbiddenError, NotFoundError, TransientError } from '../lib/errors.js';
import type { Principal } from '../lib/http.js';
import { officeDate, officeTimeZone } from '../lib/office-day.js';
import type { AuditHeadHolder } from '../lib/store/audit.js';
import { caseIdForKey, findIdempotentResponse, idempotencyPut } from '../lib/store/idempotency.js';
import { itemsByKey } from '../lib/store/index-items.js';
import { keys } from '../lib/store/keys.js';
import {
  type BatchSent,
  batchChunkWrites,
  batchDownloadWrites,
  batchHeaderPut,
  batchSentChunkWrites,
  batchSentClaim,
  disbursementsPerChunk,
  getDisbursements,
  getPaymentBatch,
  paymentBatchDownloads,
  paymentBatchItems,
  sentItemsPerChunk,
} from '../lib/store/payment-batches.js';
import { disbursementsByStatus, paymentBatchRegister, policyInForce } from '../lib/store/reads.js';
import type {
  DisbursementRecord,
  PaymentBatchDownload,
  PaymentBatchItemRecord,
  PaymentBatchRecord,
} from '../lib/store/records.js';
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
 *
 * With an Idempotency-Key a retry (a response lost on the way, a double click, two tabs at once)
 * gets the first request's answer: the same 201 receipt, or the same 409 (see `withKey`).
 */
export async function createPaymentBatch(input: {
  disbursementIds?: readonly string[] | undefined;
  principal: Principal;
  now: Date;
  idempotencyKey?: string | undefined;
}): Promise<BatchReceipt> {
  if (input.idempotencyKey) return withKey({ ...input, idempotencyKey: input.idempotencyKey });
  const receipt = await batchInto(input, `bat_${randomUUID().replaceAll('-', '').slice(0, 24)}`);
  if (!receipt) throw new TransientError('batch id collision; try again');
  return receipt;
}

/** A header claimed by a request with the same key that has not answered after this long died. */
export const batchClaimStaleAfterMs = 2 * 60_000;

/** The outcome of a keyed request, kept for its retries (functions/lib/store/idempotency.ts). */
type KeyedOutcome =
  | { readonly receipt: BatchReceipt }
  | { readonly refused: { readonly detail: string; readonly extra: Record<string, unknown> } };

/**
 * Batch creation with an Idempotency-Key. The batch id is derived from the key (and the officer),
 * so the header's conditional put is the claim: one request with the key batches, and every other
 * one waits for its outcome, stored for 24 hours as an idempotency record, and answers with it.
 * A claim whose request died before answering (older than `batchClaimStaleAfterMs`) is finished
 * by the next retry: the batch as it stands is the answer, or, when it holds nothing, it is filled.
 * The same key with another request (other disbursements, another officer) → 409.
 */
async function withKey(input: {
  disbursementIds?: readonly string[] | undefined;
  principal: Principal;
  now: Date;
  idempotencyKey: string;
}): Promise<BatchReceipt> {
  const { scoped, batchId, requestHash } = keyedBatch(
    input.principal.sub,
    input.idempotencyKey,
    input.disbursementIds,
  );
  const keyReused = () =>
    new ConflictError(
      'This Idempotency-Key was already used for another payment batch request. Use a new key for a new batch.',
      { code: 'idempotency_key_reused' },
    );
  const settle = async (outcome: KeyedOutcome): Promise<BatchReceipt> => {
    const stored = await transact([
      idempotencyPut(tableName(), {
        idempotencyKey: scoped,
        requestHash,
        response: outcome,
        secret: '',
        nowSeconds: Math.floor(input.now.getTime() / 1000),
      }),
    ]);
    // Another request with the key answered first: its outcome is the answer.
    const answer = stored.ok
      ? outcome
      : ((await findIdempotentResponse<KeyedOutcome>(scoped))?.response ?? outcome);
    if ('refused' in answer) throw new ConflictError(answer.refused.detail, answer.refused.extra);
    return answer.receipt;
  };
  for (let round = 0; ; round++) {
    const earlier = await findIdempotentResponse<KeyedOutcome>(scoped);
    if (earlier) {
      if (earlier.requestHash !== requestHash) throw keyReused();
      if ('refused' in earlier.response) {
        throw new ConflictError(earlier.response.refused.detail, earlier.response.refused.extra);
      }
      return earlier.response.receipt;
    }
    const header = await getPaymentBatch(batchId);
    if (header) {
      if (header.requestHash !== requestHash) throw keyReused();
      if (Date.parse(header.createdAt) + batchClaimStaleAfterMs <= input.now.getTime()) {
        // The request that claimed it died: finish it.
        if (header.count > 0 || header.sentAt) return settle({ receipt: receiptOf(header, []) });
        const filled = await batchInto(input, batchId, header);
        return settle({
          receipt: receiptOf((await getPaymentBatch(batchId)) ?? header, filled?.skipped ?? []),
        });
      }
      if (round >= 60) {
        throw new TransientError(`batch ${batchId}: an earlier request with this key is still creating it`);
      }
      await pause(250);
      continue;
    }
    try {
      const receipt = await batchInto(input, batchId, undefined, requestHash);
      if (receipt) return settle({ receipt });
      // Another request with this key claimed the batch a moment ago: wait for its answer.
    } catch (error) {
      if (!(error instanceof ConflictError) || error.status !== 409) throw error;
      const code = error.extra.code;
      // Nothing left to batch because a request with this key batched it meanwhile: its answer.
      if (code === 'nothing_to_batch' && (await getPaymentBatch(batchId))) continue;
      if (code === 'batched_meanwhile')
        return settle({ refused: { detail: error.message, extra: error.extra } });
      throw error;
    }
  }
}

/**
 * What an Idempotency-Key stands for: the key scoped to the officer (another officer's equal key is
 * another request), the batch id it creates (a keyed hash: neither guessable nor reversible) and
 * the hash of the request a retry must repeat (the disbursements named, or "all authorised").
 */
export function keyedBatch(
  sub: string,
  idempotencyKey: string,
  disbursementIds: readonly string[] | undefined,
): { scoped: string; batchId: string; requestHash: string } {
  const scoped = `payment-batch:${sub}:${idempotencyKey}`;
  return {
    scoped,
    batchId: `bat_${caseIdForKey('payment-batch', scoped).replaceAll('-', '').slice(0, 24)}`,
    requestHash: sha256(
      JSON.stringify(disbursementIds ? [...new Set(disbursementIds)].sort() : 'all authorised'),
    ),
  };
}

const receiptOf = (header: PaymentBatchRecord, skipped: SkippedDisbursement[]): BatchReceipt => {
  const totals = totalsOf(header);
  return { batchId: header.batchId, count: header.count, total: totals[0] as Money, totals, skipped };
};

/**
 * Puts the candidates into the batch `batchId`: a new one (its header claimed here; undefined when
 * that id is taken), or `existing`, a keyed batch left empty by a request that died.
 */
async function batchInto(
  input: { disbursementIds?: readonly string[] | undefined; principal: Principal; now: Date },
  batchId: string,
  existing?: PaymentBatchRecord,
  requestHash?: string,
): Promise<BatchReceipt | undefined> {
  const { principal, now } = input;
  const { eligible, skipped } = await candidates(input.disbursementIds);
  if (eligible.length === 0) {
    throw new ConflictError(
      'There is nothing to batch: no authorised bank-transfer or cash-desk disbursement (in-kind aid is confirmed by delivery).',
      { code: 'nothing_to_batch', skipped },
    );
  }
  const threshold =
    (await policyInForce<Money>('batch-four-eyes-threshold', officeDate(now))) ?? defaultFourEyesThreshold;
  const violation = fourEyesViolation(eligible, principal.sub, threshold);
  if (violation) {
    const { detail, ...fields } = violation;
    throw new ForbiddenError(detail, { code: 'four_eyes', ...fields });
  }

  const table = tableName();
  const at = existing?.createdAt ?? now.toISOString();
  if (!existing) {
    const header = await transact([
      batchHeaderPut(table, {
        batchId,
        createdBy: principal.username,
        createdBySub: principal.sub,
        createdAt: at,
        count: 0,
        totals: {},
        version: 1,
        ...(requestHash ? { requestHash } : {}),
      }),
    ]);
    if (!header.ok) return undefined;
  }
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
    throw new ConflictError('Every disbursement chosen was batched by someone else meanwhile.', {
      code: 'batched_meanwhile',
      skipped,
    });
  }
  const totals = totalsByCurrency(batched.map((d) => d.amount));
  return { batchId, count: batched.length, total: totals[0] as Money, totals, skipped };
}

/** Whether a batch's files went to the bank: marked once, by whom and when (`POST …/sent`). */
export type BatchStatus = 'created' | 'sent';

/** What the register and the batch view say of a batch's sending and its downloads. */
export interface BatchTrail {
  readonly status: BatchStatus;
  readonly sentAt?: string;
  readonly sentBy?: string;
  /** How many times its files were downloaded, and the last time. */
  readonly downloads: number;
  readonly lastDownload?: PaymentBatchDownload;
}

export interface BatchSummary extends BatchTrail {
  readonly batchId: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly count: number;
  readonly total: Money | undefined;
  readonly totals: Money[];
}

export interface BatchView extends BatchSummary {
  /** Bank transfers (in the pain.001 file and the CSV) and cash-desk payouts (the CSV only). */
  readonly bankTransfers: number;
  readonly cashDesk: number;
  /** The latest downloads, newest first (at most `downloadsShown`). */
  readonly downloadLog: PaymentBatchDownload[];
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

/** The downloads a batch view lists (the header counts them all). */
export const downloadsShown = 20;

async function batchOrThrow(batchId: string): Promise<PaymentBatchRecord> {
  const header = await getPaymentBatch(batchId);
  if (!header) throw new NotFoundError(`There is no payment batch ${batchId}.`);
  return header;
}

const totalsOf = (header: PaymentBatchRecord): Money[] =>
  Object.entries(header.totals)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => ({ currency, minor }));

function summaryOf(header: PaymentBatchRecord): BatchSummary {
  const totals = totalsOf(header);
  return {
    batchId: header.batchId,
    createdAt: header.createdAt,
    createdBy: header.createdBy,
    count: header.count,
    total: totals[0],
    totals,
    status: header.sentAt ? 'sent' : 'created',
    ...(header.sentAt ? { sentAt: header.sentAt } : {}),
    ...(header.sentBy ? { sentBy: header.sentBy } : {}),
    downloads: header.downloads ?? 0,
    ...(header.lastDownload ? { lastDownload: header.lastDownload } : {}),
  };
}

/**
 * The batch register, newest first, a page at a time: every batch with who made it and when, its
 * count and control totals, whether it was sent to the bank (by whom, when) and its downloads.
 * A header left empty (every disbursement chosen was batched by someone else meanwhile, or its
 * chunks are being written this moment) is not a batch anyone can send, and is left out.
 */
export async function listPaymentBatches(input: {
  limit: number;
  cursor?: string | undefined;
}): Promise<{ items: BatchSummary[]; cursor?: string }> {
  const page = await paymentBatchRegister<PaymentBatchRecord>(input.limit, input.cursor);
  return {
    items: page.items.filter((h) => h.type === 'PaymentBatch' && h.count > 0).map(summaryOf),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

/** The batch's header and its items, each with its disbursement's status now. */
export async function paymentBatchView(batchId: string): Promise<BatchView> {
  const header = await batchOrThrow(batchId);
  const [items, downloadLog] = await Promise.all([
    paymentBatchItems(batchId),
    paymentBatchDownloads(batchId, downloadsShown),
  ]);
  const statuses = new Map(
    (await getDisbursements(items.map((i) => i.disbursementId))).map((d) => [d.disbursementId, d.status]),
  );
  return {
    ...summaryOf(header),
    bankTransfers: items.filter((i) => i.channel === 'bank_transfer').length,
    cashDesk: items.filter((i) => i.channel === 'cash_desk').length,
    downloadLog: downloadLog.map(({ format, at, by, roles }) => ({ format, at, by, roles })),
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

export interface BatchSentReceipt {
  readonly batchId: string;
  readonly status: 'sent';
  readonly sentAt: string;
  readonly sentBy: string;
  /** True when the batch had been marked before this request (by whoever `sentBy` names). */
  readonly alreadySent: boolean;
}

const sentOf = (h: PaymentBatchRecord): BatchSent | undefined =>
  h.sentAt && h.sentBy
    ? { sentAt: h.sentAt, sentBy: h.sentBy, sentBySub: h.sentBySub ?? '', sentByRoles: h.sentByRoles ?? [] }
    : undefined;

/**
 * Records that a batch's files went to the bank (or, for cash-desk payouts, to the cash desk):
 * once, with who and when, so that nobody sends it again unawares. Marking it again answers the
 * first mark (a double click, a retry, a colleague a minute later). Each of its payments gets a
 * `batch.sent` event on its case's audit trail; a request that died half-way through those is
 * finished by the next one, with the first mark's officer and time.
 */
export async function markPaymentBatchSent(input: {
  batchId: string;
  principal: Principal;
  now: Date;
}): Promise<BatchSentReceipt> {
  const { principal } = input;
  const header = await batchOrThrow(input.batchId);
  if (header.count === 0) {
    throw new ConflictError(`Batch ${input.batchId} holds no payments: there is nothing to send.`, {
      code: 'batch_empty',
    });
  }
  let sent = sentOf(header);
  let alreadySent = true;
  if (!sent) {
    const mine: BatchSent = {
      sentAt: input.now.toISOString(),
      sentBy: principal.username,
      sentBySub: principal.sub,
      sentByRoles: principal.roles,
    };
    // Two officers at once: one mark wins, and the other is answered with it.
    const claimed = await transact([batchSentClaim(tableName(), input.batchId, mine)]);
    alreadySent = !claimed.ok;
    sent = claimed.ok ? mine : sentOf(await batchOrThrow(input.batchId));
    if (!sent) throw new TransientError(`batch ${input.batchId}: its sent mark could not be written`);
  }
  await writeSentEvents(input.batchId, sent);
  return { batchId: input.batchId, status: 'sent', sentAt: sent.sentAt, sentBy: sent.sentBy, alreadySent };
}

/** The `batch.sent` audit events of every item not yet marked, a chunk per transaction. */
async function writeSentEvents(batchId: string, sent: BatchSent): Promise<void> {
  const table = tableName();
  for (let round = 0; ; round++) {
    const unsent = (await paymentBatchItems(batchId, true)).filter((i) => !i.sentAt);
    if (unsent.length === 0) return;
    if (round === 10) throw new TransientError(`batch ${batchId}: its items kept changing while marked sent`);
    let refused = false;
    for (let i = 0; i < unsent.length; i += sentItemsPerChunk) {
      const chunk = unsent.slice(i, i + sentItemsPerChunk);
      const cases = new Map(
        (await itemsByKey<AuditHeadHolder>([...new Set(chunk.map((c) => c.caseId))].map(keys.case))).map(
          (c) => [c.caseId, c],
        ),
      );
      try {
        // Refused when another request marked an item or moved a case's audit head meanwhile:
        // the next round reads them again and writes what is still missing.
        refused = !(await transact(batchSentChunkWrites(table, batchId, sent, chunk, cases))).ok || refused;
      } catch (error) {
        if (!(error instanceof TransientError)) throw error;
        refused = true;
      }
    }
    if (!refused) return;
    await pause(5 + Math.random() * 20 * 2 ** Math.min(round, 4));
  }
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
  principal: Principal,
): Promise<BatchFile> {
  const file = await batchFile(batchId, format, now);
  await recordDownload(batchId, format, now, principal);
  return file;
}

/**
 * Every download is recorded (who, with which roles, when, which file) before the file is served:
 * the batch view shows them, and the register the last one, so an officer sees that a file was
 * already taken before taking it to the bank again. A file that cannot be written is not counted.
 */
async function recordDownload(batchId: string, format: BatchFileFormat, now: Date, principal: Principal) {
  const at = now.toISOString();
  const outcome = await transact(
    batchDownloadWrites(
      tableName(),
      { batchId, format, at, by: principal.username, bySub: principal.sub, roles: principal.roles },
      randomUUID().slice(0, 8),
    ),
  );
  if (!outcome.ok) throw new NotFoundError(`There is no payment batch ${batchId}.`);
}

async function batchFile(batchId: string, format: BatchFileFormat, now: Date): Promise<BatchFile> {
  const header = await batchOrThrow(batchId);
  const items = (await paymentBatchItems(batchId)).map(fileItem);
  if (format === 'csv') return { text: batchCsv(batchId, items), headers: csvHeaders(`${batchId}.csv`) };
  if (bankTransfers(items).length === 0) {
    throw new ConflictError(
      `Batch ${batchId} has no bank transfers: its ${items.length} cash-desk payouts are in the CSV file.`,
      { code: 'no_bank_transfers' },
    );
  }
  const accounts =
    (await policyInForce<OfficeAccounts>('office-accounts', officeDate(now))) ?? demoOfficeAccounts;
  const missing = sourcesWithoutAccount(items, accounts);
  if (missing.length > 0) {
    throw new ConflictError(
      `No office account is configured to pay from ${missing.join(', ')}: an administrator sets them in the policy "office-accounts".`,
      { code: 'office_account_missing', sources: missing },
    );
  }
  return {
    text: batchPain001({ batchId, createdAt: header.createdAt, timeZone: officeTimeZone() }, items, accounts),
    headers: {
      'content-type': 'application/xml; charset=utf-8',
      'content-disposition': `attachment; filename="${batchId}.pain.001.001.09.xml"`,
    },
  };
}
