import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../clients.js';
import { type Actor, type AuditHeadHolder, auditAppend } from './audit.js';
import { keys } from './keys.js';
import { getItem, queryPartition } from './reads.js';
import type {
  DisbursementRecord,
  PaymentBatchDownloadRecord,
  PaymentBatchItemRecord,
  PaymentBatchRecord,
} from './records.js';

/** DynamoDB's limit on the items of one transaction. */
export const maxTransactionItems = 100;

/**
 * Items one disbursement takes in a batching transaction at most: its move, its batch item, its
 * audit event, and the move of its case's audit head (one per case, shared if a case had two).
 */
export const itemsPerDisbursement = 4;

/** Disbursements per batching transaction (the header takes one item more). */
export const disbursementsPerChunk = Math.floor((maxTransactionItems - 1) / itemsPerDisbursement);

export const getPaymentBatch = (batchId: string) => getItem<PaymentBatchRecord>(keys.paymentBatch(batchId));

export const paymentBatchItems = (batchId: string, consistent = false) =>
  queryPartition<PaymentBatchItemRecord>(`BATCH#${batchId}`, 'ITEM#', consistent);

/** Several disbursements by id (strongly consistent; unknown ids are simply absent). */
export async function getDisbursements(ids: readonly string[]): Promise<DisbursementRecord[]> {
  const out: DisbursementRecord[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    let pending: Record<string, unknown>[] = ids.slice(i, i + 100).map((id) => keys.disbursement(id));
    for (let round = 0; pending.length > 0; round++) {
      const { Responses, UnprocessedKeys } = await dynamo().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: true } } }),
      );
      out.push(...((Responses?.[tableName()] ?? []) as DisbursementRecord[]));
      pending = (UnprocessedKeys?.[tableName()]?.Keys ?? []) as Record<string, unknown>[];
      if (pending.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** round)));
    }
  }
  return out;
}

/** The latest downloads of a batch's files, newest first (table-spec #35). */
export async function paymentBatchDownloads(
  batchId: string,
  limit: number,
): Promise<PaymentBatchDownloadRecord[]> {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.paymentBatch(batchId).pk, ':prefix': 'DOWNLOAD#' },
      ScanIndexForward: false,
      Limit: limit,
      ConsistentRead: true,
    }),
  );
  return (Items ?? []) as PaymentBatchDownloadRecord[];
}

/**
 * A download of a batch's file: its own item, and the header's count and last download (so the
 * register shows them without reading the downloads).
 */
export function batchDownloadWrites(
  table: string,
  download: Omit<PaymentBatchDownloadRecord, 'pk' | 'sk' | 'type'>,
  downloadId: string,
) {
  const { batchId, format, at, by, roles } = download;
  return [
    {
      Put: {
        TableName: table,
        Item: {
          ...keys.paymentBatchDownload(batchId, at, downloadId),
          type: 'PaymentBatchDownload',
          ...download,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: table,
        Key: keys.paymentBatch(batchId),
        UpdateExpression:
          'SET #downloads = if_not_exists(#downloads, :zero) + :one, #last = :last, #version = #version + :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: {
          '#downloads': 'downloads',
          '#last': 'lastDownload',
          '#version': 'version',
        },
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':last': { format, at, by, roles } },
      },
    },
  ];
}

/** Who marked a batch sent, as the header keeps it. */
export interface BatchSent {
  readonly sentAt: string;
  readonly sentBy: string;
  readonly sentBySub: string;
  readonly sentByRoles: readonly string[];
}

/**
 * Marks a batch sent to the bank, once: conditional on no one having marked it (the loser of a
 * race reads the winner's mark). The audit events on its cases follow in `batchSentChunkWrites`.
 */
export function batchSentClaim(table: string, batchId: string, sent: BatchSent) {
  return {
    Update: {
      TableName: table,
      Key: keys.paymentBatch(batchId),
      UpdateExpression:
        'SET sentAt = :sentAt, sentBy = :sentBy, sentBySub = :sentBySub, sentByRoles = :sentByRoles, #version = #version + :one',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(sentAt)',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: {
        ':sentAt': sent.sentAt,
        ':sentBy': sent.sentBy,
        ':sentBySub': sent.sentBySub,
        ':sentByRoles': [...sent.sentByRoles],
        ':one': 1,
      },
    },
  };
}

/**
 * Items one batch item takes in a "sent" transaction at most: its marker, its audit event, and
 * the move of its case's audit head.
 */
export const itemsPerSentItem = 3;
export const sentItemsPerChunk = Math.floor(maxTransactionItems / itemsPerSentItem);

/**
 * One chunk of a sent batch's items, for one transaction: each item is marked sent only if it is
 * not yet (so its case's `batch.sent` event is written once, however often the marking is retried
 * or raced), with the event chained on its case (as read, by case id).
 */
export function batchSentChunkWrites(
  table: string,
  batchId: string,
  sent: BatchSent,
  items: readonly PaymentBatchItemRecord[],
  cases: ReadonlyMap<string, AuditHeadHolder>,
) {
  const actor: Actor = { kind: 'staff', username: sent.sentBy, sub: sent.sentBySub, roles: sent.sentByRoles };
  const groups = new Map<string, PaymentBatchItemRecord[]>();
  for (const item of items) groups.set(item.caseId, [...(groups.get(item.caseId) ?? []), item]);
  return [
    ...items.map((item) => ({
      Update: {
        TableName: table,
        Key: keys.paymentBatchItem(batchId, item.disbursementId),
        UpdateExpression: 'SET sentAt = :sentAt',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(sentAt)',
        ExpressionAttributeValues: { ':sentAt': sent.sentAt },
      },
    })),
    // A case no longer there (retention) has no trail to write to: its item is only marked.
    ...[...groups.entries()].flatMap(([caseId, ofCase]) => {
      const holder = cases.get(caseId);
      if (!holder) return [];
      return auditAppend(
        table,
        holder,
        ...ofCase.map((item) => ({
          at: sent.sentAt,
          actor,
          action: 'batch.sent',
          before: { disbursementId: item.disbursementId, batchId, sent: false },
          after: { disbursementId: item.disbursementId, batchId, sent: true, channel: item.channel },
        })),
      );
    }),
  ];
}

/** The header of a new batch: empty, filled by each chunk's transaction. */
export function batchHeaderPut(table: string, header: Omit<PaymentBatchRecord, 'pk' | 'sk' | 'type'>) {
  return {
    Put: {
      TableName: table,
      Item: {
        ...keys.paymentBatch(header.batchId),
        ...keys.paymentBatchRegister(header.createdAt, header.batchId),
        type: 'PaymentBatch',
        ...header,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * One chunk of a batch, for one transaction: each disbursement moves authorised → batched only if
 * it is still authorised and in no batch (so one batched concurrently by someone else cancels the
 * transaction, is left out, and the chunk is tried again without it), its copy becomes an item
 * of the batch with an audit event on its case, and the header's count and per-currency control
 * totals grow by the chunk's. Items come `itemsPerDisbursement` per disbursement (its move first),
 * the header last.
 */
export function batchChunkWrites(
  table: string,
  batchId: string,
  at: string,
  actor: Actor,
  chunk: readonly { disbursement: DisbursementRecord; item: PaymentBatchItemRecord }[],
  /** The cases of the chunk as read (their audit heads), by case id. */
  cases: ReadonlyMap<string, AuditHeadHolder>,
) {
  const totals = new Map<string, number>();
  for (const { disbursement } of chunk) {
    totals.set(
      disbursement.amount.currency,
      (totals.get(disbursement.amount.currency) ?? 0) + disbursement.amount.minor,
    );
  }
  const headerNames: Record<string, string> = {
    '#count': 'count',
    '#totals': 'totals',
    '#version': 'version',
  };
  const headerValues: Record<string, unknown> = { ':n': chunk.length, ':zero': 0, ':one': 1 };
  const headerSets = ['#count = #count + :n', '#version = #version + :one'];
  [...totals.entries()].forEach(([currency, minor], i) => {
    headerNames[`#c${i}`] = currency;
    headerValues[`:s${i}`] = minor;
    headerSets.push(`#totals.#c${i} = if_not_exists(#totals.#c${i}, :zero) + :s${i}`);
  });
  return [
    ...chunk.flatMap(({ disbursement, item }) => [
      {
        Update: {
          TableName: table,
          Key: keys.disbursement(disbursement.disbursementId),
          UpdateExpression:
            'SET #status = :batched, gsi2pk = :gsi2pk, batchId = :batchId, batchedAt = :at, #version = #version + :one',
          ConditionExpression: '#status = :authorised AND attribute_not_exists(batchId)',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: {
            ':batched': 'batched',
            ':authorised': 'authorised',
            ':gsi2pk': keys.disbursementsByStatus('batched', disbursement.createdAt).gsi2pk,
            ':batchId': batchId,
            ':at': at,
            ':one': 1,
          },
        },
      },
      { Put: { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
    ]),
    // Each case's events chained after the head read, with one head move per case.
    ...[...byCase(chunk).entries()].flatMap(([caseId, ofCase]) =>
      auditAppend(
        table,
        cases.get(caseId) ?? { caseId },
        ...ofCase.map(({ disbursement }) => ({
          at,
          actor,
          action: 'disbursement.batched',
          before: { disbursementId: disbursement.disbursementId, status: 'authorised' },
          after: { disbursementId: disbursement.disbursementId, status: 'batched', batchId },
        })),
      ),
    ),
    {
      Update: {
        TableName: table,
        Key: keys.paymentBatch(batchId),
        UpdateExpression: `SET ${headerSets.join(', ')}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: headerNames,
        ExpressionAttributeValues: headerValues,
      },
    },
  ];
}

function byCase<T extends { disbursement: DisbursementRecord }>(chunk: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of chunk) {
    const group = groups.get(entry.disbursement.caseId) ?? [];
    group.push(entry);
    groups.set(entry.disbursement.caseId, group);
  }
  return groups;
}
