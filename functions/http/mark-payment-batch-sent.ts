import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { markPaymentBatchSent } from '../use-cases/payment-batches.js';

/** POST /v1/payment-batches/{batchId}/sent: the batch's files went to the bank (once; idempotent). */
export const handler = httpRoute({ action: 'batches:send' }, async (req) => ({
  status: 200,
  body: await markPaymentBatchSent({
    batchId: req.path.batchId ?? '',
    principal: req.principal!,
    now: clock.now(),
  }),
}));
