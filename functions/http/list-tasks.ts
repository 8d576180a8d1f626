import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { pageQuery } from '../lib/query.js';
import { listOpenTasks } from '../use-cases/staff-tasks.js';

export const handler = httpRoute({ action: 'tasks:list' }, async (req) => {
  const { limit, cursor } = pageQuery(req.query);
  return {
    status: 200,
    body: await listOpenTasks({ principal: req.principal!, limit, cursor, now: clock.now() }),
  };
});
