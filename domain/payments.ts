import * as z from 'zod/mini';
import { aidTypes } from './catalogue.js';
import { isoDateSchema } from './dates.js';
import type { Money } from './money.js';
import { codeEnum, meta, strictObject, text } from './schema-helpers.js';

/**
 * The finance desk (DESIGN.md §3 "Finance"): how an authorised disbursement reaches the person —
 * a bank batch, the cash desk, or a delivery of goods — and the rules on settling it.
 */

export const disbursementStatuses = ['authorised', 'batched', 'paid', 'failed'] as const;
export type DisbursementStatus = (typeof disbursementStatuses)[number];

/**
 * How a disbursement is paid out. `delivery`: goods or a service handed over (in-kind aid), which
 * never goes into a bank batch and is confirmed by a delivery record instead of a bank settlement.
 */
export type PayoutChannel = 'bank_transfer' | 'cash_desk' | 'delivery';

/**
 * In-kind by the payout chosen, or by the aid type whatever payout was chosen: a food set is
 * delivered even when the applicant left bank details. Services (a social taxi trip) are
 * delivered too: the office pays the provider, not the applicant.
 */
export function payoutChannel(aidType: string, payout: { readonly method: string }): PayoutChannel {
  const kind = aidTypes.find((t) => t.code === aidType)?.kind;
  if (payout.method === 'in_kind' || kind === 'in_kind' || kind === 'service') return 'delivery';
  return payout.method === 'bank_transfer' ? 'bank_transfer' : 'cash_desk';
}

// --- settlement and delivery ----------------------------------------------------------------

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

/**
 * Whether a settlement request repeats the one recorded (a retry: answered with the same 200) or
 * contradicts it (409). A repeat may leave out what the first request said; it may not change it.
 */
export function repeatsSettlement(recorded: Settlement, requested: Settlement): boolean {
  return (
    recorded.status === requested.status &&
    (requested.bankReference === undefined || requested.bankReference === recorded.bankReference) &&
    (requested.reason === undefined || requested.reason === recorded.reason)
  );
}

/** The same for a delivery: the date must match; the other fields, when given, too. */
export function repeatsDelivery(recorded: Delivery, requested: Delivery): boolean {
  return (
    recorded.deliveredAt === requested.deliveredAt &&
    (requested.receivedBy === undefined || requested.receivedBy === recorded.receivedBy) &&
    (requested.note === undefined || requested.note === recorded.note)
  );
}

// --- payment batches ------------------------------------------------------------------------

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

/**
 * Four eyes on large batches: above this amount (a policy value, `batch-four-eyes-threshold`) an
 * item may not be sent to the bank by the finance officer who authorised it. The demo value.
 */
export const defaultFourEyesThreshold: Money = { currency: 'RUB', minor: 10_000_000 };

export interface FourEyesItem {
  readonly disbursementId: string;
  readonly caseReference: string;
  readonly amount: Money;
  readonly authorisedBy?: string | undefined;
  readonly authorisedBySub?: string | undefined;
}

/**
 * The reason the creator may not send these items to the bank, or undefined. Every item above
 * the threshold counts, not only the largest: the rule is that no large payment leaves on one
 * person's word, and checking only the largest would let the second-largest through.
 */
export function fourEyesViolation(
  items: readonly FourEyesItem[],
  creatorSub: string,
  threshold: Money,
): string | undefined {
  const own = items
    .filter(
      (i) =>
        i.amount.currency === threshold.currency &&
        i.amount.minor > threshold.minor &&
        i.authorisedBySub === creatorSub,
    )
    .sort((a, b) => b.amount.minor - a.amount.minor);
  const largest = own[0];
  if (!largest) return undefined;
  return `You authorised ${largest.caseReference} (${formatMinor(largest.amount.minor)} ${largest.amount.currency}), which is above ${formatMinor(threshold.minor)} ${threshold.currency}: a batch with it must be created by another finance officer (four eyes). Leave it out with disbursementIds, or ask a colleague.`;
}

/** Control totals of a batch, one per currency, in a stable (alphabetical) order. */
export function totalsByCurrency(amounts: readonly Money[]): Money[] {
  const sums = new Map<string, number>();
  for (const a of amounts) sums.set(a.currency, (sums.get(a.currency) ?? 0) + a.minor);
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => ({ currency, minor }));
}

/**
 * Minor units as a decimal with two fraction digits ("5000.00"), exactly (no floating point): the
 * form of amounts in payment files. Every currency the offices use (RUB, UAH, CNY) has two.
 */
export function formatMinor(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The ISO 20022 end-to-end id of a disbursement: at most 35 characters, which `dsb_<uuid>` (40)
 * exceeds, so the case's uuid without dashes and the attempt after a re-issue ("-2"). It goes
 * to the bank and comes back on its statements; the disbursement keeps it to be found by it.
 */
export function endToEndIdFor(caseId: string, attempt: number): string {
  const compact = caseId.replaceAll('-', '');
  return attempt > 1 ? `${compact}-${attempt}` : compact;
}

// --- response shapes (OpenAPI) --------------------------------------------------------------

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

export const batchViewSchema = meta(
  z.object({
    batchId: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    count: z.number().check(z.int()),
    total: z.optional(moneyOut),
    totals: z.array(moneyOut),
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
