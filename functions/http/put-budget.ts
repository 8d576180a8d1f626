import * as z from 'zod';
import { budgetWriteSchema } from '../../domain/budget.js';
import { httpRoute } from '../lib/http.js';
import { parseQuery } from '../lib/query.js';
import { setBudget } from '../use-cases/budgets.js';

const path = z.object({
  source: z.string().min(1).max(100),
  year: z.coerce.number().int().min(2000).max(2100),
});

export const handler = httpRoute({ action: 'budgets:write', body: budgetWriteSchema }, async (req) => {
  const { source, year } = parseQuery(path, req.path);
  return { status: 200, body: await setBudget({ source, year, change: req.body }) };
});
