import * as z from 'zod/mini';
import { clock } from '../lib/clock.js';
import { ValidationError } from '../lib/errors.js';
import { httpRoute } from '../lib/http.js';
import { parseQuery } from '../lib/query.js';
import { putCatalogueEntry } from '../use-cases/catalogue-admin.js';

const path = z.object({ kind: z.string().check(z.maxLength(64)), code: z.string().check(z.maxLength(200)) });

// The body's schema depends on the kind in the path: the use case validates it (every field at once).
export const handler = httpRoute({ action: 'catalogue:write', body: z.unknown() }, async (req) => {
  const { kind, code } = parseQuery(path, req.path);
  const principal = req.principal;
  if (!principal) throw new Error('httpRoute lets no anonymous caller through a staff route');
  // `If-None-Match: *`: add only, never change an entry that exists (412 then). No entity tags
  // are issued, so any other value is a mistake rather than a condition to evaluate.
  const ifNoneMatch = req.headers['if-none-match']?.trim();
  if (ifNoneMatch !== undefined && ifNoneMatch !== '*') {
    throw new ValidationError([
      { path: 'If-None-Match', message: 'Only "If-None-Match: *" (add, never change) is supported.' },
    ]);
  }
  const result = await putCatalogueEntry({
    kindPath: kind,
    code,
    body: req.body,
    principal,
    now: clock.now(),
    createOnly: ifNoneMatch === '*',
  });
  return { status: result.created ? 201 : 200, body: result };
});
