import { type AidStatus, canTransition } from './aid-lifecycle.js';

/**
 * Why an application can no longer be withdrawn, in words for the applicant; undefined when it can.
 * Once finance has authorised the payment the money may already be in a bank file, so the case
 * waits for the bank (domain/aid-lifecycle.ts); a closed case has nothing left to withdraw.
 */
export function withdrawalRefusal(status: AidStatus): string | undefined {
  if (status === 'withdrawn' || canTransition(status, 'withdrawn')) return undefined;
  if (status === 'payment_authorised') {
    return 'The payment has already been authorised and may be on its way to your bank, so the application can no longer be withdrawn. Please contact the office.';
  }
  return `This application is closed ("${status}"); there is nothing left to withdraw.`;
}
