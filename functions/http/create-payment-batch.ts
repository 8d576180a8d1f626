import { paymentBatchRequestSchema } from '../../domain/payment-requests.js';
import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { createPaymentBatch } from '../use-cases/payment-batches.js';

export const handler = httpRoute(
  { action: 'batches:create', body: paymentBatchRequestSchema },
  async (req) => ({
    status: 201,
    body: await createPaymentBatch({
      disbursementIds: req.body.disbursementIds,
      principal: req.principal!,
      now: clock.now(),
    }),
  }),
);
