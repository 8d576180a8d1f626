import { heldByOther, newClaim, type TaskClaim } from '../../domain/task-claims.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../lib/errors.js';
import type { Principal } from '../lib/http.js';
import { getTask } from '../lib/store/reads.js';
import type { TaskRecord } from '../lib/store/records.js';
import { deleteOwnClaim, getClaim, putClaim } from '../lib/store/task-claims.js';

/** The open task the caller may decide (its role is one of theirs), or the error that says why not. */
async function openTaskOf(taskId: string, principal: Principal): Promise<TaskRecord> {
  const task = await getTask(taskId);
  if (!task) throw new NotFoundError(`There is no task ${taskId}.`);
  if (!principal.roles.includes(task.role)) {
    throw new ForbiddenError(`This task is for the role "${task.role}".`);
  }
  if (task.status !== 'open') throw new ConflictError(`Task ${taskId} has already been decided.`);
  return task;
}

/**
 * Claims a task for the caller, or renews their claim (domain/task-claims.ts). A colleague's
 * claim that still holds is refused with 409 naming them and when it lapses, unless the caller
 * takes the task over.
 */
export async function claimTask(input: {
  taskId: string;
  principal: Principal;
  takeOver: boolean;
  now: Date;
}): Promise<TaskClaim> {
  const task = await openTaskOf(input.taskId, input.principal);
  const claim = newClaim(task.taskId, input.principal.username, input.now);
  const stored = { ...claim, role: task.role };
  if (await putClaim(stored, { takeOver: input.takeOver })) return claim;
  const other = heldByOther(await getClaim(task.taskId), input.principal.username, input.now);
  // Given up between the write and the read: try once more, on the same condition.
  if (!other && (await putClaim(stored, { takeOver: false }))) return claim;
  if (!other)
    throw new ConflictError('Someone has just started looking at this task. Refresh and try again.');
  throw new ConflictError(`${other.claimedBy} is looking at this task.`, {
    claimedBy: other.claimedBy,
    claimedAt: other.claimedAt,
    until: other.until,
  });
}

/** Gives the caller's claim up, so the task goes back to the top of colleagues' inboxes. */
export async function releaseTask(input: { taskId: string; principal: Principal }): Promise<void> {
  const task = await getTask(input.taskId);
  if (!task) throw new NotFoundError(`There is no task ${input.taskId}.`);
  await deleteOwnClaim(task.taskId, input.principal.username);
}
