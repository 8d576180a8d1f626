import { z } from 'zod';
import { applicantSchema } from './aid-application.js';
import { appealChannelSchema, appealKindSchema } from './catalogue.js';
import { referenceSchema } from './reference.js';
import { strictObject, text, typeMessage } from './schema-helpers.js';

/**
 * The body of `POST /v1/appeals` (API.md). `channel` and `receivedAt` are for a clerk registering
 * an appeal that came by email, post, phone or in person; whether the caller may send them is a
 * permission (`appeals:register-channel`), checked by the handler, not a matter of shape.
 */
export const appealSchema = strictObject('Appeal', {
  applicant: applicantSchema,
  kind: appealKindSchema,
  subject: text('Subject', 200),
  text: text('Text', 20000),
  /** A routing topic such as "housing"; topics are configured per office, so any code is accepted. */
  topic: z
    .string({ error: typeMessage('Topic', 'text') })
    .regex(/^[a-z][a-z0-9_]{0,63}$/, { error: 'Topic must be a lower-case code such as "housing".' }),
  relatedReference: referenceSchema.optional(),
  channel: appealChannelSchema.optional(),
  receivedAt: z
    .string({ error: typeMessage('Received at', 'an ISO 8601 instant') })
    .pipe(
      z.iso.datetime({
        offset: true,
        error: 'Received at must be an ISO 8601 instant, e.g. 2026-03-15T09:30:00Z.',
      }),
    )
    .optional(),
}).meta({ id: 'Appeal', description: 'An appeal: a proposal, request or complaint (POST /v1/appeals).' });

export type Appeal = z.infer<typeof appealSchema>;
