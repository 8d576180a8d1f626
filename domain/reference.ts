import * as z from 'zod/mini';
import { meta, typeMessage } from './schema-helpers.js';

/**
 * Case references as people read them out on the phone: `AID-2026-000123` (aid application) and
 * `APL-2026-000045` (appeal). The number restarts each year and is at least six digits; a busy
 * year simply grows a seventh digit rather than wrapping.
 */
export const referencePrefixes = ['AID', 'APL'] as const;
export type ReferencePrefix = (typeof referencePrefixes)[number];

export interface ParsedReference {
  prefix: ReferencePrefix;
  year: number;
  n: number;
}

const REFERENCE = /^(AID|APL)-(\d{4})-(\d{6,15})$/;

export function formatReference(prefix: ReferencePrefix, year: number, n: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`Reference year must have four digits: ${year}`);
  }
  if (!Number.isSafeInteger(n) || n < 1)
    throw new RangeError(`Reference number must be a positive integer: ${n}`);
  return `${prefix}-${year}-${String(n).padStart(6, '0')}`;
}

/**
 * The parts of a reference, or undefined when it is not one. Case and surrounding spaces are
 * forgiven ("aid-2026-000123 " as typed from a letter); the six-digit padding is not.
 */
export function parseReference(s: string): ParsedReference | undefined {
  const m = REFERENCE.exec(s.trim().toUpperCase());
  if (!m) return undefined;
  const n = Number(m[3]);
  if (n < 1) return undefined;
  return { prefix: m[1] as ReferencePrefix, year: Number(m[2]), n };
}

export function referencePrefixFor(kind: 'aid' | 'appeal'): ReferencePrefix {
  return kind === 'aid' ? 'AID' : 'APL';
}

export const referenceSchema = meta(
  z.string({ error: typeMessage('Reference', 'text') }).check(
    z.trim(),
    z.toUpperCase(),
    z.refine((s) => parseReference(s) !== undefined, {
      error: 'Reference must look like AID-2026-000123 or APL-2026-000045.',
    }),
  ),
  { id: 'Reference', examples: ['AID-2026-000123'] },
);
