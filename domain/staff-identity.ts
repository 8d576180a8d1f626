import * as z from 'zod';
import { isoDateSchema } from './dates.js';
import { strictObject, text } from './schema-helpers.js';

/**
 * PUT /v1/staff/{username}/identity: who a member of staff is as a person, so that segregation of
 * duties can recognise their own application. Only the person keys derived from it are stored.
 */
export const staffIdentitySchema = strictObject('Staff identity', {
  fullName: text('Full name', 200).refine((s) => !/\p{Cc}/u.test(s), {
    error: 'Full name must not contain control characters such as tabs or line breaks.',
  }),
  birthDate: isoDateSchema('Birth date'),
  nationalId: text('National ID', 50).optional(),
}).meta({
  id: 'StaffIdentity',
  description:
    "A member of staff's name, birth date and national id as they would give them on an application.",
});

export type StaffIdentity = z.infer<typeof staffIdentitySchema>;

/** Usernames as the user pool has them (letters, digits and . _ @ + -). */
export const staffUsernameSchema = z
  .string()
  .min(1, { error: 'Give the username.' })
  .max(128, { error: 'A username has at most 128 characters.' })
  .regex(/^[\p{L}\p{N}._@+-]+$/u, { error: 'A username has letters, digits and . _ @ + - only.' });
