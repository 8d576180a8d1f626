import * as z from 'zod';
import { taskTypes } from '../../domain/tasks.js';
import { clock } from '../lib/clock.js';
import { stepHandler } from '../lib/step.js';
import { openTask } from '../use-cases/open-task.js';

const input = z.object({
  caseId: z.uuid(),
  type: z.enum(taskTypes),
  taskToken: z.string().min(1),
  executionId: z.string().optional(),
  seat: z.number().int().min(1).optional(),
});

export const handler = stepHandler(input, (i) => openTask({ ...i, now: clock.now() }));
