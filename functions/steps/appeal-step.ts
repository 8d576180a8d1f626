import * as z from 'zod/mini';
import { clock } from '../lib/clock.js';
import { stepHandler } from '../lib/step.js';
import {
  closeNotAnswerable,
  forwardAppeal,
  publishAnswer,
  recordAppealFailure,
  routeAppeal,
} from '../use-cases/appeals/appeal-steps.js';

/**
 * The appeal workflow's plain (non-waiting) steps behind one function: one cold start and one
 * IAM role for five small actions that all read and write the same appeal item.
 */
const input = z.discriminatedUnion('action', [
  z.object({ action: z.literal('route'), caseId: z.uuid() }),
  z.object({ action: z.literal('forward'), caseId: z.uuid() }),
  z.object({ action: z.literal('publish_answer'), caseId: z.uuid() }),
  z.object({ action: z.literal('close_not_answerable'), caseId: z.uuid() }),
  z.object({
    action: z.literal('record_failure'),
    caseId: z.uuid(),
    failure: z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) }),
  }),
]);

export const handler = stepHandler(input, async (i): Promise<Record<string, unknown>> => {
  const now = clock.now();
  switch (i.action) {
    case 'route':
      return routeAppeal(i.caseId, now);
    case 'forward':
      return forwardAppeal(i.caseId, now);
    case 'publish_answer':
      return publishAnswer(i.caseId, now);
    case 'close_not_answerable':
      return closeNotAnswerable(i.caseId, now);
    case 'record_failure':
      return recordAppealFailure(i.caseId, i.failure, now);
  }
});
