import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { localCredentials, localRegion } from '../../local/dynamodb-local.js';
import { ensureAppTable, ensureKeyValueTable } from '../../local/table-bootstrap.js';

export interface TestTable {
  readonly tableName: string;
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  readonly doc: DynamoDBDocumentClient;
  drop(): Promise<void>;
}

export function dynamoEndpoint(): string {
  return inject('dynamoEndpoint');
}

export function localDynamoClient(endpoint = dynamoEndpoint()): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
}

/** A fresh table (application schema, or a plain pk/sk table) on the shared DynamoDB Local. */
export async function createTestTable(kind: 'app' | 'keyValue' = 'app'): Promise<TestTable> {
  const endpoint = dynamoEndpoint();
  const client = localDynamoClient(endpoint);
  const tableName = `test-${randomUUID()}`;
  if (kind === 'app') await ensureAppTable(client, tableName);
  else await ensureKeyValueTable(client, tableName);
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return {
    tableName,
    endpoint,
    client,
    doc,
    async drop() {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
      client.destroy();
    },
  };
}

/**
 * Records the name of every command `client` sends, in order, into the returned array (empty it
 * with `.length = 0` between phases): for tests that assert how many requests something costs.
 */
export function recordCommandNames(client: {
  middlewareStack: DynamoDBDocumentClient['middlewareStack'];
}): string[] {
  const names: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      names.push(context.commandName ?? '?');
      return next(args);
    },
    { step: 'initialize', name: 'recordCommandNames' },
  );
  return names;
}
