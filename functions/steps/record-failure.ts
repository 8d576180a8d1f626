import * as z from 'zod/mini';
import { clock } from '../lib/clock.js';
import { stepHandler } from '../lib/step.js';
import { recordFailure } from '../use-cases/record-failure.js';

const input = z.object({
  caseId: z.uuid(),
  failure: z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) }),
});

export const handler = stepHandler(input, ({ caseId, failure }) =>
  recordFailure(caseId, failure, clock.now()),
);
