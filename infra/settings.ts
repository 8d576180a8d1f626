import * as logs from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { type MessagingSettings, readMessagingSettings } from './messaging-settings.js';

/** Deploy-time settings, read from CDK context (`cdk.json` or `-c key=value`) and a few env vars. */
export interface AidFlowSettings {
  /** The only origin allowed by CORS and by the Cognito app client's redirect URLs. */
  readonly webOrigin: string;
  /** Use an inline stub instead of esbuild bundling (tests; handler files need not exist). */
  readonly skipBundling: boolean;
  /** Optional e-mail address subscribed to the alarm topic. */
  readonly alarmEmail?: string;
  /** Prefix of the Cognito hosted-UI domain (globally unique); default `aidflow-<account>-<region>`. */
  readonly authDomainPrefix?: string;
  readonly jurisdiction: 'ru' | 'ua' | 'cn';
  readonly currency: string;
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  readonly logRetention: logs.RetentionDays;
  readonly apiThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  /** Sender of messages to applicants (SES identity and address, SMS sender ID). */
  readonly messaging: MessagingSettings;
  /** Requests per client IP per 5 minutes before WAF blocks it (both web ACLs). */
  readonly wafRateLimitPer5Minutes: number;
  /**
   * The CLOUDFRONT-scope web ACL of the edge stack (`AidFlowEdge`, deployed first in us-east-1:
   * WAF for CloudFront lives only there). Absent → the distribution has no web ACL and synth warns.
   */
  readonly cloudFrontWebAclArn?: string;
}

export const defaultWebOrigin = 'https://aidflow.example.org';

/** Context keys; `AIDFLOW_SKIP_BUNDLING=1` in the environment has the same effect as `skipBundling`. */
export const contextKeys = {
  webOrigin: 'webOrigin',
  skipBundling: 'aidflow:skipBundling',
  alarmEmail: 'alarmEmail',
  authDomainPrefix: 'authDomainPrefix',
  jurisdiction: 'jurisdiction',
  currency: 'currency',
  logLevel: 'logLevel',
  logRetentionDays: 'logRetentionDays',
  apiRateLimit: 'apiRateLimit',
  apiBurstLimit: 'apiBurstLimit',
  wafRateLimit: 'wafRateLimitPer5Minutes',
  cloudFrontWebAclArn: 'cloudFrontWebAclArn',
} as const;

export function readSettings(node: Node, env: NodeJS.ProcessEnv = process.env): AidFlowSettings {
  const ctx = (key: string): unknown => node.tryGetContext(key);
  const str = (key: string): string | undefined => {
    const v = ctx(key);
    return v === undefined || v === null || v === '' ? undefined : String(v);
  };
  const num = (key: string, fallback: number): number => {
    const v = ctx(key);
    if (v === undefined || v === null || v === '') return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`Context ${key} must be a positive number, got ${v}`);
    return n;
  };
  const bool = (v: unknown): boolean => v === true || v === 'true' || v === '1';

  const webOrigin = str(contextKeys.webOrigin) ?? defaultWebOrigin;
  assertOrigin(webOrigin);

  const jurisdiction = str(contextKeys.jurisdiction) ?? 'ru';
  if (jurisdiction !== 'ru' && jurisdiction !== 'ua' && jurisdiction !== 'cn') {
    throw new Error(`Context jurisdiction must be ru, ua or cn, got ${jurisdiction}`);
  }
  const currency = str(contextKeys.currency) ?? 'RUB';
  if (!/^[A-Z]{3}$/.test(currency))
    throw new Error(`Context currency must be an ISO 4217 code, got ${currency}`);
  const logLevel = (str(contextKeys.logLevel) ?? 'INFO').toUpperCase();
  if (logLevel !== 'DEBUG' && logLevel !== 'INFO' && logLevel !== 'WARN' && logLevel !== 'ERROR') {
    throw new Error(`Context logLevel must be DEBUG, INFO, WARN or ERROR, got ${logLevel}`);
  }
  const retention = num(contextKeys.logRetentionDays, logs.RetentionDays.THREE_MONTHS);
  if (!Object.values(logs.RetentionDays).includes(retention)) {
    throw new Error(
      `Context logRetentionDays must be a CloudWatch Logs retention (e.g. 30, 90, 365), got ${retention}`,
    );
  }

  const alarmEmail = str(contextKeys.alarmEmail);
  const authDomainPrefix = str(contextKeys.authDomainPrefix);
  const cloudFrontWebAclArn = str(contextKeys.cloudFrontWebAclArn);
  if (
    cloudFrontWebAclArn &&
    !/^arn:aws[\w-]*:wafv2:us-east-1:\d{12}:global\/webacl\//.test(cloudFrontWebAclArn)
  ) {
    throw new Error(
      `Context cloudFrontWebAclArn must be a CLOUDFRONT-scope WAFv2 web ACL ARN in us-east-1, got ${cloudFrontWebAclArn}`,
    );
  }
  return {
    webOrigin,
    skipBundling: bool(ctx(contextKeys.skipBundling)) || bool(env.AIDFLOW_SKIP_BUNDLING),
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(authDomainPrefix ? { authDomainPrefix } : {}),
    jurisdiction,
    currency,
    logLevel,
    logRetention: retention as logs.RetentionDays,
    apiThrottle: {
      rateLimit: num(contextKeys.apiRateLimit, 50),
      burstLimit: num(contextKeys.apiBurstLimit, 100),
    },
    messaging: readMessagingSettings(node, webOrigin),
    // WAF's minimum is 100 (since 2024: 10); 2 000 per 5 minutes is ~7 requests/s from one address,
    // far above a person and above a small office behind one NAT address.
    wafRateLimitPer5Minutes: num(contextKeys.wafRateLimit, 2000),
    ...(cloudFrontWebAclArn ? { cloudFrontWebAclArn } : {}),
  };
}

/** An origin is scheme://host[:port] with nothing after it; only https, or http for localhost. */
function assertOrigin(origin: string): void {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`Context webOrigin is not a URL: ${origin}`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && local);
  if (!schemeOk || url.origin !== origin) {
    throw new Error(
      `Context webOrigin must be an https origin without path or trailing slash, got ${origin}`,
    );
  }
}
