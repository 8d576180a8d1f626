import * as z from 'zod/mini';
import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { officeYear } from '../lib/office-day.js';
import { parseQuery } from '../lib/query.js';
import { listBudgets } from '../use-cases/budgets.js';

const query = z.object({ year: z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))) });

// Without a year, the office's: the budget year cases are charged to (intake takes it the same way).
export const handler = httpRoute({ action: 'budgets:read' }, async (req) => {
  const { year } = parseQuery(query, req.query);
  return { status: 200, body: { items: await listBudgets(year ?? officeYear(clock.now())) } };
});
