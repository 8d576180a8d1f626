import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personNameKey } from '../../functions/lib/access-codes.js';
import { migrateNameKeys, nameKeyMarker } from '../../local/name-key-migration.js';
import { aidCaseItem } from '../support/case-items.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';

const pepper = 'a-pepper-for-this-test-only';

/** Aid cases from before the name key (table-spec #37) get it once, from their applicant. */
describe('giving the aid cases from before the name key their key', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await createTestTable();
  });
  afterAll(async () => table.drop());

  const put = (Item: Record<string, unknown>) =>
    table.doc.send(new PutCommand({ TableName: table.tableName, Item }));
  const get = async (key: { pk: string; sk: string }) =>
    (
      await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: { pk: key.pk, sk: key.sk }, ConsistentRead: true }),
      )
    ).Item;

  it('keys each case by its applicant, so the name index finds it under another spelling', async () => {
    // Arrange: a case of "Кузьмин Пётр" from before the key, and an appeal-like item that is no aid case.
    const old = aidCaseItem({
      caseId: randomUUID(),
      applicant: { fullName: 'Кузьмин Пётр', birthDate: '1956-04-07', preferredLanguage: 'ru' },
    });
    const other = { pk: `CASE#${randomUUID()}`, sk: 'CASE', type: 'AppealCase', applicant: old.applicant };
    await put(old);
    await put(other);

    // Act
    const result = await migrateNameKeys(table.client, table.tableName, pepper);

    // Assert
    const asSpelt = personNameKey({ fullName: 'петр кузьмин', birthDate: '1956-04-07' }, pepper);
    const { Items } = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: 'gsi4',
        KeyConditionExpression: 'nameKey = :key',
        ExpressionAttributeValues: { ':key': asSpelt },
      }),
    );
    expect(result).toEqual({ keyed: 1 });
    expect(Items?.map((i) => i.pk)).toEqual([old.pk]);
    expect(await get(other)).toEqual(other);
    expect((await get(old))?.version).toBe(old.version);
  });

  it('scans once: a later start finds the marker and keys nothing', async () => {
    // Arrange: a case put without a key after the migration (intake never writes one).
    const late = aidCaseItem({ caseId: randomUUID() });
    await put(late);

    // Act
    const again = await migrateNameKeys(table.client, table.tableName, pepper);

    // Assert
    expect(again).toEqual({ keyed: 0 });
    expect(await get(nameKeyMarker)).toMatchObject({ type: 'Migration', changed: 1 });
    expect((await get(late))?.nameKey).toBeUndefined();
  });
});
