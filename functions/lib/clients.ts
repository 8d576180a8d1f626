import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from './config.js';
import { withoutSdkLogFilter } from './sdk-log-filter.js';

/**
 * SDK clients, created on first use and reused across invocations. Endpoints come from
 * configuration only: the local runtime points them at DynamoDB Local and its Step Functions
 * endpoint; in AWS they are unset.
 */
let doc: DynamoDBDocumentClient | undefined;
let stepFunctions: SFNClient | undefined;

export function dynamo(): DynamoDBDocumentClient {
  doc ??= documentClient();
  return doc;
}

/**
 * A document client as the handlers use it. `credentials` only for the local runtime's stand-ins,
 * which keep their tables in a DynamoDB Local database of their own (one per access key).
 */
export function documentClient(credentials?: {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}): DynamoDBDocumentClient {
  const { DYNAMODB_ENDPOINT, AWS_REGION } = config();
  const client = withoutSdkLogFilter(
    new DynamoDBClient({
      region: AWS_REGION,
      ...(DYNAMODB_ENDPOINT ? { endpoint: DYNAMODB_ENDPOINT } : {}),
      ...(credentials ? { credentials } : {}),
    }),
  );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

export function sfn(): SFNClient {
  if (!stepFunctions) {
    const { SFN_ENDPOINT, AWS_REGION } = config();
    stepFunctions = withoutSdkLogFilter(
      new SFNClient({
        region: AWS_REGION,
        ...(SFN_ENDPOINT ? { endpoint: SFN_ENDPOINT } : {}),
      }),
    );
  }
  return stepFunctions;
}

export function tableName(): string {
  return config().TABLE_NAME;
}

/** Tests swap clients (aws-sdk-client-mock or another endpoint) through this. */
export function resetClientsForTests(): void {
  doc = undefined;
  stepFunctions = undefined;
}
