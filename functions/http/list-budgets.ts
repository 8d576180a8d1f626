import * as z from 'zod';
import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { parseQuery } from '../lib/query.js';
import { listBudgets } from '../use-cases/budgets.js';

const query = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const handler = httpRoute({ action: 'budgets:read' }, async (req) => {
  const { year } = parseQuery(query, req.query);
  return { status: 200, body: { items: await listBudgets(year ?? clock.now().getUTCFullYear()) } };
});
