import { infoRequestDueAt } from '../../domain/info-request.js';
import { tableName } from '../lib/clients.js';
import { ConflictError, PermanentStepError, TransientError } from '../lib/errors.js';
import { caseStatusChange } from '../lib/store/case-writes.js';
import { keys } from '../lib/store/keys.js';
import { getCase, getItem } from '../lib/store/reads.js';
import type { ResponseWaitRecord } from '../lib/store/records.js';
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
  const dueAt = infoRequestDueAt(input.now);
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

/**
 * The applicant's answer to a request for information: the answer, the case's return to review,
 * the audit event and the wait's `answered` flag in one transaction. The table stream then
 * resumes the workflow (SendTaskSuccess), so an acknowledged answer always reaches it.
 */
export async function recordApplicantResponse(input: {
  reference: string;
  accessCode: string | undefined;
  text: string;
  sourceIp: string;
  now: Date;
}): Promise<{ reference: string; status: 'in_review' }> {
  const found = await authenticateApplicant(input);
  if (found.status !== 'info_requested') {
    throw new ConflictError(
      `This application is "${found.status}": nothing was asked of you, so there is nothing to answer.`,
      { status: found.status },
    );
  }
  const wait = await getItem<ResponseWaitRecord>(keys.responseWait(found.caseId));
  if (wait?.status !== 'awaiting') {
    // Asked moments ago: the workflow has not started waiting yet.
    throw new TransientError('the response wait is not open yet');
  }
  if (wait.dueAt <= input.now.toISOString()) {
    // The workflow's wait has timed out: a reviewer decides whether to close or give more time.
    throw new ConflictError(
      'The deadline for this answer has passed; a caseworker is deciding how to continue and may give you more time.',
      { dueAt: wait.dueAt },
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
      set: {
        ...(found.infoRequest
          ? { infoRequest: { ...found.infoRequest, answer: input.text, answeredAt: at } }
          : {}),
      },
    }),
  ]);
  if (!outcome.ok) {
    const now = await getCase(found.caseId);
    if (now && now.status !== 'info_requested') {
      throw new ConflictError('This request was already answered.', { status: now.status });
    }
    throw new TransientError(`answer not recorded: ${outcome.reasons.join(',')}`);
  }
  return { reference: found.reference, status: 'in_review' };
}
