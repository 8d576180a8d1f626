import * as z from 'zod';
import { ValidationError } from './errors.js';
import { zodIssuesToFieldErrors } from './http.js';

const page = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(4096).optional(),
});

/** Parses a query string against a schema, answering 400 with every failing parameter. */
export function parseQuery<S extends z.ZodType>(
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
