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

/**
 * How staff may have a message sent again, if at all:
 * - `retry`: an e-mail or SMS the provider refused, or whose send was never confirmed;
 * - `again`: an e-mail or SMS that went out, when the person says it never arrived (a spam folder,
 *   a phone that was off): a member of staff who has spoken to them decides a second copy is right;
 * - `reprint`: a letter that was posted and never arrived: it goes back to the print queue.
 * Nothing else: a message still on its way, or a letter still waiting to be printed.
 */
export type ResendKind = 'retry' | 'again' | 'reprint';

export function resendKind(message: MessageState, now: number): ResendKind | undefined {
  if (message.channel === 'letter') return message.status === 'sent' ? 'reprint' : undefined;
  if (message.channel !== 'email' && message.channel !== 'sms') return undefined;
  if (message.status === 'failed' || isUnconfirmed(message, now)) return 'retry';
  return message.status === 'sent' ? 'again' : undefined;
}

export function mayResend(message: MessageState, now: number): boolean {
  return resendKind(message, now) !== undefined;
}
