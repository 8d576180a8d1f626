import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// Classic zod loads its English messages on import, zod/mini does not: without them a check with
// no message of its own would say only "Invalid input". The API and the web show these messages.
z.config(en());

/**
 * Small builders that give every zod check a plain-English message a person can act on. zod's
 * defaults ("Invalid input: expected string, received number") are written for developers; the
 * applicant portal shows these messages to citizens and the API returns them in problem details.
 */

/**
 * Documentation metadata (OpenAPI ids, descriptions, examples) on a copy of the schema, as classic
 * zod's `.meta()` does: registering on the schema itself would label every other use of it too.
 * zod/mini has no `.meta()`; the registry is the same global one `z.toJSONSchema` reads.
 */
export function meta<T extends z.ZodMiniType>(schema: T, data: z.core.GlobalMeta): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, data);
  return copy;
}

/** Reads a nested property of a value that may not have the expected shape (refinements run on partial input). */
export function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** `when` of a refinement that reads the value's fields: it runs only on an object. */
export const isObject = (payload: { value: unknown }) =>
  typeof payload.value === 'object' && payload.value !== null;

/** What a value looks like, in words, for "must be text, not a number" messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true/false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** Message for a wrong type or a missing field. `expected` reads after "must be": "text", "a whole number". */
export function typeMessage(label: string, expected: string): (issue: { input?: unknown }) => string {
  return (issue) =>
    issue.input === undefined
      ? `${label} is required.`
      : `${label} must be ${expected}, not ${describeValue(issue.input)}.`;
}

export function unknownKeysMessage(keys: readonly string[]): string {
  const list = keys.map((k) => `"${k}"`).join(', ');
  return keys.length === 1
    ? `Unknown field ${list}: check its spelling against the API description (GET /openapi.json) or remove it.`
    : `Unknown fields ${list}: check their spelling against the API description (GET /openapi.json) or remove them.`;
}

/**
 * An object that rejects unknown keys (so a client learns about a typo instead of having the field
 * silently dropped), with readable messages for both failures.
 */
export function strictObject<T extends z.core.$ZodLooseShape>(label: string, shape: T) {
  const wrongType = typeMessage(label, 'an object');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue.keys) : wrongType(issue),
  });
}

/** Half of a surrogate pair on its own: JSON can carry it, UTF-8 (and so DynamoDB) cannot. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Characters as JSON Schema's maxLength counts them: code points, so an emoji or 𠜎 is one. */
export const characterCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/**
 * Trimmed, non-empty text with an upper length in characters (code points). zod's `.max` counts
 * UTF-16 units, which would give a name in emoji or rare CJK half the room of one in Cyrillic and
 * contradict the published maxLength. Otherwise the text is kept exactly as sent, not normalised
 * (NFC would rewrite some CJK compatibility ideographs people write their names with); matching
 * one person's applications normalises separately (personKey).
 */
export function text(label: string, max: number) {
  return meta(
    z.string({ error: typeMessage(label, 'text') }).check(
      z.trim(),
      z.minLength(1, { error: `${label} must not be empty.` }),
      z.refine((s) => !LONE_SURROGATE.test(s), {
        error: `${label} contains a broken character (half of an emoji or symbol): type it again.`,
      }),
      z.refine((s) => characterCount(s) <= max, {
        error: `${label} must be at most ${max} characters long.`,
      }),
    ),
    { maxLength: max },
  );
}

/** A whole number within [min, max]. */
export function wholeNumber(label: string, min: number, max: number) {
  return z
    .number({ error: typeMessage(label, 'a number') })
    .check(
      z.int({ error: `${label} must be a whole number.` }),
      z.gte(min, { error: `${label} must be at least ${min}.` }),
      z.lte(max, { error: `${label} must be at most ${max}.` }),
    );
}

/** A zod enum whose message lists the accepted values. */
export function codeEnum<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  const accepted = values.join(', ');
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `${label} is required.`
        : typeof issue.input === 'string'
          ? `Unknown ${label.toLowerCase()} "${issue.input}". Use one of: ${accepted}.`
          : `${label} must be one of: ${accepted}.`,
  });
}
