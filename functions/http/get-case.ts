import { httpRoute } from '../lib/http.js';
import { caseForStaff } from '../use-cases/staff-cases.js';

/** The full case for staff: the application or appeal as given, its status history and tasks. */
export const handler = httpRoute({ action: 'cases:read' }, async (req) => ({
  status: 200,
  body: await caseForStaff(req.path.caseId ?? '', req.principal),
}));
