import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/lib/store/keys.js';
import { demoStaffIdentities, seedDemoData } from '../../local/seed.js';
import type { TestTable } from '../support/dynamodb.js';
import { handlerTable } from '../support/handler-env.js';

describe('the demo seed of who the staff are', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ seed: false });
  });
  afterAll(async () => table.drop());

  const identity = async (username: string) =>
    (
      await table.doc.send(
        new GetCommand({
          TableName: table.tableName,
          Key: keys.staffIdentity(username),
          ConsistentRead: true,
        }),
      )
    ).Item;

  it('gives the commission’s substitutes their identities in a table seeded before they existed, and changes no other', async () => {
    // Arrange: a table as the first seed left it: its marker without a list, and the administrator
    // has since recorded another identity for the clerk.
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { pk: 'SEED', sk: 'STAFF_IDENTITIES', type: 'Seed' },
      }),
    );
    const changed = {
      ...keys.staffIdentity('clerk'),
      type: 'StaffIdentity',
      username: 'clerk',
      personKeys: ['x'],
    };
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: changed }));

    // Act: the runtime starts with this code, twice.
    await seedDemoData(table.doc, table.tableName, { year: 2031 });
    await seedDemoData(table.doc, table.tableName, { year: 2031 });

    // Assert
    expect(await identity('commission4')).toMatchObject({ type: 'StaffIdentity', updatedBy: 'seed' });
    expect(await identity('commission5')).toMatchObject({ type: 'StaffIdentity', updatedBy: 'seed' });
    expect((await identity('clerk'))?.personKeys).toEqual(['x']);
    expect(await identity('reviewer')).toBeUndefined();
    const marker = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { pk: 'SEED', sk: 'STAFF_IDENTITIES' } }),
    );
    expect([...((marker.Item?.usernames as string[] | undefined) ?? [])].sort()).toEqual(
      Object.keys(demoStaffIdentities).sort(),
    );
  });
});
