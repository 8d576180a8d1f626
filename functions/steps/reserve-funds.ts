import * as z from 'zod/mini';
import { clock } from '../lib/clock.js';
import { stepHandler } from '../lib/step.js';
import { reserveFunds } from '../use-cases/funds.js';

export const handler = stepHandler(z.object({ caseId: z.uuid() }), ({ caseId }) =>
  reserveFunds(caseId, clock.now()),
);
