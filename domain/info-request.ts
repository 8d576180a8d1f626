import { endOfDayIn, toIsoDate } from './dates.js';
import { addDays } from './deadlines.js';
import { meta, strictObject, text } from './schema-helpers.js';

/**
 * Requests for information (DESIGN.md §3 review ladder): a reviewer asks the applicant a question,
 * the case pauses in `info_requested`, and resumes when the applicant answers.
 */

/**
 * Days the applicant has to answer: to the end of the 14th day after the request, as the office
 * counts days, so that "answer by 21 December" holds until midnight of the 21st where the office is.
 */
export const infoRequestDeadlineDays = 14;

/**
 * The aid workflow's wait ("Await the applicant's answer") as its TimeoutSeconds: one day longer
 * than the policy, because the deadline runs to the end of the office's day and a request made
 * just after midnight has nearly 15 days. Step Functions cannot take a callback timeout from data
 * in the local engine, so the wait is fixed; the answer itself is refused from `dueAt` on
 * (applicant-response.ts), and a test keeps the ASL equal to this.
 */
export const infoRequestDeadlineSeconds = (infoRequestDeadlineDays + 1) * 86_400;

/**
 * When the time to answer ends: the last moment of the office's day `days` days after the
 * request, in the office's time zone (the one its dates are read in).
 */
export function infoRequestDueAt(
  requestedAt: Date,
  timeZone: string,
  days = infoRequestDeadlineDays,
): string {
  return endOfDayIn(addDays(toIsoDate(requestedAt, timeZone), days), timeZone).toISOString();
}

/** The applicant's answer (POST /v1/cases/{reference}/responses). */
export const applicantResponseSchema = meta(
  strictObject('Response', {
    text: text('Answer', 8000),
  }),
  { id: 'ApplicantResponse', description: "The applicant's answer to a request for information." },
);
