import type { Node } from 'constructs';

/**
 * Where messages to applicants come from (functions/lib/notify/): the SES identity the
 * notifier may send e-mail from, its sender address, and an SMS sender ID.
 */
export interface MessagingSettings {
  /** The From address of every e-mail (NOTIFY_EMAIL_FROM); default `no-reply@<web origin's host>`. */
  readonly emailFrom: string;
  /**
   * The verified SES identity that address belongs to: a domain (`aidflow.example.org`) or the
   * address itself. The function's role may send from this identity and this address only.
   */
  readonly emailIdentity: string;
  /** SNS SMS sender ID (1–11 letters and digits) where the destination country allows one. */
  readonly smsSenderId?: string;
  /**
   * The account's send quotas, which DeliverNotification's sends are paced to (split between the
   * queue consumer's concurrent instances). Defaults: SES's rate for a new production account
   * (14 a second) and 20 SMS a second; set the account's own figures once AWS has raised them.
   */
  readonly emailSendsPerSecond: number;
  readonly smsSendsPerSecond: number;
}

export const messagingContextKeys = {
  emailFrom: 'notificationEmailFrom',
  emailIdentity: 'notificationEmailIdentity',
  smsSenderId: 'smsSenderId',
  emailSendsPerSecond: 'emailSendsPerSecond',
  smsSendsPerSecond: 'smsSendsPerSecond',
} as const;

export const defaultSendsPerSecond = { email: 14, sms: 20 } as const;

const emailAddress = /^[^\s@]+@([^\s@]+)$/;

export function readMessagingSettings(node: Node, webOrigin: string): MessagingSettings {
  const str = (key: string): string | undefined => {
    const v: unknown = node.tryGetContext(key);
    return v === undefined || v === null || v === '' ? undefined : String(v);
  };
  const emailFrom = str(messagingContextKeys.emailFrom) ?? `no-reply@${new URL(webOrigin).hostname}`;
  const domain = emailAddress.exec(emailFrom)?.[1];
  if (!domain) throw new Error(`Context notificationEmailFrom must be an e-mail address, got ${emailFrom}`);
  const emailIdentity = str(messagingContextKeys.emailIdentity) ?? domain;
  if (emailIdentity !== emailFrom && emailIdentity !== domain) {
    throw new Error(
      `Context notificationEmailIdentity must be ${domain} or ${emailFrom} (the identity the sender address belongs to), got ${emailIdentity}`,
    );
  }
  const smsSenderId = str(messagingContextKeys.smsSenderId);
  if (smsSenderId !== undefined && !/^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/.test(smsSenderId)) {
    throw new Error(`Context smsSenderId must be 1–11 letters and digits with a letter, got ${smsSenderId}`);
  }
  const rate = (key: string, fallback: number): number => {
    const given = str(key);
    if (given === undefined) return fallback;
    const value = Number(given);
    if (!Number.isFinite(value) || value <= 0) {
      throw new Error(`Context ${key} must be a positive number of sends a second, got ${given}`);
    }
    return value;
  };
  return {
    emailFrom,
    emailIdentity,
    ...(smsSenderId ? { smsSenderId } : {}),
    emailSendsPerSecond: rate(messagingContextKeys.emailSendsPerSecond, defaultSendsPerSecond.email),
    smsSendsPerSecond: rate(messagingContextKeys.smsSendsPerSecond, defaultSendsPerSecond.sms),
  };
}
