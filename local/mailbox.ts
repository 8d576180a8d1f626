import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type MailboxMessage, mailboxKeys } from '../functions/lib/notify/mailbox-notifier.js';
import type { ExtraRoute } from './http-server.js';

/**
 * The local mailbox: every e-mail and SMS the system "sent" while running locally (the Notifier's
 * local adapter writes them to the mailbox table, in a DynamoDB Local database of its own),
 * newest first, optionally only those of one case reference. Local runtime only, like
 * /local/clock: in AWS the messages go to SES and SNS.
 */
export async function readMailbox(
  doc: DynamoDBDocumentClient,
  tableName: string,
  filter: { reference?: string } = {},
): Promise<MailboxMessage[]> {
  const messages: MailboxMessage[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: {
          ':pk': mailboxKeys.partition,
          ...(filter.reference ? { ':reference': filter.reference } : {}),
        },
        ...(filter.reference
          ? {
              FilterExpression: '#reference = :reference',
              ExpressionAttributeNames: { '#reference': 'reference' },
            }
          : {}),
        ScanIndexForward: false,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      messages.push({
        notificationId: String(item.notificationId),
        caseId: String(item.caseId),
        reference: String(item.reference),
        channel: item.channel as MailboxMessage['channel'],
        to: String(item.to),
        language: String(item.language),
        subject: String(item.subject),
        text: String(item.text),
        at: String(item.at),
      });
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return messages;
}

/** GET /local/mailbox[?reference=AID-2026-000001] → { items: [{ channel, to, language, subject, text, at, … }] }. */
export function mailboxRoute(doc: DynamoDBDocumentClient, tableName: string): ExtraRoute {
  return {
    method: 'GET',
    path: '/local/mailbox',
    handle: async (_req, _body, url) => {
      const reference = url.searchParams.get('reference')?.trim().toUpperCase() || undefined;
      const items = await readMailbox(doc, tableName, reference ? { reference } : {});
      return {
        statusCode: 200,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        body: JSON.stringify({ items }),
      };
    },
  };
}
