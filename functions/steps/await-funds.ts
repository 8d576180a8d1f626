import * as z from 'zod';
import { clock } from '../lib/clock.js';
import { stepHandler } from '../lib/step.js';
import { awaitFunds } from '../use-cases/waitlist.js';

const input = z.object({
  caseId: z.uuid(),
  taskToken: z.string().min(1),
  executionId: z.string().optional(),
});

export const handler = stepHandler(input, (i) => awaitFunds({ ...i, now: clock.now() }));
