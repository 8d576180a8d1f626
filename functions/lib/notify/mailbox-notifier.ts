import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, dynamo } from '../clients.js';
import { clock } from '../clock.js';
import type { Notifier, OutboundMessage } from './notifier.js';

/** The local mailbox's items (in a table of the runtime's own, in a database of its own; never the application's). */
export const mailboxKeys = {
  partition: 'MAILBOX',
  message: (at: string, notificationId: string) => ({ pk: 'MAILBOX', sk: `${at}#${notificationId}` }),
} as const;

export interface MailboxMessage {
  readonly notificationId: string;
  readonly caseId: string;
  readonly reference: string;
  readonly channel: 'email' | 'sms';
  readonly to: string;
  readonly language: string;
  readonly subject: string;
  readonly text: string;
  readonly at: string;
}

/**
 * The local stand-in for SES and SNS: every message lands in a mailbox that the local runtime
 * serves at GET /local/mailbox, so a demo or a test can read what an applicant would receive.
 */
export function mailboxNotifier(tableName: string, accessKeyId?: string): Notifier {
  // Its own client when the mailbox has a database of its own (local/dynamodb-local.ts).
  const client = accessKeyId ? documentClient({ accessKeyId, secretAccessKey: 'local' }) : undefined;
  return {
    async send(message: OutboundMessage) {
      const at = clock.nowIso();
      const item: MailboxMessage = {
        notificationId: message.notificationId,
        caseId: message.caseId,
        reference: message.reference,
        channel: message.channel,
        to: message.to,
        language: message.language,
        subject: message.subject,
        text: message.text,
        at,
      };
      await (client ?? dynamo()).send(
        new PutCommand({
          TableName: tableName,
          Item: { ...mailboxKeys.message(at, message.notificationId), type: 'MailboxMessage', ...item },
        }),
      );
      return { messageId: `local-${message.notificationId}` };
    },
  };
}
