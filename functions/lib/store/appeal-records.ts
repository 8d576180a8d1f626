import type { AppealApplicant } from '../../../domain/appeal.js';
import {
  type AppealStatus,
  canTransitionAppeal,
  isAppealTerminal,
} from '../../../domain/appeal-lifecycle.js';
import type { AppealChannel, AppealKind, Language } from '../../../domain/catalogue.js';
import type { EscalationLevel } from '../../../domain/deadlines.js';
import { PermanentStepError } from '../errors.js';
import type { Actor } from './audit.js';
import { versionedCaseUpdate } from './case-update.js';
import type { CodedNote, TaskRecord, TimelineEntry } from './records.js';

/**
 * Appeal items. Keys of the appeal-only access patterns live here rather than in keys.ts:
 *
 * | pattern                                   | key                                                            |
 * |-------------------------------------------|----------------------------------------------------------------|
 * | earlier appeals of a person on a topic    | pk = PERSON#<personKey>, sk = APPEAL#<topic>#<registeredAt>#<caseId> |
 * | a person's appeals (staff finding a caller) | pk = PERSON#<personKey>, sk begins_with APPEAL#              |
 * | repeat appellants (the head's list)       | pk = REPEAT_APPELLANTS, sk = PERSON#<personKey>                |
 * | department answers of an appeal           | pk = CASE#<caseId>, sk = ANSWER#<department>                   |
 * | notifications of a case (table-spec #15)  | pk = CASE#<caseId>, sk = NOTIFICATION#<at>#<id>                |
 * | appeal report counters of a day           | pk = APPEAL_STATS#<year>, sk = DAY#<date>                      |
 * | "this fact was counted" markers           | pk = CASE#<caseId>, sk = COUNTED#<fact>                        |
 * | open appeals (the sweeper)                | GSI2 gsi2pk = CASES#appeal#<status> (keys.casesByStatus)       |
 */
export const appealKeys = {
  personAppeal: (personKey: string, topic: string, registeredAt: string, caseId: string) => ({
    pk: `PERSON#${personKey}`,
    sk: `APPEAL#${topic}#${registeredAt}#${caseId}`,
  }),
  /** Every appeal entry of a person: the partition and the sort-key prefix of `personAppeal`. */
  personAppeals: (personKey: string) => ({ pk: `PERSON#${personKey}`, skPrefix: 'APPEAL#' }),
  repeatAppellant: (personKey: string) => ({ pk: 'REPEAT_APPELLANTS', sk: `PERSON#${personKey}` }),
  departmentAnswer: (caseId: string, department: string) => ({
    pk: `CASE#${caseId}`,
    sk: `ANSWER#${department}`,
  }),
  notification: (caseId: string, at: string, id: string) => ({
    pk: `CASE#${caseId}`,
    sk: `NOTIFICATION#${at}#${id}`,
  }),
  statsDay: (date: string) => ({ pk: `APPEAL_STATS#${date.slice(0, 4)}`, sk: `DAY#${date}` }),
  counted: (caseId: string, fact: string) => ({ pk: `CASE#${caseId}`, sk: `COUNTED#${fact}` }),
} as const;

export interface AppealAnswer {
  readonly text: string;
  readonly answeredAt: string;
  readonly answeredBy: string;
  /** How it reaches the applicant: e-mail, an SMS with a link, or a printed letter. */
  readonly delivery: DeliveryChannel;
}

export type DepartmentAnswer =
  | { readonly status: 'awaited' }
  | { readonly status: 'answered'; readonly text: string; readonly by: string; readonly at: string };

export type DeliveryChannel = 'email' | 'sms' | 'letter' | 'none';

export interface AppealFeedback {
  readonly rating: number;
  readonly comment?: string;
  readonly at: string;
}

/** The appeal case item (pk CASE#id, sk CASE). Personal data lives only here. */
export interface AppealCaseRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'AppealCase';
  readonly caseId: string;
  readonly kind: 'appeal';
  readonly appealKind: AppealKind;
  readonly reference: string;
  readonly year: number;
  readonly status: AppealStatus;
  readonly version: number;
  /** When the office registered it (the instant the clock starts). */
  readonly submittedAt: string;
  /** When it actually arrived (a letter's postmark day, a call's time); = submittedAt on the web. */
  readonly receivedAt: string;
  readonly registeredOn: string;
  /** Registered later after arrival than the law allows (Russia: 3 days), and by how much. */
  readonly registeredLate?: { readonly daysAfterArrival: number; readonly limitDays: number };
  readonly channel: AppealChannel;
  readonly registeredBy?: string;
  readonly topic: string;
  readonly subject: string;
  readonly text: string;
  readonly applicant: AppealApplicant;
  readonly categories: readonly string[];
  readonly language: Language;
  readonly personKey?: string;
  readonly accessCodeHash: string;
  readonly relatedReference?: string;
  /** What became of the aid decision this appeal names (functions/use-cases/appeals/contested-decision.ts). */
  readonly contestedDecision?: ContestedDecision;
  readonly jurisdiction: string;
  readonly priority: boolean;
  readonly dueDate: string;
  readonly originalDueDate: string;
  readonly extensions: number;
  readonly overdue: boolean;
  readonly escalation: EscalationLevel;
  /** The earlier appeal of the same person on the same topic within 12 months, and how many. */
  readonly repeatOf?: string;
  /** The earlier appeal's case id (appeals registered before it was kept have only the reference). */
  readonly repeatOfCaseId?: string;
  readonly repeatCount: number;
  readonly departments: readonly string[];
  readonly forwardedTo?: string;
  /** Each department's answer, by department code (written in parallel, one key each). */
  readonly departmentAnswers?: Readonly<Record<string, DepartmentAnswer>>;
  /** The coordinator decided to forward: to whom (the forward step reads it). */
  readonly forwardRequest?: { readonly to: string; readonly by: string; readonly at: string };
  /** The coordinator asked the head to extend the deadline. */
  readonly extensionRequest?: {
    readonly reason: string;
    readonly days: number;
    readonly by: string;
    readonly at: string;
  } | null;
  readonly answerDraft?: string;
  /** Whether the answer went out by the due date (set when it does). */
  readonly onTime?: boolean;
  readonly answer?: AppealAnswer;
  readonly feedback?: AppealFeedback;
  readonly timeline: readonly TimelineEntry[];
  readonly workflowError?: { readonly error: string; readonly cause: string; readonly at: string };
  /** Epoch seconds after which TTL deletes the closed appeal (domain/retention.ts). */
  readonly expiresAt?: number;
  /** The head of the case's audit chain: the last event's seq and hash (domain/audit-chain.ts). */
  readonly auditSeq?: number;
  readonly auditHash?: string;
}

export interface ContestedDecision {
  readonly reference: string;
  readonly caseId?: string;
  readonly outcome: 'reopened' | 'not_reopened';
  readonly round?: number;
  readonly reason?: 'unknown_reference' | 'not_the_applicant' | 'not_a_closed_rejection';
}

export type AppealTaskRecord = TaskRecord & { readonly department?: string };

export interface AppealChange extends CodedNote {
  readonly to?: AppealStatus;
  readonly at: string;
  readonly actor: Actor;
  readonly action: string;
  readonly note?: string;
  readonly set?: Record<string, unknown>;
  readonly details?: Record<string, unknown>;
}

/**
 * The two writes of an appeal change, for one transaction: the case update (conditional on the
 * version read, so two writers never both win) and its audit event. A status change is checked
 * against the appeal lifecycle; a change without `to` keeps the status (a note, a flag).
 */
export function appealChange(tableName: string, current: AppealCaseRecord, change: AppealChange) {
  const to = change.to ?? current.status;
  if (to !== current.status && !canTransitionAppeal(current.status, to)) {
    throw new PermanentStepError(`appeal ${current.reference} cannot go from ${current.status} to ${to}`);
  }
  return versionedCaseUpdate(tableName, 'appeal', current, change, to, (s) =>
    isAppealTerminal(s as AppealStatus),
  );
}

export function isAppealCase(item: unknown): item is AppealCaseRecord {
  return typeof item === 'object' && item !== null && (item as { type?: unknown }).type === 'AppealCase';
}
