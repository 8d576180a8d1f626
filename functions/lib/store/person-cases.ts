import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../clients.js';
import { keys } from './keys.js';

const casePkPrefix = keys.case('').pk;

/**
 * The two person indexes of aid cases, on attributes of the case items themselves: `gsi3` by the
 * person key intake computed (table-spec #31: one spelling of the name, or the national id) and
 * `gsi4` by the name key (#37: the name however spelt, with the birth date).
 */
const personIndexes = {
  personKey: { indexName: 'gsi3', attribute: 'personKey' },
  nameKey: { indexName: 'gsi4', attribute: 'nameKey' },
} as const;

/**
 * The ids of a person's aid cases of one aid type (or of every type) by one of their keys. The
 * indexes are eventually consistent, which the once-a-year rules can afford: they look for earlier
 * cases that were granted, and a grant comes long after its case entered the index (the case
 * being checked may or may not be listed yet).
 */
export async function caseIdsOfPerson(
  key: string,
  aidType?: string,
  by: keyof typeof personIndexes = 'personKey',
): Promise<string[]> {
  const index = personIndexes[by];
  const ids: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: index.indexName,
        // Without an aid type: every aid case of the person (staff finding a caller's cases).
        KeyConditionExpression: aidType ? '#key = :key AND aidType = :type' : '#key = :key',
        ExpressionAttributeNames: { '#key': index.attribute },
        ExpressionAttributeValues: { ':key': key, ...(aidType ? { ':type': aidType } : {}) },
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
