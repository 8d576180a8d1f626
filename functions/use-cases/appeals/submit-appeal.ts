import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Appeal,
  type AppealApplicant,
  canBeAnswered,
  repeatWindowMonths,
} from '../../../domain/appeal.js';
import { type AppealStatus, isAppealTerminal } from '../../../domain/appeal-lifecycle.js';
import { registeredTexts } from '../../../domain/appeal-messages.js';
import { genesisHead } from '../../../domain/audit-chain.js';
import { canonicalJson } from '../../../domain/canonical-json.js';
import { toIsoDate } from '../../../domain/dates.js';
import { deadlinePolicy, dueDateFor, lateRegistration, termStart } from '../../../domain/deadlines.js';
import { can, explainDenial } from '../../../domain/permissions.js';
import { formatReference } from '../../../domain/reference.js';
import { retentionExpiry } from '../../../domain/retention.js';
import { normalizedName } from '../../../domain/same-person.js';
import { hashAccessCode, newAccessCode, pepperedMac, personKey, sha256 } from '../../lib/access-codes.js';
import { dynamo, tableName } from '../../lib/clients.js';
import { config } from '../../lib/config.js';
import { ForbiddenError, TransientError, ValidationError } from '../../lib/errors.js';
import type { Principal } from '../../lib/http.js';
import { type AppealCaseRecord, appealKeys } from '../../lib/store/appeal-records.js';
import { type Actor, type AuditEventInput, auditPut, chainAuditEvent } from '../../lib/store/audit.js';
import { idempotencyPut, replayReceipt } from '../../lib/store/idempotency.js';
import { keys } from '../../lib/store/keys.js';
import { takeReferenceNumber } from '../../lib/store/reference-blocks.js';
import { transact } from '../../lib/store/transactions.js';
import { notificationPut } from './notifications.js';

export interface AppealReceipt {
  readonly caseId: string;
  readonly reference: string;
  readonly accessCode: string;
  readonly status: AppealStatus;
  readonly dueDate: string;
  readonly priority: boolean;
  readonly repeatOf?: string;
  readonly repeatCount: number;
  /** Registered later after arrival than the law allows (deadlines.ts lateRegistration). */
  readonly registeredLate?: { readonly daysAfterArrival: number; readonly limitDays: number };
}

type PublicReceipt = Omit<AppealReceipt, 'accessCode'>;

/**
 * "The same person" for appeals: the aid key (national id, or name and birth date) when there is
 * one, so that an aid applicant's appeal links to their case; else the name with the e-mail or
 * phone. An appeal without a name (anonymous) belongs to nobody and is never a repeat.
 */
export function appealPersonKey(applicant: AppealApplicant): string | undefined {
  const name = applicant.fullName;
  if (!name) return undefined;
  if (applicant.nationalId || applicant.birthDate) {
    return personKey({
      fullName: name,
      birthDate: applicant.birthDate ?? '',
      ...(applicant.nationalId ? { nationalId: applicant.nationalId } : {}),
    });
  }
  const contact = applicant.email?.toLowerCase() ?? applicant.phone?.replace(/\D/g, '');
  if (!contact) return undefined;
  const basis = `nc:${normalizedName(name)}|${contact}`;
  return pepperedMac(basis).toString('base64url');
}

async function earlierAppeals(person: string, topic: string, since: string) {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': `PERSON#${person}`,
        ':from': `APPEAL#${topic}#${since}`,
        ':to': `APPEAL#${topic}#\uffff`,
      },
      ConsistentRead: true,
    }),
  );
  return (Items ?? []) as { reference: string; caseId: string }[];
}

function monthsBefore(instant: Date, months: number): string {
  const d = new Date(instant);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

function replay(idempotencyKey: string, requestHash: string): Promise<AppealReceipt | undefined> {
  return replayReceipt<PublicReceipt>(
    idempotencyKey,
    requestHash,
    'This Idempotency-Key was already used with a different request. Use a new key for a new appeal.',
  );
}

/**
 * Registers an appeal: one numbered case with its legal due date, in one transaction with its
 * audit event, the person's appeal index entry (for repeat detection), the repeat-appellant
 * record, the "registered" notification and (with a key) the idempotency record. The workflow
 * starts from the case's stream record, so an acknowledged appeal always gets one.
 */
export async function submitAppeal(input: {
  appeal: Appeal;
  principal: Principal | undefined;
  idempotencyKey?: string | undefined;
  now: Date;
}): Promise<AppealReceipt> {
  const { appeal, principal, idempotencyKey, now } = input;
  const staffOnly = (['channel', 'receivedAt'] as const).filter((f) => appeal[f] !== undefined);
  if (staffOnly.length > 0 && !can(principal?.roles ?? [], 'appeals:register-channel')) {
    throw new ForbiddenError(
      `${explainDenial(principal?.roles ?? [], 'appeals:register-channel')} (the fields ${staffOnly.join(', ')} are for staff registering an appeal on a citizen's behalf).`,
      { code: 'role_required', action: 'appeals:register-channel' },
    );
  }
  if (appeal.receivedAt && new Date(appeal.receivedAt).getTime() > now.getTime()) {
    throw new ValidationError([
      { path: 'receivedAt', message: 'The date received cannot be in the future.' },
    ]);
  }
  const requestHash = sha256(canonicalJson({ appeal, by: principal?.sub ?? null }));
  if (idempotencyKey) {
    const earlier = await replay(idempotencyKey, requestHash);
    if (earlier) return earlier;
  }

  const { JURISDICTION } = config();
  const policy = deadlinePolicy(JURISDICTION);
  const at = now.toISOString();
  const registeredOn = toIsoDate(now, policy.timeZone);
  const receivedAt = appeal.receivedAt ? new Date(appeal.receivedAt).toISOString() : at;
  // The term runs from registration, or from arrival where the law says so (a letter of last week).
  const receivedOn = toIsoDate(new Date(receivedAt), policy.timeZone);
  const due = dueDateFor({
    policy,
    registeredOn: termStart(policy, { registeredOn, receivedOn }),
    categories: appeal.categories ?? [],
  });
  const registeredLate = lateRegistration(policy, { registeredOn, receivedOn });
  const answerable = canBeAnswered(appeal.applicant);
  const status: AppealStatus =
    !answerable && policy.noContactIsNotAnswerable ? 'not_answerable' : 'registered';

  const person = appealPersonKey(appeal.applicant);
  const earlier = person
    ? await earlierAppeals(person, appeal.topic, monthsBefore(now, repeatWindowMonths))
    : [];
  const repeatOf = earlier.at(-1)?.reference;
  const repeatOfCaseId = earlier.at(-1)?.caseId;

  // The year of the office's registration day: an appeal registered at 01:00 on 1 January in
  // Moscow is the new year's (UTC still says 31 December).
  const year = Number(registeredOn.slice(0, 4));
  // As the aid intake: one counter write per appeal at an office's pace, one per block in a burst.
  const reference = formatReference('APL', year, await takeReferenceNumber('APL', year));
  const caseId = randomUUID();
  const accessCode = newAccessCode();
  const table = tableName();
  const actor: Actor = principal
    ? { kind: 'staff', username: principal.username, sub: principal.sub, roles: principal.roles }
    : { kind: 'applicant' };
  const registered: AuditEventInput = {
    caseId,
    at,
    actor,
    action: 'appeal.registered',
    after: {
      status,
      reference,
      channel: appeal.channel ?? 'web',
      topic: appeal.topic,
      dueDate: due.dueDate,
      priority: due.priority,
      ...(repeatOf ? { repeatOf } : {}),
      ...(registeredLate ? { registeredLate } : {}),
    },
  };
  // The first event of the case's audit chain: the case is born with it as its head.
  const firstLink = chainAuditEvent(genesisHead, registered);

  const record: AppealCaseRecord & Record<string, unknown> = {
    ...keys.case(caseId),
    ...keys.caseByReference(reference),
    ...keys.casesByStatus('appeal', status, at),
    type: 'AppealCase',
    caseId,
    kind: 'appeal',
    appealKind: appeal.kind,
    reference,
    year,
    status,
    version: 1,
    submittedAt: at,
    updatedAt: at,
    receivedAt,
    registeredOn,
    ...(registeredLate ? { registeredLate } : {}),
    channel: appeal.channel ?? 'web',
    ...(principal ? { registeredBy: principal.username } : {}),
    topic: appeal.topic,
    subject: appeal.subject,
    text: appeal.text,
    applicant: appeal.applicant,
    categories: appeal.categories ?? [],
    language: appeal.applicant.preferredLanguage,
    ...(person ? { personKey: person } : {}),
    accessCodeHash: await hashAccessCode(accessCode, caseId),
    ...(appeal.relatedReference ? { relatedReference: appeal.relatedReference } : {}),
    jurisdiction: JURISDICTION,
    priority: due.priority,
    dueDate: due.dueDate,
    originalDueDate: due.dueDate,
    extensions: 0,
    overdue: false,
    escalation: 'none',
    ...(repeatOf ? { repeatOf } : {}),
    ...(repeatOfCaseId ? { repeatOfCaseId } : {}),
    repeatCount: earlier.length + 1,
    departments: [],
    timeline: [
      { at, status: 'registered' },
      ...(status === 'not_answerable'
        ? [
            {
              at,
              status,
              note: 'No name or address to answer to (anonymous appeal).',
              noteCode: 'anonymous_appeal',
            },
          ]
        : []),
    ],
    auditSeq: firstLink.seq,
    auditHash: firstLink.hash,
    // Born closed (an anonymous appeal where the law does not answer those): retention starts now.
    ...(isAppealTerminal(status) ? { expiresAt: retentionExpiry('appeal', at, policy.timeZone) } : {}),
  };
  const receipt: PublicReceipt = {
    caseId,
    reference,
    status,
    dueDate: due.dueDate,
    priority: due.priority,
    ...(repeatOf ? { repeatOf } : {}),
    repeatCount: earlier.length + 1,
    ...(registeredLate ? { registeredLate } : {}),
  };

  const items = [
    { Put: { TableName: table, Item: record, ConditionExpression: 'attribute_not_exists(pk)' } },
    auditPut(table, registered, firstLink),
    ...(status === 'registered'
      ? [
          notificationPut(
            table,
            {
              caseId,
              at,
              applicant: appeal.applicant,
              language: record.language,
              message: { kind: 'registered', reference, dueDate: due.dueDate },
            },
            registeredTexts,
          ),
        ]
      : []),
    ...(person
      ? [
          {
            Put: {
              TableName: table,
              Item: {
                ...appealKeys.personAppeal(person, appeal.topic, at, caseId),
                type: 'PersonAppeal',
                caseId,
                reference,
                topic: appeal.topic,
                submittedAt: at,
              },
            },
          },
        ]
      : []),
    ...(person && repeatOf
      ? [
          {
            // The head's list: one item per person, counting their repeat appeals.
            Update: {
              TableName: table,
              Key: appealKeys.repeatAppellant(person),
              UpdateExpression:
                'SET #type = :type, fullName = :name, lastAt = :at, lastReference = :ref, ' +
                'topics = list_append(if_not_exists(topics, :none), :topic) ADD repeats :one',
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: {
                ':type': 'RepeatAppellant',
                ':name': appeal.applicant.fullName ?? '',
                ':at': at,
                ':ref': reference,
                ':none': [],
                ':topic': [appeal.topic],
                ':one': 1,
              },
            },
          },
        ]
      : []),
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
    if (idempotencyKey && outcome.reasons[items.length - 1] === 'ConditionalCheckFailed') {
      const again = await replay(idempotencyKey, requestHash);
      if (again) return again;
    }
    throw new TransientError(`appeal registration cancelled: ${outcome.reasons.join(',')}`);
  }
  return { ...receipt, accessCode };
}
