import * as z from 'zod/mini';
import { meta, strictObject, text } from './schema-helpers.js';

// Apart from withdrawal.ts, whose rule the status page shows without zod (docs/performance.md §17).

/** POST /v1/cases/{reference}/withdrawal: the applicant withdraws the application, saying why if they wish. */
export const withdrawalSchema = meta(
  strictObject('Withdrawal', {
    reason: z.optional(text('Reason', 2000)),
  }),
  { id: 'Withdrawal', description: 'The applicant withdraws the application; the reason is optional.' },
);
