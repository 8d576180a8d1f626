import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../clients.js';
import { keys } from './keys.js';

/**
 * Claims `size` consecutive numbers of a per-year sequence (AID-2026-000123) with one atomic ADD;
 * returns the first. The block is the caller's alone: no two callers ever get the same number. A
 * number taken by a request that then fails is not reused (a gap), which registries accept; a
 * duplicate they would not. Intakes take their numbers through reference-blocks.ts.
 */
export async function claimNumbers(kind: 'AID' | 'APL', year: number, size: number): Promise<number> {
  const { Attributes } = await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.counter(kind, year),
      UpdateExpression: 'ADD #n :size SET #type = :type',
      ExpressionAttributeNames: { '#n': 'value', '#type': 'type' },
      ExpressionAttributeValues: { ':size': size, ':type': 'Counter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.value) - size + 1;
}
