/**
 * Stands in for `@smithy/core/event-streams` in the Lambda bundles (an esbuild alias in
 * infra/bundling.ts). The SDK's HTTP protocol reaches that module through a dynamic `import()`
 * only for operations with an event-stream member; esbuild inlines it without code splitting, so
 * every bundle carried ~14 KB of codec it never runs. None of the clients AidFlow's Lambdas use
 * (DynamoDB, Step Functions, SES, SNS) has such an operation. Should one ever be added, the
 * call fails loudly here instead of silently mis-serialising.
 */
function unavailable(): never {
  throw new Error(
    'Event streams are not bundled into AidFlow Lambdas (infra/no-event-streams.ts): remove the alias in infra/bundling.ts to use them',
  );
}

export class EventStreamSerde {
  constructor() {
    unavailable();
  }
}

export function eventStreamSerdeProvider(): never {
  return unavailable();
}
