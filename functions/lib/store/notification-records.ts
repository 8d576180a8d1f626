import type { DeliveryChannel } from './appeal-records.js';

/**
 * A message to an applicant (pk CASE#<caseId>, sk NOTIFICATION#<at>#<id>; table-spec #15).
 * Written beside the change it tells of: in the same transaction (appeals) or by the stream from
 * the case's new status (aid, use-cases/notifications/aid-notifications.ts). It holds the text in
 * the applicant's language but never the address: delivery reads that from the case when it
 * sends, so personal data stays on the case item.
 *
 * Status: `pending` → `sending` (claimed by one delivery) → `sent` | `failed`; letters go
 * `pending` → `to_print` (the print queue, GSI2 PRINT_QUEUE); `undeliverable` when the applicant
 * left no way to reach them. `requeued`: staff had a failed or unconfirmed one sent again
 * (use-cases/notifications/resend-message.ts); it is delivered as a pending one is.
 */
export type NotificationStatus =
  | 'pending'
  | 'sending'
  | 'sent'
  | 'failed'
  | 'to_print'
  | 'undeliverable'
  | 'requeued';

export interface NotificationRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'Notification';
  readonly caseId: string;
  readonly at: string;
  /** What it tells of: an aid status (`approved` …) or an appeal message kind (`registered` …). */
  readonly event: string;
  readonly channel: DeliveryChannel;
  readonly language: string;
  readonly text: string;
  readonly status: NotificationStatus;
  /** Aid notifications carry a deterministic id (case, version, status); appeals' are in the sort key. */
  readonly notificationId?: string;
  readonly claimedAt?: string;
  readonly sentAt?: string;
  readonly providerMessageId?: string;
  /** Why delivery failed: an error name, never the provider's message (it may quote the address). */
  readonly failure?: string;
}

export const notificationKeys = {
  notification: (caseId: string, at: string, id: string) => ({
    pk: `CASE#${caseId}`,
    sk: `NOTIFICATION#${at}#${id}`,
  }),
  /** Letters waiting to be printed and posted, oldest first (table-spec #18). */
  printQueue: (at: string) => ({ gsi2pk: 'PRINT_QUEUE', gsi2sk: at }),
} as const;

/** The id of a notification: its own attribute, else the last part of its sort key. */
export function notificationIdOf(item: Pick<NotificationRecord, 'sk' | 'notificationId'>): string {
  return item.notificationId ?? item.sk.split('#').at(-1) ?? item.sk;
}

export function isNotification(item: unknown): item is NotificationRecord {
  return typeof item === 'object' && item !== null && (item as { type?: unknown }).type === 'Notification';
}
