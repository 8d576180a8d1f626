import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FunctionSpec, functions, queues } from '../../functions/registry.js';
import { queueActions } from '../../infra/constructs/functions.js';
import {
  actionsOf,
  logicalId,
  resourcesOf,
  type Synthesized,
  statementsOfRole,
  synthesizeAidFlow,
} from './support.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesizeAidFlow();
});

const settings = queues.notifications;
const queueId = () => logicalId(s.stack.notificationQueue.queue);
const deadLetterId = () => logicalId(s.stack.notificationQueue.deadLetterQueue);
const fnId = (name: string) => logicalId(s.stack.functions.fn(name));
/** A function's SQS statements on the notification queue or its dead-letter queue. */
const sqsStatementsOf = (name: string) =>
  statementsOfRole(s.template, logicalId(s.stack.functions.fn(name).role!)).filter(
    (st) =>
      actionsOf(st).some((a) => a.startsWith('sqs:')) &&
      resourcesOf(st).some((r) => [queueId(), deadLetterId()].some((id) => JSON.stringify(r).includes(id))),
  );

describe('the notification queue', () => {
  it('is encrypted, TLS only, and moves a message to its dead-letter queue after the last receive', () => {
    const resources = s.template.toJSON().Resources;
    expect(resources[queueId()].Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      VisibilityTimeout: settings.visibilityTimeoutSeconds,
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [deadLetterId(), 'Arn'] },
        maxReceiveCount: settings.maxReceiveCount,
      },
    });
    expect(resources[deadLetterId()].Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    for (const id of [queueId(), deadLetterId()]) {
      s.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('feeds DeliverNotification in batches with partial batch responses, a batching window and bounded concurrency', () => {
    const consumers = functions.filter((f) => f.trigger === 'queue').map((f) => f.name);
    expect(consumers).toEqual(['DeliverNotification']);
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fnId('DeliverNotification') },
      EventSourceArn: { 'Fn::GetAtt': [queueId(), 'Arn'] },
      BatchSize: settings.batchSize,
      MaximumBatchingWindowInSeconds: settings.maxBatchingWindowSeconds,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: settings.maxConcurrency },
    });
    // The visibility timeout outlasts the consumer, so a running batch is never handed out twice.
    const timeout = s.template.toJSON().Resources[fnId('DeliverNotification')].Properties.Timeout as number;
    expect(settings.visibilityTimeoutSeconds).toBeGreaterThanOrEqual(6 * timeout);
  });

  it('lets InformStream only send to it (and tells it the URL), DeliverNotification only consume it', () => {
    const send = sqsStatementsOf('InformStream');
    const consume = sqsStatementsOf('DeliverNotification');

    expect(send.flatMap(actionsOf)).toEqual([...queueActions.send]);
    expect(consume.flatMap(actionsOf).sort()).toEqual([...queueActions.consume].sort());
    for (const st of [...send, ...consume]) {
      expect(resourcesOf(st)).toEqual([{ 'Fn::GetAtt': [queueId(), 'Arn'] }]);
    }
    const env = s.template.toJSON().Resources[fnId('InformStream')].Properties.Environment.Variables;
    expect(env[settings.urlEnv]).toEqual({ Ref: queueId() });
  });

  it('gives no other function any SQS action on it or its dead letters', () => {
    const others = (functions as readonly FunctionSpec[]).filter((f) => !f.queues);
    expect(others.length).toBeGreaterThan(0);
    for (const spec of others) expect(sqsStatementsOf(spec.name), spec.name).toEqual([]);
  });

  it('alarms on any dead letter and on a notification waiting too long', () => {
    const alarms = Object.values(s.template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    const onQueue = (id: string, metric: string) =>
      alarms.filter(
        (a) =>
          a.MetricName === metric &&
          JSON.stringify(a.Dimensions) ===
            JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [id, 'QueueName'] } }]),
      );

    expect(onQueue(deadLetterId(), 'ApproximateNumberOfMessagesVisible')).toMatchObject([
      { Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' },
    ]);
    expect(onQueue(queueId(), 'ApproximateAgeOfOldestMessage')).toHaveLength(1);
  });
});
