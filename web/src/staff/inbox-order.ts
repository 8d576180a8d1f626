import type { Money } from '../../../domain/money.js';
import { heldByOther } from '../../../domain/task-claims.js';

/** The inbox's order, and the next task after a decision: pure, so it is tested without a page. */

export interface TaskSummary {
  taskId: string;
  type: string;
  caseId: string;
  caseReference: string;
  title: string;
  createdAt: string;
  dueAt?: string;
  overdue?: boolean;
  allowedOutcomes: string[];
  /** A colleague (or the reader) looking at it now (domain/task-claims.ts). */
  claim?: { claimedBy: string; until: string };
  /** A department's answer: which department (domain/appeal-routing.ts). */
  department?: string;
  /** The case at a glance, to triage by (functions/use-cases/staff-tasks.ts TaskBrief). */
  brief?: {
    applicant?: string;
    aidType?: string;
    amount?: Money;
    categories?: string[];
    topic?: string;
    priority?: boolean;
  };
}

/** Whether a colleague (not `reader`) has the task open now. */
export function isClaimedByOther(task: TaskSummary, now: number, reader: string): boolean {
  return heldByOther(task.claim, reader, new Date(now)) !== undefined;
}

/** Past its due date: as the server said when the list was read (`overdue`), else by the due date. */
export function isOverdue(task: TaskSummary, now: number): boolean {
  return task.overdue ?? (task.dueAt ? Date.parse(task.dueAt) < now : false);
}

/**
 * Overdue first, then priority (an appeal the law puts first), then by due date (soonest first),
 * then oldest first; but a task a colleague is looking at goes after every task nobody is, so two
 * people working the same inbox from the top open different tasks.
 */
export function inboxOrder(a: TaskSummary, b: TaskSummary, now: number, reader = ''): number {
  const taken = (t: TaskSummary) => isClaimedByOther(t, now, reader);
  if (taken(a) !== taken(b)) return taken(a) ? 1 : -1;
  if (isOverdue(a, now) !== isOverdue(b, now)) return isOverdue(a, now) ? -1 : 1;
  const priority = (t: TaskSummary) => t.brief?.priority === true;
  if (priority(a) !== priority(b)) return priority(a) ? -1 : 1;
  const due = (t: TaskSummary) => (t.dueAt ? Date.parse(t.dueAt) : Number.POSITIVE_INFINITY);
  return due(a) - due(b) || a.createdAt.localeCompare(b.createdAt);
}

/**
 * The task the reader's inbox puts first, leaving out the one just decided (an index may still
 * list it for a moment) and any a colleague has open: what "then open the next task" opens.
 */
export function nextTask(
  items: readonly TaskSummary[],
  now: number,
  reader: string,
  decided: string,
): TaskSummary | undefined {
  return items
    .filter((task) => task.taskId !== decided && !isClaimedByOther(task, now, reader))
    .sort((a, b) => inboxOrder(a, b, now, reader))[0];
}
