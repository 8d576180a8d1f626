import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { claimTask, releaseTask } from '../use-cases/task-claims.js';

/**
 * PUT /v1/tasks/{taskId}/claim (`?takeOver=true` to take a colleague's) and DELETE to give one's
 * own claim up: "I am looking at this one" (domain/task-claims.ts).
 */
export const handler = httpRoute({ action: 'tasks:decide' }, async (req) => {
  const taskId = req.path.taskId ?? '';
  const principal = req.principal!;
  if (req.method === 'DELETE') {
    await releaseTask({ taskId, principal });
    return { status: 204 };
  }
  return {
    status: 200,
    body: await claimTask({ taskId, principal, takeOver: req.query.takeOver === 'true', now: clock.now() }),
  };
});
