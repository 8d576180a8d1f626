import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndexDescription,
  type Projection,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { type IndexSpec, indexProjection, tableSpec } from '../functions/lib/table-spec.js';
import { migratePersonIndex } from './person-index-migration.js';

function attributeDefinitions(): AttributeDefinition[] {
  const keyNames = new Set<string>([tableSpec.partitionKey, tableSpec.sortKey]);
  for (const gsi of tableSpec.globalSecondaryIndexes) {
    keyNames.add(gsi.partitionKey);
    keyNames.add(gsi.sortKey);
  }
  return [...keyNames].map((name) => ({ AttributeName: name, AttributeType: 'S' }));
}

const indexKeySchema = (gsi: IndexSpec) => [
  { AttributeName: gsi.partitionKey, KeyType: 'HASH' as const },
  { AttributeName: gsi.sortKey, KeyType: 'RANGE' as const },
];

/**
 * Creates the application table from the same spec the CDK stack uses (idempotent). An existing
 * table (a `.data/` from before a change of the spec) gets its indexes brought to the spec's
 * projections (see `migrateIndexes`, which also creates an index the table lacks) and loses the
 * person index items the case items' own keys replaced (person-index-migration.ts).
 */
export async function ensureAppTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const existing = await describe(client, tableName);
  if (existing) {
    await migrateIndexes(client, tableName, existing);
    await migratePersonIndex(client, tableName);
    return;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: attributeDefinitions(),
      KeySchema: [
        { AttributeName: tableSpec.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableSpec.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableSpec.globalSecondaryIndexes.map((gsi) => ({
        IndexName: gsi.indexName,
        KeySchema: indexKeySchema(gsi),
        Projection: indexProjection(gsi),
      })),
      StreamSpecification: { StreamEnabled: true, StreamViewType: tableSpec.streamViewType },
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: tableSpec.ttlAttribute, Enabled: true },
    }),
  );
}

/** Same projection: same type and the same non-key attributes in any order. */
export function sameProjection(actual: Projection | undefined, wanted: Projection): boolean {
  const names = (p: Projection | undefined) => [...(p?.NonKeyAttributes ?? [])].sort().join(',');
  return actual?.ProjectionType === wanted.ProjectionType && names(actual) === names(wanted);
}

/**
 * Brings an existing table's indexes to the spec: an index with another projection (tables created
 * before issue 7 projected ALL) is dropped and created again, and DynamoDB Local fills it from the
 * table, so a `.data/` directory keeps its cases, tasks and workflows across the change (no
 * `npm run reset` needed). An index missing altogether is created. Indexes the spec does not name
 * are left alone. Index names and keys never change here; a changed key schema is a new index.
 */
export async function migrateIndexes(
  client: DynamoDBClient,
  tableName: string,
  table: TableDescription,
): Promise<string[]> {
  const migrated: string[] = [];
  for (const gsi of tableSpec.globalSecondaryIndexes) {
    const wanted = indexProjection(gsi);
    const current = table.GlobalSecondaryIndexes?.find((g) => g.IndexName === gsi.indexName);
    if (current && sameProjection(current.Projection, wanted)) continue;
    if (current) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: gsi.indexName } }],
        }),
      );
      await waitForIndex(client, tableName, gsi.indexName, (g) => g === undefined);
    }
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: attributeDefinitions(),
        GlobalSecondaryIndexUpdates: [
          { Create: { IndexName: gsi.indexName, KeySchema: indexKeySchema(gsi), Projection: wanted } },
        ],
      }),
    );
    await waitForIndex(client, tableName, gsi.indexName, (g) => g?.IndexStatus === 'ACTIVE');
    migrated.push(gsi.indexName);
  }
  return migrated;
}

async function waitForIndex(
  client: DynamoDBClient,
  tableName: string,
  indexName: string,
  done: (index: GlobalSecondaryIndexDescription | undefined) => boolean,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const table = await describe(client, tableName);
    if (done(table?.GlobalSecondaryIndexes?.find((g) => g.IndexName === indexName))) return;
    if (Date.now() > deadline)
      throw new Error(`index ${indexName} of ${tableName} did not settle in 2 minutes`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/** A plain pk/sk table (the local Step Functions journal). */
export async function ensureKeyValueTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await createIfMissing(client, tableName, () =>
    client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    ),
  );
}

async function createIfMissing(
  client: DynamoDBClient,
  tableName: string,
  create: () => Promise<unknown>,
): Promise<boolean> {
  if (await describe(client, tableName)) return false;
  await create();
  return true;
}
