import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { languageOf, messageBody, messageSubject, statusUrl } from '../../../domain/notification-envelope.js';
import { dynamo, tableName } from '../../lib/clients.js';
import { clock } from '../../lib/clock.js';
import { config } from '../../lib/config.js';
import { TransientError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import type { NotificationRef } from '../../lib/notify/delivery-message.js';
import { e164, isThrottling, notifier, type OutboundMessage } from '../../lib/notify/notifier.js';
import { caseKey } from '../../lib/store/keys.js';
import {
  type NotificationRecord,
  notificationIdOf,
  notificationKeys,
} from '../../lib/store/notification-records.js';
import { transitionNotification as transition } from '../../lib/store/notification-writes.js';

export type DeliveryOutcome = 'sent' | 'failed' | 'to_print' | 'skipped';

interface Contactable {
  readonly type: string;
  readonly reference: string;
  readonly applicant?: { readonly email?: string; readonly phone?: string; readonly address?: string };
}

async function caseOf(caseId: string): Promise<Contactable | undefined> {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: caseKey(caseId), ConsistentRead: true }),
  );
  return Item as Contactable | undefined;
}

/**
 * Delivers one pending notification (queued by InformStream when it was written): e-mail and SMS
 * through the Notifier port, letters into the print queue.
 *
 * At most once, on purpose. The stream and the queue each deliver at least once, and neither SES
 * nor SNS takes an idempotency key, so "send, then record it" would send twice whenever a delivery
 * dies between the two. Instead a conditional update claims the notification (`pending` →
 * `sending`) before anything leaves, and only the claimant sends: a redelivered message finds it
 * claimed and sends nothing. The price is that a crash between claim and provider answer leaves the
 * notification in `sending`, unsent or sent we cannot tell; it stays visible on the staff case
 * page (staff-cases.ts, `messages`), where staff decide whether to have it sent again
 * (resend-message.ts), rather than the system repeating "your aid was paid" on its own. A duplicate message about money confuses
 * and alarms; a missing one is mended by the status page, which always shows the truth.
 *
 * Only a throttling answer is certain to mean "not sent": then the claim is handed back and the
 * message retried by the queue. Any other error (refused address, unknown outcome) marks it failed.
 *
 * `prefetched` is the case as read a moment before (readQueuedNotifications); without it the case
 * is read after the claim.
 */
export async function deliverNotification(
  item: NotificationRecord,
  prefetched?: { readonly found: Contactable | undefined },
): Promise<DeliveryOutcome> {
  const delivery = await startDelivery(item, prefetched);
  await delivery.recorded;
  return delivery.outcome;
}

/**
 * A delivery whose provider answer may still be being written: `recorded` resolves once the
 * notification says `sent` (or `failed`), and rejects if that write failed (the notification then
 * stays `sending`: claimed, never sent again).
 */
export interface Delivery {
  readonly outcome: DeliveryOutcome;
  readonly recorded: Promise<void>;
}

const nothingToRecord: Promise<void> = Promise.resolve();

/**
 * A notification claimed for sending (`pending` → `sending`), its message not yet handed to the
 * provider; or a delivery that needs no send (a letter queued for printing, a notification already
 * claimed, one without an address).
 */
export type Claim =
  | { readonly kind: 'settled'; readonly delivery: Delivery }
  | {
      readonly kind: 'claimed';
      readonly item: NotificationRecord;
      readonly key: { readonly pk: string; readonly sk: string };
      readonly channel: 'email' | 'sms';
      readonly found: Contactable;
      readonly to: string;
    };

/**
 * The first half of a delivery: everything before the send. A queue batch claims its next message
 * while the current one is with the provider (the sends stay one at a time, each after its own
 * claim); `sendClaimed` is the second half.
 */
export async function claimDelivery(
  item: NotificationRecord,
  prefetched?: { readonly found: Contactable | undefined },
): Promise<Claim> {
  const settled = (outcome: DeliveryOutcome): Claim => ({
    kind: 'settled',
    delivery: { outcome, recorded: nothingToRecord },
  });
  // `requeued`: staff had a failed or unconfirmed message sent again (resend-message.ts).
  if (item.status !== 'pending' && item.status !== 'requeued') return settled('skipped');
  const key = { pk: item.pk, sk: item.sk };
  const log = logFields(item);

  if (item.channel === 'letter' && item.status === 'pending') {
    // Printed and posted by the office: the print queue lists it, the address is read when printing.
    const queued = await transition(key, 'pending', 'to_print', {
      ...notificationKeys.printQueue(item.at),
      queuedAt: clock.nowIso(),
    });
    if (queued) logger.info('notification queued for printing', log);
    return settled(queued ? 'to_print' : 'skipped');
  }
  if (item.channel !== 'email' && item.channel !== 'sms') return settled('skipped');

  if (!(await transition(key, item.status, 'sending', { claimedAt: clock.nowIso() }))) {
    logger.info('notification already claimed; not sending again', log);
    return settled('skipped');
  }

  const found = prefetched ? prefetched.found : await caseOf(item.caseId);
  const contact = found?.applicant;
  const to = item.channel === 'email' ? contact?.email : contact?.phone ? e164(contact.phone) : undefined;
  if (!found || !to) {
    const failure = !found
      ? 'CaseNotFound'
      : item.channel === 'sms' && contact?.phone
        ? 'InvalidPhoneNumber'
        : 'NoAddress';
    await transition(key, 'sending', 'failed', { failure, failedAt: clock.nowIso() });
    logger.warn('notification cannot be delivered', { ...log, failure });
    return settled('failed');
  }
  return { kind: 'claimed', item, key, channel: item.channel, found, to };
}

/**
 * The second half: hands the claimed message to the provider. Resolves once the provider answered;
 * the answer's write goes on (`recorded`), so the batch's next message is not held by it.
 * A throttled send gives the claim back and throws TransientError: the queue delivers it again.
 */
export async function sendClaimed(claim: Claim): Promise<Delivery> {
  if (claim.kind === 'settled') return claim.delivery;
  const { item, key, channel, found, to } = claim;
  const notificationId = notificationIdOf(item);
  const log = logFields(item);
  const language = languageOf(item.language);
  const kind = found.type === 'AppealCase' ? 'appeal' : 'aid';
  const webUrl = config().PUBLIC_WEB_URL;
  const message: OutboundMessage = {
    notificationId,
    caseId: item.caseId,
    reference: found.reference,
    channel,
    to,
    language,
    subject: messageSubject(kind, found.reference, language),
    text: messageBody(item.text, webUrl ? statusUrl(webUrl, found.reference, language) : undefined, language),
  };

  let messageId: string;
  try {
    ({ messageId } = await notifier().send(message));
  } catch (error) {
    const name = (error as Error).name || 'Error';
    if (isThrottling(error)) {
      // Certainly not sent: give the claim back and let the queue deliver the message again.
      await releaseClaim(claim);
      throw new TransientError(`notification ${notificationId}: provider throttled (${name})`);
    }
    // The provider's message may quote the address: only the error's name is kept and logged.
    logger.warn('notification not delivered', { ...log, failure: name });
    return recording(
      'failed',
      transition(key, 'sending', 'failed', { failure: name, failedAt: clock.nowIso() }),
    );
  }
  logger.info('notification sent', log);
  return recording(
    'sent',
    transition(key, 'sending', 'sent', { sentAt: clock.nowIso(), providerMessageId: messageId }),
  );
}

/** Gives an unsent claim back (`sending` → `pending`), so the message can be delivered again. */
export async function releaseClaim(claim: Claim): Promise<void> {
  if (claim.kind === 'claimed') await transition(claim.key, 'sending', 'pending', {}, ['claimedAt']);
}

/** deliverNotification up to the provider's answer: claimed, then sent; the answer's write goes on. */
export async function startDelivery(
  item: NotificationRecord,
  prefetched?: { readonly found: Contactable | undefined },
): Promise<Delivery> {
  return sendClaimed(await claimDelivery(item, prefetched));
}

function logFields(item: NotificationRecord) {
  return {
    caseId: item.caseId,
    notificationId: notificationIdOf(item),
    channel: item.channel,
    event: item.event,
  };
}

function recording(outcome: DeliveryOutcome, write: Promise<boolean>): Delivery {
  const recorded = write.then(() => undefined);
  // Awaited by the caller in its turn: until then a failed write must not count as unhandled.
  recorded.catch(() => undefined);
  return { outcome, recorded };
}

/** What a queued message will deliver: its notification as it is now, and for a pending e-mail or SMS its case. */
export interface QueuedDelivery {
  readonly ref: NotificationRef;
  readonly item: NotificationRecord | undefined;
  readonly prefetched?: { readonly found: Contactable | undefined };
}

/**
 * Reads, all at once, what a batch of queued messages will deliver (the messages carry only keys):
 * each notification, and the case of every pending e-mail or SMS, once per case. The deliveries
 * themselves stay one after another, each claimed before it is sent (deliverRead); only their
 * reads go ahead, so a batch of ten waits for one round of reads instead of two per message.
 * Each read is awaited in its turn by the caller, and its failure surfaces there.
 */
export function readQueuedNotifications(
  refs: readonly (NotificationRef | undefined)[],
): (Promise<QueuedDelivery> | undefined)[] {
  const cases = new Map<string, Promise<Contactable | undefined>>();
  return refs.map((ref) => {
    if (!ref) return undefined;
    const read = (async (): Promise<QueuedDelivery> => {
      const { Item } = await dynamo().send(
        new GetCommand({ TableName: tableName(), Key: { pk: ref.pk, sk: ref.sk }, ConsistentRead: true }),
      );
      if (Item?.type !== 'Notification') return { ref, item: undefined };
      const item = Item as NotificationRecord;
      if (item.status !== 'pending' || (item.channel !== 'email' && item.channel !== 'sms'))
        return { ref, item };
      let found = cases.get(item.caseId);
      if (!found) {
        found = caseOf(item.caseId);
        cases.set(item.caseId, found);
      }
      return { ref, item, prefetched: { found: await found } };
    })();
    // Awaited later, in turn: until then a failed read must not count as unhandled.
    read.catch(() => undefined);
    return read;
  });
}

/** Claims what readQueuedNotifications read: a notification already claimed, sent or gone is settled as skipped. */
export async function claimRead(read: QueuedDelivery): Promise<Claim> {
  if (!read.item) {
    logger.warn('queued notification not found; nothing to deliver', { sk: read.ref.sk });
    return { kind: 'settled', delivery: { outcome: 'skipped', recorded: nothingToRecord } };
  }
  return claimDelivery(read.item, read.prefetched);
}
