import { Duration, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type RouteSpec, routes as routeTable } from '../../functions/http/routes.js';
import { acknowledge } from '../nag.js';
import type { AppFunctions } from './functions.js';

export interface ApiProps {
  readonly functions: AppFunctions;
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  /** The only origin CORS allows. */
  readonly webOrigin: string;
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  readonly logRetention: logs.RetentionDays;
  /** Defaults to `functions/http/routes.ts`. */
  readonly routes?: readonly RouteSpec[];
}

/** Request headers the web app sends (CORS allow-list). */
export const corsAllowHeaders = [
  'authorization',
  'content-type',
  'idempotency-key',
  'if-none-match',
  'x-access-code',
];

/**
 * Access-log line: JSON, one per request. No source IP, user agent, path or claims (personal data);
 * `routeKey` names the route template instead of the concrete path.
 */
const accessLogFields = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationStatus: '$context.integrationStatus',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  error: '$context.error.message',
};

/**
 * The HTTP API, built from the route table: one Lambda integration per route, the Cognito JWT
 * authorizer on exactly the `jwt` routes, a `$default` stage with throttling and access logging,
 * and CORS for the configured web origin only.
 */
export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly jwtAuthorizer: HttpJwtAuthorizer;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const region = Stack.of(this).region;

    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'AidFlow HTTP API v1',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [props.webOrigin],
        allowMethods: [
          apigw.CorsHttpMethod.GET,
          apigw.CorsHttpMethod.POST,
          apigw.CorsHttpMethod.PUT,
          apigw.CorsHttpMethod.DELETE,
          apigw.CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: corsAllowHeaders,
        exposeHeaders: ['location', 'retry-after'],
        allowCredentials: false,
        maxAge: Duration.hours(1),
      },
    });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });

    this.jwtAuthorizer = new HttpJwtAuthorizer(
      'StaffJwt',
      `https://cognito-idp.${region}.amazonaws.com/${props.userPool.userPoolId}`,
      {
        authorizerName: 'cognito-staff',
        jwtAudience: [props.userPoolClient.userPoolClientId],
        identitySource: ['$request.header.Authorization'],
      },
    );
    const none = new apigw.HttpNoneAuthorizer();

    (props.routes ?? routeTable).forEach((route, index) => {
      const fn = props.functions.fn(route.function);
      // `optional-jwt` cannot be expressed by API Gateway: such routes stay open at the gateway and
      // the handler itself must validate a bearer token when one is sent.
      const jwt = route.auth === 'jwt';
      const created = this.httpApi.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`Route${index}${route.function}`, fn, {
          payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
        }),
        authorizer: jwt ? this.jwtAuthorizer : none,
      });
      if (!jwt) {
        for (const r of created) {
          acknowledge(
            r,
            'AwsSolutions-APIG4',
            `${route.method} ${route.path} is a ${route.auth} route by the API contract (API.md): applicants ` +
              'and client systems call it without signing in. Applicant case data is released only against the ' +
              "case's access code, checked in the handler; the stage is throttled.",
          );
        }
      }
    });
  }

  /** The stage URL (`https://…/`). */
  get url(): string {
    return this.stage.url;
  }
}
