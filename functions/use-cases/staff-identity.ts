import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffIdentity } from '../../domain/staff-identity.js';
import type { StaffIdentityRecorded, StaffIdentityStatus } from '../../domain/staff-identity-responses.js';
import { personKey, personNameKey } from '../lib/access-codes.js';
import { dynamo, tableName } from '../lib/clients.js';
import type { Principal } from '../lib/http.js';
import { keys } from '../lib/store/keys.js';
import { getItem } from '../lib/store/reads.js';
import type { StaffIdentityRecord } from '../lib/store/records.js';

/**
 * Every person key intake could have computed for this person: by name and birth date, and by
 * national id when known (intake prefers the id when an applicant gives one, so both are kept).
 */
export function personKeysOf(identity: StaffIdentity): string[] {
  const byName = personKey({ fullName: identity.fullName, birthDate: identity.birthDate });
  return identity.nationalId ? [byName, personKey(identity)] : [byName];
}

/**
 * Records (or replaces) a member of staff's identity as an applicant. The name, birth date and id
 * are not stored: only their person keys and name key, which cannot be reversed (access-codes.ts).
 */
export async function setStaffIdentity(input: {
  username: string;
  identity: StaffIdentity;
  principal: Principal;
  now: Date;
}): Promise<StaffIdentityRecorded> {
  const updatedAt = input.now.toISOString();
  const record: StaffIdentityRecord = {
    ...keys.staffIdentity(input.username),
    type: 'StaffIdentity',
    username: input.username,
    personKeys: personKeysOf(input.identity),
    nameKey: personNameKey(input.identity),
    updatedAt,
    updatedBy: input.principal.username,
  };
  await dynamo().send(new PutCommand({ TableName: tableName(), Item: record }));
  return { username: input.username, personKeys: record.personKeys.length, updatedAt };
}

/**
 * The keys a member of staff's own applications could carry: their person keys, and their name key
 * (which the case carries too, however the name was spelt on it). None when no identity was recorded.
 */
export async function staffPersonKeys(username: string): Promise<readonly string[]> {
  const record = await getItem<StaffIdentityRecord>(keys.staffIdentity(username));
  return record ? [...record.personKeys, ...(record.nameKey ? [record.nameKey] : [])] : [];
}

/**
 * Whether a member of staff has an identity recorded, how many person keys and since when: what
 * GET /v1/staff/{username}/identity answers. Never the keys themselves (a key is an HMAC of the
 * person's name and birth date, a lookup key into the person index) and never anything else.
 */
export async function staffIdentityStatus(username: string): Promise<StaffIdentityStatus> {
  const record = await getItem<StaffIdentityRecord>(keys.staffIdentity(username));
  if (!record) return { username, recorded: false, personKeys: 0 };
  return {
    username,
    recorded: true,
    personKeys: record.personKeys.length,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
  };
}
