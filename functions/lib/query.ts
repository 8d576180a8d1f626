import * as z from 'zod/mini';
import { ValidationError } from './errors.js';
import { zodIssuesToFieldErrors } from './http.js';

const page = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
  cursor: z.optional(z.string().check(z.maxLength(4096))),
});

/** Parses a query string against a schema, answering 400 with every failing parameter. */
export function parseQuery<S extends z.ZodMiniType>(
  schema: S,
  query: Readonly<Record<string, string>>,
): z.infer<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new ValidationError(zodIssuesToFieldErrors(parsed.error.issues));
  return parsed.data;
}

export function pageQuery(query: Readonly<Record<string, string>>): {
  limit: number;
  cursor?: string | undefined;
} {
  return parseQuery(page, { limit: query.limit, cursor: query.cursor } as Record<string, string>);
}

export const pageQuerySchema = page;
