import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { normalizeAccessCode } from '../../domain/access-code.js';
import { nameSpellings } from '../../domain/name-spellings.js';
import {
  nameKeyBasis,
  nationalIdSpellings,
  normalizedName,
  normalizedNationalId,
  type PersonFacts,
} from '../../domain/same-person.js';
import { config } from './config.js';

const scryptAsync = promisify(scrypt) as (
  pw: string,
  salt: string,
  len: number,
  opts: object,
) => Promise<Buffer>;

/** Crockford base32: no I, L, O, U, so a code read aloud over the phone is not mistyped. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 symbols × 5 bits = 80 bits of entropy, shown as four groups: 7K3M-Q9TX-2HCW-R8DN. */
export function newAccessCode(): string {
  return accessCodeOf(randomBytes(10));
}

/**
 * The access code of the case an Idempotency-Key creates: 80 bits of an HMAC keyed with the pepper,
 * so a retry with the key is answered with the same code while nothing that reveals it is stored,
 * and nobody without the pepper can compute it from the key.
 */
export function accessCodeForKey(scope: string, idempotencyKey: string): string {
  return accessCodeOf(pepperedMac(`access-code:${scope}:${idempotencyKey}`).subarray(0, 10));
}

/** HMAC-SHA256 keyed with the pepper (a secret outside the table): not reversible without it. */
export function pepperedMac(text: string, pepper = config().ACCESS_CODE_PEPPER): Buffer {
  return createHmac('sha256', pepper).update(text).digest();
}

function accessCodeOf(bytes: Uint8Array): string {
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 16; i++) {
    out = alphabet[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return out.match(/.{4}/g)?.join('-') ?? out;
}

/**
 * The code carries 80 random bits, so even a fast hash would take millions of years to brute
 * force; scrypt (memory-hard, peppered with a secret outside the table) is defence in depth.
 * N = 2^10 costs ~11 ms on the 2-core dev machine (2^13 cost 88 ms and dominated intake latency).
 */
const scryptParams = { N: 2 ** 10, r: 8, p: 1, maxmem: 32 * 1024 * 1024 };

/** scrypt, salted per case and peppered with a secret kept outside the table. */
export async function hashAccessCode(code: string, caseId: string): Promise<string> {
  const salt = `${caseId}:${config().ACCESS_CODE_PEPPER}`;
  const hash = await scryptAsync(normalizeAccessCode(code), salt, 32, scryptParams);
  return `scrypt$${scryptParams.N}$${hash.toString('base64url')}`;
}

export async function verifyAccessCode(code: string, caseId: string, stored: string): Promise<boolean> {
  const actual = Buffer.from(await hashAccessCode(code, caseId));
  const expected = Buffer.from(stored);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A stable key for "the same person" without storing who they are: national id when given,
 * else normalised name + birth date; HMAC'd with the pepper so the key cannot be reversed.
 */
export function personKey(applicant: PersonFacts & { fullName: string; birthDate: string }): string {
  const basis = applicant.nationalId
    ? `id:${normalizedNationalId(applicant.nationalId)}`
    : `nb:${normalizedName(applicant.fullName)}|${applicant.birthDate}`;
  return pepperedMac(basis).toString('base64url');
}

/**
 * The aid case's name key (table-spec #37): its name however spelt (ё or е, words in any order)
 * and its birth date, keyed like `personKey`. `pepper` only for a migration run outside a handler.
 */
export function personNameKey(person: { fullName: string; birthDate: string }, pepper?: string): string {
  return pepperedMac(nameKeyBasis(person.fullName, person.birthDate), pepper).toString('base64url');
}

/**
 * Every key another application by the same person could have been stored under: the national
 * id's, written with or without its hyphens, and each spelling's of the name with the birth date (ё or е, the surname first or last;
 * domain/name-spellings.ts), whether or not that application gave an id. The name as written
 * comes first. Finding a case by one of them is a candidate; `samePerson` decides.
 */
export function personKeyVariants(person: PersonFacts): string[] {
  const byId = person.nationalId
    ? nationalIdSpellings(person.nationalId).map((nationalId) =>
        personKey({ fullName: '', birthDate: '', nationalId }),
      )
    : [];
  const byName =
    person.fullName && person.birthDate
      ? nameSpellings(person.fullName).map((fullName) =>
          personKey({ fullName, birthDate: person.birthDate ?? '' }),
        )
      : [];
  return [...new Set([...byId, ...byName])];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
