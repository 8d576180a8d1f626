import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { personKey } from '../lib/access-codes.js';
import { dynamo, tableName } from '../lib/clients.js';
import type { AppealCaseRecord } from '../lib/store/appeal-records.js';
import { itemsByKey } from '../lib/store/index-items.js';
import { keys } from '../lib/store/keys.js';
import { caseIdsOfPerson } from '../lib/store/person-cases.js';
import type { AidCaseRecord } from '../lib/store/records.js';
import { type CaseSummary, summary } from './staff-cases.js';

/** Who staff are looking for: the name with the date of birth, or with a national id. */
export interface PersonQuery {
  readonly fullName: string;
  readonly birthDate?: string | undefined;
  readonly nationalId?: string | undefined;
}

/** The case ids in a person's appeal entries (`PERSON#<key>`, sk `APPEAL#<topic>#<at>`: repeat detection). */
async function appealIdsOfPerson(person: string): Promise<string[]> {
  const ids: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :appeals)',
        ExpressionAttributeValues: { ':pk': `PERSON#${person}`, ':appeals': 'APPEAL#' },
        ProjectionExpression: 'caseId',
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? []) if (typeof item.caseId === 'string') ids.push(item.caseId);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return ids;
}

/**
 * A caller's cases when they do not have their reference: "what is your name and date of birth?"
 * The person's key is the same keyed hash the intake stores (access-codes.ts `personKey`), so the
 * search finds exactly that person's aid cases (the person index, table-spec #31) and appeals
 * (their repeat-detection entries), newest first, without any index of names. The name must be
 * the one on the application: the same letters, case and spacing aside.
 */
export async function casesOfPerson(query: PersonQuery): Promise<{ items: CaseSummary[] }> {
  const key = personKey({
    fullName: query.fullName,
    birthDate: query.birthDate ?? '',
    ...(query.nationalId ? { nationalId: query.nationalId } : {}),
  });
  const [aid, appeals] = await Promise.all([caseIdsOfPerson(key), appealIdsOfPerson(key)]);
  const ids = [...new Set([...aid, ...appeals])];
  const found = await itemsByKey<AidCaseRecord | AppealCaseRecord>(ids.map((id) => keys.case(id)));
  const items = found
    .map(summary)
    .sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0));
  return { items };
}
