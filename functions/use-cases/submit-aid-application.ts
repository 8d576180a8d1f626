import { randomUUID } from 'node:crypto';
import type { AidApplication } from '../../domain/aid-application.js';
import { canonicalJson, ruleSetHash } from '../../domain/canonical-json.js';
import { formatReference } from '../../domain/reference.js';
import { hashAccessCode, newAccessCode, personKey, sha256 } from '../lib/access-codes.js';

import { tableName } from '../lib/clients.js';
import { TransientError, ValidationError } from '../lib/errors.js';
import { countMetric } from '../lib/metrics.js';
import { auditPut } from '../lib/store/audit.js';
import { nextNumber } from '../lib/store/counters.js';
import { idempotencyPut, replayReceipt } from '../lib/store/idempotency.js';
import { keys } from '../lib/store/keys.js';
import { ruleSetInForce } from '../lib/store/reads.js';
import type { AidCaseRecord } from '../lib/store/records.js';
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
  if (idempotencyKey) {
    const earlier = await replay(idempotencyKey, requestHash);
    if (earlier) return earlier;
  }

  const at = now.toISOString();
  const ruleSet = await ruleSetInForce(application.aidType, at.slice(0, 10));
  if (!ruleSet) {
    throw new ValidationError([
      { path: 'aidType', message: `The aid type "${application.aidType}" is not offered at the moment.` },
    ]);
  }

  const year = now.getUTCFullYear();
  const reference = formatReference('AID', year, await nextNumber('AID', year));
  const caseId = randomUUID();
  const accessCode = newAccessCode();
  const table = tableName();
  const person = personKey(application.applicant);

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
    personKey: person,
    accessCodeHash: await hashAccessCode(accessCode, caseId),
    ruleSet: { id: ruleSet.id, version: ruleSet.version, hash: ruleSetHash(ruleSet) },
    deciders: [],
    timeline: [{ at, status: 'submitted' }],
  };
  const receipt: PublicReceipt = { caseId, reference, status: 'submitted' };

  const items = [
    { Put: { TableName: table, Item: record, ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Put: {
        TableName: table,
        Item: {
          ...keys.person(person, at, caseId),
          type: 'PersonCase',
          caseId,
          aidType: application.aidType,
          submittedAt: at,
        },
      },
    },
    auditPut(table, {
      caseId,
      at,
      actor: { kind: 'applicant' },
      action: 'case.submitted',
      after: { status: 'submitted', reference, aidType: application.aidType, ruleSet: record.ruleSet },
    }),
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
  const outcome = await transact(items);
  if (!outcome.ok) {
    // Only the idempotency record can collide: a concurrent request with the same key won.
    if (idempotencyKey && outcome.reasons[items.length - 1] === 'ConditionalCheckFailed') {
      const earlier = await replay(idempotencyKey, requestHash);
      if (earlier) return earlier;
    }
    throw new TransientError(`submission transaction cancelled: ${outcome.reasons.join(',')}`);
  }
  countMetric('AidApplicationsSubmitted');
  return { ...receipt, accessCode };
}
