import * as z from 'zod';
import { clock } from '../lib/clock.js';
import { stepHandler } from '../lib/step.js';
import { releaseFunds } from '../use-cases/funds.js';

export const handler = stepHandler(
  z.object({ caseId: z.uuid(), reason: z.string().min(1) }),
  ({ caseId, reason }) => releaseFunds(caseId, reason, clock.now()),
);
