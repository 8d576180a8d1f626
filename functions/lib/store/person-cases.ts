import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../clients.js';
import { keys } from './keys.js';

const casePkPrefix = keys.case('').pk;

/**
 * The ids of a person's aid cases of one aid type (or of every type): the person index (table-spec #31, `gsi3` on the
 * case items' own `personKey` and `aidType`). The index is eventually consistent, which the
 * once-a-year rules can afford: they look for earlier cases that were granted, and a grant comes
 * long after its case entered the index (the case being checked may or may not be listed yet).
 */
export async function caseIdsOfPerson(personKey: string, aidType?: string): Promise<string[]> {
  const ids: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi3',
        // Without an aid type: every aid case of the person (staff finding a caller's cases).
        KeyConditionExpression: aidType ? 'personKey = :person AND aidType = :type' : 'personKey = :person',
        ExpressionAttributeValues: { ':person': personKey, ...(aidType ? { ':type': aidType } : {}) },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const entry of (page.Items ?? []) as { pk: string; sk: string }[]) {
      if (entry.sk === 'CASE' && entry.pk.startsWith(casePkPrefix))
        ids.push(entry.pk.slice(casePkPrefix.length));
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return ids;
}
