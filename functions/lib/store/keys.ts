export const auditSkPrefix = 'AUDIT#';
const auditSk = (seq: number) => String(seq).padStart(10, '0');
/** The sequence number an audit sort key names, or undefined when it names none (legacy keys). */
export function auditSeqOfSk(sk: string): number | undefined {
  const digits = sk.startsWith(auditSkPrefix) ? sk.slice(auditSkPrefix.length) : '';
  return /^\d{10}$/.test(digits) ? Number(digits) : undefined;
}

/** `keys.case` on its own: esbuild keeps a whole object literal, and delivery needs only this one. */
export const caseKey = (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CASE' });

/** Key builders for the single table (access patterns in functions/lib/table-spec.ts). */
export const keys = {
  case: caseKey,
  caseByReference: (reference: string) => ({ gsi1pk: `REF#${reference}`, gsi1sk: 'CASE' }),
  casesByStatus: (kind: string, status: string, submittedAt: string) => ({
    gsi2pk: `CASES#${kind}#${status}`,
    gsi2sk: submittedAt,
  }),
  /** The case's audit events in chain order (domain/audit-chain.ts): the sequence number, zero-padded. */
  audit: (caseId: string, seq: number) => ({ pk: `CASE#${caseId}`, sk: `${auditSkPrefix}${auditSk(seq)}` }),
  reservation: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'RESERVATION' }),
  responseWait: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'RESPONSE_WAIT' }),
  /** The commission's minutes of a decision round: the first has `MINUTES`, a reconsideration `MINUTES#R<nnn>`. */
  minutes: (caseId: string, round = 0) => ({
    pk: `CASE#${caseId}`,
    sk: round > 0 ? `MINUTES#R${String(round).padStart(3, '0')}` : 'MINUTES',
  }),
  waitlist: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'WAITLIST' }),
  /** The continuation of a waitlist walk that handed on (functions/use-cases/waitlist.ts). */
  waitlistWalk: (year: number, source: string) => ({ pk: `WAITLIST_WALK#${year}#${source}`, sk: 'WALK' }),
  /** The waitlist of a year in approval order (sparse: only waiting items carry it). */
  waitlistQueue: (year: number, approvedAt: string, caseId: string) => ({
    gsi2pk: `WAITLIST#${year}`,
    gsi2sk: `${approvedAt}#${caseId}`,
  }),
  staffIdentity: (username: string) => ({ pk: `STAFF#${username}`, sk: 'IDENTITY' }),
  /** Guards "a rule set version is created once" across effective dates. */
  ruleSetVersion: (aidType: string, version: number) => ({
    pk: `RULESET_VERSION#${aidType}`,
    sk: `V${String(version).padStart(7, '0')}`,
  }),
  /** Guards "one open case per person and aid type" (intake's duplicate check). */
  openApplication: (personKey: string, aidType: string) => ({
    pk: `PERSON#${personKey}`,
    sk: `OPEN#${aidType}`,
  }),
  counter: (kind: string, year: number) => ({ pk: `COUNTER#${kind}#${year}`, sk: 'COUNTER' }),
  idempotency: (keyHash: string) => ({ pk: `IDEMPOTENCY#${keyHash}`, sk: 'IDEMPOTENCY' }),
  task: (taskId: string) => ({ pk: `TASK#${taskId}`, sk: 'TASK' }),
  /** Who is looking at the task (domain/task-claims.ts), and the role's claims by their end. */
  taskClaim: (taskId: string) => ({ pk: `TASK#${taskId}`, sk: 'CLAIM' }),
  taskClaimsOfRole: (role: string) => `TASK_CLAIMS#${role}`,
  tasksOfCase: (caseId: string, createdAt: string) => ({ gsi1pk: `CASE_TASKS#${caseId}`, gsi1sk: createdAt }),
  openTasks: (role: string, createdAt: string, taskId: string) => ({
    gsi2pk: `OPEN_TASKS#${role}`,
    gsi2sk: `${createdAt}#${taskId}`,
  }),
  budget: (year: number, source: string) => ({ pk: `BUDGET#${year}`, sk: `SOURCE#${source}` }),
  disbursement: (id: string) => ({ pk: `DISBURSEMENT#${id}`, sk: 'DISBURSEMENT' }),
  disbursementsByStatus: (status: string, createdAt: string) => ({
    gsi2pk: `DISBURSEMENTS#${status}`,
    gsi2sk: createdAt,
  }),
  /** A payment batch's header, and its items beside it (one per disbursement). */
  paymentBatch: (batchId: string) => ({ pk: `BATCH#${batchId}`, sk: 'BATCH' }),
  paymentBatchItem: (batchId: string, disbursementId: string) => ({
    pk: `BATCH#${batchId}`,
    sk: `ITEM#${disbursementId}`,
  }),
  /** The batch register, newest first (on the batch header; every batch, never removed). */
  paymentBatchRegister: (createdAt: string, batchId: string) => ({
    gsi2pk: 'PAYMENT_BATCHES',
    gsi2sk: `${createdAt}#${batchId}`,
  }),
  /** One download of a batch's file (who, when, which file), beside the batch's items. */
  paymentBatchDownload: (batchId: string, at: string, downloadId: string) => ({
    pk: `BATCH#${batchId}`,
    sk: `DOWNLOAD#${at}#${downloadId}`,
  }),
  catalogue: (kind: string, code: string) => ({ pk: `CATALOGUE#${kind}`, sk: code }),
  ruleSet: (aidType: string, effectiveFrom: string, version: number) => ({
    pk: `RULESET#${aidType}`,
    sk: `FROM#${effectiveFrom}#V${String(version).padStart(4, '0')}`,
  }),
  policy: (name: string, effectiveFrom: string) => ({ pk: `POLICY#${name}`, sk: `FROM#${effectiveFrom}` }),
  approvalLadder: () => ({ pk: 'POLICY#approval-ladder', sk: 'CURRENT' }),
  throttle: (scope: string, id: string) => ({ pk: `THROTTLE#${scope}#${id}`, sk: 'THROTTLE' }),
} as const;
