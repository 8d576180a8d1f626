import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../../functions/lib/clients.js';
import { awsNotifier } from '../../functions/lib/notify/aws-notifier.js';
import type { OutboundMessage } from '../../functions/lib/notify/notifier.js';
import { sqsDeliveryQueue } from '../../functions/lib/notify/sqs-delivery-queue.js';
import { transact } from '../../functions/lib/store/transactions.js';

/**
 * The entry test/infra/bundling.test.ts bundles as a Lambda (infra/bundling.ts) and runs in a
 * child Node process: the application's own DynamoDB client, transaction helper and notifier, so
 * that what runs is what the Lambdas bundle, aliases included.
 */
export type ProbeStep = 'dynamo' | 'notify' | 'enqueue' | 'eventStreams' | 'endpointDiscovery';

export const probeEmail: OutboundMessage = {
  notificationId: 'n-1',
  caseId: 'c-1',
  reference: 'AID-2026-000001',
  channel: 'email',
  to: 'applicant@example.org',
  language: 'ru',
  subject: 'Заявка AID-2026-000001',
  text: 'Ваша заявка на помощь AID-2026-000001 получена.',
};

export const probeSms: OutboundMessage = { ...probeEmail, channel: 'sms', to: '+79123456789' };

async function dynamoRoundTrip() {
  const key = { pk: 'PROBE#1', sk: 'ITEM' };
  const read = async () =>
    (await dynamo().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item;
  await dynamo().send(new PutCommand({ TableName: tableName(), Item: { ...key, note: 'put' } }));
  const afterPut = await read();
  const committed = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET note = :note',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':note': 'transacted' },
      },
    },
    { Put: { TableName: tableName(), Item: { pk: 'PROBE#2', sk: 'ITEM' } } },
  ]);
  // A cancelled transaction comes back as TransactionCanceledException with its reasons: the
  // error's class and members are deserialized through the client's bundled schemas.
  const cancelled = await transact([
    { Put: { TableName: tableName(), Item: key, ConditionExpression: 'attribute_not_exists(pk)' } },
  ]);
  return { afterPut, committed, cancelled, afterTransaction: await read() };
}

async function notify() {
  const notifier = awsNotifier({
    region: process.env.AWS_REGION ?? '',
    from: 'no-reply@aidflow.example.org',
    smsSenderId: 'AidFlow',
  });
  return { email: await notifier.send(probeEmail), sms: await notifier.send(probeSms) };
}

/** Twelve notification keys: two SendMessageBatch requests. */
export const probeNotifications = Array.from({ length: 12 }, (_, i) => ({
  pk: `CASE#c-${i}`,
  sk: `NOTIFICATION#2026-01-01T00:00:00.000Z#n-${i}`,
}));

async function enqueue() {
  // The queue URL names the endpoint's host, as a real one names SQS's regional endpoint.
  const queue = sqsDeliveryQueue({
    queueUrl: `${process.env.AWS_ENDPOINT_URL_SQS}/000000000000/aidflow-notifications`,
    region: process.env.AWS_REGION ?? '',
  });
  return { refused: await queue.enqueue(probeNotifications) };
}

async function eventStreams() {
  // The SDK's HTTP protocol loads this module the same way for event-stream operations.
  const { eventStreamSerdeProvider } = await import('@smithy/core/event-streams');
  try {
    eventStreamSerdeProvider({} as Parameters<typeof eventStreamSerdeProvider>[0]);
    return { error: undefined };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function endpointDiscovery() {
  try {
    new DynamoDBClient({ region: process.env.AWS_REGION ?? '', endpointDiscoveryEnabled: true });
    return { error: undefined };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

export async function handler(event: { step: ProbeStep }): Promise<unknown> {
  switch (event.step) {
    case 'dynamo':
      return dynamoRoundTrip();
    case 'notify':
      return notify();
    case 'enqueue':
      return enqueue();
    case 'eventStreams':
      return eventStreams();
    case 'endpointDiscovery':
      return endpointDiscovery();
  }
}
