import * as z from 'zod/mini';
import { httpRoute } from '../lib/http.js';
import { pageQuerySchema, parseQuery } from '../lib/query.js';
import { listDisbursements } from '../use-cases/payment-attempts.js';

const query = z.extend(pageQuerySchema, {
  status: z._default(z.enum(['authorised', 'batched', 'paid', 'failed']), 'authorised'),
});

export const handler = httpRoute({ action: 'disbursements:list' }, async (req) => ({
  status: 200,
  body: await listDisbursements(parseQuery(query, req.query)),
}));
