/**
 * Whether in-kind aid would have nowhere to go: it is brought to the door, to the payout's
 * delivery address, else to the applicant's postal address. Checked wherever a payout is given:
 * at intake, and when finance re-issues a failed payment with new payout details. Apart from
 * payout.ts so that what checks it need not bundle zod.
 */
export function lacksDeliveryAddress(payout: unknown, postalAddress: unknown): boolean {
  if (typeof payout !== 'object' || payout === null) return false;
  const { method, deliveryAddress } = payout as { method?: unknown; deliveryAddress?: unknown };
  return method === 'in_kind' && !given(deliveryAddress) && !given(postalAddress);
}

const given = (value: unknown) => typeof value === 'string' && value.trim() !== '';
