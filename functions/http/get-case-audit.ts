import { csvHeaders } from '../lib/csv.js';
import { httpRoute } from '../lib/http.js';
import { pageQuery } from '../lib/query.js';
import { auditTrailCsv, caseAuditTrail, checkedAuditTrail } from '../use-cases/staff-cases.js';

/**
 * A case's audit trail (auditors and the head of department): oldest first, a page at a time; with
 * `check=true` the whole chain verified against the case's head; with `format=csv` the whole
 * trail as a file, its links included.
 */
export const handler = httpRoute({ action: 'cases:audit' }, async (req) => {
  const caseId = req.path.caseId ?? '';
  if (req.query.format === 'csv') {
    const trail = await checkedAuditTrail(caseId);
    return {
      status: 200,
      text: auditTrailCsv(trail),
      headers: csvHeaders(`audit-${trail.reference}.csv`),
    };
  }
  if (req.query.check === 'true') {
    const { items: _items, ...verdict } = await checkedAuditTrail(caseId);
    return { status: 200, body: verdict };
  }
  const { limit, cursor } = pageQuery(req.query);
  return { status: 200, body: await caseAuditTrail({ caseId, limit, cursor }) };
});
