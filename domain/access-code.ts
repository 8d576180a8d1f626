import { latinUpperCase } from './reference-text.js';

/**
 * An access code as people type or paste it, in the form it was hashed in: upper case, without
 * the spaces and dashes between its groups (long dashes too, as a phone's keyboard may put), with
 * O read as 0 and I or L as 1 (the code's alphabet has neither), and Cyrillic look-alike letters
 * as the Latin ones they look like.
 */
export function normalizeAccessCode(code: string): string {
  return latinUpperCase(code)
    .replace(/[\s\u2010-\u2015\u2212-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** Whether a typed code can be an access code at all (checked before asking the server). */
export function looksLikeAccessCode(code: string): boolean {
  return /^[0-9A-Z]{8,40}$/.test(normalizeAccessCode(code));
}
