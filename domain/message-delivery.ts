/**
 * Whether a message to an applicant reached them, as staff see it. Delivery is at most once
 * (functions/use-cases/notifications/deliver-notification.ts): a send that died between its claim
 * and the provider's answer stays `sending`, sent or not we cannot tell, and is never repeated on
 * its own. After a while that is taken as lost, and staff may have it sent again, as they may a
 * message the provider refused.
 */

/** A send claimed this long ago and still unanswered is taken as lost (a delivery runs 20 s at most). */
export const unconfirmedAfterMs = 10 * 60_000;

export interface MessageState {
  readonly channel: string;
  readonly status: string;
  readonly claimedAt?: string | undefined;
}

export function isUnconfirmed(message: MessageState, now: number): boolean {
  return (
    message.status === 'sending' &&
    message.claimedAt !== undefined &&
    now - Date.parse(message.claimedAt) > unconfirmedAfterMs
  );
}

/** Staff may have an e-mail or SMS sent again when it failed or was never confirmed; a letter is printed instead. */
export function mayResend(message: MessageState, now: number): boolean {
  if (message.channel !== 'email' && message.channel !== 'sms') return false;
  return message.status === 'failed' || isUnconfirmed(message, now);
}
