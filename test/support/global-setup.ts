import type { TestProject } from 'vitest/node';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../local/dynamodb-local.js';

/** One in-memory DynamoDB Local for the whole run; every test file makes its own tables. */
let dynamo: DynamoDbLocal | undefined;

export async function setup(project: TestProject): Promise<void> {
  dynamo = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  // 0 when unknown: the bench's store-writer probe reads the JVM's threads from /proc.
  project.provide('dynamoPid', dynamo.pid ?? 0);
}

export async function teardown(): Promise<void> {
  await dynamo?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    dynamoPid: number;
  }
}
