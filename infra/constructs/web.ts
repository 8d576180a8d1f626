import { Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { appPaths } from '../../web/serve.js';
import { acknowledge } from '../nag.js';

export interface WebProps {
  /** The HTTP API, served from the same origin under /v1/* (the web app calls relative paths). */
  readonly httpApi: apigw.HttpApi;
  /** The CLOUDFRONT-scope WAF web ACL (edge stack, us-east-1). */
  readonly webAclArn?: string;
  /**
   * The staff sign-in the app uses in AWS: the Cognito hosted UI's base URL and the public app
   * client. Served as /config.json (below); without it the app offers the local sign-in.
   */
  readonly staffSignIn?: { readonly hostedUiDomain: string; readonly clientId: string };
}

/**
 * The web app (web/dist) in S3 behind CloudFront, with the API behind the same origin: the browser
 * talks to one host, so no CORS is needed and the app's relative `fetch('/v1/…')` works as it does
 * under `npm start`. Deep links (/apply, /staff/tasks/…) are rewritten to /index.html by a
 * CloudFront Function on the app's paths only, so the API's own 404s reach the app unchanged.
 *
 * Upload after deploying (README "Deploying to AWS"): `npm run build:web`, then the hashed chunks
 * under assets/ with `Cache-Control: public, max-age=31536000, immutable` and without deleting the
 * old ones, then the rest with `no-cache`. CloudFront's CACHING_OPTIMIZED policy honours the
 * objects' own Cache-Control, as the local server's headers do (web/serve.ts).
 */
export class Web extends Construct {
  readonly bucket: s3.Bucket;
  readonly logs: s3.Bucket;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    this.logs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.logs,
      'AwsSolutions-S1',
      'This bucket is the access-log destination itself; logging it into itself would loop.',
    );

    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const appPathList = appPaths.map((p) => p.replace(/\{[^}]+\}/g, '*'));
    // /config.json tells the app at run time how staff sign in (web/src/config.ts). It is answered
    // by the function itself, written at deploy time with the user pool's values, so it is never
    // stale and an `s3 sync --delete` of web/dist cannot remove it. Locally there is none.
    const runtimeConfig = Stack.of(this).toJsonString({
      auth: props.staffSignIn
        ? { kind: 'cognito', domain: props.staffSignIn.hostedUiDomain, clientId: props.staffSignIn.clientId }
        : { kind: 'local' },
    });
    const rewrite = new cloudfront.Function(this, 'DeepLinks', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Serve index.html for the web app paths (deep links) and the runtime /config.json',
      code: cloudfront.FunctionCode.fromInline(`
var patterns = ${JSON.stringify(appPathList)}.map(function (p) {
  return new RegExp('^' + p.replace(/\\*/g, '[^/]+') + '/?$');
});
var config = ${runtimeConfig};
function handler(event) {
  var request = event.request;
  if (request.uri === '/config.json') {
    return {
      statusCode: 200,
      statusDescription: 'OK',
      headers: {
        'content-type': { value: 'application/json' },
        'cache-control': { value: 'no-store' },
        'x-content-type-options': { value: 'nosniff' }
      },
      body: { encoding: 'text', data: JSON.stringify(config) }
    };
  }
  // Any other address without a file extension is a page too: the app shows its own "page not
  // found" in the person's language (S3 would answer a missing key with an XML 403).
  if (patterns.some(function (re) { return re.test(request.uri); }) || !/\\.[A-Za-z0-9]+$/.test(request.uri)) {
    request.uri = '/index.html';
  }
  return request;
}`),
    });

    const apiDomain = Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint));
    const api = new origins.HttpOrigin(apiDomain, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
    });
    const apiBehavior: cloudfront.BehaviorOptions = {
      origin: api,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `AidFlow web app and API (${Stack.of(this).stackName})`,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: this.logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
        functionAssociations: [{ function: rewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: { '/v1/*': apiBehavior, '/openapi.json': apiBehavior },
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'A municipal service for its residents; people abroad (e.g. displaced persons) must still reach it, so no geo restriction.',
    );
    if (!props.webAclArn) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR2',
        'The web ACL lives in the edge stack (us-east-1) and is attached once its ARN is passed as context cloudFrontWebAclArn; synth warns (aidflow:noCloudFrontWebAcl) until then.',
      );
    }
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      'The default *.cloudfront.net certificate allows TLSv1; the minimum TLSv1.2_2021 applies once a custom domain certificate is attached.',
    );
  }
}
