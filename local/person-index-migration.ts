import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { migrateOnce, migrationMarker } from './table-migration.js';

/** Written once a table's old person index items are gone (so later starts read one item, not scan). */
export const personIndexMarker = migrationMarker('person-index');

/**
 * Deletes the person index items (`PERSON#<personKey>` / `CASE#<submittedAt>#<caseId>`, type
 * PersonCase) that intake wrote beside every aid case before the index became `gsi3` on the case
 * items' own `personKey` and `aidType` (table-spec #31, issue 7). The index needs no backfill:
 * creating it (`migrateIndexes`) indexes the existing cases. Without this, the old items would
 * outlive their cases, as retention no longer looks for them. One scan, then a marker; safe to run
 * again after an interruption (deletes only). A table created since has none and is marked on its
 * first restart.
 */
export async function migratePersonIndex(
  client: DynamoDBClient,
  tableName: string,
): Promise<{ removed: number }> {
  const removed = await migrateOnce<{ pk: string; sk: string }>(client, tableName, {
    name: 'person-index',
    filter: '#type = :personCase',
    names: { '#type': 'type' },
    values: { ':personCase': 'PersonCase' },
    projection: 'pk, sk',
    each: async (doc, item) => {
      await doc.send(new DeleteCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }));
      return true;
    },
  });
  return { removed };
}
