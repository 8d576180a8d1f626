import * as z from 'zod';
import { clock } from '../lib/clock.js';
import { stepHandler } from '../lib/step.js';
import { appealTaskTypes, openAppealTask } from '../use-cases/appeals/open-appeal-task.js';

const input = z.object({
  caseId: z.uuid(),
  type: z.enum(appealTaskTypes),
  department: z.string().min(1).optional(),
  taskToken: z.string().min(1),
  executionId: z.string().optional(),
});

export const handler = stepHandler(input, (i) => openAppealTask({ ...i, now: clock.now() }));
