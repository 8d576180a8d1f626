import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { indexProjection, tableSpec } from '../../functions/lib/table-spec.js';
import { migratePersonIndex } from '../../local/person-index-migration.js';
import { ensureAppTable, migrateIndexes } from '../../local/table-bootstrap.js';
import { localDynamoClient } from '../support/dynamodb.js';

const client = localDynamoClient();
const doc = DynamoDBDocumentClient.from(client);
const created: string[] = [];

afterEach(async () => {
  for (const name of created.splice(0)) await client.send(new DeleteTableCommand({ TableName: name }));
});

const describeTable = async (name: string) =>
  (await client.send(new DescribeTableCommand({ TableName: name }))).Table;

/** A table as the bootstrap created it before issue 7: two indexes, both projecting ALL. */
async function createTableOfOldSpec(name: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'].map((n) => ({
        AttributeName: n,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableSpec.globalSecondaryIndexes.slice(0, 2).map((g) => ({
        IndexName: g.indexName,
        KeySchema: [
          { AttributeName: g.partitionKey, KeyType: 'HASH' },
          { AttributeName: g.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  created.push(name);
}

const grownCase = (caseId: string) => ({
  pk: `CASE#${caseId}`,
  sk: 'CASE',
  gsi1pk: 'REF#AID-2026-000001',
  gsi1sk: 'CASE',
  gsi2pk: 'CASES#aid#in_review',
  gsi2sk: '2026-03-01T10:00:00.000Z',
  caseId,
  status: 'in_review',
  version: 1,
  // A case that has grown: eligibility reasons, timeline, deciders.
  timeline: Array.from({ length: 40 }, (_, i) => ({ at: `2026-03-01T10:00:${i}`, note: 'x'.repeat(100) })),
});

describe('the application table bootstrap', () => {
  it('creates the indexes with the projections of the spec: keys only, and the inbox attributes', async () => {
    // Arrange
    const name = `bootstrap-${randomUUID()}`;

    // Act
    await ensureAppTable(client, name);
    created.push(name);

    // Assert
    const table = await describeTable(name);
    const projections = Object.fromEntries(
      (table?.GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName, g.Projection]),
    );
    expect(projections.gsi1).toEqual({ ProjectionType: 'KEYS_ONLY' });
    expect(projections.gsi3).toEqual({ ProjectionType: 'KEYS_ONLY' });
    expect(projections.gsi2?.ProjectionType).toBe('INCLUDE');
    expect([...(projections.gsi2?.NonKeyAttributes ?? [])].sort()).toEqual(
      [...(indexProjection(tableSpec.globalSecondaryIndexes[1]).NonKeyAttributes ?? [])].sort(),
    );
  });

  it('migrates a table whose indexes project ALL, keeping its items, their index entries and its stream', async () => {
    // Arrange
    const name = `bootstrap-${randomUUID()}`;
    await createTableOfOldSpec(name);
    const caseId = randomUUID();
    await doc.send(new PutCommand({ TableName: name, Item: grownCase(caseId) }));
    const streamBefore = (await describeTable(name))?.LatestStreamArn;

    // Act
    await ensureAppTable(client, name);

    // Assert
    const table = await describeTable(name);
    for (const gsi of tableSpec.globalSecondaryIndexes) {
      const index = table?.GlobalSecondaryIndexes?.find((g) => g.IndexName === gsi.indexName);
      expect(index?.IndexStatus).toBe('ACTIVE');
      expect(index?.Projection?.ProjectionType).toBe(indexProjection(gsi).ProjectionType);
    }
    expect(table?.LatestStreamArn).toBe(streamBefore);
    const { Items } = await doc.send(
      new QueryCommand({
        TableName: name,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :ref',
        ExpressionAttributeValues: { ':ref': 'REF#AID-2026-000001' },
      }),
    );
    expect(Items).toEqual([
      { pk: `CASE#${caseId}`, sk: 'CASE', gsi1pk: 'REF#AID-2026-000001', gsi1sk: 'CASE' },
    ]);
    const { Item } = await doc.send(
      new GetCommand({ TableName: name, Key: { pk: `CASE#${caseId}`, sk: 'CASE' } }),
    );
    expect(Item).toEqual(grownCase(caseId));
  });

  it('leaves a table that already matches the spec alone', async () => {
    // Arrange
    const name = `bootstrap-${randomUUID()}`;
    await ensureAppTable(client, name);
    created.push(name);

    // Act
    const migrated = await migrateIndexes(client, name, (await describeTable(name)) ?? {});

    // Assert
    expect(migrated).toEqual([]);
  });

  it('writes no index entry when a grown case changes without changing its status', async () => {
    // Arrange
    const name = `bootstrap-${randomUUID()}`;
    await ensureAppTable(client, name);
    created.push(name);
    const caseId = randomUUID();
    await doc.send(new PutCommand({ TableName: name, Item: grownCase(caseId) }));

    // Act
    const { ConsumedCapacity } = await doc.send(
      new UpdateCommand({
        TableName: name,
        Key: { pk: `CASE#${caseId}`, sk: 'CASE' },
        UpdateExpression: 'SET #version = :two, note = :note',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':two': 2, ':note': 'a reviewer asked for a document' },
        ReturnConsumedCapacity: 'INDEXES',
      }),
    );

    // Assert
    expect(ConsumedCapacity?.GlobalSecondaryIndexes ?? {}).toEqual({});
    expect(ConsumedCapacity?.Table?.CapacityUnits).toBeGreaterThanOrEqual(5);
  });

  it('indexes the cases of a table from before under their person, and deletes its old person items', async () => {
    // Arrange: a case and the person index item intake wrote beside it before issue 7.
    const name = `bootstrap-${randomUUID()}`;
    await createTableOfOldSpec(name);
    const caseId = randomUUID();
    const submittedAt = '2026-03-01T10:00:00.000Z';
    const oldCase = {
      ...grownCase(caseId),
      type: 'AidCase',
      personKey: 'person-1',
      aidType: 'cash',
      submittedAt,
    };
    const personItem = {
      pk: 'PERSON#person-1',
      sk: `CASE#${submittedAt}#${caseId}`,
      type: 'PersonCase',
      caseId,
      aidType: 'cash',
      submittedAt,
    };
    const lock = { pk: 'PERSON#person-1', sk: 'OPEN#cash', type: 'OpenApplication', caseId, aidType: 'cash' };
    for (const Item of [oldCase, personItem, lock]) await doc.send(new PutCommand({ TableName: name, Item }));

    // Act
    await ensureAppTable(client, name);

    // Assert
    const { Items } = await doc.send(
      new QueryCommand({
        TableName: name,
        IndexName: 'gsi3',
        KeyConditionExpression: 'personKey = :person AND aidType = :type',
        ExpressionAttributeValues: { ':person': 'person-1', ':type': 'cash' },
      }),
    );
    expect(Items).toEqual([{ pk: `CASE#${caseId}`, sk: 'CASE', personKey: 'person-1', aidType: 'cash' }]);
    const get = async (key: { pk: string; sk: string }) =>
      (
        await doc.send(
          new GetCommand({ TableName: name, Key: { pk: key.pk, sk: key.sk }, ConsistentRead: true }),
        )
      ).Item;
    expect(await get(personItem)).toBeUndefined();
    expect(await get(lock)).toEqual(lock);
    expect(await get(oldCase)).toEqual(oldCase);
  });

  it('scans a table for old person items once: later starts find the marker and leave it alone', async () => {
    // Arrange: a migrated table, and an old person item put afterwards (which intake never writes).
    const name = `bootstrap-${randomUUID()}`;
    await createTableOfOldSpec(name);
    await ensureAppTable(client, name);
    const personItem = { pk: 'PERSON#p', sk: 'CASE#2026-03-01#c', type: 'PersonCase', aidType: 'cash' };
    await doc.send(new PutCommand({ TableName: name, Item: personItem }));

    // Act
    const again = await migratePersonIndex(client, name);

    // Assert
    expect(again).toEqual({ removed: 0 });
    expect(
      (await doc.send(new GetCommand({ TableName: name, Key: { pk: personItem.pk, sk: personItem.sk } })))
        .Item,
    ).toEqual(personItem);
  });
});
