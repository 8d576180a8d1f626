import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '../../../../functions/lib/clients.js';
import { cachedRuleSetVersion } from '../../../../functions/lib/store/rule-set-versions.js';
import type { TestTable } from '../../../support/dynamodb.js';
import { recordCommandNames } from '../../../support/dynamodb.js';
import { handlerTable } from '../../../support/handler-env.js';

describe('the rule set version a case pinned', () => {
  let table: TestTable;
  let seeded: { pk: string; sk: string; ruleSet: { id: string; version: number } } & Record<string, unknown>;
  beforeAll(async () => {
    table = await handlerTable();
    const { Items = [] } = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'RULESET#cash' },
      }),
    );
    seeded = Items[0] as typeof seeded;
  });
  afterAll(async () => table.drop());

  it('reads the versions of an aid type once, and again only for a version it has not seen', async () => {
    // Arrange
    const sent = recordCommandNames(dynamo());
    const { id, version } = seeded.ruleSet;

    // Act: three eligibility checks of cases that pinned the seeded version.
    const found = [];
    for (let i = 0; i < 3; i++) found.push(await cachedRuleSetVersion('cash', id, version));

    // Assert
    expect(found.map((r) => r?.version)).toEqual([version, version, version]);
    expect(sent).toEqual(['QueryCommand']);

    // Arrange: a new version is published (written once, as every version).
    const next = { ...seeded.ruleSet, version: version + 1 };
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...seeded, sk: `${seeded.sk}-next`, ruleSet: next },
      }),
    );
    sent.length = 0;

    // Act
    const newer = await cachedRuleSetVersion('cash', id, version + 1);
    const older = await cachedRuleSetVersion('cash', id, version);

    // Assert
    expect(newer?.version).toBe(version + 1);
    expect(older?.version).toBe(version);
    expect(sent).toEqual(['QueryCommand']);
  });

  it('finds no version that was never written', async () => {
    expect(await cachedRuleSetVersion('cash', seeded.ruleSet.id, 999)).toBeUndefined();
  });
});
