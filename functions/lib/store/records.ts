import type { AidApplication } from '../../../domain/aid-application.js';
import type { AidStatus } from '../../../domain/aid-lifecycle.js';
import type { RecordedVote } from '../../../domain/commission.js';
import type { EligibilityResult } from '../../../domain/eligibility.js';
import type { Money } from '../../../domain/money.js';
import type { TaskType } from '../../../domain/tasks.js';

export interface TimelineEntry {
  readonly at: string;
  readonly status: string;
  readonly note?: string;
}

export interface Reason {
  readonly code: string;
  readonly message: string;
}

export interface CaseDecision {
  readonly outcome: 'approved' | 'rejected' | 'waitlisted';
  readonly reasons: readonly Reason[];
  readonly amount?: Money;
  readonly decidedAt: string;
}

export interface Decider {
  readonly stage: TaskType;
  readonly username: string;
  readonly sub: string;
  readonly outcome: string;
  readonly at: string;
}

/** The aid case item (pk CASE#id, sk CASE). Personal data lives only here and in the payee copy. */
export interface AidCaseRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'AidCase';
  readonly caseId: string;
  readonly kind: 'aid';
  readonly reference: string;
  readonly year: number;
  readonly status: AidStatus;
  readonly version: number;
  readonly submittedAt: string;
  readonly updatedAt: string;
  readonly language: string;
  readonly applicant: AidApplication['applicant'];
  readonly categories: AidApplication['categories'];
  readonly household: AidApplication['household'];
  readonly aidType: AidApplication['aidType'];
  readonly requestedAmount: Money;
  readonly reason: string;
  readonly payout: AidApplication['payout'];
  readonly personKey: string;
  readonly accessCodeHash: string;
  readonly ruleSet: { readonly id: string; readonly version: number; readonly hash: string };
  readonly eligibility?: EligibilityResult;
  readonly decision?: CaseDecision;
  readonly approvedAmount?: Money;
  readonly fundingSource?: string;
  readonly deciders: readonly Decider[];
  readonly timeline: readonly TimelineEntry[];
  readonly workflowError?: { readonly error: string; readonly cause: string; readonly at: string };
  /** The open or last request for information (issue 3): the question and the answer. */
  readonly infoRequest?: InfoRequest;
  /** Commission votes, first vote per member counts (domain/commission.ts). */
  readonly commissionVotes?: readonly RecordedVote[];
  /** The open vote task of each seat, so the vote that decides can close the others. */
  readonly commissionTasks?: readonly { readonly seat: number; readonly taskId: string }[];
}

export interface InfoRequest {
  readonly question: string;
  readonly requestedAt: string;
  readonly requestedBy: string;
  readonly dueAt: string;
  readonly answer?: string;
  readonly answeredAt?: string;
}

/**
 * The workflow's wait for the applicant's answer (pk CASE#id, sk RESPONSE_WAIT): the task token
 * of "Await the applicant's answer". Answering flips `status` to `answered` in the same
 * transaction as the case; the stream then sends SendTaskSuccess (outbox).
 */
export interface ResponseWaitRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'ResponseWait';
  readonly caseId: string;
  readonly taskToken: string;
  readonly status: 'awaiting' | 'answered';
  readonly openedAt: string;
  readonly dueAt: string;
  readonly answeredAt?: string;
}

/** `closed`: a commission vote no longer needed because a majority had already decided. */
export type TaskStatus = 'open' | 'decided' | 'superseded' | 'closed';

export interface TaskDecision {
  readonly outcome: string;
  readonly comment?: string;
  readonly amount?: Money;
  readonly fundingSource?: string;
  readonly answer?: string;
  /** Review approvals: who approves next by the approval ladder, and the commission's seats. */
  readonly approver?: 'head' | 'commission';
  readonly commissionSeats?: readonly number[];
  readonly decidedBy: string;
  readonly decidedBySub: string;
  readonly decidedAt: string;
}

export interface TaskRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'Task';
  readonly taskId: string;
  readonly taskType: TaskType;
  readonly role: string;
  readonly caseId: string;
  readonly caseReference: string;
  readonly status: TaskStatus;
  readonly version: number;
  readonly createdAt: string;
  readonly dueAt: string;
  readonly taskToken: string;
  readonly executionId?: string;
  readonly decision?: TaskDecision;
  /** Commission votes: the member's seat (one open task per seat). */
  readonly seat?: number;
}

export interface BudgetRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'Budget';
  readonly source: string;
  readonly year: number;
  readonly currency: string;
  readonly opening: number;
  readonly allocated: number;
  readonly reserved: number;
  readonly spent: number;
  readonly remaining: number;
  readonly version: number;
}

export interface ReservationRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'Reservation';
  readonly caseId: string;
  readonly source: string;
  readonly year: number;
  readonly amount: Money;
  readonly status: 'active' | 'released' | 'spent';
  readonly reservedAt: string;
  readonly releasedAt?: string;
}

export type DisbursementStatus = 'authorised' | 'batched' | 'paid' | 'failed';

export interface DisbursementRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'Disbursement';
  readonly disbursementId: string;
  readonly caseId: string;
  readonly caseReference: string;
  readonly aidType: string;
  readonly fundingSource: string;
  readonly amount: Money;
  readonly status: DisbursementStatus;
  readonly payee: { readonly name: string } & AidApplication['payout'];
  readonly createdAt: string;
  readonly version: number;
}
