import { Annotations, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { Api } from './constructs/api.js';
import { Auth } from './constructs/auth.js';
import { Data } from './constructs/data.js';
import { Firewall } from './constructs/firewall.js';
import { AppFunctions, grantAndConfigure } from './constructs/functions.js';
import { Monitoring } from './constructs/monitoring.js';
import { NotificationQueue } from './constructs/notification-queue.js';
import { Schedules } from './constructs/schedules.js';
import { Streams } from './constructs/streams.js';
import { Web } from './constructs/web.js';
import { Workflows } from './constructs/workflows.js';
import type { AidFlowSettings } from './settings.js';

export interface AidFlowStackProps extends StackProps {
  readonly settings: AidFlowSettings;
}

/** AidFlow in AWS: data, functions, workflows, streams, staff identity, HTTP API, monitoring. */
export class AidFlowStack extends Stack {
  readonly data: Data;
  readonly functions: AppFunctions;
  readonly workflows: Workflows;
  readonly streams: Streams;
  readonly notificationQueue: NotificationQueue;
  readonly auth: Auth;
  readonly api: Api;
  readonly monitoring: Monitoring;
  readonly web: Web;

  constructor(scope: Construct, id: string, props: AidFlowStackProps) {
    super(scope, id, props);
    const { settings } = props;

    this.data = new Data(this, 'Data');
    this.functions = new AppFunctions(this, 'Functions', {
      skipBundling: settings.skipBundling,
      logRetention: settings.logRetention,
      logLevel: settings.logLevel,
    });
    this.workflows = new Workflows(this, 'Workflows', {
      functions: this.functions,
      logRetention: settings.logRetention,
    });

    // InformStream queues new notifications; DeliverNotification sends them.
    this.notificationQueue = new NotificationQueue(this, 'NotificationQueue', { functions: this.functions });

    const environment = {
      JURISDICTION: settings.jurisdiction,
      CURRENCY: settings.currency,
      // Resolved by CloudFormation at deploy time (dynamic reference), never written to the template.
      ACCESS_CODE_PEPPER: this.data.accessCodePepper.secretValue.unsafeUnwrap(),
    };
    for (const { spec, fn } of this.functions.all()) {
      grantAndConfigure(fn, spec, {
        table: this.data.table,
        tableKey: this.data.tableKey,
        stateMachines: this.workflows.machines,
        environment,
        messaging: { ...settings.messaging, webOrigin: settings.webOrigin },
        queues: { notifications: this.notificationQueue.queue },
      });
    }
    // Functions with trigger 'schedule' (the appeal deadline sweeper) run from EventBridge rules.
    new Schedules(this, 'Schedules', { functions: this.functions });

    this.streams = new Streams(this, 'Streams', { functions: this.functions, table: this.data.table });
    this.auth = new Auth(this, 'Auth', {
      webOrigin: settings.webOrigin,
      ...(settings.authDomainPrefix ? { domainPrefix: settings.authDomainPrefix } : {}),
    });
    // Public routes that also accept a staff token (POST /v1/appeals) verify it in the handler,
    // against the user pool's published keys, as the gateway's JWT authorizer would.
    const staffIssuer = `https://cognito-idp.${this.region}.amazonaws.com/${this.auth.userPool.userPoolId}`;
    this.functions.fn('SubmitAppeal').addEnvironment('STAFF_JWT_ISSUER', staffIssuer);
    this.functions
      .fn('SubmitAppeal')
      .addEnvironment('STAFF_JWKS_URL', `${staffIssuer}/.well-known/jwks.json`);
    this.functions
      .fn('SubmitAppeal')
      .addEnvironment('STAFF_JWT_CLIENT_ID', this.auth.webClient.userPoolClientId);
    this.api = new Api(this, 'Api', {
      functions: this.functions,
      userPool: this.auth.userPool,
      userPoolClient: this.auth.webClient,
      webOrigin: settings.webOrigin,
      throttle: settings.apiThrottle,
      logRetention: settings.logRetention,
    });
    // The staff sign-in (Cognito) is regional: its own web ACL here. The web app and the API are
    // behind CloudFront, whose web ACL comes from the edge stack in us-east-1 (infra/edge-stack.ts).
    const signInFirewall = new Firewall(this, 'SignInFirewall', {
      scope: 'REGIONAL',
      rateLimitPer5Minutes: settings.wafRateLimitPer5Minutes,
      logRetention: settings.logRetention,
    });
    new wafv2.CfnWebACLAssociation(this, 'SignInFirewallAssociation', {
      resourceArn: this.auth.userPool.userPoolArn,
      webAclArn: signInFirewall.webAcl.attrArn,
    });
    this.web = new Web(this, 'Web', {
      httpApi: this.api.httpApi,
      staffSignIn: {
        hostedUiDomain: this.auth.domain.baseUrl(),
        clientId: this.auth.webClient.userPoolClientId,
      },
      ...(settings.cloudFrontWebAclArn ? { webAclArn: settings.cloudFrontWebAclArn } : {}),
    });
    if (!settings.cloudFrontWebAclArn) {
      Annotations.of(this).addWarningV2(
        'aidflow:noCloudFrontWebAcl',
        'No cloudFrontWebAclArn: deploy the edge stack (us-east-1) first and pass its CloudFrontWebAclArn output as context, or CloudFront serves without WAF.',
      );
    }
    this.monitoring = new Monitoring(this, 'Monitoring', {
      functions: this.functions,
      stateMachines: this.workflows.machines,
      httpApi: this.api.httpApi,
      deadLetterQueue: this.streams.deadLetterQueue,
      notificationQueue: this.notificationQueue,
      table: this.data.table,
      ...(settings.alarmEmail ? { alarmEmail: settings.alarmEmail } : {}),
    });

    if (settings.skipBundling) {
      Annotations.of(this).addWarningV2(
        'aidflow:bundlingSkipped',
        'Bundling was skipped (AIDFLOW_SKIP_BUNDLING / aidflow:skipBundling): the functions are stubs; do not deploy.',
      );
    }

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'HTTP API base URL' });
    new CfnOutput(this, 'WebUrl', {
      value: `https://${this.web.distribution.distributionDomainName}`,
      description: 'The web app and the API (same origin)',
    });
    new CfnOutput(this, 'WebBucketName', { value: this.web.bucket.bucketName });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: this.auth.webClient.userPoolClientId });
    new CfnOutput(this, 'HostedUiDomain', { value: this.auth.domain.baseUrl() });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    for (const [name, sm] of Object.entries(this.workflows.machines)) {
      new CfnOutput(this, `${name}StateMachineArn`, { value: sm.stateMachineArn });
    }
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn });
  }
}
