import { httpRoute } from '../lib/http.js';
import { pageQuery } from '../lib/query.js';
import { caseAuditTrail } from '../use-cases/staff-cases.js';

/** A case's audit trail, oldest first, a page at a time (auditors and the head of department). */
export const handler = httpRoute({ action: 'cases:audit' }, async (req) => {
  const { limit, cursor } = pageQuery(req.query);
  return { status: 200, body: await caseAuditTrail({ caseId: req.path.caseId ?? '', limit, cursor }) };
});
