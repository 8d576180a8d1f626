import type { Language } from '../../domain/catalogue.js';
import { seatToShow } from '../../domain/commission-inbox.js';
import type { Money } from '../../domain/money.js';
import type { TaskClaim } from '../../domain/task-claims.js';
import { type TaskType, taskTitle } from '../../domain/tasks.js';
import { maySeeVotes, publicVotes, withholdVotes } from '../../domain/vote-secrecy.js';
import { ForbiddenError, NotFoundError } from '../lib/errors.js';
import type { Principal } from '../lib/http.js';
import type { AppealTaskRecord } from '../lib/store/appeal-records.js';
import { storedExplanation } from '../lib/store/eligibility-records.js';
import {
  type CaseBriefFacts,
  caseBriefsOf,
  commissionFactsOf,
  decodeCursor,
  getCase,
  getTask,
  type InboxEntry,
  openTasksForRole,
  taskDepartmentsOf,
  tasksOfCase,
} from '../lib/store/reads.js';
import type { TaskRecord } from '../lib/store/records.js';
import { runningClaimsOfRole } from '../lib/store/task-claims.js';
import { outcomesFor, segregationReason } from './decide-task.js';
import { paymentAttemptsOf } from './payment-attempts.js';
import { historyEntry } from './task-history.js';

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
  readonly claim?: TaskClaimView;
  /** The case at a glance (the inbox's list only). */
  readonly brief?: TaskBrief;
  /** A department's answer: which department (the inbox's list; the task's detail has it too). */
  readonly department?: string;
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

/** The positions in each role's inbox a cursor holds (null: that role is exhausted). */
type Positions = Record<string, Record<string, unknown> | null>;
/** A claim as the inbox shows it: who is looking at the task, and until when. */
type TaskClaimView = Pick<TaskClaim, 'claimedBy' | 'until'>;

/**
 * How many times one request reads the roles' inboxes again to fill the rows the commission's
 * seats left out (each case's seats are opened together, so they sit side by side: one more read
 * is the usual worst case).
 */
const maxReads = 3;

/**
 * The open tasks the caller's roles may act on, oldest first, merged across roles. The cursor
 * holds one position per role so that paging through a merged list skips and repeats nothing.
 *
 * A commission vote has a task per seat, all in every member's inbox: a member is shown one seat
 * per case (domain/commission-inbox.ts), and none once they voted or segregation of duties would
 * refuse them the vote. That costs one strongly consistent BatchGetItem of the page's vote cases
 * (a few attributes; read units by each case item's size), only when the page has vote tasks;
 * rows left out are made up by reading on (at most `maxReads` times), so a page is short only
 * when the inbox ends or after that many reads, and the cursor always stands after the last row
 * read, shown or not.
 */
export async function listOpenTasks(input: {
  principal: Principal;
  limit: number;
  cursor?: string | undefined;
  now: Date;
}): Promise<{ items: TaskSummary[]; cursor?: string }> {
  const { principal, now } = input;
  let positions = (decodeCursor(input.cursor) ?? {}) as Positions;
  // The roles' running claims once, beside the first read: one Query each, whatever number lapsed.
  const claimsRead = Promise.all(
    principal.roles.filter((r) => positions[r] !== null).map((role) => runningClaimsOfRole(role, now)),
  );
  claimsRead.catch(() => undefined);
  const items: TaskSummary[] = [];
  const votesShown = new Set<string>();
  let cursor: string | undefined;
  for (let read = 1; ; read++) {
    const [page, claims] = await Promise.all([
      inboxPage(principal.roles, positions, input.limit - items.length),
      claimsRead,
    ]);
    const claimOf = (taskId: string): TaskClaimView | undefined => {
      for (const held of claims) {
        const claim = held.get(taskId);
        if (claim) return claim;
      }
      return undefined;
    };
    for (const task of await seatsForMember(principal, page.tasks, claimOf)) {
      // Two seats of one case read a moment apart: the case is still shown once.
      if (task.taskType === 'commission_vote') {
        if (votesShown.has(task.caseId)) continue;
        votesShown.add(task.caseId);
      }
      const claim = claimOf(task.taskId);
      items.push({ ...summarise(task, now), ...(claim ? { claim } : {}) });
    }
    positions = page.next;
    cursor = page.cursor;
    if (!cursor || items.length >= input.limit || read >= maxReads) break;
  }
  const [briefs, departments] = await Promise.all([
    caseBriefsOf([...new Set(items.map((i) => i.caseId))]),
    taskDepartmentsOf(items.filter((i) => i.type === 'department_answer').map((i) => i.taskId)),
  ]);
  return {
    items: items.map((item) => {
      const brief = briefOf(briefs.get(item.caseId));
      const department = departments.get(item.taskId);
      return { ...item, ...(department ? { department } : {}), ...(brief ? { brief } : {}) };
    }),
    ...(cursor ? { cursor } : {}),
  };
}

/**
 * What a reviewer triages by, beside the task: the applicant, the aid and amount (the one the
 * review proposed, once it did), the categories; for an appeal its topic and priority.
 */
export interface TaskBrief {
  readonly applicant?: string;
  readonly aidType?: string;
  readonly amount?: Money;
  readonly categories?: readonly string[];
  readonly topic?: string;
  readonly priority?: boolean;
}

function briefOf(facts: CaseBriefFacts | undefined): TaskBrief | undefined {
  if (!facts) return undefined;
  const amount = facts.approvedAmount ?? facts.requestedAmount;
  return {
    ...(facts.applicant?.fullName ? { applicant: facts.applicant.fullName } : {}),
    ...(facts.aidType ? { aidType: facts.aidType } : {}),
    ...(amount ? { amount } : {}),
    ...(facts.categories?.length ? { categories: facts.categories } : {}),
    ...(facts.topic ? { topic: facts.topic } : {}),
    ...(facts.priority ? { priority: true } : {}),
  };
}

/** One merged page of the roles' inboxes from `positions`, the positions after it and its cursor. */
async function inboxPage(
  roles: readonly string[],
  positions: Positions,
  limit: number,
): Promise<{ tasks: InboxEntry[]; next: Positions; cursor?: string }> {
  const pages = await Promise.all(
    roles
      .filter((r) => positions[r] !== null)
      .map(async (role) => {
        const start = positions[role];
        const cursor = start ? Buffer.from(JSON.stringify(start)).toString('base64url') : undefined;
        return { role, page: await openTasksForRole(role, limit, cursor) };
      }),
  );
  const merged = pages
    .flatMap(({ role, page }) => page.items.map((task) => ({ role, task })))
    .sort((a, b) => (a.task.createdAt < b.task.createdAt ? -1 : a.task.createdAt > b.task.createdAt ? 1 : 0))
    .slice(0, limit);

  const next: Positions = { ...positions };
  for (const { role, page } of pages) {
    const taken = merged.filter((m) => m.role === role);
    const last = taken.at(-1)?.task;
    if (last && (taken.length < page.items.length || page.cursor)) {
      next[role] = { pk: last.pk, sk: last.sk, gsi2pk: last.gsi2pk, gsi2sk: last.gsi2sk };
    } else if (taken.length === page.items.length && !page.cursor) {
      next[role] = null; // this role is exhausted
    }
  }
  const more = Object.entries(next).some(([role, pos]) => pos !== null && roles.includes(role));
  const cursor =
    more && merged.length === limit ? Buffer.from(JSON.stringify(next)).toString('base64url') : undefined;
  return { tasks: merged.map((m) => m.task), next, ...(cursor ? { cursor } : {}) };
}

/**
 * The tasks without the commission seats this member is not to be shown: of each case's open
 * seats the one `seatToShow` picks, and none where the member voted or may not vote (segregation
 * of duties, as deciding would answer; their own application aside, which needs their person keys).
 */
async function seatsForMember(
  principal: Principal,
  tasks: readonly InboxEntry[],
  claimOf: (taskId: string) => TaskClaimView | undefined,
): Promise<InboxEntry[]> {
  const votes = tasks.filter((t) => t.taskType === 'commission_vote');
  if (votes.length === 0) return [...tasks];
  const facts = await commissionFactsOf([...new Set(votes.map((t) => t.caseId))]);
  return tasks.filter((task) => {
    if (task.taskType !== 'commission_vote') return true;
    const found = facts.get(task.caseId);
    if (!found || segregationReason(found, task, principal)) return false;
    // A case with no seats recorded (none yet known) shows its first vote task read.
    if (!found.commissionTasks?.length) return true;
    return seatToShow(principal.username, found, (id) => claimOf(id)?.claimedBy) === task.taskId;
  });
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
  const history = tasks.map(historyEntry);
  // A member sees the other members' votes only after voting (domain/vote-secrecy.ts).
  const votes = found.commissionVotes ?? [];
  const visible = maySeeVotes(input.principal, votes, history);
  const shown = visible ? { caseView, tasks: history } : withholdVotes(caseView, history);
  const department = (task as AppealTaskRecord).department;
  return {
    ...summarise(task, input.now),
    // Which department a department's answer is for: an appeal's departments answer side by side.
    ...(department ? { department } : {}),
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
