import type { LocalizedText } from '../../domain/catalogue.js';
import { hashAccessCode, verifyAccessCode } from '../lib/access-codes.js';
import { NotFoundError, TooManyRequestsError } from '../lib/errors.js';
import { isAppealCase } from '../lib/store/appeal-records.js';
import { storedExplanation } from '../lib/store/eligibility-records.js';
import { getCaseByReference } from '../lib/store/reads.js';
import type { AidCaseRecord } from '../lib/store/records.js';
import { recordFailedAttempt, type ThrottleRule, throttledFor } from '../lib/store/throttle.js';
import { type ApplicantAppealView, applicantAppealView } from './appeals/appeal-view.js';

const perReference: ThrottleRule = { scope: 'access-ref', limit: 5, windowSeconds: 15 * 60 };
const perClient: ThrottleRule = { scope: 'access-ip', limit: 30, windowSeconds: 15 * 60 };

/** One answer for "no such case" and "wrong code", so a reference's existence never leaks. */
const notFound = () =>
  new NotFoundError('No case matches this reference and access code. Check both and try again.');

export interface ApplicantCaseView {
  readonly reference: string;
  readonly kind: 'aid';
  readonly status: string;
  readonly submittedAt: string;
  readonly aidType: string;
  readonly requestedAmount: { currency: string; minor: number };
  readonly timeline: readonly { at: string; status: string; note?: string }[];
  readonly decision?: AidCaseRecord['decision'];
  /** What the office asked the applicant and by when (status info_requested). */
  readonly infoRequest?: { question: string; requestedAt: string; dueAt: string; answeredAt?: string };
  readonly eligibility?: {
    verdict: string;
    /** `message` in the application's language; `messages` in every language, for the page's. */
    rules: readonly { code: string; passed: boolean; message: string; messages?: LocalizedText }[];
  };
}

/**
 * The case behind a reference and access code, or the same 404 for a wrong code and an unknown
 * reference. Wrong codes are throttled per client (checked first: it bounds the guessing and the
 * hashing one source can make) and per reference; but the right code always opens its case. The
 * code's 80 random bits are what keep a case closed; a lock on the reference alone would let
 * anyone shut an applicant out of their own case (references run in sequence) for five wrong
 * codes, on the day they must answer the office by a deadline.
 */
export async function authenticateApplicant(input: {
  reference: string;
  accessCode: string | undefined;
  sourceIp: string;
  now: Date;
}): Promise<AidCaseRecord> {
  const nowSeconds = Math.floor(input.now.getTime() / 1000);
  const reference = input.reference.trim().toUpperCase();
  const [clientWait, referenceWait] = await Promise.all([
    input.sourceIp ? throttledFor(perClient, input.sourceIp, nowSeconds) : 0,
    throttledFor(perReference, reference, nowSeconds),
  ]);
  if (clientWait > 0) throw tooManyWrongCodes(clientWait);
  const found = await getCaseByReference(reference);
  const code = input.accessCode ?? '';
  let valid = false;
  if (found) valid = await verifyAccessCode(code, found.caseId, found.accessCodeHash);
  else await hashAccessCode(code, 'no-such-case'); // the same work either way: timing tells nothing
  if (!found || !valid) {
    await recordFailedAttempt(perReference, reference, nowSeconds);
    if (input.sourceIp) await recordFailedAttempt(perClient, input.sourceIp, nowSeconds);
    // Many wrong codes for this reference, from anywhere: say so (unknown references alike).
    if (referenceWait > 0) throw tooManyWrongCodes(referenceWait);
    throw notFound();
  }
  return found;
}

const tooManyWrongCodes = (waitSeconds: number) =>
  new TooManyRequestsError(
    `Too many wrong attempts. Try again in ${Math.ceil(waitSeconds / 60)} minutes.`,
    waitSeconds,
  );

export async function viewCaseAsApplicant(input: {
  reference: string;
  accessCode: string | undefined;
  sourceIp: string;
  now: Date;
}): Promise<ApplicantCaseView | ApplicantAppealView> {
  const found = await authenticateApplicant(input);
  // Appeals share the reference index and the access-code check; their view is their own.
  const item: unknown = found;
  if (isAppealCase(item)) return applicantAppealView(item);
  const info = found.infoRequest;
  // The reasons' texts live beside the case (eligibility-records.ts); cases checked before
  // 2026-12-06 carry them on the case as well.
  const explanation = found.eligibility ? await storedExplanation(found.caseId) : undefined;
  const explained = (code: string) => explanation?.rules.find((r) => r.code === code);
  return {
    reference: found.reference,
    kind: 'aid',
    status: found.status,
    submittedAt: found.submittedAt,
    aidType: found.aidType,
    requestedAmount: found.requestedAmount,
    timeline: found.timeline,
    ...(found.decision ? { decision: found.decision } : {}),
    ...(info
      ? {
          infoRequest: {
            question: info.question,
            requestedAt: info.requestedAt,
            dueAt: info.dueAt,
            ...(info.answeredAt ? { answeredAt: info.answeredAt } : {}),
          },
        }
      : {}),
    ...(found.eligibility
      ? {
          eligibility: {
            verdict: found.eligibility.verdict,
            rules: found.eligibility.rules.map((r) => {
              const stored = explained(r.code);
              const messages = stored?.messages ?? r.messages;
              return {
                code: r.code,
                passed: r.passed,
                message: stored?.message ?? r.message ?? '',
                ...(messages ? { messages } : {}),
              };
            }),
          },
        }
      : {}),
  };
}
