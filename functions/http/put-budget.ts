import * as z from 'zod/mini';
import { budgetWriteSchema } from '../../domain/budget.js';
import { httpRoute } from '../lib/http.js';
import { parseQuery } from '../lib/query.js';
import { setBudget } from '../use-cases/budgets.js';

const path = z.object({
  source: z.string().check(z.minLength(1), z.maxLength(100)),
  year: z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100)),
});

export const handler = httpRoute({ action: 'budgets:write', body: budgetWriteSchema }, async (req) => {
  const { source, year } = parseQuery(path, req.path);
  return { status: 200, body: await setBudget({ source, year, change: req.body }) };
});
