import * as z from 'zod/mini';

/**
 * Handler configuration, parsed once from the environment at cold start. A missing or malformed
 * variable fails the first invocation loudly instead of surfacing later as a confusing error.
 * The only differences between AWS and the local runtime are these values (endpoints, names).
 */
const configSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(3)),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'eu-central-1'),
  AID_STATE_MACHINE_ARN: z.optional(z.string().check(z.startsWith('arn:'))),
  APPEAL_STATE_MACHINE_ARN: z.optional(z.string().check(z.startsWith('arn:'))),
  /**
   * Staff identity for routes that are public at the gateway but accept a signed-in caller too
   * (a clerk registering a phoned-in appeal): the handler verifies the bearer token itself against
   * this issuer's keys (Cognito's JWKS in AWS; the local issuer's /auth/local/.well-known/jwks.json).
   */
  STAFF_JWKS_URL: z.optional(z.url()),
  STAFF_JWT_ISSUER: z.optional(z.string().check(z.minLength(1))),
  /** The app client the token must have been issued to (Cognito access tokens carry it as client_id). */
  STAFF_JWT_CLIENT_ID: z.optional(z.string().check(z.minLength(1))),
  /** Set only by the local runtime: DynamoDB Local and the local Step Functions and SQS endpoints. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  SFN_ENDPOINT: z.optional(z.url()),
  SQS_ENDPOINT: z.optional(z.url()),
  /** Where new notifications are queued for delivery (InformStream → DeliverNotification). */
  NOTIFICATION_QUEUE_URL: z.optional(z.url()),
  /** Secret mixed into access-code hashes (Secrets Manager / SSM in AWS, generated locally). */
  ACCESS_CODE_PEPPER: z._default(z.string().check(z.minLength(16)), 'aidflow-development-pepper-change-me'),
  /** Jurisdiction for appeal deadlines and numbering; see domain/. */
  JURISDICTION: z._default(z.enum(['ru', 'ua', 'cn']), 'ru'),
  CURRENCY: z._default(z.string().check(z.length(3)), 'RUB'),
  /**
   * Where messages to applicants go (functions/lib/notify/): `aws` = SES (e-mail) and SNS (SMS);
   * `local-mailbox` = the local runtime's mailbox table (GET /local/mailbox), set by the runtime.
   */
  NOTIFIER: z._default(z.enum(['aws', 'local-mailbox']), 'aws'),
  /** The SES sender address (its identity is the only one the function may send from). */
  NOTIFY_EMAIL_FROM: z.optional(z.email()),
  /** SNS SMS sender ID where the country allows one (1–11 letters and digits). */
  NOTIFY_SMS_SENDER_ID: z.optional(z.string().check(z.regex(/^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/))),
  /**
   * This consumer's share of the account's send rates (infra: the quota ÷ the queue consumer's
   * maximum concurrency): DeliverNotification spaces its sends to it (send-pacer.ts). Unset: not
   * paced (the local mailbox has no quota).
   */
  NOTIFY_EMAIL_SENDS_PER_SECOND: z.optional(z.coerce.number().check(z.positive())),
  NOTIFY_SMS_SENDS_PER_SECOND: z.optional(z.coerce.number().check(z.positive())),
  LOCAL_MAILBOX_TABLE: z.optional(z.string().check(z.minLength(3))),
  /**
   * The access key of the DynamoDB Local database the mailbox table is in: DynamoDB Local keeps a
   * database per access key, and the mailbox (standing in for SES and SNS) is not in the
   * application's. Unset: the handlers' own credentials.
   */
  LOCAL_MAILBOX_ACCESS_KEY_ID: z.optional(z.string().check(z.minLength(1))),
  /** The web app's origin, for the status link in every message. */
  PUBLIC_WEB_URL: z.optional(z.url()),
});

export type Config = z.infer<typeof configSchema>;

let cached: Config | undefined;

export function config(): Config {
  if (!cached) {
    const parsed = configSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid configuration: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** For the local runtime and tests, which set the environment before the first handler runs. */
export function resetConfigForTests(): void {
  cached = undefined;
}
