import * as z from 'zod/mini';
import { clock } from '../lib/clock.js';
import { stepHandler } from '../lib/step.js';
import { createDisbursement } from '../use-cases/create-disbursement.js';

/** A callback step: the workflow waits on `taskToken` until the disbursement is settled. */
export const handler = stepHandler(
  z.object({
    caseId: z.uuid(),
    taskToken: z.optional(z.string().check(z.minLength(1))),
    executionId: z.optional(z.string().check(z.minLength(1))),
  }),
  ({ caseId, taskToken, executionId }) =>
    createDisbursement({ caseId, taskToken, executionId, now: clock.now() }),
);
