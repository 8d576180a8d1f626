import * as z from 'zod/mini';
import { clock } from '../lib/clock.js';
import { stepHandler } from '../lib/step.js';
import { awaitApplicant } from '../use-cases/applicant-response.js';

const input = z.object({
  caseId: z.uuid(),
  taskToken: z.string().check(z.minLength(1)),
  executionId: z.optional(z.string()),
});

export const handler = stepHandler(input, (i) => awaitApplicant({ ...i, now: clock.now() }));
