/**
 * The one DynamoDB table: its keys, indexes and stream, shared by the CDK stack (infra/) and the
 * local bootstrap (local/). Single-table design; every item carries `pk`, `sk` and `type`.
 *
 * Access patterns (A = attribute set on the item; GSIs are sparse: only items that set them appear)
 *
 * | # | pattern                                        | key condition                                              |
 * |---|------------------------------------------------|------------------------------------------------------------|
 * | 1 | case by id (with timeline, audit, reservation) | pk = CASE#<caseId>  (sk = CASE | TIMELINE#… | AUDIT#… | RESERVATION) |
 * | 2 | case by reference (applicant status page)      | GSI1 gsi1pk = REF#<reference>                              |
 * | 3 | cases by kind + status, newest first           | GSI2 gsi2pk = CASES#<kind>#<status>, gsi2sk = submittedAt   |
 * | 4 | next reference number for a kind and year      | pk = COUNTER#<kind>#<year>, sk = COUNTER (atomic ADD)      |
 * | 5 | idempotent intake                              | appeals: pk = IDEMPOTENCY#<key>, sk = IDEMPOTENCY (TTL'd); aid: the case itself, caseId = keyed hash of the key (pattern 1) |
 * | 6 | task by id                                     | pk = TASK#<taskId>, sk = TASK                              |
 * | 7 | open tasks for a role, oldest first            | GSI2 gsi2pk = OPEN_TASKS#<role>, gsi2sk = createdAt#taskId (removed when decided) |
 * | 8 | tasks of a case                                | GSI1 gsi1pk = CASE_TASKS#<caseId>, gsi1sk = createdAt       |
 * | 9 | budget line of a source and year               | pk = BUDGET#<year>, sk = SOURCE#<source>                   |
 * |10 | budgets of a year                              | pk = BUDGET#<year> (query)                                 |
 * |11 | disbursement by id                             | pk = DISBURSEMENT#<id>, sk = DISBURSEMENT                  |
 * |12 | disbursements by status, oldest first          | GSI2 gsi2pk = DISBURSEMENTS#<status>, gsi2sk = createdAt    |
 * |13 | catalogue entries and rule sets                | pk = CATALOGUE#<kind>, sk = <code>; pk = RULESET#<aidType>, sk = FROM#<date> |
 * |14 | policy values (subsistence minimum …)          | pk = POLICY#<name>, sk = FROM#<date>                       |
 * |15 | notifications of a case                        | pk = CASE#<caseId>, sk = NOTIFICATION#<at>#<id>            |
 * |16 | payment batch header and its items             | pk = BATCH#<batchId> (sk = BATCH | ITEM#<disbursementId>)   |
 * |17 | current disbursement of a case (re-issues)     | case item's `disbursementId` → pattern 11; ids dsb_<caseId>[_<attempt>] |
 * |18 | letters to print, oldest first                 | GSI2 gsi2pk = PRINT_QUEUE, gsi2sk = at (Notification items in status to_print) |
 * |19 | aid usage rows of a year (aid-usage report)    | pk = AID_USAGE#<year>, sk = ROW#<source>#<aidType>          |
 * |20 | "counted once" markers of report aggregates    | pk = CASE#<caseId>, sk = COUNTED#…; pk = PERSON#<personKey>, sk = COUNTED#USAGE#… |
 * |21 | a person's open application of an aid type     | pk = PERSON#<personKey>, sk = OPEN#<aidType> (intake's duplicate lock; deleted on closing) |
 * |22 | a case's waitlist item (token, approval time)  | pk = CASE#<caseId>, sk = WAITLIST                          |
 * |23 | waitlist of a year, in approval order          | GSI2 gsi2pk = WAITLIST#<year>, gsi2sk = approvedAt#caseId (waiting only; filter `sources` by source) |
 * |24 | a member of staff's person keys                | pk = STAFF#<username>, sk = IDENTITY                       |
 * |25 | rule set versions of an aid type; version used | pk = RULESET#<aidType>, sk begins_with FROM#; pk = RULESET_VERSION#<aidType>, sk = V<version> |
 * |26 | a case's audit trail, in chain order, paged    | pk = CASE#<caseId>, sk begins_with AUDIT# (sk = AUDIT#<seq, 10 digits>; head on the case: auditSeq, auditHash) |
 * |27 | staff case search (GET /v1/cases)              | by reference: pattern 2; by status: pattern 3, newest first, paged |
 * |28 | expired closed cases (retention)               | case item `expiresAt` (the TTL attribute; domain/retention.ts); TTL's REMOVE → the stream deletes pattern 1's partition, pattern 8's tasks, an appeal's person entry and the case's disbursements (functions/use-cases/retention.ts); #31's entry leaves with the case item |
 * |29 | every audit chain (npm run audit:verify)       | parallel Scan, sk begins_with AUDIT# or = CASE (scripts/audit-verify.ts) |
 * |30 | a case's eligibility reasons in every language | pk = CASE#<caseId>, sk = ELIGIBILITY (written once by the check; the case keeps one language) |
 * |31 | a person's aid cases of an aid type (12-month rules) | GSI3 personKey = <personKey>, aidType = <aidType> (the aid case item's own attributes; appeals carry no aidType) |
 * |32 | a case's commission minutes, one per decision round | pk = CASE#<caseId>, sk = MINUTES (first round) or MINUTES#R<nnn> (reconsideration n); latest: begins_with(sk, MINUTES), descending, Limit 1 |
 * |33 | a waitlist walk's next step (stream-driven)   | pk = WAITLIST_WALK#<year>#<source>, sk = WALK (put by a step that tried its 100 cases; its record runs the next; TTL a day) |
 * |34 | payment batch register, newest first, paged    | GSI2 gsi2pk = PAYMENT_BATCHES, gsi2sk = createdAt#batchId (the batch header; read by key for count, totals, sent) |
 * |35 | downloads of a batch's files, newest first     | pk = BATCH#<batchId>, sk begins_with DOWNLOAD# (sk = DOWNLOAD#<at>#<id>; the header keeps the count and the last) |
 * |36 | who is looking at a task; a role's running claims | pk = TASK#<taskId>, sk = CLAIM (one conditional put); GSI2 gsi2pk = TASK_CLAIMS#<role>, gsi2sk > now (gsi2sk = <until>#<username>; only running claims are read; TTL a day after) |
 * |37 | a person's aid cases by name, however spelt (12-month rules, caller search) | GSI4 nameKey = <name key>, aidType = <aidType> (the aid case item's own attributes: a keyed hash of the name with ё as е and its words sorted, and the birth date; set with or without a national id) |
 *
 * GSI1, GSI3 and GSI4 project keys only; GSI2 keys plus the few immutable attributes of #7 and #23. Every other
 * index reader (#2, #3, #8, #12, #31, #34, #37, the sweeper's open appeals) queries the keys and then reads the
 * items themselves by key (BatchGetItem, consistent), dropping entries whose item has since left
 * the partition (the index is eventually consistent).
 *
 * Every mutable entity carries `version` (optimistic concurrency: writes are conditional on it).
 * The stream (new and old images) drives the transactional outbox (workflow starts, task
 * callbacks; functions/streams/table-stream.ts), and notifications and report aggregates
 * (functions/streams/inform-stream.ts).
 */
export const tableSpec = {
  /** Logical name; the deployed name comes from the TABLE_NAME environment variable. */
  logicalName: 'AidFlowTable',
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  streamViewType: 'NEW_AND_OLD_IMAGES',
  /**
   * Projections are as small as the list queries allow (issue 7): on-demand DynamoDB writes an
   * index entry at its projected size whenever an item's projected attributes or index keys change,
   * so an index projecting ALL rewrote the whole case (≈ 6 KB) on every case update. Readers that
   * need more than the index holds fetch the items by key (functions/lib/store/index-items.ts).
   */
  globalSecondaryIndexes: [
    // Keys only: a reference lookup needs the case's key (pk), the tasks of a case are read from
    // the table by key (consistent, and current after a decision).
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', nonKeyAttributes: [] },
    {
      indexName: 'gsi2',
      partitionKey: 'gsi2pk',
      sortKey: 'gsi2sk',
      // What the task inbox shows (#7) and the waitlist walk filters and reserves by (#23). Each is
      // set once on the items it appears on while they are indexed, so an index entry is written
      // only when its keys change (a status change), never when a case grows.
      nonKeyAttributes: [
        'taskId',
        'taskType',
        'caseId',
        'caseReference',
        'createdAt',
        'dueAt',
        'sources',
        'amount',
      ],
    },
    // Keys only, on two attributes every aid case already carries and never changes: the person
    // index (#31) costs one small index write per case and no item of its own in the intake's
    // transaction, adds nothing to the case item (which every later write is billed for), and its
    // entry leaves with the case. The eligibility check reads the cases it names by key.
    { indexName: 'gsi3', partitionKey: 'personKey', sortKey: 'aidType', nonKeyAttributes: [] },
    // The person key is one spelling's, and a national id's when one was given: the same person
    // writing "Петр" for "Пётр", or leaving the id out next time, has another. The name key is
    // the same for every spelling, so the once-a-year rules need one query, not one per spelling
    // (#37). One more small index write per case, at intake only (it never changes).
    { indexName: 'gsi4', partitionKey: 'nameKey', sortKey: 'aidType', nonKeyAttributes: [] },
  ],
} as const;

export type TableSpec = typeof tableSpec;
export type IndexSpec = TableSpec['globalSecondaryIndexes'][number];

/** An index's projection in DynamoDB's API terms (CreateTable, UpdateTable, DescribeTable). */
export function indexProjection(index: IndexSpec): {
  ProjectionType: 'KEYS_ONLY' | 'INCLUDE';
  NonKeyAttributes?: string[];
} {
  return index.nonKeyAttributes.length === 0
    ? { ProjectionType: 'KEYS_ONLY' }
    : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.nonKeyAttributes] };
}
