import type { TaskRecord } from '../lib/store/records.js';

/**
 * A task as a case's history lists it: who decided what and when, with the comment and the amount
 * set, so the head sees the reviewer's reasons and the amount proposed without opening anything.
 * A vote's entry is stripped of all of these until the reader may see votes (domain/vote-secrecy.ts).
 */
export function historyEntry(t: TaskRecord) {
  const d = t.decision;
  return {
    taskId: t.taskId,
    type: t.taskType as string,
    role: t.role,
    status: t.status as string,
    createdAt: t.createdAt,
    dueAt: t.dueAt,
    ...(d
      ? {
          decidedBy: d.decidedBy,
          outcome: d.outcome,
          decidedAt: d.decidedAt,
          ...(d.comment ? { comment: d.comment } : {}),
          ...(d.amount ? { amount: d.amount } : {}),
        }
      : {}),
  };
}
