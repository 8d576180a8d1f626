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
 * | 5 | idempotent intake                              | pk = IDEMPOTENCY#<key>, sk = IDEMPOTENCY (TTL'd)           |
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
 *
 * Every mutable entity carries `version` (optimistic concurrency: writes are conditional on it).
 * The stream (new and old images) drives the transactional outbox (workflow starts, task
 * callbacks) and notifications.
 */
export const tableSpec = {
  /** Logical name; the deployed name comes from the TABLE_NAME environment variable. */
  logicalName: 'AidFlowTable',
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  streamViewType: 'NEW_AND_OLD_IMAGES',
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

export type TableSpec = typeof tableSpec;
