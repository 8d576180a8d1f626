import { randomUUID } from 'node:crypto';
import type { AidApplication } from '../../domain/aid-application.js';
import { genesisHead } from '../../domain/audit-chain.js';
import { canonicalJson, ruleSetHash } from '../../domain/canonical-json.js';
import { formatReference } from '../../domain/reference.js';
import {
  accessCodeForKey,
  hashAccessCode,
  newAccessCode,
  personKey,
  personNameKey,
  sha256,
} from '../lib/access-codes.js';

import { tableName } from '../lib/clients.js';
import { ConflictError, TransientError, ValidationError } from '../lib/errors.js';
import { countMetric } from '../lib/metrics.js';
import { officeDate } from '../lib/office-day.js';
import { type AuditEventInput, auditPut, chainAuditEvent } from '../lib/store/audit.js';
import { cachedRuleSetInForce } from '../lib/store/catalogue.js';
import { caseIdForKey, keyReusedCode, replayWindowSeconds } from '../lib/store/idempotency.js';
import { keys } from '../lib/store/keys.js';
import { getCase, getItem } from '../lib/store/reads.js';
import type { AidCaseRecord, OpenApplicationRecord } from '../lib/store/records.js';
import { takeReferenceNumber } from '../lib/store/reference-blocks.js';
import { transact } from '../lib/store/transactions.js';

export interface SubmissionReceipt {
  readonly caseId: string;
  readonly reference: string;
  readonly accessCode: string;
  readonly status: 'submitted';
}

/** Keeps the case ids and access codes of aid applications apart from any other request's. */
const keyScope = 'aid-application';

/**
 * The answer to a retry: the first receipt, while the key is within its replay window; 409 for
 * another application under the same key, or for the key used again after the window.
 */
async function replay(
  caseId: string,
  idempotencyKey: string,
  requestHash: string,
  now: Date,
): Promise<SubmissionReceipt | undefined> {
  const earlier = await getCase(caseId);
  if (!earlier) return undefined;
  if (earlier.requestHash !== requestHash) {
    throw new ConflictError(
      'This Idempotency-Key was already used with a different application. Use a new key for a new application.',
      { code: keyReusedCode },
    );
  }
  if (now.getTime() - Date.parse(earlier.submittedAt) > replayWindowSeconds * 1000) {
    throw new ConflictError(
      `This Idempotency-Key was used for ${earlier.reference} more than a day ago. Follow that case on the status page, or use a new key for a new application.`,
      { code: 'idempotency_key_expired', existingReference: earlier.reference },
    );
  }
  return {
    caseId,
    reference: earlier.reference,
    status: 'submitted',
    accessCode: accessCodeForKey(keyScope, idempotencyKey),
  };
}

/**
 * Accepts an application: one numbered case, stored with its pinned rule set, in one
 * transaction with its audit event and the person's open-application lock. With an
 * Idempotency-Key the case id and the access code are derived from the key, so the case's own
 * conditional put detects a retry (no idempotency record beside it) and the retry is answered with
 * the same receipt. The workflow is started from the case's stream record, so an acknowledged
 * case always gets one.
 */
export async function submitAidApplication(input: {
  application: AidApplication;
  idempotencyKey?: string | undefined;
  now: Date;
}): Promise<SubmissionReceipt> {
  const { application, idempotencyKey, now } = input;
  // 128 bits of the body's hash tell a retry from another application under the same key; the
  // full 256 put the bench's case item over a KB boundary, doubling the eligibility check's
  // transaction (12 → 24 WRU: docs/performance.md §13).
  const requestHash = sha256(canonicalJson(application)).slice(0, 22);
  // No replay check before writing (issue 7): the case's put in the transaction below fails for a
  // key already used (its id is the key's), and the cancellation is answered from the stored case.
  // A retry then costs a reference number (a gap), never a second case.
  const at = now.toISOString();
  // The rules in force and the reference's year are the office's day's: an application sent at
  // 01:00 in Moscow on 1 January is under the new year's rules, number and budget, though UTC
  // still says 31 December.
  const today = officeDate(now);
  const ruleSet = await cachedRuleSetInForce(application.aidType, today);
  if (!ruleSet) {
    throw new ValidationError([
      { path: 'aidType', message: `The aid type "${application.aidType}" is not offered at the moment.` },
    ]);
  }

  const year = Number(today.slice(0, 4));
  const reference = formatReference('AID', year, await takeReferenceNumber('AID', year));
  const caseId = idempotencyKey ? caseIdForKey(keyScope, idempotencyKey) : randomUUID();
  const accessCode = idempotencyKey ? accessCodeForKey(keyScope, idempotencyKey) : newAccessCode();
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
    // With aidType, the keys of the person indexes (table-spec #31, #37): no item of their own.
    personKey: person,
    nameKey: personNameKey(application.applicant),
    holdsOpenApplication: true,
    accessCodeHash: await hashAccessCode(accessCode, caseId),
    ...(idempotencyKey ? { requestHash } : {}),
    ruleSet: pinned,
    deciders: [],
    timeline: [{ at, status: 'submitted' }],
    auditSeq: firstLink.seq,
    auditHash: firstLink.hash,
  };
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
  ];
  const [caseIndex, lockIndex] = [0, 1];
  const outcome = await transact(items);
  if (!outcome.ok) {
    // The key was used before (a retry), or by a concurrent request that won: its answer first, so
    // a retry still gets its 201 (its case holds the lock as well).
    if (idempotencyKey && outcome.reasons[caseIndex] === 'ConditionalCheckFailed') {
      const earlier = await replay(caseId, idempotencyKey, requestHash, now);
      if (earlier) return earlier;
    }
    if (outcome.reasons[lockIndex] === 'ConditionalCheckFailed') {
      await refuseDuplicate(person, application.aidType);
    }
    throw new TransientError(`submission transaction cancelled: ${outcome.reasons.join(',')}`);
  }
  countMetric('AidApplicationsSubmitted');
  return { caseId, reference, status: 'submitted', accessCode };
}

/** 409 naming the open case, so the applicant can follow it instead of applying twice. */
async function refuseDuplicate(person: string, aidType: string): Promise<void> {
  const open = await getItem<OpenApplicationRecord>(keys.openApplication(person, aidType));
  // Closed in the meantime: the lock is gone, and a retry is accepted.
  if (!open) throw new TransientError('the open application closed while submitting');
  throw new ConflictError(
    `You already have an open application for this aid (${open.reference}); follow it on the status page with its access code. You can apply again once it is decided.`,
    { code: 'open_application_exists', existingReference: open.reference },
  );
}
