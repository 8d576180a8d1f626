import type { AppealCaseRecord } from '../../lib/store/appeal-records.js';

/** The applicant's view of an appeal (GET /v1/cases/{reference}): no internal drafts, no staff names. */
export interface ApplicantAppealView {
  readonly reference: string;
  readonly kind: 'appeal';
  readonly appealKind: string;
  readonly status: string;
  /** A flag beside the status (API.md): the legal due date passed without an answer. */
  readonly overdue: boolean;
  readonly priority: boolean;
  readonly submittedAt: string;
  readonly receivedAt: string;
  readonly channel: string;
  readonly topic: string;
  readonly subject: string;
  readonly dueDate: string;
  readonly extended: boolean;
  readonly timeline: readonly { at: string; status: string; note?: string }[];
  readonly forwardedTo?: string;
  readonly answer?: { readonly text: string; readonly answeredAt: string; readonly delivery: string };
  readonly feedback?: { readonly rating: number; readonly comment?: string; readonly at: string };
  /** Whether the applicant may rate the answer now (POST /v1/cases/{reference}/feedback). */
  readonly feedbackRequested: boolean;
}

export function applicantAppealView(record: AppealCaseRecord): ApplicantAppealView {
  return {
    reference: record.reference,
    kind: 'appeal',
    appealKind: record.appealKind,
    status: record.status,
    overdue: record.overdue,
    priority: record.priority,
    submittedAt: record.submittedAt,
    receivedAt: record.receivedAt,
    channel: record.channel,
    topic: record.topic,
    subject: record.subject,
    dueDate: record.dueDate,
    extended: record.extensions > 0,
    timeline: record.timeline,
    ...(record.forwardedTo ? { forwardedTo: record.forwardedTo } : {}),
    ...(record.answer
      ? {
          answer: {
            text: record.answer.text,
            answeredAt: record.answer.answeredAt,
            delivery: record.answer.delivery,
          },
        }
      : {}),
    ...(record.feedback ? { feedback: record.feedback } : {}),
    feedbackRequested: record.status === 'answered' && !record.feedback,
  };
}
