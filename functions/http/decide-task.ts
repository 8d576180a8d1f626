import { decisionSchema } from '../../domain/decision.js';
import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { getTask } from '../lib/store/reads.js';
import { decideAppealTask } from '../use-cases/appeals/decide-appeal-task.js';
import { isAppealTaskType } from '../use-cases/appeals/open-appeal-task.js';
import { decideTask } from '../use-cases/decide-task.js';

export const handler = httpRoute({ action: 'tasks:decide', body: decisionSchema }, async (req) => {
  const taskId = req.path.taskId ?? '';
  const input = { taskId, decision: req.body, principal: req.principal!, now: clock.now() };
  // Appeal tasks change an appeal, not an aid case: their own use case, the same route.
  const task = await getTask(taskId);
  const result =
    task && isAppealTaskType(task.taskType) ? await decideAppealTask(input) : await decideTask(input);
  return { status: 200, body: { ...result, status: 'decided' } };
});
