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
 * reference; repeated wrong codes are throttled per reference and per client.
 */
export async function authenticateApplicant(input: {
  reference: string;
  accessCode: string | undefined;
  sourceIp: string;
  now: Date;
}): Promise<AidCaseRecord> {
  const nowSeconds = Math.floor(input.now.getTime() / 1000);
  const reference = input.reference.trim().toUpperCase();
  const wait = Math.max(
    await throttledFor(perReference, reference, nowSeconds),
    input.sourceIp ? await throttledFor(perClient, input.sourceIp, nowSeconds) : 0,
  );
  if (wait > 0) {
    throw new TooManyRequestsError(
      `Too many wrong attempts. Try again in ${Math.ceil(wait / 60)} minutes.`,
      wait,
    );
  }
  const found = await getCaseByReference(reference);
  const code = input.accessCode ?? '';
  let valid = false;
  if (found) valid = await verifyAccessCode(code, found.caseId, found.accessCodeHash);
  else await hashAccessCode(code, 'no-such-case'); // the same work either way: timing tells nothing
  if (!found || !valid) {
    await recordFailedAttempt(perReference, reference, nowSeconds);
    if (input.sourceIp) await recordFailedAttempt(perClient, input.sourceIp, nowSeconds);
    throw notFound();
  }
  return found;
}

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
