import { randomUUID } from 'node:crypto';
import type { AppealApplicant } from '../../../domain/appeal.js';
import type { AppealMessage, MessageTexts } from '../../../domain/appeal-messages.js';
import type { Language } from '../../../domain/catalogue.js';
import { appealKeys, type DeliveryChannel } from '../../lib/store/appeal-records.js';

/** E-mail when there is an address, else an SMS with a link, else a printed letter. */
export function deliveryChannel(applicant: AppealApplicant): DeliveryChannel {
  if (applicant.email) return 'email';
  if (applicant.phone) return 'sms';
  if (applicant.address) return 'letter';
  return 'none';
}

/**
 * A notification to the applicant, written in the same transaction as the change it tells of
 * (pk CASE#id, sk NOTIFICATION#…): the fact is in the table the moment the change is, and the
 * delivery (SES, SNS, the print queue; the local mailbox) follows from the stream. The caller
 * passes the texts of its kind of message (appeal-messages.ts), so it bundles only those.
 */
export function notificationPut<M extends AppealMessage>(
  tableName: string,
  input: {
    caseId: string;
    at: string;
    applicant: AppealApplicant;
    language: Language;
    message: M;
  },
  texts: MessageTexts<M>,
) {
  const channel = deliveryChannel(input.applicant);
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...appealKeys.notification(input.caseId, input.at, randomUUID()),
        type: 'Notification',
        caseId: input.caseId,
        at: input.at,
        event: input.message.kind,
        channel,
        language: input.language,
        text: texts[input.language](input.message),
        status: channel === 'none' ? 'undeliverable' : 'pending',
      },
    },
  };
}
