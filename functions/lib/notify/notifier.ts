import type { Language } from '../../../domain/catalogue.js';
import { type Config, config } from '../config.js';
import { awsNotifier } from './aws-notifier.js';
import { mailboxNotifier } from './mailbox-notifier.js';

/** One message on its way to one applicant: the address is read from the case at sending time. */
export interface OutboundMessage {
  readonly notificationId: string;
  readonly caseId: string;
  readonly reference: string;
  readonly channel: 'email' | 'sms';
  /** An e-mail address, or a phone number in E.164 (+79123456789). */
  readonly to: string;
  readonly language: Language;
  readonly subject: string;
  readonly text: string;
}

/**
 * The port through which notifications leave the system. Adapters: SES + SNS in AWS
 * (aws-notifier.ts), the local mailbox in the embedded runtime (mailbox-notifier.ts). Which one is
 * configuration (NOTIFIER), as endpoints are: the delivery code is the same in both.
 *
 * `send` resolves once the provider has accepted the message. It rejects with a throttling error
 * (see `isThrottling`) when the provider certainly did not take it, and with any other error when
 * it refused the message or the outcome is unknown.
 */
export interface Notifier {
  send(message: OutboundMessage): Promise<{ readonly messageId: string }>;
}

let fake: Notifier | undefined;
let current: { readonly notifier: Notifier; readonly config: Config } | undefined;

/** The configured adapter, built once per configuration (the local runtime and tests reset it). */
export function notifier(): Notifier {
  if (fake) return fake;
  const c = config();
  if (current?.config !== c) current = { notifier: adapterFor(c), config: c };
  return current.notifier;
}

function adapterFor(c: Config): Notifier {
  if (c.NOTIFIER === 'local-mailbox') {
    if (!c.LOCAL_MAILBOX_TABLE) {
      throw new Error('Invalid configuration: NOTIFIER=local-mailbox needs LOCAL_MAILBOX_TABLE');
    }
    return mailboxNotifier(c.LOCAL_MAILBOX_TABLE, c.LOCAL_MAILBOX_ACCESS_KEY_ID);
  }
  if (!c.NOTIFY_EMAIL_FROM) throw new Error('Invalid configuration: NOTIFIER=aws needs NOTIFY_EMAIL_FROM');
  return awsNotifier({
    region: c.AWS_REGION,
    from: c.NOTIFY_EMAIL_FROM,
    ...(c.NOTIFY_SMS_SENDER_ID ? { smsSenderId: c.NOTIFY_SMS_SENDER_ID } : {}),
  });
}

/** Tests put a fake in the adapter's place; `undefined` goes back to configuration. */
export function setNotifierForTests(replacement: Notifier | undefined): void {
  fake = replacement;
}

/**
 * A phone number as SMS gateways take it (E.164), from the ways people write one: "+7 (912)
 * 345-67-89" → "+79123456789". A number without its country code cannot be dialled from abroad
 * and is refused (undefined) rather than guessed.
 */
export function e164(phone: string): string | undefined {
  const compact = phone.replace(/[\s().\-‐-―]/g, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return /^\+[1-9]\d{6,14}$/.test(international) ? international : undefined;
}

const throttlingNames = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'LimitExceededException',
]);

/** The provider turned the request away for load or quota: the message was certainly not sent. */
export function isThrottling(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const retryable = (error as { $retryable?: { throttling?: boolean } }).$retryable;
  return retryable?.throttling === true || throttlingNames.has(error.name);
}
