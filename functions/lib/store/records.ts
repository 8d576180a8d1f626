import type { AidApplication } from '../../../domain/aid-application.js';
import type { AidStatus } from '../../../domain/aid-lifecycle.js';
import type { RecordedVote } from '../../../domain/commission.js';
import type { Money } from '../../../domain/money.js';
import type { PayoutChannel } from '../../../domain/payments.js';
import type { TaskType } from '../../../domain/tasks.js';
import type { CaseEligibility } from './eligibility-records.js';

/** A note the system writes: the pages word it in the reader's language from the code and args. */
export interface CodedNote {
  readonly noteCode?: string;
  readonly noteArgs?: Readonly<Record<string, string>>;
}

export interface TimelineEntry extends CodedNote {
  readonly at: string;
  readonly status: string;
  /** Staff's words as they wrote them, or (with `noteCode`) the system's in English for the log. */
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
  /**
   * The name however spelt, with the birth date (table-spec #37, access-codes.ts `personNameKey`).
   * Cases from before it get it once, from their applicant (local/name-key-migration.ts).
   */
  readonly nameKey?: string;
  /**
   * Set at intake when the case took the person's open-application lock for its aid type
   * (OpenApplicationRecord): reaching a closed status releases it. Cases from before the lock have
   * none and release nothing.
   */
  readonly holdsOpenApplication?: boolean;
  readonly accessCodeHash: string;
  /**
   * Set when the application came with an Idempotency-Key (its case id is derived from the key):
   * the hash of the application as sent, so a retry is told from another application under the
   * same key.
   */
  readonly requestHash?: string;
  readonly ruleSet: { readonly id: string; readonly version: number; readonly hash: string };
  /** The verdict and each rule's reason in the applicant's language (all four: eligibility-records.ts). */
  readonly eligibility?: CaseEligibility;
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
  /**
   * An appeal contested the decision and reopened the case (rejected → in_review). Everyone who
   * decided anything before `requestedAt` takes no part in this round (decide-task.ts).
   */
  readonly reconsideration?: Reconsideration;
  /** The open vote task of each seat, so the vote that decides can close the others. */
  readonly commissionTasks?: readonly { readonly seat: number; readonly taskId: string }[];
  /** The disbursement of the latest payment attempt, and how many attempts there were. */
  readonly disbursementId?: string;
  readonly paymentAttempts?: number;
  /** Epoch seconds after which TTL deletes the closed case (domain/retention.ts); none while open. */
  readonly expiresAt?: number;
  /** The head of the case's audit chain: the last event's seq and hash (domain/audit-chain.ts). */
  readonly auditSeq?: number;
  readonly auditHash?: string;
}

export interface Reconsideration {
  readonly appealCaseId: string;
  readonly appealReference: string;
  readonly requestedAt: string;
  /** 1 for the first reopening; names the workflow execution of the round. */
  readonly round: number;
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
  /** A re-issue changed the payout details (kept on the case only: they are personal data). */
  readonly payoutChanged?: boolean;
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
  /** How it reaches the person: a bank batch, the cash desk, or delivery (in-kind; never batched). */
  readonly channel?: PayoutChannel;
  /** 1 for the first payment of a case; a re-issue after a failed payment is 2, 3, … */
  readonly attempt?: number;
  /** ISO 20022 EndToEndId (≤ 35 characters; domain/payments.ts endToEndIdFor). */
  readonly endToEndId?: string;
  /** The finance officer who authorised it (four eyes on large batches). */
  readonly authorisedBy?: string;
  readonly authorisedBySub?: string;
  /**
   * The task token of the workflow's wait in "Create the disbursement". Settling flips `status`;
   * the stream then sends SendTaskSuccess (paid) or SendTaskFailure PaymentFailed (outbox). A
   * re-entered wait (timeout) refreshes it, and the stream answers the new token if settled.
   */
  readonly taskToken?: string;
  readonly executionId?: string;
  readonly batchId?: string;
  readonly batchedAt?: string;
  readonly settlement?: SettlementRecord;
  readonly delivery?: DeliveryRecord;
  /** When the money counted as spent (settled paid, or delivered). */
  readonly paidAt?: string;
  readonly failedAt?: string;
}

export interface SettlementRecord {
  readonly status: 'paid' | 'failed';
  readonly bankReference?: string;
  readonly reason?: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export interface DeliveryRecord {
  readonly deliveredAt: string;
  readonly receivedBy?: string;
  readonly note?: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/** A payment batch's header (pk BATCH#<batchId>, sk BATCH); control totals per currency. */
export interface PaymentBatchRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'PaymentBatch';
  readonly batchId: string;
  readonly createdBy: string;
  readonly createdBySub: string;
  readonly createdAt: string;
  readonly count: number;
  /** Minor units per currency code. */
  readonly totals: Readonly<Record<string, number>>;
  readonly version: number;
  /** A batch made with an Idempotency-Key: the hash of the request, which a retry must repeat. */
  readonly requestHash?: string;
  /** The register's index keys (table-spec #34); batches made before the register have none. */
  readonly gsi2pk?: string;
  readonly gsi2sk?: string;
  /** Marked sent to the bank (or handed to the cash desk): once, by whom, when. */
  readonly sentAt?: string;
  readonly sentBy?: string;
  readonly sentBySub?: string;
  readonly sentByRoles?: readonly string[];
  /** How many times its files were downloaded, and the last download (the rest: #35). */
  readonly downloads?: number;
  readonly lastDownload?: PaymentBatchDownload;
}

/** One download of a batch's file. */
export interface PaymentBatchDownload {
  readonly format: 'csv' | 'pain001';
  readonly at: string;
  readonly by: string;
  readonly roles: readonly string[];
}

/** A download's own item (pk BATCH#<batchId>, sk DOWNLOAD#<at>#<id>): never changed. */
export interface PaymentBatchDownloadRecord extends PaymentBatchDownload {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'PaymentBatchDownload';
  readonly batchId: string;
  readonly bySub: string;
}

/**
 * One disbursement of a batch (pk BATCH#<batchId>, sk ITEM#<disbursementId>): a copy of what the
 * files need, written in the transaction that moves the disbursement to `batched`, so the files
 * of a batch never change afterwards.
 */
export interface PaymentBatchItemRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'PaymentBatchItem';
  readonly batchId: string;
  readonly disbursementId: string;
  readonly endToEndId: string;
  readonly caseId: string;
  readonly caseReference: string;
  readonly aidType: string;
  readonly fundingSource: string;
  readonly amount: Money;
  readonly channel: PayoutChannel;
  readonly payee: DisbursementRecord['payee'];
  /**
   * Set when the batch's "sent to the bank" is written to this item's case's audit trail (in the
   * same transaction as that event): the marker that makes the events once per item.
   */
  readonly sentAt?: string;
}

/**
 * "One open application per person and aid type" (pk PERSON#<personKey>, sk OPEN#<aidType>): put
 * by intake in the case's transaction, deleted in the transaction that closes the case.
 */
export interface OpenApplicationRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'OpenApplication';
  readonly caseId: string;
  readonly reference: string;
  readonly aidType: string;
  readonly openedAt: string;
}

/**
 * A staff member's identity as an applicant (pk STAFF#<username>, sk IDENTITY): only the person
 * keys intake would compute for them (name + birth date, and national id when known), never the
 * name or the id, so segregation of duties can spot their own application.
 */
export interface StaffIdentityRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'StaffIdentity';
  readonly username: string;
  readonly personKeys: readonly string[];
  /** The name key (table-spec #37): their name however spelt. Identities recorded before have none. */
  readonly nameKey?: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/**
 * An approved case waiting for money (pk CASE#<caseId>, sk WAITLIST), written in the transaction
 * that waitlists the case. While `waiting` it sits in the year's queue (GSI2 WAITLIST#<year>, sort
 * key approval time then case id); the reservation that funds it flips it to `funded` and takes it
 * out of the queue in the same transaction. `taskToken` is the workflow's "Wait for funds" token;
 * the stream sends SendTaskSuccess once the item is funded and has a token (outbox).
 */
export interface WaitlistRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'Waitlist';
  readonly caseId: string;
  readonly year: number;
  readonly status: 'waiting' | 'funded' | 'withdrawn';
  readonly approvedAt: string;
  readonly amount: Money;
  /** The funding sources the case may be paid from, first choice first. */
  readonly sources: readonly string[];
  readonly waitlistedAt: string;
  readonly taskToken?: string;
  readonly fundedAt?: string;
  readonly fundedFrom?: string;
  readonly gsi2pk?: string;
  readonly gsi2sk?: string;
}
