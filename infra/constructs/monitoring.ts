import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { AppFunctions } from './functions.js';

export interface MonitoringProps {
  readonly functions: AppFunctions;
  readonly stateMachines: Readonly<Record<string, sfn.StateMachine>>;
  readonly httpApi: apigw.HttpApi;
  readonly deadLetterQueue: sqs.IQueue;
  /** InformStream → DeliverNotification: its dead letters and the age of its oldest message. */
  readonly notificationQueue: { readonly queue: sqs.IQueue; readonly deadLetterQueue: sqs.IQueue };
  readonly table: dynamodb.Table;
  readonly alarmEmail?: string;
}

const fiveMinutes = Duration.minutes(5);

/**
 * Alarms (failed workflow executions, anything in the stream DLQ or the notification DLQ, overdue appeals, API 5xx,
 * Lambda errors, a stream or the notification queue falling behind) → one KMS-encrypted SNS topic; and one
 * CloudWatch dashboard.
 */
export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const stack = Stack.of(this);

    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: 'AidFlow: encrypts the alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    // CloudWatch alarms publish to an encrypted topic only if the key lets CloudWatch use it.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToUseTheKey',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'AidFlow alarms',
      masterKey: key,
      enforceSSL: true,
    });
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          ArnLike: {
            'aws:SourceArn': `arn:${stack.partition}:cloudwatch:${stack.region}:${stack.account}:alarm:*`,
          },
        },
      }),
    );
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.topic);

    const alarm = (
      id: string,
      metric: cloudwatch.IMetric,
      description: string,
      threshold = 1,
    ): cloudwatch.Alarm => {
      const a = new cloudwatch.Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      this.alarms.push(a);
      return a;
    };

    for (const [name, sm] of Object.entries(props.stateMachines)) {
      alarm(
        `${name}ExecutionsFailed`,
        sm.metricFailed({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
        `${name} workflow executions failed: the case is flagged (RecordFailure); look at the execution history.`,
      );
    }
    alarm(
      'StreamDeadLetters',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      'Table stream batches failed after all retries: workflows may not have started or resumed. Replay them.',
    );
    alarm(
      'NotificationDeadLetters',
      props.notificationQueue.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      'Notifications were not delivered after all receives (provider throttling or failing, or a bad message): ' +
        'applicants were not told. Mend the cause and redrive the dead-letter queue.',
    );
    alarm(
      'NotificationQueueAge',
      props.notificationQueue.queue.metricApproximateAgeOfOldestMessage({
        period: fiveMinutes,
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      'A notification has waited more than 15 minutes for delivery: DeliverNotification is failing or throttled.',
      Duration.minutes(15).toSeconds(),
    );
    // The deadline sweeper counts the appeals it newly flags overdue (functions/scheduled/…).
    alarm(
      'AppealsOverdue',
      new cloudwatch.Metric({
        namespace: 'AidFlow',
        metricName: 'AppealsNewlyOverdue',
        dimensionsMap: { service: 'aidflow' },
        period: Duration.hours(1),
        statistic: cloudwatch.Stats.SUM,
      }),
      'An appeal passed its legal deadline without an answer: the head of the office must act (59-FZ).',
    );
    alarm(
      'Api5xx',
      props.httpApi.metricServerError({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
      'The HTTP API answered 5xx: never expected (bad input is a 4xx by contract).',
    );
    for (const { spec, fn } of props.functions.all()) {
      alarm(
        `${spec.name}Errors`,
        fn.metricErrors({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
        `${spec.name} Lambda invocations failed.`,
      );
    }
    for (const { spec, fn } of props.functions.byTrigger('stream')) {
      alarm(
        `${spec.name}IteratorAge`,
        fn.metric('IteratorAge', { period: fiveMinutes, statistic: cloudwatch.Stats.MAXIMUM }),
        `${spec.name} is more than 5 minutes behind the table stream.`,
        Duration.minutes(5).toMilliseconds(),
      );
    }

    const fns = props.functions.all();
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(6),
      widgets: [
        [new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 4 })],
        [
          new cloudwatch.GraphWidget({
            title: 'API requests and errors',
            left: [
              props.httpApi.metricCount({ period: fiveMinutes }),
              props.httpApi.metricClientError({ period: fiveMinutes }),
              props.httpApi.metricServerError({ period: fiveMinutes }),
            ],
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'API latency (p50, p99)',
            left: [
              props.httpApi.metricLatency({ period: fiveMinutes, statistic: cloudwatch.Stats.p(50) }),
              props.httpApi.metricLatency({ period: fiveMinutes, statistic: cloudwatch.Stats.p(99) }),
            ],
            width: 12,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Workflow executions',
            left: Object.values(props.stateMachines).flatMap((sm) => [
              sm.metricStarted({ period: fiveMinutes }),
              sm.metricSucceeded({ period: fiveMinutes }),
              sm.metricFailed({ period: fiveMinutes }),
              sm.metricTimedOut({ period: fiveMinutes }),
            ]),
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'Table stream: iterator age and dead letters',
            left: props.functions
              .byTrigger('stream')
              .map(({ fn }) =>
                fn.metric('IteratorAge', { period: fiveMinutes, statistic: cloudwatch.Stats.MAXIMUM }),
              ),
            right: [
              props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes }),
              props.notificationQueue.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
                period: fiveMinutes,
                label: 'Notification dead letters',
              }),
            ],
            width: 12,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Lambda errors',
            left: fns.map(({ spec, fn }) => fn.metricErrors({ period: fiveMinutes, label: spec.name })),
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'Lambda duration p99',
            left: fns.map(({ spec, fn }) =>
              fn.metricDuration({ period: fiveMinutes, statistic: cloudwatch.Stats.p(99), label: spec.name }),
            ),
            width: 12,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Table capacity consumed',
            left: [
              props.table.metricConsumedReadCapacityUnits({ period: fiveMinutes }),
              props.table.metricConsumedWriteCapacityUnits({ period: fiveMinutes }),
            ],
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'Lambda throttles',
            left: fns.map(({ spec, fn }) => fn.metricThrottles({ period: fiveMinutes, label: spec.name })),
            width: 12,
          }),
        ],
      ],
    });
  }
}
