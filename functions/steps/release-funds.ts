import * as z from 'zod/mini';
import { clock } from '../lib/clock.js';
import { stepHandler } from '../lib/step.js';
import { releaseFunds } from '../use-cases/funds.js';

export const handler = stepHandler(
  z.object({ caseId: z.uuid(), reason: z.string().check(z.minLength(1)) }),
  ({ caseId, reason }) => releaseFunds(caseId, reason, clock.now()),
);
