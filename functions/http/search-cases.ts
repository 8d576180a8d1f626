import * as z from 'zod/mini';
import { aidStatuses } from '../../domain/aid-lifecycle.js';
import { appealStatuses } from '../../domain/appeal-lifecycle.js';
import { referenceSchema } from '../../domain/reference.js';
import { codeEnum } from '../../domain/schema-helpers.js';
import { httpRoute } from '../lib/http.js';
import { pageQuerySchema, parseQuery } from '../lib/query.js';
import { searchCases } from '../use-cases/staff-cases.js';

const query = z.extend(pageQuerySchema, {
  status: z.optional(codeEnum('Status', [...aidStatuses, ...appealStatuses])),
  kind: z.optional(codeEnum('Kind', ['aid', 'appeal'])),
  reference: z.optional(referenceSchema),
});

export const handler = httpRoute({ action: 'cases:search' }, async (req) => {
  const { status, kind, reference, limit, cursor } = parseQuery(query, req.query);
  return { status: 200, body: await searchCases({ status, kind, reference, limit, cursor }) };
});
