import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { taskDetail } from '../use-cases/staff-tasks.js';

export const handler = httpRoute({ action: 'tasks:read' }, async (req) => ({
  status: 200,
  body: await taskDetail({ taskId: req.path.taskId ?? '', principal: req.principal!, now: clock.now() }),
}));
