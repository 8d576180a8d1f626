import { aidStatuses } from '../../domain/aid-lifecycle.js';
import { appealStatuses } from '../../domain/appeal-lifecycle.js';
import { referenceSchema } from '../../domain/reference.js';
import { codeEnum } from '../../domain/schema-helpers.js';
import { httpRoute } from '../lib/http.js';
import { pageQuerySchema, parseQuery } from '../lib/query.js';
import { searchCases } from '../use-cases/staff-cases.js';

const query = pageQuerySchema.extend({
  status: codeEnum('Status', [...aidStatuses, ...appealStatuses]).optional(),
  kind: codeEnum('Kind', ['aid', 'appeal']).optional(),
  reference: referenceSchema.optional(),
});

export const handler = httpRoute({ action: 'cases:search' }, async (req) => {
  const { status, kind, reference, limit, cursor } = parseQuery(query, req.query);
  return { status: 200, body: await searchCases({ status, kind, reference, limit, cursor }) };
});
