import type { DynamoDBRecord } from 'aws-lambda';

/**
 * What a stream record's order is kept within: its case (every item of a case carries its
 * `caseId`, which never changes), else its partition key. The stream handlers keep each key's
 * records in order (stream-handler.ts), and the local runtime's lanes keep a key in one lane
 * (local/stream-consumers.ts). A module of its own, without the logger: the local runtime imports
 * it before the handlers' environment (their log level) is set.
 */
export function orderKeyOf(record: DynamoDBRecord): string {
  const d = record.dynamodb;
  return d?.NewImage?.caseId?.S ?? d?.OldImage?.caseId?.S ?? d?.Keys?.pk?.S ?? '';
}
