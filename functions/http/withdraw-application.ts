import { withdrawalSchema } from '../../domain/withdrawal-schema.js';
import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { withdrawApplication } from '../use-cases/withdrawal.js';

export const handler = httpRoute({ body: withdrawalSchema }, async (req) => ({
  status: 200,
  body: await withdrawApplication({
    reference: req.path.reference ?? '',
    accessCode: req.headers['x-access-code'],
    reason: req.body.reason,
    sourceIp: req.sourceIp,
    now: clock.now(),
  }),
}));
