import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { personNameKey } from '../functions/lib/access-codes.js';
import { migrateOnce, migrationMarker } from './table-migration.js';

/** Written once every aid case of a table has its name key (so later starts read one item, not scan). */
export const nameKeyMarker = migrationMarker('name-key');

interface UnkeyedCase {
  pk: string;
  sk: string;
  applicant?: { fullName?: unknown; birthDate?: unknown };
}

/**
 * Gives every aid case from before the name key (table-spec #37) its key, computed from the
 * applicant the case keeps, so that the once-a-year rules find a person's earlier cases by name
 * however each was spelt (creating `gsi4`, `migrateIndexes`, indexes only the cases that have the
 * attribute). One scan, then a marker; safe to run again after an interruption (it sets only a
 * missing key, on a case that still exists). The stream sees each update, and its consumers react
 * to changes of status only. `pepper` is the one intake keys with (ACCESS_CODE_PEPPER).
 */
export async function migrateNameKeys(
  client: DynamoDBClient,
  tableName: string,
  pepper: string,
): Promise<{ keyed: number }> {
  const keyed = await migrateOnce<UnkeyedCase>(client, tableName, {
    name: 'name-key',
    filter: '#type = :aidCase AND attribute_not_exists(nameKey)',
    names: { '#type': 'type' },
    values: { ':aidCase': 'AidCase' },
    projection: 'pk, sk, applicant',
    each: async (doc, item) => {
      const { fullName, birthDate } = item.applicant ?? {};
      if (typeof fullName !== 'string' || typeof birthDate !== 'string') return false;
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: item.pk, sk: item.sk },
            UpdateExpression: 'SET nameKey = :key',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(nameKey)',
            ExpressionAttributeValues: { ':key': personNameKey({ fullName, birthDate }, pepper) },
          }),
        );
        return true;
      } catch (error) {
        // Gone since the scan (retention), or keyed meanwhile: nothing to do.
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
  });
  return { keyed };
}
