import { type AidStatus, canTransition } from './aid-lifecycle.js';

/** Why an application can no longer be withdrawn: a code for programs and words for the log. */
export interface WithdrawalRefusal {
  code: 'payment_authorised' | 'case_closed';
  message: string;
}

/**
 * Why an application can no longer be withdrawn; undefined when it can. Once finance has
 * authorised the payment the money may already be in a bank file, so the case waits for the bank
 * (domain/aid-lifecycle.ts); a closed case has nothing left to withdraw.
 */
export function withdrawalRefusal(status: AidStatus): WithdrawalRefusal | undefined {
  if (status === 'withdrawn' || canTransition(status, 'withdrawn')) return undefined;
  if (status === 'payment_authorised') {
    return {
      code: 'payment_authorised',
      message:
        'The payment has already been authorised and may be on its way to the bank, so the application can no longer be withdrawn.',
    };
  }
  return {
    code: 'case_closed',
    message: `This application is closed ("${status}"); there is nothing left to withdraw.`,
  };
}
