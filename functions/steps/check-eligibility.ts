import * as z from 'zod/mini';
import { clock } from '../lib/clock.js';
import { stepHandler } from '../lib/step.js';
import { checkEligibility } from '../use-cases/check-eligibility.js';

export const handler = stepHandler(z.object({ caseId: z.uuid() }), ({ caseId }) =>
  checkEligibility(caseId, clock.now()),
);
