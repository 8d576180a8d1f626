import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { pepperedMac, sha256 } from '../access-codes.js';
import { config } from '../config.js';
import { ConflictError } from '../errors.js';
import { keys } from './keys.js';
import { getItem } from './reads.js';

/** How long a retry with the same Idempotency-Key gets the original answer. */
export const replayWindowSeconds = 24 * 60 * 60;

/**
 * The problem's `code` when an Idempotency-Key comes back with a different body (409): the client
 * sent something else under this key before, so it can send that first body again and get its
 * receipt (web/src/unconfirmed-send.ts) rather than mistake it for another conflict.
 */
export const keyReusedCode = 'idempotency_key_reused';

/**
 * The id of the case an Idempotency-Key creates (aid applications): a keyed hash of the key, laid
 * out as a UUID (version 8, RFC 9562), so the case's own `attribute_not_exists` put detects a
 * retry and no idempotency record is written beside it. Keyed with the pepper: the key cannot be
 * recovered from the id, nor the id computed from a guessed key. `scope` keeps the ids of one kind
 * of request apart from another's.
 */
export function caseIdForKey(scope: string, idempotencyKey: string): string {
  const mac = pepperedMac(`case-id:${scope}:${idempotencyKey}`).subarray(0, 16);
  mac.writeUInt8((mac.readUInt8(6) & 0x0f) | 0x80, 6);
  mac.writeUInt8((mac.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = mac.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface StoredResponse<T> {
  readonly requestHash: string;
  readonly response: T;
  readonly secret: string;
}

interface IdempotencyItem {
  readonly requestHash: string;
  readonly response: unknown;
  readonly sealedSecret: string;
}

/**
 * The secret part of a response (the access code) is sealed with a key derived from the raw
 * Idempotency-Key, which is never stored: only the client that sent the key can get it back.
 */
function keyFor(idempotencyKey: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', idempotencyKey, config().ACCESS_CODE_PEPPER, 'aidflow-idempotency', 32),
  );
}

function seal(idempotencyKey: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(idempotencyKey), iv);
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

function unseal(idempotencyKey: string, sealed: string): string {
  const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !data) throw new Error('malformed sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(idempotencyKey), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}

export async function findIdempotentResponse<T>(
  idempotencyKey: string,
): Promise<StoredResponse<T> | undefined> {
  const item = await getItem<IdempotencyItem>(keys.idempotency(sha256(idempotencyKey)));
  if (!item) return undefined;
  return {
    requestHash: item.requestHash,
    response: item.response as T,
    secret: unseal(idempotencyKey, item.sealedSecret),
  };
}

export function idempotencyPut(
  tableName: string,
  input: {
    idempotencyKey: string;
    requestHash: string;
    response: unknown;
    secret: string;
    nowSeconds: number;
  },
) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.idempotency(sha256(input.idempotencyKey)),
        type: 'Idempotency',
        requestHash: input.requestHash,
        response: input.response,
        sealedSecret: seal(input.idempotencyKey, input.secret),
        expiresAt: input.nowSeconds + replayWindowSeconds,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * The answer a retry gets: the stored receipt with its access code unsealed, when the key was
 * used with the same request; 409 when it was used with a different one; undefined when unused.
 */
export async function replayReceipt<T extends object>(
  idempotencyKey: string,
  requestHash: string,
  conflictMessage: string,
): Promise<(T & { accessCode: string }) | undefined> {
  const stored = await findIdempotentResponse<T>(idempotencyKey);
  if (!stored) return undefined;
  if (stored.requestHash !== requestHash) throw new ConflictError(conflictMessage, { code: keyReusedCode });
  return { ...stored.response, accessCode: stored.secret };
}
