import { randomUUID } from 'node:crypto';
import type { AidApplication } from '../../domain/aid-application.js';
import { genesisHead } from '../../domain/audit-chain.js';
import { canonicalJson, ruleSetHash } from '../../domain/canonical-json.js';
import { formatReference } from '../../domain/reference.js';
import { hashAccessCode, newAccessCode, personKey, sha256 } from '../lib/access-codes.js';

import { tableName } from '../lib/clients.js';
import { ConflictError, TransientError, ValidationError } from '../lib/errors.js';
import { countMetric } from '../lib/metrics.js';
import { type AuditEventInput, auditPut, chainAuditEvent } from '../lib/store/audit.js';
import { cachedRuleSetInForce } from '../lib/store/catalogue.js';
import { idempotencyPut, replayReceipt } from '../lib/store/idempotency.js';
import { keys } from '../lib/store/keys.js';
import { getItem } from '../lib/store/reads.js';
import type { AidCaseRecord, OpenApplicationRecord } from '../lib/store/records.js';
import { takeReferenceNumber } from '../lib/store/reference-blocks.js';
import { transact } from '../lib/store/transactions.js';

export interface SubmissionReceipt {
  readonly caseId: string;
  readonly reference: string;
  readonly accessCode: string;
  readonly status: 'submitted';
}

type PublicReceipt = Omit<SubmissionReceipt, 'accessCode'>;

function replay(idempotencyKey: string, requestHash: string): Promise<SubmissionReceipt | undefined> {
  return replayReceipt<PublicReceipt>(
    idempotencyKey,
    requestHash,
    'This Idempotency-Key was already used with a different application. Use a new key for a new application.',
  );
}

/**
 * Accepts an application: one numbered case, stored with its pinned rule set, in one
 * transaction with its audit event and (when a key is given) its idempotency record. The
 * workflow is started from the case's stream record, so an acknowledged case always gets one.
 */
export async function submitAidApplication(input: {
  application: AidApplication;
  idempotencyKey?: string | undefined;
  now: Date;
}): Promise<SubmissionReceipt> {
  const { application, idempotencyKey, now } = input;
  const requestHash = sha256(canonicalJson(application));
  // No replay check before writing (issue 7): the idempotency record's put in the transaction
  // below fails for a key already used, and the cancellation is answered with the stored receipt.
  // A retry then costs a reference number (a gap), never a second case.
  const at = now.toISOString();
  const ruleSet = await cachedRuleSetInForce(application.aidType, at.slice(0, 10));
  if (!ruleSet) {
    throw new ValidationError([
      { path: 'aidType', message: `The aid type "${application.aidType}" is not offered at the moment.` },
    ]);
  }

  const year = now.getUTCFullYear();
  const reference = formatReference('AID', year, await takeReferenceNumber('AID', year));
  const caseId = randomUUID();
  const accessCode = newAccessCode();
  const table = tableName();
  const person = personKey(application.applicant);

  const pinned = { id: ruleSet.id, version: ruleSet.version, hash: ruleSetHash(ruleSet) };
  const submitted: AuditEventInput = {
    caseId,
    at,
    actor: { kind: 'applicant' },
    action: 'case.submitted',
    after: { status: 'submitted', reference, aidType: application.aidType, ruleSet: pinned },
  };
  // The first event of the case's audit chain: the case is born with it as its head.
  const firstLink = chainAuditEvent(genesisHead, submitted);

  const record: AidCaseRecord & Record<string, unknown> = {
    ...keys.case(caseId),
    ...keys.caseByReference(reference),
    ...keys.casesByStatus('aid', 'submitted', at),
    type: 'AidCase',
    caseId,
    kind: 'aid',
    reference,
    year,
    status: 'submitted',
    version: 1,
    submittedAt: at,
    updatedAt: at,
    language: application.applicant.preferredLanguage,
    applicant: application.applicant,
    categories: application.categories,
    household: application.household,
    aidType: application.aidType,
    requestedAmount: application.requestedAmount,
    reason: application.reason,
    payout: application.payout,
    // With aidType, the keys of the person index (table-spec #31): no item of its own.
    personKey: person,
    holdsOpenApplication: true,
    accessCodeHash: await hashAccessCode(accessCode, caseId),
    ruleSet: pinned,
    deciders: [],
    timeline: [{ at, status: 'submitted' }],
    auditSeq: firstLink.seq,
    auditHash: firstLink.hash,
  };
  const receipt: PublicReceipt = { caseId, reference, status: 'submitted' };

  const items = [
    { Put: { TableName: table, Item: record, ConditionExpression: 'attribute_not_exists(pk)' } },
    // One open application per person and aid type: a second one is refused with the first's
    // reference (409), and the case's closing transaction deletes the lock (case-writes.ts).
    {
      Put: {
        TableName: table,
        Item: {
          ...keys.openApplication(person, application.aidType),
          type: 'OpenApplication',
          caseId,
          reference,
          aidType: application.aidType,
          openedAt: at,
        } satisfies OpenApplicationRecord,
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    auditPut(table, submitted, firstLink),
    ...(idempotencyKey
      ? [
          idempotencyPut(table, {
            idempotencyKey,
            requestHash,
            response: receipt,
            secret: accessCode,
            nowSeconds: Math.floor(now.getTime() / 1000),
          }),
        ]
      : []),
  ];
  const lockIndex = 1;
  const outcome = await transact(items);
  if (!outcome.ok) {
    // The key was used before (a retry), or by a concurrent request that won: its answer first, so
    // a retry still gets its 201 (its case holds the lock as well).
    if (idempotencyKey && outcome.reasons[items.length - 1] === 'ConditionalCheckFailed') {
      const earlier = await replay(idempotencyKey, requestHash);
      if (earlier) return earlier;
    }
    if (outcome.reasons[lockIndex] === 'ConditionalCheckFailed') {
      await refuseDuplicate(person, application.aidType);
    }
    throw new TransientError(`submission transaction cancelled: ${outcome.reasons.join(',')}`);
  }
  countMetric('AidApplicationsSubmitted');
  return { ...receipt, accessCode };
}

/** 409 naming the open case, so the applicant can follow it instead of applying twice. */
async function refuseDuplicate(person: string, aidType: string): Promise<void> {
  const open = await getItem<OpenApplicationRecord>(keys.openApplication(person, aidType));
  // Closed in the meantime: the lock is gone, and a retry is accepted.
  if (!open) throw new TransientError('the open application closed while submitting');
  throw new ConflictError(
    `You already have an open application for this aid (${open.reference}); follow it on the status page with its access code. You can apply again once it is decided.`,
    { existingReference: open.reference },
  );
}
