import * as z from 'zod/mini';
import { clock } from '../lib/clock.js';
import { stepHandler } from '../lib/step.js';
import { tallyCommission } from '../use-cases/commission.js';

export const handler = stepHandler(z.object({ caseId: z.uuid() }), ({ caseId }) =>
  tallyCommission(caseId, clock.now()),
);
