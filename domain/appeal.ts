import * as z from 'zod/mini';
import { applicantSchema } from './applicant.js';
import { appealChannelCodes, appealKindCodes, categoryCodes } from './catalogue.js';
import { referenceSchema } from './reference.js';
import { codeEnum, meta, strictObject, text, typeMessage } from './schema-helpers.js';

export const categoryCodeSchema = meta(codeEnum('Recipient category', categoryCodes), { id: 'CategoryCode' });
export const appealKindSchema = meta(codeEnum('Appeal kind', appealKindCodes), { id: 'AppealKind' });
export const appealChannelSchema = meta(codeEnum('Channel', appealChannelCodes), { id: 'AppealChannel' });

/**
 * Who wrote the appeal. Unlike an aid applicant, the author may give no birth date, no name and no
 * way to reply: the appeal is still registered (a letter without a return address is still a
 * letter), and the jurisdiction's policy decides whether it is then `not_answerable`.
 */
export const appealApplicantSchema = meta(
  strictObject('Applicant', {
    ...applicantSchema.shape,
    fullName: z.optional(applicantSchema.shape.fullName),
    birthDate: z.optional(applicantSchema.shape.birthDate),
  }),
  { id: 'AppealApplicant' },
);

export type AppealApplicant = z.infer<typeof appealApplicantSchema>;

/** A repeat appeal is one from the same person on the same topic within this many months. */
export const repeatWindowMonths = 12;

/** Whether the office has any way to send an answer. */
export function canBeAnswered(applicant: AppealApplicant): boolean {
  return Boolean(applicant.email ?? applicant.phone ?? applicant.address);
}

/**
 * The body of `POST /v1/appeals` (API.md). `channel` and `receivedAt` are for a clerk registering
 * an appeal that came by email, post, phone or in person; whether the caller may send them is a
 * permission (`appeals:register-channel`), checked by the handler, not a matter of shape.
 */
export const appealSchema = meta(
  strictObject('Appeal', {
    applicant: appealApplicantSchema,
    /** Claimed recipient categories; people with disabilities and war veterans get the shorter clock. */
    categories: z.optional(z.array(categoryCodeSchema).check(z.maxLength(20))),
    kind: appealKindSchema,
    subject: text('Subject', 200),
    text: text('Text', 20000),
    /** A routing topic such as "housing"; topics are configured per office, so any code is accepted. */
    topic: z
      .string({ error: typeMessage('Topic', 'text') })
      .check(
        z.regex(/^[a-z][a-z0-9_]{0,63}$/, { error: 'Topic must be a lower-case code such as "housing".' }),
      ),
    relatedReference: z.optional(referenceSchema),
    channel: z.optional(appealChannelSchema),
    receivedAt: z.optional(
      z.pipe(
        z.string({ error: typeMessage('Received at', 'an ISO 8601 instant') }),
        z.iso.datetime({
          offset: true,
          error: 'Received at must be an ISO 8601 instant, e.g. 2026-03-15T09:30:00Z.',
        }),
      ),
    ),
  }),
  { id: 'Appeal', description: 'An appeal: a proposal, request or complaint (POST /v1/appeals).' },
);

export type Appeal = z.infer<typeof appealSchema>;

/** The body of `POST /v1/cases/{reference}/feedback`: the applicant's rating of the answer. */
export const feedbackSchema = meta(
  strictObject('Feedback', {
    rating: z
      .number({ error: 'Rating must be a whole number from 1 to 5.' })
      .check(
        z.int({ error: 'Rating must be a whole number from 1 to 5.' }),
        z.gte(1, { error: 'Rating must be at least 1.' }),
        z.lte(5, { error: 'Rating must be at most 5.' }),
      ),
    comment: z.optional(text('Comment', 2000)),
  }),
  { id: 'Feedback', description: "The applicant's rating of an appeal's answer (closes the appeal)." },
);

export type Feedback = z.infer<typeof feedbackSchema>;
