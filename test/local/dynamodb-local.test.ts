import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableSpec } from '../../functions/lib/table-spec.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';

describe('the application table on DynamoDB Local', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await createTestTable('app');
  });
  afterAll(async () => table.drop());

  it('is created from the shared spec with both indexes and a stream of new and old images', async () => {
    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: table.tableName }));
    expect(Table?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(
      tableSpec.globalSecondaryIndexes.map((g) => g.indexName).sort(),
    );
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  it('stores and reads back an item', async () => {
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { pk: 'A', sk: 'B', n: 1 } }));
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { pk: 'A', sk: 'B' } }),
    );
    expect(Item).toEqual({ pk: 'A', sk: 'B', n: 1 });
  });
});

describe('starting DynamoDB Local without Java', () => {
  it('says how to install Java instead of failing obscurely', async () => {
    const { startDynamoDbLocal } = await import('../../local/dynamodb-local.js');
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(startDynamoDbLocal()).rejects.toThrow(
        /Java 17[\s\S]*apt-get install -y openjdk-17-jre-headless/,
      );
    } finally {
      process.env.PATH = path;
    }
  });
});
