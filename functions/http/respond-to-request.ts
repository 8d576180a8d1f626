import { applicantResponseSchema } from '../../domain/info-request.js';
import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { recordApplicantResponse } from '../use-cases/applicant-response.js';

export const handler = httpRoute({ body: applicantResponseSchema }, async (req) => ({
  status: 202,
  body: await recordApplicantResponse({
    reference: req.path.reference ?? '',
    accessCode: req.headers['x-access-code'],
    text: req.body.text,
    sourceIp: req.sourceIp,
    now: clock.now(),
  }),
}));
