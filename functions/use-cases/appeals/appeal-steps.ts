import { answeredTexts, forwardedTexts } from '../../../domain/appeal-messages.js';
import { needsHeadSignOff, routeTopic, routingTable } from '../../../domain/appeal-routing.js';
import { officeDateOf } from '../../../domain/deadlines.js';
import { tableName } from '../../lib/clients.js';
import { PermanentStepError, TransientError } from '../../lib/errors.js';
import { type AppealCaseRecord, appealChange, isAppealCase } from '../../lib/store/appeal-records.js';
import { systemActor } from '../../lib/store/audit.js';
import { keys } from '../../lib/store/keys.js';
import { getItem } from '../../lib/store/reads.js';
import { transact } from '../../lib/store/transactions.js';
import { recordFailure } from '../record-failure.js';
import { contestAidDecision } from './contested-decision.js';
import { deliveryChannel, notificationPut } from './notifications.js';

/**
 * The appeal workflow's own steps. Each reads the case, acts once (a retried step finds its work
 * done and answers as it did the first time), and writes the status change, its audit event and
 * any notification to the applicant in one transaction.
 */
export type RouteResult =
  | { readonly outcome: 'not_answerable' }
  | { readonly outcome: 'forward' }
  | { readonly outcome: 'departments'; readonly departments: readonly string[]; readonly signOff: boolean };

const actor = systemActor('appeal-workflow');

async function load(caseId: string): Promise<AppealCaseRecord> {
  const found = await getItem<unknown>(keys.case(caseId));
  if (!isAppealCase(found)) throw new PermanentStepError(`appeal ${caseId} not found`);
  return found;
}

async function commit(items: Parameters<typeof transact>[0], what: string): Promise<void> {
  const outcome = await transact(items);
  // Only the version condition can fail: someone changed the case meanwhile; read again and retry.
  if (!outcome.ok) throw new TransientError(`${what}: the appeal changed meanwhile`);
}

/** Topic → departments by the routing table; or forward; or nothing to do (not answerable). */
export async function routeAppeal(caseId: string, now: Date): Promise<RouteResult> {
  let current = await load(caseId);
  if (current.relatedReference && !current.contestedDecision && current.status === 'registered') {
    // First, so the departments see what became of the contested decision when they answer.
    await contestAidDecision(current, now);
    current = await load(caseId);
  }
  if (current.status === 'not_answerable') return { outcome: 'not_answerable' };
  const routing = routeTopic(routingTable, current.topic);
  if (routing.kind === 'forward') return { outcome: 'forward' };
  const signOff = needsHeadSignOff(current.appealKind);
  if (current.status === 'in_progress') {
    return { outcome: 'departments', departments: current.departments, signOff };
  }
  if (current.status !== 'registered') {
    throw new PermanentStepError(`appeal ${current.reference} is ${current.status}; it cannot be routed`);
  }
  await commit(
    appealChange(tableName(), current, {
      to: 'in_progress',
      at: now.toISOString(),
      actor,
      action: 'appeal.routed',
      // One entry per department, awaited until it answers (each answer replaces its own entry).
      set: {
        departments: routing.departments,
        departmentAnswers: Object.fromEntries(routing.departments.map((d) => [d, { status: 'awaited' }])),
      },
      details: { departments: routing.departments },
    }),
    'routing',
  );
  return { outcome: 'departments', departments: routing.departments, signOff };
}

/** Outside the office's competence: sent on to the competent body, the applicant told. */
export async function forwardAppeal(caseId: string, now: Date): Promise<{ forwarded: true }> {
  const current = await load(caseId);
  if (current.status === 'forwarded') return { forwarded: true };
  const routing = routeTopic(routingTable, current.topic);
  const to = routing.kind === 'forward' ? routing.to[current.language] : (current.forwardRequest?.to ?? '');
  if (!to) throw new PermanentStepError(`appeal ${current.reference}: nobody named to forward it to`);
  const at = now.toISOString();
  await commit(
    [
      ...appealChange(tableName(), current, {
        to: 'forwarded',
        at,
        actor,
        action: 'appeal.forwarded',
        note: to,
        set: { forwardedTo: to, overdue: false },
      }),
      notificationPut(
        tableName(),
        {
          caseId,
          at,
          applicant: current.applicant,
          language: current.language,
          message: { kind: 'forwarded', reference: current.reference, to },
        },
        forwardedTexts,
      ),
    ],
    'forwarding',
  );
  return { forwarded: true };
}

/** The consolidated (and, for complaints, signed-off) answer goes out and shows on the status page. */
export async function publishAnswer(caseId: string, now: Date): Promise<{ answered: true }> {
  const current = await load(caseId);
  if (current.status === 'answered' || current.status === 'closed') return { answered: true };
  if (!current.answerDraft) throw new PermanentStepError(`appeal ${current.reference} has no answer to send`);
  const at = now.toISOString();
  // The due date is the office's date; so is the day of the answer (an answer at 01:30 in Moscow
  // the day after the due date is late, though UTC still says the due date).
  const onTime = officeDateOf(now, current.jurisdiction) <= current.dueDate;
  await commit(
    [
      ...appealChange(tableName(), current, {
        to: 'answered',
        at,
        actor,
        action: 'appeal.answered',
        set: {
          answer: {
            text: current.answerDraft,
            answeredAt: at,
            answeredBy: 'office',
            delivery: deliveryChannel(current.applicant),
          },
          onTime,
        },
        details: { onTime },
      }),
      notificationPut(
        tableName(),
        {
          caseId,
          at,
          applicant: current.applicant,
          language: current.language,
          message: {
            kind: 'answered',
            reference: current.reference,
            // E-mail and letters carry the answer itself; an SMS only says it is ready (and links).
            ...(deliveryChannel(current.applicant) === 'sms' ? {} : { answer: current.answerDraft }),
          },
        },
        answeredTexts,
      ),
    ],
    'publishing the answer',
  );
  return { answered: true };
}

/** The coordinator found it cannot be answered (e.g. no name or address, 59-FZ art. 11). */
export async function closeNotAnswerable(caseId: string, now: Date): Promise<{ closed: true }> {
  const current = await load(caseId);
  if (current.status === 'not_answerable') return { closed: true };
  await commit(
    appealChange(tableName(), current, {
      to: 'not_answerable',
      at: now.toISOString(),
      actor,
      action: 'appeal.not_answerable',
      set: { overdue: false },
    }),
    'closing as not answerable',
  );
  return { closed: true };
}

export async function recordAppealFailure(
  caseId: string,
  failure: { Error?: string | undefined; Cause?: string | undefined },
  now: Date,
): Promise<{ recorded: boolean }> {
  return recordFailure(caseId, failure, now);
}
