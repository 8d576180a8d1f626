import { aidKindOf } from './catalogue.js';
import type { Money } from './money.js';
import type { Delivery, Settlement } from './payment-requests.js';

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
  const kind = aidKindOf(aidType);
  if (payout.method === 'in_kind' || kind === 'in_kind' || kind === 'service') return 'delivery';
  return payout.method === 'bank_transfer' ? 'bank_transfer' : 'cash_desk';
}

// --- settlement and delivery ----------------------------------------------------------------

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
 * Why the creator may not send these items to the bank (the largest of their own items above the
 * threshold, named for the desk), or undefined. Every item above
 * the threshold counts, not only the largest: the rule is that no large payment leaves on one
 * person's word, and checking only the largest would let the second-largest through.
 */
export function fourEyesViolation(
  items: readonly FourEyesItem[],
  creatorSub: string,
  threshold: Money,
): { detail: string; caseReference: string; amount: Money; threshold: Money } | undefined {
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
  return {
    detail: `You authorised ${largest.caseReference} (${formatMinor(largest.amount.minor)} ${largest.amount.currency}), which is above ${formatMinor(threshold.minor)} ${threshold.currency}: a batch with it must be created by another finance officer (four eyes). Leave it out with disbursementIds, or ask a colleague.`,
    caseReference: largest.caseReference,
    amount: largest.amount,
    threshold,
  };
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
 * One disbursement per payment attempt, ever: its id derives from the case and the attempt. The
 * first keeps the original form `dsb_<caseId>`; a re-issue after a failed payment is
 * `dsb_<caseId>_2`, `_3`, …
 */
export const disbursementIdFor = (caseId: string, attempt = 1) =>
  attempt > 1 ? `dsb_${caseId}_${attempt}` : `dsb_${caseId}`;

/**
 * The ISO 20022 end-to-end id of a disbursement: at most 35 characters, which `dsb_<uuid>` (40)
 * exceeds, so the case's uuid without dashes and the attempt after a re-issue ("-2"). It goes
 * to the bank and comes back on its statements; the disbursement keeps it to be found by it.
 */
export function endToEndIdFor(caseId: string, attempt: number): string {
  const compact = caseId.replaceAll('-', '');
  return attempt > 1 ? `${compact}-${attempt}` : compact;
}
