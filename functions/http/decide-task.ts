import { decisionSchema } from '../../domain/tasks.js';
import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { decideTask } from '../use-cases/decide-task.js';

export const handler = httpRoute({ action: 'tasks:decide', body: decisionSchema }, async (req) => {
  const result = await decideTask({
    taskId: req.path.taskId ?? '',
    decision: req.body,
    principal: req.principal!,
    now: clock.now(),
  });
  return { status: 200, body: { ...result, status: 'decided' } };
});
