import { ConflictError, ForbiddenError } from '../lib/errors.js';
import type { Principal } from '../lib/http.js';
import type { TaskRecord } from '../lib/store/records.js';

/** 403 `task_role_required` unless the person holds the task's role (aid and appeal tasks alike). */
export function assertTaskRole(
  task: Pick<TaskRecord, 'taskType' | 'role'>,
  principal: Pick<Principal, 'roles'>,
) {
  if (!principal.roles.includes(task.role)) {
    throw new ForbiddenError(
      `This ${task.taskType} task needs the role "${task.role}"; you have ${principal.roles.join(', ') || 'none'}.`,
      { code: 'task_role_required', role: task.role },
    );
  }
}

/**
 * The 409 for a task that is no longer open: `task_decided` with who decided what (the desk
 * reloads the task and says so), or `task_replaced` when a newer task took its place.
 */
export function taskNotOpen(task: Pick<TaskRecord, 'status' | 'decision'>): ConflictError {
  const d = task.decision;
  return task.status === 'decided'
    ? new ConflictError(`This task was already decided (${d?.outcome}) by ${d?.decidedBy}.`, {
        code: 'task_decided',
        taskStatus: task.status,
        decidedBy: d?.decidedBy,
        outcome: d?.outcome,
      })
    : new ConflictError('This task is no longer open: a newer task replaced it.', {
        code: 'task_replaced',
        taskStatus: task.status,
      });
}
