import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../clients.js';
import { type Actor, type AuditHeadHolder, auditAppend } from './audit.js';
import { keys } from './keys.js';
import { getItem, queryPartition } from './reads.js';
import type { DisbursementRecord, PaymentBatchItemRecord, PaymentBatchRecord } from './records.js';

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

export const paymentBatchItems = (batchId: string) =>
  queryPartition<PaymentBatchItemRecord>(`BATCH#${batchId}`, 'ITEM#');

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

/** The header of a new batch: empty, filled by each chunk's transaction. */
export function batchHeaderPut(table: string, header: Omit<PaymentBatchRecord, 'pk' | 'sk' | 'type'>) {
  return {
    Put: {
      TableName: table,
      Item: { ...keys.paymentBatch(header.batchId), type: 'PaymentBatch', ...header },
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
