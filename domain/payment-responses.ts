import * as z from 'zod/mini';
import { disbursementStatuses } from './payments.js';
import { meta } from './schema-helpers.js';

/**
 * What the finance routes answer, as the OpenAPI document describes it. No handler parses these:
 * they live apart so that no Lambda but OpenApi bundles them (issue 7).
 */

const moneyOut = meta(z.object({ currency: z.string(), minor: z.number().check(z.int()) }), {
  id: 'MoneyOut',
});
const channelSchema = meta(z.enum(['bank_transfer', 'cash_desk', 'delivery']), { id: 'PayoutChannel' });
const payeeSchema = meta(
  z.object({
    name: z.string(),
    method: z.string(),
    accountHolder: z.optional(z.string()),
    iban: z.optional(z.string()),
    accountNumber: z.optional(z.string()),
    bic: z.optional(z.string()),
    deliveryAddress: z.optional(z.string()),
  }),
  { id: 'Payee' },
);

const settlementRecordSchema = meta(
  z.object({
    status: z.enum(['paid', 'failed']),
    bankReference: z.optional(z.string()),
    reason: z.optional(z.string()),
    recordedBy: z.string(),
    recordedAt: z.string(),
  }),
  { id: 'SettlementRecord' },
);
const deliveryRecordSchema = meta(
  z.object({
    deliveredAt: z.string(),
    receivedBy: z.optional(z.string()),
    note: z.optional(z.string()),
    recordedBy: z.string(),
    recordedAt: z.string(),
  }),
  { id: 'DeliveryRecord' },
);

export const disbursementListSchema = meta(
  z.object({
    items: z.array(
      z.object({
        disbursementId: z.string(),
        caseId: z.string(),
        caseReference: z.string(),
        aidType: z.string(),
        fundingSource: z.string(),
        amount: moneyOut,
        status: z.enum(disbursementStatuses),
        payee: payeeSchema,
        createdAt: z.string(),
        channel: z.optional(channelSchema),
        attempt: z.optional(z.number().check(z.int())),
        batchId: z.optional(z.string()),
        paidAt: z.optional(z.string()),
        settlement: z.optional(settlementRecordSchema),
        delivery: z.optional(deliveryRecordSchema),
        // A failed payment: what became of it.
        followUp: z.optional(
          meta(
            z.object({
              kind: z.enum(['reissued', 'reissue_pending', 'awaiting_correction', 'closed']),
              attempt: z.optional(z.number().check(z.int())),
              disbursementId: z.optional(z.string()),
              status: z.optional(z.string()),
              caseStatus: z.optional(z.string()),
            }),
            { id: 'FailedPaymentFollowUp' },
          ),
        ),
      }),
    ),
    cursor: z.optional(z.string()),
  }),
  { id: 'DisbursementList' },
);

export const settlementResultSchema = meta(
  z.object({
    disbursementId: z.string(),
    caseReference: z.string(),
    status: z.enum(disbursementStatuses),
    amount: moneyOut,
    fundingSource: z.string(),
    channel: z.optional(channelSchema),
    paidAt: z.optional(z.string()),
    failedAt: z.optional(z.string()),
    settlement: z.optional(settlementRecordSchema),
    delivery: z.optional(deliveryRecordSchema),
  }),
  { id: 'SettlementResult' },
);

export const batchReceiptSchema = meta(
  z.object({
    batchId: z.string(),
    count: z.number().check(z.int()),
    total: moneyOut,
    totals: z.array(moneyOut),
    skipped: z.array(
      z.object({
        disbursementId: z.string(),
        reason: z.enum(['not_found', 'not_authorised', 'in_kind', 'batched_meanwhile']),
      }),
    ),
  }),
  { id: 'PaymentBatchReceipt' },
);

const batchDownloadSchema = meta(
  z.object({
    format: z.enum(['csv', 'pain001']),
    at: z.string(),
    by: z.string(),
    roles: z.array(z.string()),
  }),
  { id: 'PaymentBatchDownload' },
);

/** What the register and the batch view share: the header, whether it was sent, its downloads. */
const batchSummaryFields = {
  batchId: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  count: z.number().check(z.int()),
  total: z.optional(moneyOut),
  totals: z.array(moneyOut),
  status: z.enum(['created', 'sent']),
  sentAt: z.optional(z.string()),
  sentBy: z.optional(z.string()),
  downloads: z.number().check(z.int()),
  lastDownload: z.optional(batchDownloadSchema),
};

export const batchRegisterSchema = meta(
  z.object({
    items: z.array(meta(z.object(batchSummaryFields), { id: 'PaymentBatchSummary' })),
    cursor: z.optional(z.string()),
  }),
  { id: 'PaymentBatchRegister' },
);

export const batchSentSchema = meta(
  z.object({
    batchId: z.string(),
    status: z.literal('sent'),
    sentAt: z.string(),
    sentBy: z.string(),
    alreadySent: z.boolean(),
  }),
  { id: 'PaymentBatchSent' },
);

export const batchViewSchema = meta(
  z.object({
    ...batchSummaryFields,
    bankTransfers: z.number().check(z.int()),
    cashDesk: z.number().check(z.int()),
    downloadLog: z.array(batchDownloadSchema),
    items: z.array(
      z.object({
        disbursementId: z.string(),
        endToEndId: z.string(),
        caseReference: z.string(),
        aidType: z.string(),
        fundingSource: z.string(),
        amount: moneyOut,
        channel: channelSchema,
        payee: payeeSchema,
        status: z.string(),
      }),
    ),
  }),
  { id: 'PaymentBatch' },
);
