import { meta, strictObject, text } from './schema-helpers.js';

/**
 * Requests for information (DESIGN.md §3 review ladder): a reviewer asks the applicant a question,
 * the case pauses in `info_requested`, and resumes when the applicant answers.
 */

/**
 * Days the applicant has to answer. The aid workflow's wait ("Await the applicant's answer")
 * carries the same value as its TimeoutSeconds: Step Functions cannot take a callback timeout
 * from data in the local engine, so the policy lives in two places and a test keeps them equal.
 */
export const infoRequestDeadlineDays = 14;

export const infoRequestDeadlineSeconds = infoRequestDeadlineDays * 86_400;

/** The date by which an answer is expected, for the applicant's page and the audit trail. */
export function infoRequestDueAt(requestedAt: Date, days = infoRequestDeadlineDays): string {
  return new Date(requestedAt.getTime() + days * 86_400_000).toISOString();
}

/** The applicant's answer (POST /v1/cases/{reference}/responses). */
export const applicantResponseSchema = meta(
  strictObject('Response', {
    text: text('Answer', 8000),
  }),
  { id: 'ApplicantResponse', description: "The applicant's answer to a request for information." },
);
