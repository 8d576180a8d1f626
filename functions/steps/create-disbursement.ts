import * as z from 'zod';
import { clock } from '../lib/clock.js';
import { stepHandler } from '../lib/step.js';
import { createDisbursement } from '../use-cases/create-disbursement.js';

export const handler = stepHandler(z.object({ caseId: z.uuid() }), ({ caseId }) =>
  createDisbursement(caseId, clock.now()),
);
