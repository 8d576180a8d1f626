import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupCommit, type WriteItem } from '../../../local/sfn/group-commit.js';
import { createTestTable, recordCommandNames, type TestTable } from '../../support/dynamodb.js';

describe('group commit of the journal writes on DynamoDB Local', () => {
  let table: TestTable;
  let commands: string[] = [];
  beforeAll(async () => {
    table = await createTestTable('keyValue');
    commands = recordCommandNames(table.doc);
  });
  afterAll(async () => table.drop());

  const putNew = (pk: string, value: string): WriteItem[] => [
    {
      Put: {
        TableName: table.tableName,
        Item: { pk, sk: 'S', value },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  const set = (pk: string, value: string): WriteItem[] => [
    {
      Update: {
        TableName: table.tableName,
        Key: { pk, sk: 'S' },
        UpdateExpression: 'SET #v = :v',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#v': 'value' },
        ExpressionAttributeValues: { ':v': value },
      },
    },
  ];
  const read = async (pk: string) =>
    (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: { pk, sk: 'S' } }))).Item?.value;

  it('commits the writes of the same moment in one transaction, each with its own condition', async () => {
    // Arrange
    const writes = new GroupCommit(table.doc);
    await writes.write(putNew('taken', 'first'));
    commands.length = 0;

    // Act
    const outcomes = await Promise.all([
      writes.write(putNew('a', '1')),
      writes.write(putNew('taken', 'second')),
      writes.write(putNew('b', '2')),
      writes.write(set('missing', 'x')),
    ]);

    // Assert
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, false]);
    expect([await read('a'), await read('taken'), await read('b'), await read('missing')]).toEqual([
      '1',
      'first',
      '2',
      undefined,
    ]);
    // One transaction for the four; DynamoDB cancels it for the two refused, the other two go again.
    expect(commands.filter((c) => c !== 'GetItemCommand')).toEqual([
      'TransactWriteItemsCommand',
      'TransactWriteItemsCommand',
    ]);
  });

  it('keeps the order of two writes of one item, in separate commits', async () => {
    // Arrange
    const writes = new GroupCommit(table.doc);

    // Act
    const outcomes = await Promise.all([
      writes.write(putNew('ordered', 'created')),
      writes.write(set('ordered', 'changed')),
      writes.write(putNew('other', 'o')),
    ]);

    // Assert
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
    expect(await read('ordered')).toBe('changed');
  });

  it('sends a lone write as a plain request, and reports its refused condition', async () => {
    // Arrange
    const writes = new GroupCommit(table.doc);
    await writes.write(putNew('lone', 'first'));
    commands.length = 0;

    // Act
    const outcome = await writes.write(putNew('lone', 'second'));

    // Assert
    expect(outcome).toEqual({ ok: false, reasons: ['ConditionalCheckFailedException'] });
    expect(commands).toEqual(['PutItemCommand']);
  });
});
