import * as z from 'zod/mini';
import { taskTypes } from '../../domain/tasks.js';
import { clock } from '../lib/clock.js';
import { stepHandler } from '../lib/step.js';
import { openTask } from '../use-cases/open-task.js';

const input = z.object({
  caseId: z.uuid(),
  type: z.enum(taskTypes),
  taskToken: z.string().check(z.minLength(1)),
  executionId: z.optional(z.string()),
  seat: z.optional(z.number().check(z.int(), z.gte(1))),
});

export const handler = stepHandler(input, (i) => openTask({ ...i, now: clock.now() }));
