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
 * Cyrillic letters that look like Latin ones, as a phone keyboard left on Ukrainian or Russian
 * types them: "АРL" and "АІD" look right on the screen and would never match.
 */
const lookalikes: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Т: 'T',
  Х: 'X',
  а: 'A',
  в: 'B',
  с: 'C',
  е: 'E',
  н: 'H',
  і: 'I',
  к: 'K',
  м: 'M',
  о: 'O',
  р: 'P',
  т: 'T',
  х: 'X',
};

/** Upper case, with Cyrillic look-alikes read as the Latin letters they look like. */
export function latinUpperCase(s: string): string {
  return s.replace(/[АВСЕНІКМОРТХавсенікмортх]/g, (c) => lookalikes[c] ?? c).toUpperCase();
}

/**
 * A reference as people type or paste it, in the form the system writes it: spaces, dots,
 * slashes or long dashes between the parts ("AID 2026 000123", "aid–2026–000123"), none at all
 * ("AID2026000123"), or Cyrillic look-alike letters. Anything else is returned as it is, for the
 * schema to refuse.
 */
export function normalizeReferenceInput(s: string): string {
  const compact = latinUpperCase(s.trim())
    .replace(/[\s._/\u2010-\u2015\u2212-]+/g, '-')
    .replace(/^-|-$/g, '');
  const m = /^(AID|APL)-?(\d{4})-?(\d{6,15})$/.exec(compact);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : compact;
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
