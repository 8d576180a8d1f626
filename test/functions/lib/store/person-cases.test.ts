import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdsOfPerson } from '../../../../functions/lib/store/person-cases.js';
import { aidCaseItem } from '../../../support/case-items.js';
import type { TestTable } from '../../../support/dynamodb.js';
import { handlerTable } from '../../../support/handler-env.js';

describe('the person index', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ seed: false });
  });
  afterAll(async () => table.drop());

  const put = (Item: Record<string, unknown>) =>
    table.doc.send(new PutCommand({ TableName: table.tableName, Item }));
  const aidCase = async (personKey: string, aidType: string) => {
    const item = aidCaseItem({ personKey, aidType });
    await put(item);
    return item.caseId;
  };

  it("lists a person's aid cases of one aid type, and nobody else's, of no other type, and no appeal", async () => {
    // Arrange
    const person = `person-${randomUUID()}`;
    const first = await aidCase(person, 'cash');
    const second = await aidCase(person, 'cash');
    await aidCase(person, 'cash_extra');
    await aidCase(person, 'food');
    await aidCase(`person-${randomUUID()}`, 'cash');
    const appealId = randomUUID();
    await put({
      pk: `CASE#${appealId}`,
      sk: 'CASE',
      type: 'AppealCase',
      caseId: appealId,
      personKey: person,
    });

    // Act
    const ids = await caseIdsOfPerson(person, 'cash');

    // Assert
    expect(ids.sort()).toEqual([first, second].sort());
  });

  it('lists nothing for a person without cases', async () => {
    expect(await caseIdsOfPerson(`person-${randomUUID()}`, 'cash')).toEqual([]);
  });
});
