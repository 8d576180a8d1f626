/**
 * AWS list prices used by the cost model, written here with their source and date so a reader
 * can check them. Region: us-east-1 (N. Virginia), on-demand, no free tier, no savings plans.
 * Prices as published on the AWS pricing pages and last checked by the author on 2025-06-01
 * (the bench makes no network calls; re-check before quoting to a customer). eu-central-1
 * (the stack's default region) is within a few percent for every line that matters here.
 */
export const prices = {
  checkedOn: '2025-06-01',
  region: 'us-east-1',
  /** Step Functions Standard: $0.025 per 1 000 state transitions. */
  stepFunctionsPerTransition: 0.025 / 1_000,
  /** Lambda on Arm (Graviton): $0.0000133334 per GB-second, billed per 1 ms. */
  lambdaArmPerGbSecond: 0.000_013_333_4,
  /** Lambda: $0.20 per million requests. */
  lambdaPerRequest: 0.2 / 1_000_000,
  /** DynamoDB on-demand (after the November 2024 price cut): $0.625 per million write request units. */
  dynamoPerWru: 0.625 / 1_000_000,
  /** DynamoDB on-demand: $0.125 per million read request units. */
  dynamoPerRru: 0.125 / 1_000_000,
  /** API Gateway HTTP API: $1.00 per million requests (first 300 million a month, ≤ 512 KB each). */
  httpApiPerRequest: 1.0 / 1_000_000,
  /** Notifications, shown apart from the case cost: SES $0.10 per 1 000 e-mails. */
  sesPerEmail: 0.1 / 1_000,
  /** SNS SMS to a Russian/EU number is roughly $0.03–0.07 per message; the model uses $0.05. */
  smsPerMessage: 0.05,
} as const;
