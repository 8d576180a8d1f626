import { fileURLToPath } from 'node:url';
import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  Charset,
  LogLevel as EsbuildLogLevel,
  NodejsFunction,
  OutputFormat,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { tableSpec } from '../../functions/lib/table-spec.js';
import {
  type FunctionName,
  type FunctionSpec,
  type MessagingAccess,
  type QueueAccess,
  type QueueName,
  queues as queueSettings,
  functions as registry,
  type StateMachineName,
  type StepFunctionsAccess,
  stateMachines,
  type TableAccess,
} from '../../functions/registry.js';
import { lambdaBundleAliases, lambdaBundleBanner } from '../bundling.js';
import { acknowledge, iamWildcardResourceFinding } from '../nag.js';

/** The repository root: NodejsFunction's project root and the base of every registry `entry`. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * DynamoDB and KMS actions per `table` access level. Reads and writes go to the table; the GSIs are
 * only ever queried. TransactWriteItems needs no action of its own: it is authorised per item
 * (PutItem / UpdateItem / DeleteItem / ConditionCheckItem), TransactGetItems likewise (GetItem).
 */
export const tableActions: Readonly<
  Record<
    TableAccess,
    {
      readonly table: readonly string[];
      readonly indexes: readonly string[];
      readonly key: readonly string[];
    }
  >
> = {
  read: {
    table: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
    indexes: ['dynamodb:Query'],
    key: ['kms:Decrypt'],
  },
  readWrite: {
    table: [
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:Query',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:ConditionCheckItem',
    ],
    indexes: ['dynamodb:Query'],
    key: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
  },
};

/** Step Functions actions per registry `stepFunctions` entry, each granted on the state machines. */
export const stepFunctionsActions: Readonly<Record<StepFunctionsAccess, readonly string[]>> = {
  startExecution: ['states:StartExecution'],
  taskCallbacks: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
  describeExecution: ['states:DescribeExecution'],
  stopExecution: ['states:StopExecution'],
};

/** Default timeouts per trigger. Step functions stay below the 30 s TimeoutSeconds of their Task states. */
const defaultTimeoutSeconds: Readonly<Record<FunctionSpec['trigger'], number>> = {
  http: 10,
  step: 25,
  stream: 60,
  schedule: 300,
  // Well below the queue's visibility timeout (functions/registry.ts `queues`).
  queue: 20,
};
const defaultMemoryMb = 512;

/** What stands in for the bundle when bundling is skipped: synthesizable, never deployable. */
const skippedBundlingStub =
  "exports.handler = async () => { throw new Error('AidFlow was synthesized with bundling skipped: this function has no code'); };";

export interface AppFunctionsProps {
  /** Inline stub instead of esbuild (tests). The handler files need not exist. */
  readonly skipBundling: boolean;
  readonly logRetention: logs.RetentionDays;
  /** Powertools log level. */
  readonly logLevel: string;
  /** Defaults to every entry of `functions/registry.ts`. */
  readonly specs?: readonly FunctionSpec[];
}

/**
 * One NodejsFunction per registry entry: esbuild ESM bundle (minified, source maps, node22),
 * nodejs22.x on ARM64, X-Ray active tracing, its own role (no managed policies) and its own log
 * group. Access is added afterwards by `grantAndConfigure`, once the table and the state machines
 * it refers to exist.
 */
export class AppFunctions extends Construct {
  readonly specs: readonly FunctionSpec[];
  private readonly byName = new Map<string, NodejsFunction>();

  constructor(scope: Construct, id: string, props: AppFunctionsProps) {
    super(scope, id);
    this.specs = props.specs ?? registry;

    for (const spec of this.specs) {
      const logGroup = new logs.LogGroup(this, `${spec.name}Logs`, { retention: props.logRetention });
      const role = new iam.Role(this, `${spec.name}Role`, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: `AidFlow ${spec.name} function (${spec.trigger})`,
      });
      // Instead of AWSLambdaBasicExecutionRole: write to this function's own log group only.
      logGroup.grantWrite(role);

      const fn = new NodejsFunction(this, spec.name, {
        description: spec.description,
        runtime: lambda.Runtime.NODEJS_22_X,
        architecture: lambda.Architecture.ARM_64,
        memorySize: spec.memoryMb ?? defaultMemoryMb,
        timeout: Duration.seconds(spec.timeoutSeconds ?? defaultTimeoutSeconds[spec.trigger]),
        tracing: lambda.Tracing.ACTIVE,
        role,
        logGroup,
        environment: {
          POWERTOOLS_SERVICE_NAME: 'aidflow',
          POWERTOOLS_LOG_LEVEL: props.logLevel,
          POWERTOOLS_METRICS_NAMESPACE: 'AidFlow',
          NODE_OPTIONS: '--enable-source-maps',
        },
        ...(props.skipBundling
          ? { code: lambda.Code.fromInline(skippedBundlingStub), handler: 'index.handler' }
          : {
              entry: `${repoRoot}${spec.entry}`,
              handler: 'handler',
              projectRoot: repoRoot,
              depsLockFilePath: `${repoRoot}package-lock.json`,
              // lambdaEsbuildOptions of infra/bundling.ts in NodejsFunction's terms (the bench and tests build with those).
              bundling: {
                format: OutputFormat.ESM,
                target: 'node22',
                minify: true,
                sourceMap: true,
                sourcesContent: false,
                mainFields: ['module', 'main'],
                charset: Charset.UTF8,
                // Bundle the pinned AWS SDK v3 (package-lock) instead of the runtime's copy.
                externalModules: [],
                // Env-only credentials instead of the SDK's default chain (−130 KB) and no event-stream codec (−14 KB): infra/bundling.ts.
                esbuildArgs: {
                  '--alias': Object.entries(lambdaBundleAliases).map(([from, to]) => `${from}=${to}`),
                },
                banner: lambdaBundleBanner,
                logLevel: EsbuildLogLevel.WARNING,
              },
            }),
      });

      acknowledge(
        role,
        'AwsSolutions-IAM5[Resource::*]',
        'X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords do not support ' +
          'resource-level permissions, so Lambda grants them on "*".' +
          (spec.trigger === 'stream'
            ? ' Reading the table stream: dynamodb:ListStreams does not support resource-level permissions ' +
              'either (DescribeStream, GetRecords and GetShardIterator are scoped to the stream ARN).'
            : '') +
          (spec.messaging?.includes('sms')
            ? ' SMS: sns:Publish straight to a phone number has no resource ARN, so it is allowed on "*" ' +
              'and an explicit Deny on every SNS ARN (arn:<partition>:sns:*:*:*) keeps the function off topics ' +
              'and platform endpoints.'
            : ''),
      );
      acknowledge(
        fn,
        'AwsSolutions-L1',
        'nodejs22.x is deliberate: the project toolchain and the embedded local runtime run Node 22 ' +
          '(package.json pins node 22), so the bundle is built and tested for exactly that runtime.',
      );
      this.byName.set(spec.name, fn);
    }
  }

  /** The function of a registry entry. */
  fn(name: FunctionName | string): NodejsFunction {
    const fn = this.byName.get(name);
    if (!fn) throw new Error(`No function ${name} in the registry`);
    return fn;
  }

  /** Registry entries with the given trigger, with their functions. */
  byTrigger(trigger: FunctionSpec['trigger']): Array<{ spec: FunctionSpec; fn: NodejsFunction }> {
    return this.specs.filter((s) => s.trigger === trigger).map((spec) => ({ spec, fn: this.fn(spec.name) }));
  }

  all(): Array<{ spec: FunctionSpec; fn: NodejsFunction }> {
    return this.specs.map((spec) => ({ spec, fn: this.fn(spec.name) }));
  }
}

/** What `grantAndConfigure` grants access to and the configuration every function shares. */
export interface AccessTargets {
  readonly table: dynamodb.ITable;
  readonly tableKey: kms.IKey;
  readonly stateMachines: Readonly<Record<StateMachineName, sfn.StateMachine>>;
  /** Shared configuration (JURISDICTION, CURRENCY, ACCESS_CODE_PEPPER …) added to every function. */
  readonly environment?: Readonly<Record<string, string>>;
  /** The sender of messages to applicants; required by functions whose entry lists `messaging`. */
  readonly messaging?: MessagingTarget;
  /** The registry's queues; required for the functions whose entry lists them in `queues`. */
  readonly queues?: Readonly<Partial<Record<QueueName, sqs.IQueue>>>;
}

export interface MessagingTarget {
  /** The verified SES identity (domain or address) and the From address within it. */
  readonly emailIdentity: string;
  readonly emailFrom: string;
  readonly smsSenderId?: string;
  /** The account's send quotas (messaging-settings.ts); each consumer instance gets its share. */
  readonly emailSendsPerSecond: number;
  readonly smsSendsPerSecond: number;
  /** The web app's origin, for the status link in every message. */
  readonly webOrigin: string;
}

/**
 * SQS actions per registry `queues` access, on that queue only. SendMessageBatch is authorised as
 * sqs:SendMessage; the consumer's event source mapping polls with the function's role.
 */
export const queueActions: Readonly<Record<QueueAccess, readonly string[]>> = {
  send: ['sqs:SendMessage'],
  consume: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
};

function grantQueues(
  fn: lambda.Function,
  spec: FunctionSpec,
  targets: Readonly<Partial<Record<QueueName, sqs.IQueue>>> | undefined,
): void {
  for (const [name, access] of Object.entries(spec.queues ?? {}) as [QueueName, QueueAccess][]) {
    const queue = targets?.[name];
    if (!queue) throw new Error(`${spec.name} uses the ${name} queue: give grantAndConfigure that queue`);
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: [...queueActions[access]], resources: [queue.queueArn] }),
    );
    if (access === 'send') fn.addEnvironment(queueSettings[name].urlEnv, queue.queueUrl);
  }
}

/** SES and SNS actions per registry `messaging` entry. */
export const messagingActions: Readonly<Record<MessagingAccess, readonly string[]>> = {
  email: ['ses:SendEmail'],
  sms: ['sns:Publish'],
};

/**
 * E-mail: ses:SendEmail on the one configured identity, and only with its configured From address.
 * SMS: sns:Publish to phone numbers, which have no ARN (hence "*"), with every SNS ARN denied so the
 * grant cannot publish to a topic or a mobile push endpoint.
 */
function grantMessaging(fn: lambda.Function, spec: FunctionSpec, target: MessagingTarget | undefined): void {
  const access = spec.messaging ?? [];
  if (access.length === 0) return;
  if (!target) throw new Error(`${spec.name} sends messages: give grantAndConfigure a messaging target`);
  const stack = Stack.of(fn);
  // The quota is the account's; a queue consumer runs as many instances at once as its mapping allows.
  const consumed = Object.entries(spec.queues ?? {}).find(([, how]) => how === 'consume')?.[0] as
    | QueueName
    | undefined;
  const instances = consumed ? queueSettings[consumed].maxConcurrency : 1;
  const share = (perSecond: number) => String(Math.round((perSecond / instances) * 1000) / 1000);
  if (access.includes('email')) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'SendEmailFromIdentity',
        actions: [...messagingActions.email],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: target.emailIdentity }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': target.emailFrom } },
      }),
    );
    fn.addEnvironment('NOTIFY_EMAIL_FROM', target.emailFrom);
    fn.addEnvironment('NOTIFY_EMAIL_SENDS_PER_SECOND', share(target.emailSendsPerSecond));
  }
  if (access.includes('sms')) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'PublishSmsToPhoneNumbers',
        actions: [...messagingActions.sms],
        resources: ['*'],
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'NoPublishToTopicsOrEndpoints',
        effect: iam.Effect.DENY,
        actions: [...messagingActions.sms],
        resources: [`arn:${stack.partition}:sns:*:*:*`],
      }),
    );
    if (target.smsSenderId) fn.addEnvironment('NOTIFY_SMS_SENDER_ID', target.smsSenderId);
    fn.addEnvironment('NOTIFY_SMS_SENDS_PER_SECOND', share(target.smsSendsPerSecond));
  }
  fn.addEnvironment('NOTIFIER', 'aws');
  fn.addEnvironment('PUBLIC_WEB_URL', target.webOrigin);
}

/**
 * The one place where a function gets its permissions and configuration, from its registry entry:
 * exactly the DynamoDB/KMS actions of `spec.table` (on the table and its GSIs), exactly the Step
 * Functions actions of `spec.stepFunctions` (on the registry's state machines), the messaging of
 * `spec.messaging`, the SQS actions of `spec.queues` (on those queues), TABLE_NAME, the
 * state-machine ARN and queue URL variables it needs, and the shared configuration.
 */
export function grantAndConfigure(fn: lambda.Function, spec: FunctionSpec, targets: AccessTargets): void {
  const { table, tableKey } = targets;
  const access = tableActions[spec.table];
  const region = Stack.of(fn).region;

  fn.addToRolePolicy(
    new iam.PolicyStatement({
      sid: 'Table',
      actions: [...access.table],
      resources: [table.tableArn],
    }),
  );
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      sid: 'TableIndexes',
      actions: [...access.indexes],
      resources: tableSpec.globalSecondaryIndexes.map((gsi) => `${table.tableArn}/index/${gsi.indexName}`),
    }),
  );
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      sid: 'TableKey',
      actions: [...access.key],
      resources: [tableKey.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${region}.amazonaws.com` } },
    }),
  );
  fn.addEnvironment('TABLE_NAME', table.tableName);

  const sfnAccess = spec.stepFunctions ?? [];
  if (sfnAccess.length > 0) {
    if (spec.trigger === 'step') {
      // The state machine's definition already refers to this function's ARN: a grant on the
      // machine (or its ARN in the environment) would make a CloudFormation dependency cycle.
      throw new Error(
        `${spec.name}: a workflow step function may not use Step Functions itself (dependency cycle); ` +
          'let the table stream act on its behalf',
      );
    }
    for (const machine of stateMachines) {
      const sm = targets.stateMachines[machine.name];
      for (const kind of sfnAccess) {
        if (kind === 'describeExecution' || kind === 'stopExecution') {
          // Execution ARNs are only known at run time: scope the grant to this machine's executions.
          const executions = Stack.of(sm).formatArn({
            service: 'states',
            resource: 'execution',
            resourceName: `${sm.stateMachineName}:*`,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          });
          fn.addToRolePolicy(
            new iam.PolicyStatement({
              actions: [...stepFunctionsActions[kind]],
              resources: [executions],
            }),
          );
          acknowledge(
            fn.role!,
            iamWildcardResourceFinding(fn, executions),
            `${spec.name} ${kind === 'stopExecution' ? 'stops' : 'describes'} executions of ${machine.name}; execution ARNs are only known at run time, ` +
              'so the grant covers exactly the executions of that state machine (<name>:*).',
          );
        } else {
          fn.addToRolePolicy(
            new iam.PolicyStatement({
              actions: [...stepFunctionsActions[kind]],
              resources: [sm.stateMachineArn],
            }),
          );
        }
      }
      fn.addEnvironment(machine.arnEnv, sm.stateMachineArn);
    }
  }

  grantMessaging(fn, spec, targets.messaging);
  grantQueues(fn, spec, targets.queues);

  for (const [key, value] of Object.entries(targets.environment ?? {})) fn.addEnvironment(key, value);
}
