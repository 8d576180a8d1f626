/**
 * Takes the SDK's logger middleware off a client. On every request that middleware copies the
 * whole input and output through the operation's schema to strip sensitive fields, and only then
 * hands the copies to the client's logger — also when the logger is the SDK's default no-op one,
 * as ours always is (we log through Powertools, never through the SDK). For a DynamoDB client
 * that is a walk of every item written and read: 4 % of the local runtime's Node CPU in the
 * end-to-end bench (docs/performance.md §14). Nothing is logged either way.
 */
export function withoutSdkLogFilter<T extends { middlewareStack: { remove(name: string): boolean } }>(
  client: T,
): T {
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}
