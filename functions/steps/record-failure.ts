import * as z from 'zod';
import { clock } from '../lib/clock.js';
import { stepHandler } from '../lib/step.js';
import { recordFailure } from '../use-cases/record-failure.js';

const input = z.object({
  caseId: z.uuid(),
  failure: z.object({ Error: z.string().optional(), Cause: z.string().optional() }),
});

export const handler = stepHandler(input, ({ caseId, failure }) =>
  recordFailure(caseId, failure, clock.now()),
);
