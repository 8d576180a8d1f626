import { infoRequestDueAt } from '../../domain/info-request.js';
import { tableName } from '../lib/clients.js';
import { ConflictError, PermanentStepError, TransientError } from '../lib/errors.js';
import { officeTimeZone } from '../lib/office-day.js';
import { caseStatusChange } from '../lib/store/case-writes.js';
import { keys } from '../lib/store/keys.js';
import { getCase, getItem } from '../lib/store/reads.js';
import type { AidCaseRecord, ResponseWaitRecord } from '../lib/store/records.js';
import { transact } from '../lib/store/transactions.js';
import { authenticateApplicant } from './case-status.js';

/**
 * Step of "Await the applicant's answer": stores the workflow's task token beside the case, where
 * the applicant's answer finds it. Idempotent per token: a retried step leaves an answered wait
 * alone; a new round (another request, or a reviewer extending the deadline) replaces the old one.
 */
export async function awaitApplicant(input: {
  caseId: string;
  taskToken: string;
  now: Date;
}): Promise<{ awaiting: true; dueAt: string }> {
  const current = await getCase(input.caseId);
  if (!current) throw new PermanentStepError(`case ${input.caseId} not found`);
  const dueAt = infoRequestDueAt(input.now, officeTimeZone());
  const wait: ResponseWaitRecord = {
    ...keys.responseWait(input.caseId),
    type: 'ResponseWait',
    caseId: input.caseId,
    taskToken: input.taskToken,
    status: 'awaiting',
    openedAt: input.now.toISOString(),
    dueAt,
  };
  const outcome = await transact([
    {
      Put: {
        TableName: tableName(),
        Item: wait,
        ConditionExpression: 'attribute_not_exists(pk) OR taskToken <> :token',
        ExpressionAttributeValues: { ':token': input.taskToken },
      },
    },
  ]);
  if (!outcome.ok && outcome.reasons[0] !== 'ConditionalCheckFailed') {
    throw new TransientError(`response wait not stored: ${outcome.reasons.join(',')}`);
  }
  return { awaiting: true, dueAt };
}

/** What the applicant hears once the answer is recorded (now, or by an earlier request). */
export interface ApplicantResponseReceipt {
  readonly reference: string;
  /** The case's status: `in_review` when the answer has just been recorded. */
  readonly status: string;
  readonly answeredAt: string;
  /** True when this request repeated an answer already recorded (a retry whose first response was lost). */
  readonly repeated?: true;
}

/**
 * A case no longer waiting for an answer: the same answer sent again (a retry after a lost
 * response) is answered as when it was recorded, 202; anything else is refused (409) with a code
 * the page words in the applicant's language and, once answered, when the answer arrived.
 */
function alreadyAnswered(c: AidCaseRecord, text: string): ApplicantResponseReceipt {
  const answeredAt = c.infoRequest?.answeredAt;
  if (answeredAt && c.infoRequest?.answer === text) {
    return { reference: c.reference, status: c.status, answeredAt, repeated: true };
  }
  throw new ConflictError(
    answeredAt
      ? `This request was already answered on ${answeredAt}.`
      : `This application is "${c.status}": nothing was asked of you, so there is nothing to answer.`,
    answeredAt
      ? { code: 'already_answered', caseStatus: c.status, answeredAt }
      : { code: 'nothing_asked', caseStatus: c.status },
  );
}

/**
 * The applicant's answer to a request for information: the answer, the case's return to review,
 * the audit event and the wait's `answered` flag in one transaction. The table stream then
 * resumes the workflow (SendTaskSuccess), so an acknowledged answer always reaches it. Sending the
 * same answer again is answered 202 again (nothing more is written).
 */
export async function recordApplicantResponse(input: {
  reference: string;
  accessCode: string | undefined;
  text: string;
  sourceIp: string;
  now: Date;
}): Promise<ApplicantResponseReceipt> {
  const found = await authenticateApplicant(input);
  if (found.status !== 'info_requested') return alreadyAnswered(found, input.text);
  const wait = await getItem<ResponseWaitRecord>(keys.responseWait(found.caseId));
  if (wait?.status !== 'awaiting') {
    // Answered a moment ago (a second tab, a retry that overtook this request): judged as a repeat.
    const now = wait?.status === 'answered' ? await getCase(found.caseId) : undefined;
    if (now && now.status !== 'info_requested') return alreadyAnswered(now, input.text);
    // Asked moments ago: the workflow has not started waiting yet.
    throw new TransientError('the response wait is not open yet');
  }
  if (wait.dueAt <= input.now.toISOString()) {
    // The workflow's wait has timed out: a reviewer decides whether to close or give more time.
    throw new ConflictError(
      'The deadline for this answer has passed; a caseworker is deciding how to continue and may give you more time.',
      { code: 'answer_deadline_passed', dueAt: wait.dueAt },
    );
  }
  const at = input.now.toISOString();
  const table = tableName();
  const outcome = await transact([
    {
      Update: {
        TableName: table,
        Key: keys.responseWait(found.caseId),
        UpdateExpression: 'SET #status = :answered, answeredAt = :at',
        ConditionExpression: '#status = :awaiting AND taskToken = :token',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':answered': 'answered',
          ':awaiting': 'awaiting',
          ':token': wait.taskToken,
          ':at': at,
        },
      },
    },
    ...caseStatusChange(table, found, {
      to: 'in_review',
      at,
      actor: { kind: 'applicant' },
      action: 'case.info_provided',
      note: 'The applicant answered the request for information.',
      noteCode: 'applicant_answered',
      set: {
        ...(found.infoRequest
          ? { infoRequest: { ...found.infoRequest, answer: input.text, answeredAt: at } }
          : {}),
      },
    }),
  ]);
  if (!outcome.ok) {
    // Answered meanwhile (a second tab, a retry that overtook this request): judged as a repeat.
    const now = await getCase(found.caseId);
    if (now && now.status !== 'info_requested') return alreadyAnswered(now, input.text);
    throw new TransientError(`answer not recorded: ${outcome.reasons.join(',')}`);
  }
  return { reference: found.reference, status: 'in_review', answeredAt: at };
}
