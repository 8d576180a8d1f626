import { httpRoute } from '../lib/http.js';
import { paymentBatchView } from '../use-cases/payment-batches.js';

export const handler = httpRoute({ action: 'batches:read' }, async (req) => ({
  status: 200,
  body: await paymentBatchView(req.path.batchId ?? ''),
}));
