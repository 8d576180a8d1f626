import { PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AidMessage,
  aidMessage,
  languageOf,
  notifiedAidStatuses,
} from '../../../domain/aid-messages.js';
import type { Language } from '../../../domain/catalogue.js';
import { dynamo, tableName } from '../../lib/clients.js';
import { officeDate } from '../../lib/office-day.js';
import { notificationKeys } from '../../lib/store/notification-records.js';
import type { AidCaseRecord } from '../../lib/store/records.js';
import { deliveryChannel } from '../appeals/notifications.js';

type Image = Partial<AidCaseRecord> & Record<string, unknown>;
/** A stream image: the item as it was written, not yet known to be a well-formed case. */
type StreamImage = Record<string, unknown>;

const notified: ReadonlySet<string> = new Set(notifiedAidStatuses);

/**
 * The reasons for a refusal in the applicant's language: an eligibility rule's own text in that
 * language when the refusal came from the rules, else the reason as recorded (a reviewer's words).
 */
function refusalReasons(c: Image, language: Language): string[] {
  // The case carries each rule's reason in its own language (all four beside it, since issue 7).
  const sameLanguage = c.eligibility?.language === language;
  const ruleTexts = new Map(
    (c.eligibility?.rules ?? []).map((r) => [
      r.code,
      r.messages?.[language] ?? (sameLanguage ? r.message : undefined),
    ]),
  );
  return (c.decision?.reasons ?? [])
    .map((r) => ruleTexts.get(r.code) ?? r.message)
    .filter((text): text is string => typeof text === 'string' && text.trim() !== '');
}

/**
 * What the applicant is to be told about this change of their case, if anything: a message when
 * the case is new (submitted) or its status moved to one the applicant hears about.
 */
export function aidMessageFor(
  oldStreamImage: StreamImage | undefined,
  newStreamImage: StreamImage,
): AidMessage | undefined {
  const oldImage = oldStreamImage as Image | undefined;
  const newImage = newStreamImage as Image;
  const status = newImage.status;
  if (!status || !notified.has(status)) return undefined;
  if (oldImage && oldImage.status === status) return undefined;
  const reference = String(newImage.reference);
  switch (status) {
    case 'submitted':
      return { kind: 'submitted', reference };
    case 'info_requested':
      return {
        kind: 'info_requested',
        reference,
        question: newImage.infoRequest?.question ?? '',
        // The office's date of the deadline, as the status page shows it in the applicant's
        // browser: a deadline at 01:30 in Moscow falls on that Moscow day, not the UTC day before.
        dueDate: newImage.infoRequest?.dueAt ? officeDate(newImage.infoRequest.dueAt) : '',
      };
    case 'approved': {
      const amount = newImage.decision?.amount ?? newImage.approvedAmount;
      return { kind: 'approved', reference, ...(amount ? { amount } : {}) };
    }
    case 'rejected':
      return {
        kind: 'rejected',
        reference,
        reasons: refusalReasons(newImage, languageOf(newImage.language)),
      };
    case 'waitlisted':
      return { kind: 'waitlisted', reference };
    case 'paid': {
      const amount = newImage.approvedAmount ?? newImage.decision?.amount;
      return { kind: 'paid', reference, ...(amount ? { amount } : {}) };
    }
    case 'payment_failed':
      return { kind: 'payment_failed', reference };
    case 'withdrawn':
      return { kind: 'withdrawn', reference };
    default:
      return undefined;
  }
}

/**
 * Writes the notification of an aid case's status change, from the table stream (the workflows
 * and use cases stay as they are, and no workflow state is added). Its id is derived from the case
 * id, version and status, so a redelivered stream record finds it already there and writes
 * nothing; the notification's own INSERT then drives its delivery (deliver-notification.ts).
 */
export async function writeAidNotification(
  oldImage: StreamImage | undefined,
  newStreamImage: StreamImage,
): Promise<'written' | 'exists' | 'none'> {
  const newImage = newStreamImage as Image;
  const message = aidMessageFor(oldImage, newImage);
  if (!message || !newImage.caseId || !newImage.applicant) return 'none';
  const language = languageOf(newImage.language);
  const at = String(newImage.updatedAt ?? newImage.submittedAt);
  const notificationId = `aid-${message.kind}-v${newImage.version ?? 0}`;
  const channel = deliveryChannel(newImage.applicant);
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...notificationKeys.notification(newImage.caseId, at, notificationId),
          type: 'Notification',
          notificationId,
          caseId: newImage.caseId,
          at,
          event: message.kind,
          channel,
          language,
          text: aidMessage(message, language),
          status: channel === 'none' ? 'undeliverable' : 'pending',
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return 'written';
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return 'exists';
    throw error;
  }
}
