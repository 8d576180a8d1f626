import { httpRoute } from '../lib/http.js';
import { pageQuery } from '../lib/query.js';
import { listPaymentBatches } from '../use-cases/payment-batches.js';

/** GET /v1/payment-batches: the batch register, newest first, a page at a time. */
export const handler = httpRoute({ action: 'batches:read' }, async (req) => ({
  status: 200,
  body: await listPaymentBatches(pageQuery(req.query)),
}));
