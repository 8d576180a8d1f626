/**
 * Event filtering of a stream's event source mapping (Lambda's FilterCriteria): records that match
 * none of a consumer's patterns are dropped before it is invoked, and AWS does not invoke — or
 * bill — the function for them. The local stream poller applies the same patterns with
 * `matchesAnyPattern`, so a pattern that drops a record a consumer needs fails the local tests too.
 *
 * Only the part of Lambda's pattern syntax the registry uses: nested objects, and at the leaves a
 * list of exact values, of which the record's value must equal one. Every key of a pattern must
 * match (AND); a consumer's patterns are alternatives (OR); a key absent from the record never
 * matches. Content filters (`prefix`, `anything-but`, `exists`, numeric ranges) are refused, not
 * approximated, so the local runtime can never read a pattern differently from AWS.
 */
export type StreamFilterValue = string | number | boolean;

export interface StreamFilterPattern {
  readonly [key: string]: readonly StreamFilterValue[] | StreamFilterPattern;
}

export function matchesPattern(value: unknown, pattern: StreamFilterPattern): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  for (const [key, expected] of Object.entries(pattern)) {
    if (!Object.hasOwn(record, key)) return false;
    const actual = record[key];
    if (isLeaf(expected)) {
      if (!expected.some((candidate) => equalsLeaf(actual, candidate))) return false;
    } else if (!matchesPattern(actual, expected)) {
      return false;
    }
  }
  return true;
}

/** No patterns: every record (a mapping without FilterCriteria). */
export function matchesAnyPattern(
  value: unknown,
  patterns: readonly StreamFilterPattern[] | undefined,
): boolean {
  return !patterns || patterns.length === 0 || patterns.some((pattern) => matchesPattern(value, pattern));
}

/** Throws on anything outside the supported syntax (see above); returns the pattern. */
export function checkedPattern(pattern: StreamFilterPattern, path = ''): StreamFilterPattern {
  const entries = Object.entries(pattern);
  if (entries.length === 0)
    throw new Error(`stream filter ${path || '(root)'}: an empty pattern matches nothing`);
  for (const [key, expected] of entries) {
    const at = path ? `${path}.${key}` : key;
    if (isLeaf(expected)) {
      if (expected.length === 0) throw new Error(`stream filter ${at}: an empty list matches nothing`);
      for (const candidate of expected) {
        if (typeof (candidate as unknown) === 'object')
          throw new Error(
            `stream filter ${at}: only exact values are supported, not ${JSON.stringify(candidate)}`,
          );
      }
    } else {
      checkedPattern(expected, at);
    }
  }
  return pattern;
}

function isLeaf(expected: StreamFilterPattern[string]): expected is readonly StreamFilterValue[] {
  return Array.isArray(expected);
}

/** A leaf matches an equal value; in an array, any equal element (as in AWS's pattern matching). */
function equalsLeaf(actual: unknown, candidate: StreamFilterValue): boolean {
  if (Array.isArray(actual)) return actual.some((element) => element === candidate);
  return actual === candidate;
}
