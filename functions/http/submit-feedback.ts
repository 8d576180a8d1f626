import { feedbackSchema } from '../../domain/appeal.js';
import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { submitFeedback } from '../use-cases/appeals/feedback.js';

export const handler = httpRoute({ body: feedbackSchema }, async (req) => ({
  status: 200,
  body: await submitFeedback({
    reference: req.path.reference ?? '',
    accessCode: req.headers['x-access-code'],
    sourceIp: req.sourceIp,
    feedback: req.body,
    now: clock.now(),
  }),
}));
