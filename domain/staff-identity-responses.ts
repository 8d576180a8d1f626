import * as z from 'zod/mini';
import { meta } from './schema-helpers.js';

/**
 * What the staff identity routes answer, as the OpenAPI document describes it. No handler parses
 * these (they live apart so that only OpenApi bundles them, as payment-responses.ts): the types
 * are the use case's and the staff desk's. Neither ever carries a name, a birth date, an id or a
 * person key: only how many keys were recorded, when and by whom.
 */

export const staffIdentityRecordedSchema = meta(
  z.object({
    username: z.string(),
    personKeys: z.number().check(z.int()),
    updatedAt: z.string(),
  }),
  { id: 'StaffIdentityRecorded', description: 'What PUT recorded: the number of person keys, and when.' },
);
export type StaffIdentityRecorded = z.infer<typeof staffIdentityRecordedSchema>;

export const staffIdentityStatusSchema = meta(
  z.object({
    username: z.string(),
    recorded: z.boolean(),
    personKeys: z.number().check(z.int()),
    updatedAt: z.optional(z.string()),
    updatedBy: z.optional(z.string()),
  }),
  {
    id: 'StaffIdentityStatus',
    description:
      "Whether a member of staff's identity is recorded (personKeys 0 and no dates when it is not): never names or keys.",
  },
);
export type StaffIdentityStatus = z.infer<typeof staffIdentityStatusSchema>;
