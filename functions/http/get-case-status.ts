import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { viewCaseAsApplicant } from '../use-cases/case-status.js';

export const handler = httpRoute({}, async (req) => ({
  status: 200,
  body: await viewCaseAsApplicant({
    reference: req.path.reference ?? '',
    accessCode: req.headers['x-access-code'],
    sourceIp: req.sourceIp,
    now: clock.now(),
  }),
}));
