import type { DynamoDBRecord } from 'aws-lambda';
import { appealKeys } from '../lib/store/appeal-records.js';
import { deleteKeys, keysOfIndex, keysOfPartition } from '../lib/store/case-purge.js';
import { itemsByKey } from '../lib/store/index-items.js';
import { keys } from '../lib/store/keys.js';
import type { DisbursementRecord } from '../lib/store/records.js';
import { disbursementIdFor } from './create-disbursement.js';

/** Who DynamoDB names as the deleter in the stream record of an item its TTL expired. */
export const ttlPrincipal = 'dynamodb.amazonaws.com';

/** A stream record of DynamoDB's TTL deleting an item (not anyone's DeleteItem). */
export function removedByTtl(record: DynamoDBRecord): boolean {
  return (
    record.eventName === 'REMOVE' &&
    record.userIdentity?.type === 'Service' &&
    record.userIdentity.principalId === ttlPrincipal
  );
}

/** Whether an old image is a case item (aid or appeal), the only items whose expiry cascades. */
export function isCaseImage(image: Record<string, unknown> | undefined): image is Record<string, unknown> & {
  caseId: string;
} {
  return (image?.type === 'AidCase' || image?.type === 'AppealCase') && typeof image.caseId === 'string';
}

/**
 * The rest of a case whose item TTL deleted (domain/retention.ts): its partition (audit trail,
 * reservation, waitlist, answers, notifications, minutes, "counted" markers …), its tasks (found
 * through the tasks-of-case index), an appeal's person index entry, and its disbursements with
 * their copies in payment batches (they carry the payee's name and account). Kept: the yearly
 * aggregates (report rows and counters, budget lines, batch headers), which name no case, and the
 * person's repeat-appellant row, which is about the person rather than this case.
 *
 * Idempotent: every delete is by key and deleting what is gone is not an error, so a retried
 * stream record purges again harmlessly.
 */
export async function purgeExpiredCase(
  expired: Record<string, unknown> & { caseId: string },
): Promise<{ caseId: string; deleted: number }> {
  const { caseId } = expired;
  const partition = await keysOfPartition(keys.case(caseId).pk);
  const tasks = await keysOfIndex('gsi1', keys.tasksOfCase(caseId, '').gsi1pk);

  // An aid case's person index entry is keys on the case item (gone with it); an appeal's is an item.
  const personKey = typeof expired.personKey === 'string' ? expired.personKey : undefined;
  const submittedAt = String(expired.submittedAt ?? '');
  const personIndex =
    personKey === undefined || expired.type === 'AidCase'
      ? []
      : [appealKeys.personAppeal(personKey, String(expired.topic ?? ''), submittedAt, caseId)];

  // Disbursement ids are derived from the case (dsb_<caseId>[_<attempt>]); their batch copies are
  // found through each disbursement's batchId, so those are read before anything is deleted.
  const attempts = Number(expired.paymentAttempts ?? (expired.disbursementId ? 1 : 0));
  const disbursementKeys = Array.from({ length: attempts }, (_, i) =>
    keys.disbursement(disbursementIdFor(caseId, i + 1)),
  );
  const disbursements = await itemsByKey<DisbursementRecord>(disbursementKeys);
  const batchItems = disbursements.flatMap((d) =>
    d.batchId ? [keys.paymentBatchItem(d.batchId, d.disbursementId)] : [],
  );

  const deleted = await deleteKeys([
    ...partition,
    ...tasks,
    ...personIndex,
    ...batchItems,
    ...disbursementKeys,
  ]);
  return { caseId, deleted };
}
