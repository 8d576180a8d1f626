import * as z from 'zod/mini';
import { clock } from '../lib/clock.js';
import { stepHandler } from '../lib/step.js';
import { appealTaskTypes, openAppealTask } from '../use-cases/appeals/open-appeal-task.js';

const input = z.object({
  caseId: z.uuid(),
  type: z.enum(appealTaskTypes),
  department: z.optional(z.string().check(z.minLength(1))),
  taskToken: z.string().check(z.minLength(1)),
  executionId: z.optional(z.string()),
});

export const handler = stepHandler(input, (i) => openAppealTask({ ...i, now: clock.now() }));
