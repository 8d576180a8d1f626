import { readFileSync } from 'node:fs';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/http/routes.js';
import { indexProjection, tableSpec } from '../../functions/lib/table-spec.js';
import { type FunctionSpec, functions, stateMachines, stepsOf } from '../../functions/registry.js';
import { staffGroups } from '../../infra/constructs/auth.js';
import { streamSettings } from '../../infra/constructs/streams.js';
import { defaultWebOrigin } from '../../infra/settings.js';
import { logicalId, type Synthesized, synthesizeAidFlow } from './support.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesizeAidFlow();
});

const fnId = (name: string) => logicalId(s.stack.functions.fn(name));

describe('the table', () => {
  it('is built from tableSpec: keys, on-demand billing, PITR, KMS, stream, TTL, deletion protection', () => {
    s.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    s.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        KeySchema: [
          { AttributeName: tableSpec.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableSpec.sortKey, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: {
          SSEEnabled: true,
          SSEType: 'KMS',
          KMSMasterKeyId: { 'Fn::GetAtt': [logicalId(s.stack.data.tableKey), 'Arn'] },
        },
        StreamSpecification: { StreamViewType: tableSpec.streamViewType },
        TimeToLiveSpecification: { AttributeName: tableSpec.ttlAttribute, Enabled: true },
        DeletionProtectionEnabled: true,
      },
    });
  });

  it('has exactly the global secondary indexes of tableSpec, projecting keys and the listed attributes only', () => {
    const table = Object.values(s.template.findResources('AWS::DynamoDB::Table'))[0]!;
    const gsis = (table.Properties.GlobalSecondaryIndexes as Array<Record<string, unknown>>).map((g) => ({
      name: g.IndexName,
      keys: g.KeySchema,
      projection: g.Projection,
    }));
    expect(gsis).toEqual(
      tableSpec.globalSecondaryIndexes.map((g) => ({
        name: g.indexName,
        keys: [
          { AttributeName: g.partitionKey, KeyType: 'HASH' },
          { AttributeName: g.sortKey, KeyType: 'RANGE' },
        ],
        projection: indexProjection(g),
      })),
    );
  });

  it('is encrypted with a customer-managed key that rotates and is retained', () => {
    s.template.hasResource('AWS::KMS::Key', {
      Properties: { EnableKeyRotation: true, Description: Match.stringLikeRegexp('application table') },
      DeletionPolicy: 'Retain',
    });
  });
});

describe('the functions', () => {
  it('are exactly one Lambda per registry entry, and nothing else is a Lambda', () => {
    s.template.resourceCountIs('AWS::Lambda::Function', functions.length);
    for (const spec of functions) {
      expect(s.template.toJSON().Resources[fnId(spec.name)]?.Type).toBe('AWS::Lambda::Function');
    }
  });

  it('run nodejs22.x on arm64 with active X-Ray tracing, their registry description and Powertools settings', () => {
    for (const spec of functions) {
      expect(s.template.toJSON().Resources[fnId(spec.name)].Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Description: spec.description,
        Environment: {
          Variables: {
            POWERTOOLS_SERVICE_NAME: 'aidflow',
            POWERTOOLS_LOG_LEVEL: 'INFO',
            NODE_OPTIONS: '--enable-source-maps',
            TABLE_NAME: { Ref: logicalId(s.stack.data.table) },
            JURISDICTION: 'ru',
            CURRENCY: 'RUB',
          },
        },
      });
    }
  });

  it('get the access-code pepper from Secrets Manager by dynamic reference, never as a literal', () => {
    for (const spec of functions) {
      const pepper =
        s.template.toJSON().Resources[fnId(spec.name)].Properties.Environment.Variables.ACCESS_CODE_PEPPER;
      expect(JSON.stringify(pepper)).toContain('{{resolve:secretsmanager:');
      expect(JSON.stringify(pepper)).toContain(logicalId(s.stack.data.accessCodePepper));
    }
  });

  it('get AID_STATE_MACHINE_ARN exactly when they use Step Functions', () => {
    for (const spec of functions) {
      const vars = s.template.toJSON().Resources[fnId(spec.name)].Properties.Environment.Variables;
      const usesSfn = ((spec as { stepFunctions?: readonly string[] }).stepFunctions ?? []).length > 0;
      if (usesSfn) {
        expect(vars.AID_STATE_MACHINE_ARN).toEqual({
          Ref: logicalId(s.stack.workflows.machines.AidApplication),
        });
      } else {
        expect(vars.AID_STATE_MACHINE_ARN).toBeUndefined();
      }
    }
  });

  it('reserve no concurrency and log to their own log group with a retention', () => {
    for (const spec of functions) {
      const props = s.template.toJSON().Resources[fnId(spec.name)].Properties;
      expect(props.ReservedConcurrentExecutions).toBeUndefined();
      const logGroupId = props.LoggingConfig.LogGroup.Ref as string;
      expect(s.template.toJSON().Resources[logGroupId].Properties.RetentionInDays).toBeGreaterThan(0);
    }
  });

  it('that are workflow steps time out before the Task state that invokes them does', () => {
    const placeholder = /^\$\{(\w+)FunctionArn\}$/;
    for (const machine of stateMachines) {
      const asl = JSON.parse(readFileSync(new URL(`../../${machine.file}`, import.meta.url), 'utf8')) as {
        States: Record<
          string,
          { Type: string; Resource?: string; TimeoutSeconds?: number; Parameters?: { FunctionName?: string } }
        >;
      };
      for (const state of Object.values(asl.States)) {
        const name = state.Parameters?.FunctionName?.match(placeholder)?.[1];
        if (state.Type !== 'Task' || !name || state.Resource?.endsWith('.waitForTaskToken')) continue;
        const timeout = s.template.toJSON().Resources[fnId(name)].Properties.Timeout as number;
        expect(timeout, `${name} timeout`).toBeLessThan(state.TimeoutSeconds ?? Number.POSITIVE_INFINITY);
      }
    }
  });
});

describe('the HTTP API', () => {
  const routeResources = () =>
    Object.values(s.template.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) =>
        r.Properties as {
          RouteKey: string;
          AuthorizationType: string;
          AuthorizerId?: unknown;
          Target: unknown;
        },
    );

  it('has one route per route-table entry and no other', () => {
    expect(
      routeResources()
        .map((r) => r.RouteKey)
        .sort(),
    ).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('puts the JWT authorizer on exactly the jwt routes', () => {
    const authorizerId = logicalId(s.stack.api.httpApi.node.findChild('StaffJwt'));
    for (const route of routes) {
      const resource = routeResources().find((r) => r.RouteKey === `${route.method} ${route.path}`)!;
      if (route.auth === 'jwt') {
        expect(resource.AuthorizationType).toBe('JWT');
        expect(resource.AuthorizerId).toEqual({ Ref: authorizerId });
      } else {
        expect(resource.AuthorizationType).toBe('NONE');
        expect(resource.AuthorizerId).toBeUndefined();
      }
    }
  });

  it('integrates each route with its own Lambda integration of the route-table function', () => {
    const integrations = s.template.findResources('AWS::ApiGatewayV2::Integration');
    const targets = new Set<string>();
    for (const route of routes) {
      const resource = routeResources().find((r) => r.RouteKey === `${route.method} ${route.path}`)!;
      const target = JSON.stringify(resource.Target);
      const integrationId = Object.keys(integrations).find((id) => target.includes(id))!;
      expect(integrationId, route.path).toBeDefined();
      targets.add(integrationId);
      expect(integrations[integrationId]!.Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [fnId(route.function), 'Arn'] },
      });
    }
    expect(targets.size).toBe(routes.length);
  });

  it('validates JWTs issued by the Cognito user pool for the web client', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: {
          'Fn::Join': [
            '',
            Match.arrayWith([
              Match.stringLikeRegexp('https://cognito-idp\\.'),
              { Ref: logicalId(s.stack.auth.userPool) },
            ]),
          ],
        },
        Audience: [{ Ref: logicalId(s.stack.auth.webClient) }],
      },
    });
  });

  it('allows CORS only from the configured web origin', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: { AllowOrigins: [defaultWebOrigin], AllowCredentials: false },
    });
  });

  it('has a throttled $default stage with JSON access logs that carry no IP address or user agent', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [logicalId(s.stack.api.accessLogs), 'Arn'] },
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
    });
    const stage = Object.values(s.template.findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    const format = stage.Properties.AccessLogSettings.Format as string;
    expect(JSON.parse(format)).toBeTypeOf('object');
    expect(format).not.toMatch(/sourceIp|userAgent|\$context\.path|claims/);
  });
});

describe('staff identity', () => {
  it('is a user pool without self sign-up, with TOTP MFA required, a strong password policy and threat protection', () => {
    s.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: Match.anyValue(),
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
    });
    const pool = Object.values(s.template.findResources('AWS::Cognito::UserPool'))[0]!;
    expect(pool.Properties.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
  });

  it('has one group per staff role of the API contract', () => {
    const groups = Object.values(s.template.findResources('AWS::Cognito::UserPoolGroup')).map(
      (g) => g.Properties.GroupName as string,
    );
    expect(groups.sort()).toEqual(['admin', 'auditor', 'clerk', 'commission', 'finance', 'head', 'reviewer']);
    expect(staffGroups.map((g) => g.name).sort()).toEqual(groups);
  });

  it('has a public web client that uses the authorization-code grant only, redirecting to the web origin', () => {
    s.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: [`${defaultWebOrigin}/auth/callback`],
      LogoutURLs: [`${defaultWebOrigin}/`],
      PreventUserExistenceErrors: 'ENABLED',
      SupportedIdentityProviders: ['COGNITO'],
    });
  });
});

describe('the workflows', () => {
  it('are STANDARD state machines logging ALL events without execution data, with X-Ray tracing', () => {
    s.template.resourceCountIs('AWS::StepFunctions::StateMachine', stateMachines.length);
    s.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: false,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: Match.anyValue() } }],
      },
      TracingConfiguration: { Enabled: true },
    });
  });

  it.each(stateMachines.map((m) => m.name))(
    'substitute each <Name>FunctionArn placeholder of %s with the ARN of that function',
    (name) => {
      const sm = s.template.toJSON().Resources[logicalId(s.stack.workflows.machines[name])].Properties;
      const steps = stepsOf(name);
      expect(steps.length).toBeGreaterThan(0);
      expect(Object.keys(sm.DefinitionSubstitutions).sort()).toEqual(
        steps.map((f) => `${f.name}FunctionArn`).sort(),
      );
      for (const f of steps) {
        expect(sm.DefinitionSubstitutions[`${f.name}FunctionArn`]).toEqual({
          'Fn::GetAtt': [fnId(f.name), 'Arn'],
        });
      }
    },
  );
});

describe('the table stream', () => {
  it('feeds each stream function (TableStream, InformStream) from the oldest record with partial batch responses, bisect, bounded retries and a DLQ', () => {
    const consumers = functions.filter((f) => f.trigger === 'stream').map((f) => f.name);
    expect(consumers).toEqual(['TableStream', 'InformStream']);
    // DynamoDB Streams serves at most two simultaneous readers per shard: a third would be throttled.
    const streamArn = JSON.stringify({ 'Fn::GetAtt': [logicalId(s.stack.data.table), 'StreamArn'] });
    const onStream = Object.values(s.template.findResources('AWS::Lambda::EventSourceMapping')).filter(
      (m) => JSON.stringify(m.Properties.EventSourceArn) === streamArn,
    );
    expect(onStream).toHaveLength(consumers.length);
    for (const name of consumers) {
      s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: fnId(name) },
        EventSourceArn: { 'Fn::GetAtt': [logicalId(s.stack.data.table), 'StreamArn'] },
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: streamSettings.batchSize,
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        MaximumRetryAttempts: streamSettings.retryAttempts,
        DestinationConfig: {
          OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(s.stack.streams.deadLetterQueue), 'Arn'] } },
        },
      });
    }
  });

  it("drops the records a stream function does not act on at its mapping, with the registry's filter", () => {
    const specs: readonly FunctionSpec[] = functions;
    for (const spec of specs.filter((f) => f.trigger === 'stream')) {
      const patterns = spec.streamFilters ?? [];
      expect(patterns.length, spec.name).toBeGreaterThan(0);
      s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: fnId(spec.name) },
        FilterCriteria: { Filters: patterns.map((pattern) => ({ Pattern: JSON.stringify(pattern) })) },
      });
    }
  });

  it('dead-letters into an encrypted queue that refuses requests without TLS', () => {
    s.template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    s.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('monitoring', () => {
  const alarms = () =>
    Object.values(s.template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);

  it('alarms on failed executions, dead letters, overdue appeals, API 5xx and errors of every function', () => {
    const metrics = alarms().map((a) => `${a.Namespace}/${a.MetricName}`);
    expect(metrics).toContain('AidFlow/AppealsNewlyOverdue');
    expect(metrics.filter((m) => m === 'AWS/States/ExecutionsFailed')).toHaveLength(stateMachines.length);
    expect(metrics).toContain('AWS/SQS/ApproximateNumberOfMessagesVisible');
    expect(metrics).toContain('AWS/ApiGateway/5xx');
    expect(metrics.filter((m) => m === 'AWS/Lambda/Errors')).toHaveLength(functions.length);
  });

  it('sends every alarm to the KMS-encrypted, TLS-only alarm topic', () => {
    const topicId = logicalId(s.stack.monitoring.topic);
    for (const alarm of alarms()) expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
    s.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    s.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
          }),
        ]),
      },
    });
  });

  it('lets CloudWatch use the alarm topic key, and has a dashboard', () => {
    s.template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
    s.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});
