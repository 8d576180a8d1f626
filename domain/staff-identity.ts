import * as z from 'zod/mini';
import { isoDateSchema } from './dates.js';
import { meta, strictObject, text } from './schema-helpers.js';

/**
 * PUT /v1/staff/{username}/identity: who a member of staff is as a person, so that segregation of
 * duties can recognise their own application. Only the person keys derived from it are stored.
 */
export const staffIdentitySchema = meta(
  strictObject('Staff identity', {
    fullName: text('Full name', 200).check(
      z.refine((s) => !/\p{Cc}/u.test(s), {
        error: 'Full name must not contain control characters such as tabs or line breaks.',
      }),
    ),
    birthDate: isoDateSchema('Birth date'),
    nationalId: z.optional(text('National ID', 50)),
  }),
  {
    id: 'StaffIdentity',
    description:
      "A member of staff's name, birth date and national id as they would give them on an application.",
  },
);

export type StaffIdentity = z.infer<typeof staffIdentitySchema>;

/** Usernames as the user pool has them (letters, digits and . _ @ + -). */
export const staffUsernameSchema = z
  .string()
  .check(
    z.minLength(1, { error: 'Give the username.' }),
    z.maxLength(128, { error: 'A username has at most 128 characters.' }),
    z.regex(/^[\p{L}\p{N}._@+-]+$/u, { error: 'A username has letters, digits and . _ @ + - only.' }),
  );
