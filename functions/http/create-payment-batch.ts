import * as z from 'zod/mini';
import { paymentBatchRequestSchema } from '../../domain/payment-requests.js';
import { clock } from '../lib/clock.js';
import { ValidationError } from '../lib/errors.js';
import { httpRoute } from '../lib/http.js';
import { createPaymentBatch } from '../use-cases/payment-batches.js';

const idempotencyKeySchema = z.string().check(z.minLength(8), z.maxLength(200), z.regex(/^[\x21-\x7e]+$/));

/**
 * POST /v1/payment-batches, optional header Idempotency-Key: a retry with it (the same officer,
 * the same request) within 24 hours gets the first answer, the same 201 receipt.
 */
export const handler = httpRoute(
  { action: 'batches:create', body: paymentBatchRequestSchema },
  async (req) => {
    const key = req.headers['idempotency-key'];
    if (key !== undefined && !idempotencyKeySchema.safeParse(key).success) {
      throw new ValidationError([
        { path: 'Idempotency-Key', message: 'Use 8 to 200 visible ASCII characters, e.g. a UUID.' },
      ]);
    }
    const receipt = await createPaymentBatch({
      disbursementIds: req.body.disbursementIds,
      principal: req.principal!,
      now: clock.now(),
      idempotencyKey: key,
    });
    return {
      status: 201,
      body: receipt,
      headers: { location: `/v1/payment-batches/${encodeURIComponent(receipt.batchId)}` },
    };
  },
);
