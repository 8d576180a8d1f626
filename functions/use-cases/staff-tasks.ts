import type { Language } from '../../domain/catalogue.js';
import { type TaskType, taskTitle } from '../../domain/tasks.js';
import { maySeeVotes, publicVotes, withholdVotes } from '../../domain/vote-secrecy.js';
import { ForbiddenError, NotFoundError } from '../lib/errors.js';
import type { Principal } from '../lib/http.js';
import { storedExplanation } from '../lib/store/eligibility-records.js';
import { decodeCursor, getCase, getTask, openTasksForRole, tasksOfCase } from '../lib/store/reads.js';
import type { TaskRecord } from '../lib/store/records.js';
import { runningClaimsOfRole } from '../lib/store/task-claims.js';
import { outcomesFor } from './decide-task.js';
import { paymentAttemptsOf } from './payment-attempts.js';

/** Tasks about a payment: they show the case's payment attempts so far (a re-issue is not a first payment). */
const paymentTasks: ReadonlySet<TaskType> = new Set(['authorise_payment', 'reissue_payment']);

export interface TaskSummary {
  readonly taskId: string;
  readonly type: TaskType;
  readonly caseId: string;
  readonly caseReference: string;
  readonly title: string;
  readonly createdAt: string;
  readonly dueAt: string;
  readonly overdue: boolean;
  readonly allowedOutcomes: readonly string[];
  /** Someone looking at it now (domain/task-claims.ts): the inbox puts a colleague's last. */
  readonly claim?: { readonly claimedBy: string; readonly until: string };
}

export function summarise(
  task: Pick<TaskRecord, 'taskId' | 'taskType' | 'caseId' | 'caseReference' | 'createdAt' | 'dueAt'>,
  now: Date,
  language: Language = 'en',
): TaskSummary {
  return {
    taskId: task.taskId,
    type: task.taskType,
    caseId: task.caseId,
    caseReference: task.caseReference,
    title: taskTitle(task.taskType, task.caseReference, language),
    createdAt: task.createdAt,
    dueAt: task.dueAt,
    overdue: task.dueAt < now.toISOString(),
    allowedOutcomes: outcomesFor(task.taskType),
  };
}

/**
 * The open tasks the caller's roles may act on, oldest first, merged across roles. The cursor
 * holds one position per role so that paging through a merged list skips and repeats nothing.
 */
export async function listOpenTasks(input: {
  principal: Principal;
  limit: number;
  cursor?: string | undefined;
  now: Date;
}): Promise<{ items: TaskSummary[]; cursor?: string }> {
  const positions = (decodeCursor(input.cursor) ?? {}) as Record<string, Record<string, unknown> | null>;
  const roles = input.principal.roles.filter((r) => positions[r] !== null);
  const pages = await Promise.all(
    roles.map(async (role) => {
      const start = positions[role];
      const cursor = start ? Buffer.from(JSON.stringify(start)).toString('base64url') : undefined;
      // The role's running claims beside its page: one Query whatever the number that lapsed.
      const [page, claims] = await Promise.all([
        openTasksForRole(role, input.limit, cursor),
        runningClaimsOfRole(role, input.now),
      ]);
      return { role, page, claims };
    }),
  );
  const claimOf = (taskId: string) => {
    for (const { claims } of pages) {
      const claim = claims.get(taskId);
      if (claim) return claim;
    }
    return undefined;
  };
  const merged = pages
    .flatMap(({ role, page }) => page.items.map((task) => ({ role, task })))
    .sort((a, b) => (a.task.createdAt < b.task.createdAt ? -1 : a.task.createdAt > b.task.createdAt ? 1 : 0))
    .slice(0, input.limit);

  const next: Record<string, Record<string, unknown> | null> = { ...positions };
  for (const { role, page } of pages) {
    const taken = merged.filter((m) => m.role === role);
    const last = taken.at(-1)?.task;
    if (last && (taken.length < page.items.length || page.cursor)) {
      next[role] = { pk: last.pk, sk: last.sk, gsi2pk: last.gsi2pk, gsi2sk: last.gsi2sk };
    } else if (taken.length === page.items.length && !page.cursor) {
      next[role] = null; // this role is exhausted
    }
  }
  const more = Object.entries(next).some(
    ([role, pos]) => pos !== null && input.principal.roles.includes(role),
  );
  const cursor =
    more && merged.length === input.limit
      ? Buffer.from(JSON.stringify(next)).toString('base64url')
      : undefined;
  const items = merged.map((m) => {
    const claim = claimOf(m.task.taskId);
    return { ...summarise(m.task, input.now), ...(claim ? { claim } : {}) };
  });
  return { items, ...(cursor ? { cursor } : {}) };
}

/** One task with its case, the eligibility explanation rule by rule, and the case's history. */
export async function taskDetail(input: { taskId: string; principal: Principal; now: Date }) {
  const task = await getTask(input.taskId);
  if (!task) throw new NotFoundError(`There is no task ${input.taskId}.`);
  if (
    !input.principal.roles.includes(task.role) &&
    !input.principal.roles.some((r) => r === 'head' || r === 'auditor')
  ) {
    throw new ForbiddenError(`This task is for the role "${task.role}".`);
  }
  const [found, explanation, { items: tasks }] = await Promise.all([
    getCase(task.caseId),
    storedExplanation(task.caseId),
    tasksOfCase(task.caseId),
  ]);
  if (!found) throw new NotFoundError(`The case of task ${task.taskId} no longer exists.`);
  const payments =
    paymentTasks.has(task.taskType) && (found.paymentAttempts ?? 0) > 0 ? await paymentAttemptsOf(found) : [];
  const {
    accessCodeHash: _secret,
    personKey: _person,
    pk: _pk,
    sk: _sk,
    ...caseView
  } = found as typeof found & Record<string, unknown>;
  const history = tasks.map((t) => ({
    taskId: t.taskId,
    type: t.taskType as string,
    status: t.status as string,
    createdAt: t.createdAt,
    ...(t.decision
      ? { decidedBy: t.decision.decidedBy, outcome: t.decision.outcome, decidedAt: t.decision.decidedAt }
      : {}),
  }));
  // A member sees the other members' votes only after voting (domain/vote-secrecy.ts).
  const votes = found.commissionVotes ?? [];
  const visible = maySeeVotes(input.principal, votes, history);
  const shown = visible ? { caseView, tasks: history } : withholdVotes(caseView, history);
  return {
    ...summarise(task, input.now),
    status: task.status,
    ...(task.decision ? { decision: task.decision } : {}),
    case: shown.caseView,
    // The reasons in every language, so the desk shows them in the reader's.
    eligibility: explanation ?? found.eligibility,
    ...(visible && votes.length > 0 ? { votes: publicVotes(votes) } : {}),
    // The payment attempts so far, oldest first: an authorisation after a failed one is a re-issue.
    ...(payments.length > 0 ? { payments } : {}),
    history: { timeline: found.timeline, tasks: shown.tasks },
  };
}
