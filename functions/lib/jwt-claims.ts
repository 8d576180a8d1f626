/**
 * Reading the caller's roles from the JWT claims API Gateway hands to a handler.
 *
 * The HTTP API JWT authorizer does not pass claims through as JSON: every value reaches
 * `requestContext.authorizer.jwt.claims` as a string, and an array claim is flattened into a
 * bracketed, space-separated string. A Cognito access token carrying
 * `"cognito:groups": ["clerk", "reviewer"]` therefore arrives as `"[clerk reviewer]"`. The local
 * HTTP server reproduces that; tests and other callers may still hand over a real array, a JSON
 * array string or a comma-separated list, so all of them are accepted here.
 */
export function parseGroupsClaim(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return unique(value.map((v) => String(v).trim()));
  if (typeof value !== 'string') return [];
  const text = value.trim();
  if (text === '') return [];
  if (text.startsWith('[') && text.endsWith(']')) {
    // A JSON array ('["a","b"]') is tried first; API Gateway's own form ('[a b]') is not JSON.
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return unique(parsed.map((v) => String(v).trim()));
    } catch {
      // Not JSON: fall through to the bracketed form.
    }
    return unique(splitList(text.slice(1, -1)));
  }
  return unique(splitList(text));
}

function splitList(text: string): string[] {
  return text.split(/[\s,]+/).map((part) => part.replace(/^["']|["']$/g, ''));
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items.filter((item) => item !== ''))];
}
