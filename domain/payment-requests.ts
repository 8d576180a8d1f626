import * as z from 'zod/mini';
import { isoDateSchema } from './dates.js';
import { codeEnum, meta, strictObject, text } from './schema-helpers.js';

/**
 * The bodies of the finance desk's requests: a settlement, a delivery, a payment batch. Apart from
 * payments.ts (the rules), which the workflow steps and the stream import too: only the routes that
 * take these bodies, the web app and the OpenAPI document need them (issue 7).
 */

export const settlementSchema = meta(
  strictObject('Settlement', {
    status: codeEnum('Settlement status', ['paid', 'failed']),
    bankReference: z.optional(text('Bank reference', 35)),
    reason: z.optional(text('Reason', 500)),
  }).check(
    z.superRefine((s, ctx) => {
      if (s.status === 'failed' && s.reason === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['reason'],
          message:
            'Say why the payment failed (e.g. "account closed"): the officer who corrects the payout reads it.',
        });
      }
      if (s.status === 'paid' && s.reason !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['reason'],
          message: 'A paid settlement has no reason; remove "reason" (or record the status "failed").',
        });
      }
    }),
  ),
  {
    id: 'Settlement',
    description:
      "The bank's result for one disbursement (POST /v1/disbursements/{disbursementId}/settlement).",
  },
);
export type Settlement = z.infer<typeof settlementSchema>;

export const deliverySchema = meta(
  strictObject('Delivery', {
    deliveredAt: isoDateSchema('Delivery date'),
    receivedBy: z.optional(text('Received by', 200)),
    note: z.optional(text('Note', 1000)),
  }),
  {
    id: 'Delivery',
    description:
      'Confirmation that in-kind aid was handed over (POST /v1/disbursements/{disbursementId}/delivery).',
  },
);
export type Delivery = z.infer<typeof deliverySchema>;

export const paymentBatchRequestSchema = meta(
  strictObject('Payment batch', {
    disbursementIds: z.optional(
      z
        .array(text('Disbursement id', 100), { error: 'disbursementIds must be a list of disbursement ids.' })
        .check(
          z.minLength(1, {
            error: 'List at least one disbursement, or leave disbursementIds out to batch all authorised.',
          }),
          z.maxLength(1000, { error: 'A batch holds at most 1000 disbursements.' }),
        ),
    ),
  }),
  {
    id: 'PaymentBatchRequest',
    description: 'POST /v1/payment-batches: the disbursements to batch (all authorised ones when left out).',
  },
);
export type PaymentBatchRequest = z.infer<typeof paymentBatchRequestSchema>;
