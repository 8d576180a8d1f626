import type { StreamFilterPattern } from './lib/stream-filter.js';

/**
 * Every Lambda function of AidFlow, once. The CDK stack creates one NodejsFunction per entry and
 * grants it exactly `access`; the local runtime imports the same `entry` and invokes its `handler`
 * export in-process. Workflows refer to step functions as `${<name>FunctionArn}`.
 */
export type TableAccess = 'read' | 'readWrite';
export type StepFunctionsAccess = 'startExecution' | 'taskCallbacks' | 'describeExecution' | 'stopExecution';
export type MessagingAccess = 'email' | 'sms';
/** The registry's SQS queues (`queues` below). */
export type QueueName = 'notifications';
/** `send`: may enqueue (and learns the queue's URL); `consume`: its trigger is the queue. */
export type QueueAccess = 'send' | 'consume';

export interface FunctionSpec {
  /** PascalCase; also the CDK construct id and the ASL substitution prefix. */
  readonly name: string;
  /** Path from the repository root to the module that exports `handler`. */
  readonly entry: string;
  readonly trigger: 'http' | 'step' | 'stream' | 'schedule' | 'queue';
  readonly description: string;
  readonly table: TableAccess;
  readonly stepFunctions?: readonly StepFunctionsAccess[];
  /** Messages to applicants: SES e-mail from the configured identity, SNS SMS to phone numbers. */
  readonly messaging?: readonly MessagingAccess[];
  /** The queues it sends to or consumes (a `queue` function consumes exactly one). */
  readonly queues?: Readonly<Partial<Record<QueueName, QueueAccess>>>;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  /**
   * A `stream` function's event filter (the mapping's FilterCriteria; the local poller applies the
   * same, functions/lib/stream-filter.ts): the records it acts on. Without one it gets every record.
   */
  readonly streamFilters?: readonly StreamFilterPattern[];
}

/** Records whose new image is an item of one of `types`. */
function newImageOfType(...types: string[]): StreamFilterPattern {
  return { dynamodb: { NewImage: { type: { S: types } } } };
}

export const functions = [
  // HTTP API (routes in functions/http/routes.ts)
  {
    name: 'SubmitAidApplication',
    entry: 'functions/http/submit-aid-application.ts',
    trigger: 'http',
    description:
      'Accepts an aid application: validates, numbers and stores it (the stream starts its workflow)',
    table: 'readWrite',
  },
  {
    name: 'GetCaseStatus',
    entry: 'functions/http/get-case-status.ts',
    trigger: 'http',
    description: "The applicant's view of a case, behind its access code",
    table: 'readWrite',
  },
  {
    name: 'ListTasks',
    entry: 'functions/http/list-tasks.ts',
    trigger: 'http',
    description: "Open workflow tasks the caller's roles may act on",
    table: 'read',
  },
  {
    name: 'GetTask',
    entry: 'functions/http/get-task.ts',
    trigger: 'http',
    description: 'One task with its case, eligibility explanation and history',
    table: 'read',
  },
  {
    name: 'DecideTask',
    entry: 'functions/http/decide-task.ts',
    trigger: 'http',
    description: "Records a staff decision on a task (the stream resumes the case's workflow)",
    table: 'readWrite',
  },
  {
    name: 'ClaimTask',
    entry: 'functions/http/claim-task.ts',
    trigger: 'http',
    description:
      'Claims a task for the member of staff reading it, so colleagues take another (advice, not a lock), or gives the claim up',
    table: 'readWrite',
  },
  {
    name: 'ListDisbursements',
    entry: 'functions/http/list-disbursements.ts',
    trigger: 'http',
    description: 'Disbursements by status for the finance desk',
    table: 'read',
  },
  {
    name: 'RecordSettlement',
    entry: 'functions/http/record-settlement.ts',
    trigger: 'http',
    description:
      "Records the bank's result for a disbursement: paid (money spent) or failed (money released)",
    table: 'readWrite',
  },
  {
    name: 'RecordDelivery',
    entry: 'functions/http/record-delivery.ts',
    trigger: 'http',
    description: 'Confirms the delivery of in-kind aid, which spends its money like a paid settlement',
    table: 'readWrite',
  },
  {
    name: 'ListLetters',
    entry: 'functions/http/list-letters.ts',
    trigger: 'http',
    description: 'Letters to print and post (applicants who gave only a postal address), oldest first',
    table: 'read',
  },
  {
    name: 'MarkLetterPosted',
    entry: 'functions/http/mark-letter-posted.ts',
    trigger: 'http',
    description: 'Marks a printed letter as posted, which takes it out of the print queue',
    table: 'readWrite',
  },
  {
    name: 'ResendMessage',
    entry: 'functions/http/resend-message.ts',
    trigger: 'http',
    description: 'Has a message to the applicant that failed or was never confirmed sent again',
    table: 'readWrite',
  },
  {
    name: 'CreatePaymentBatch',
    entry: 'functions/http/create-payment-batch.ts',
    trigger: 'http',
    description: 'Groups authorised bank-transfer and cash-desk disbursements into a payment batch',
    table: 'readWrite',
  },
  {
    name: 'GetPaymentBatch',
    entry: 'functions/http/get-payment-batch.ts',
    trigger: 'http',
    description: 'A payment batch: its header, control totals and items',
    table: 'read',
  },
  {
    name: 'GetPaymentBatchFile',
    entry: 'functions/http/get-payment-batch-file.ts',
    trigger: 'http',
    description: 'A payment batch as a CSV or an ISO 20022 pain.001.001.09 file (each download recorded)',
    table: 'readWrite',
  },
  {
    name: 'ListPaymentBatches',
    entry: 'functions/http/list-payment-batches.ts',
    trigger: 'http',
    description: 'The payment batch register, newest first: count, totals, sent to the bank, downloads',
    table: 'read',
  },
  {
    name: 'MarkPaymentBatchSent',
    entry: 'functions/http/mark-payment-batch-sent.ts',
    trigger: 'http',
    description: "Records once who sent a payment batch's files to the bank and when (audited on each case)",
    table: 'readWrite',
  },
  {
    name: 'RespondToRequest',
    entry: 'functions/http/respond-to-request.ts',
    trigger: 'http',
    description: "The applicant's answer to a request for information (the stream resumes the workflow)",
    table: 'readWrite',
  },
  {
    name: 'WithdrawApplication',
    entry: 'functions/http/withdraw-application.ts',
    trigger: 'http',
    description:
      'The applicant withdraws an application: releases reserved money (the stream stops the workflow)',
    table: 'readWrite',
  },
  {
    name: 'GetMinutes',
    entry: 'functions/http/get-minutes.ts',
    trigger: 'http',
    description: "A commission's minutes of a case, as a Markdown document",
    table: 'read',
  },
  {
    name: 'ListBudgets',
    entry: 'functions/http/list-budgets.ts',
    trigger: 'http',
    description: 'Budget lines of a year per funding source (opening, allocated, reserved, spent, remaining)',
    table: 'read',
  },
  {
    name: 'PutBudget',
    entry: 'functions/http/put-budget.ts',
    trigger: 'http',
    description: "Sets a funding source's allocation and opening balance for a year (administrators)",
    table: 'readWrite',
  },
  {
    name: 'OpenApi',
    entry: 'functions/http/openapi.ts',
    trigger: 'http',
    description: 'Serves the OpenAPI 3.1 description generated from the zod schemas',
    table: 'read',
  },
  {
    name: 'SubmitAppeal',
    entry: 'functions/http/submit-appeal.ts',
    trigger: 'http',
    description:
      'Registers an appeal with its legal due date (a clerk may register phone, post and in-person ones)',
    table: 'readWrite',
  },
  {
    name: 'SubmitFeedback',
    entry: 'functions/http/submit-feedback.ts',
    trigger: 'http',
    description: "The applicant's rating of an appeal's answer, which closes the appeal",
    table: 'readWrite',
  },
  {
    name: 'ListRepeatAppellants',
    entry: 'functions/http/list-repeat-appellants.ts',
    trigger: 'http',
    description: 'People who appeal repeatedly on the same topic, for the head of the office',
    table: 'read',
  },
  {
    name: 'AppealsReport',
    entry: 'functions/http/appeals-report.ts',
    trigger: 'http',
    description: 'Appeals received, answered on time, overdue, extended, repeated and rated, by period',
    table: 'read',
  },
  {
    name: 'AidUsageReport',
    entry: 'functions/http/aid-usage-report.ts',
    trigger: 'http',
    description: 'Aid paid in a year by funding source and aid type, amount and people per report group',
    table: 'read',
  },
  {
    name: 'BudgetsReport',
    entry: 'functions/http/budgets-report.ts',
    trigger: 'http',
    description:
      'Budget movement of a year per funding source: opening, allocated, spent on adults and families, closing',
    table: 'read',
  },
  {
    name: 'SearchCases',
    entry: 'functions/http/search-cases.ts',
    trigger: 'http',
    description: 'Staff case search by reference, or by status and kind (newest first)',
    table: 'read',
  },
  {
    name: 'GetCase',
    entry: 'functions/http/get-case.ts',
    trigger: 'http',
    description: 'The full case for staff: application or appeal, status history and tasks',
    table: 'read',
  },
  {
    name: 'GetCaseAudit',
    entry: 'functions/http/get-case-audit.ts',
    trigger: 'http',
    description: "A case's audit trail, oldest first, paginated (auditors and the head)",
    table: 'read',
  },
  {
    name: 'PutStaffIdentity',
    entry: 'functions/http/put-staff-identity.ts',
    trigger: 'http',
    description:
      "Records a member of staff's identity as an applicant (person keys only), for segregation of duties",
    table: 'readWrite',
  },
  {
    name: 'GetStaffIdentity',
    entry: 'functions/http/get-staff-identity.ts',
    trigger: 'http',
    description:
      "Whether a member of staff's identity is recorded: the number of person keys, when and by whom (never names or keys)",
    table: 'read',
  },
  {
    name: 'GetCatalogue',
    entry: 'functions/http/get-catalogue.ts',
    trigger: 'http',
    description:
      'The catalogue: recipient categories, aid types and funding sources, named in four languages',
    table: 'read',
  },
  {
    name: 'PutCatalogueEntry',
    entry: 'functions/http/put-catalogue-entry.ts',
    trigger: 'http',
    description: 'Adds or changes a recipient category, aid type or funding source (administrators)',
    table: 'readWrite',
  },
  {
    name: 'ListRuleSets',
    entry: 'functions/http/list-rule-sets.ts',
    trigger: 'http',
    description: "An aid type's eligibility rule set versions with their effective dates and hashes",
    table: 'read',
  },
  {
    name: 'CreateRuleSet',
    entry: 'functions/http/create-rule-set.ts',
    trigger: 'http',
    description: 'Adds a new eligibility rule set version for an aid type (versions are never edited)',
    table: 'readWrite',
  },
  // Workflow steps
  {
    name: 'CheckEligibility',
    entry: 'functions/steps/check-eligibility.ts',
    trigger: 'step',
    description:
      'Evaluates the case against the rule set pinned at submission; records the verdict and reasons',
    table: 'readWrite',
  },
  {
    name: 'OpenTask',
    entry: 'functions/steps/open-task.ts',
    trigger: 'step',
    description: 'Opens a staff task for a waiting workflow step (stores its task token)',
    table: 'readWrite',
  },
  {
    name: 'AwaitApplicant',
    entry: 'functions/steps/await-applicant.ts',
    trigger: 'step',
    description: "Stores the task token of the wait for the applicant's answer beside the case",
    table: 'readWrite',
  },
  {
    name: 'AwaitFunds',
    entry: 'functions/steps/await-funds.ts',
    trigger: 'step',
    description: "Stores the task token of a waitlisted case's wait for funds on its waitlist item",
    table: 'readWrite',
  },
  {
    name: 'TallyCommission',
    entry: 'functions/steps/tally-commission.ts',
    trigger: 'step',
    description: 'Counts the commission votes, stores the minutes and records the outcome on the case',
    table: 'readWrite',
  },
  {
    name: 'ReserveFunds',
    entry: 'functions/steps/reserve-funds.ts',
    trigger: 'step',
    description: "Reserves the approved amount from a funding source's budget in one transaction",
    table: 'readWrite',
  },
  {
    name: 'ReleaseFunds',
    entry: 'functions/steps/release-funds.ts',
    trigger: 'step',
    description: 'Releases a reservation (rejection after reservation, failed payment)',
    table: 'readWrite',
  },
  {
    name: 'CreateDisbursement',
    entry: 'functions/steps/create-disbursement.ts',
    trigger: 'step',
    description:
      'Creates the authorised disbursement of a payment attempt and stores the wait for its settlement (callback)',
    table: 'readWrite',
  },
  {
    name: 'RecordFailure',
    entry: 'functions/steps/record-failure.ts',
    trigger: 'step',
    description: 'Flags a case whose workflow failed after its retries, for staff attention',
    table: 'readWrite',
  },
  {
    name: 'OpenAppealTask',
    entry: 'functions/steps/open-appeal-task.ts',
    trigger: 'step',
    description:
      'Opens a staff task for a waiting step of the appeal workflow (per department when parallel)',
    table: 'readWrite',
  },
  {
    name: 'AppealStep',
    entry: 'functions/steps/appeal-step.ts',
    trigger: 'step',
    description: 'Routes, forwards, publishes the answer of, or closes an appeal (one transaction each)',
    table: 'readWrite',
  },
  // Schedules
  {
    name: 'SweepAppealDeadlines',
    entry: 'functions/scheduled/sweep-appeal-deadlines.ts',
    trigger: 'schedule',
    description: 'Chases open appeals up the deadline ladder: department reminder, the head told, overdue',
    table: 'readWrite',
  },
  // Streams
  {
    name: 'TableStream',
    entry: 'functions/streams/table-stream.ts',
    trigger: 'stream',
    description:
      'Transactional outbox: starts workflows for new cases, resumes them on decisions, funds the waitlist when a budget gains money (in steps of 100 cases); deletes the rest of a case whose item TTL expired',
    table: 'readWrite',
    stepFunctions: ['startExecution', 'taskCallbacks', 'stopExecution'],
    // Not audit events, notifications, explanations, counters, reservations …: a case's writes
    // are mostly those, and every one of them was an invocation that did nothing.
    streamFilters: [
      newImageOfType(
        'AidCase',
        'AppealCase',
        'Task',
        'Disbursement',
        'ResponseWait',
        'Waitlist',
        'Budget',
        'WaitlistWalk',
      ),
      // Retention: the TTL deleted a case item (the rest of the case goes with it).
      { eventName: ['REMOVE'], dynamodb: { OldImage: { type: { S: ['AidCase', 'AppealCase'] } } } },
    ],
  },
  // The stream's second (and last: DynamoDB Streams serves at most two readers per shard) consumer.
  {
    name: 'InformStream',
    entry: 'functions/streams/inform-stream.ts',
    trigger: 'stream',
    description:
      'Tells applicants of status changes (writes notifications, queues them for delivery) and keeps report aggregates',
    table: 'readWrite',
    queues: { notifications: 'send' },
    // A delivery's claim and its result update the notification twice more: not for this consumer.
    streamFilters: [
      newImageOfType('AidCase', 'Disbursement'),
      {
        eventName: ['INSERT'],
        dynamodb: { NewImage: { type: { S: ['Notification'] }, status: { S: ['pending'] } } },
      },
      // Staff had a failed or unconfirmed message sent again.
      {
        eventName: ['MODIFY'],
        dynamodb: { NewImage: { type: { S: ['Notification'] }, status: { S: ['requeued'] } } },
      },
    ],
  },
  // Queues
  {
    name: 'DeliverNotification',
    entry: 'functions/queues/deliver-notification.ts',
    trigger: 'queue',
    description:
      'Delivers queued notifications to applicants: SES e-mail, SNS SMS or the print queue, at most once each',
    table: 'readWrite',
    messaging: ['email', 'sms'],
    queues: { notifications: 'consume' },
    timeoutSeconds: 20,
  },
] as const satisfies readonly FunctionSpec[];

export type FunctionName = (typeof functions)[number]['name'];

export function functionSpec(name: FunctionName): FunctionSpec {
  const spec = functions.find((f) => f.name === name);
  if (!spec) throw new Error(`Unknown function ${name}`);
  return spec;
}

/**
 * How stream functions consume the table stream: the Lambda event source mapping in AWS and the
 * local stream poller use the same numbers.
 */
export const streamConsumerSettings = {
  batchSize: 25,
  maxBatchingWindowSeconds: 1,
  retryAttempts: 10,
  // One batch per shard at a time: a case's events (new case, then decision) stay in order.
  parallelizationFactor: 1,
} as const;

export interface QueueSettings {
  /** Environment variable through which the functions that send to it learn its URL. */
  readonly urlEnv: string;
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  /** How long a received message stays hidden: a failed one comes back after it (the retry delay). */
  readonly visibilityTimeoutSeconds: number;
  /** Receives before a message moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
  /** Batches at a time (the mapping's ScalingConfig; 2 is SQS's least). */
  readonly maxConcurrency: number;
}

/**
 * The SQS queues: each with its dead-letter queue and alarm in AWS (infra/constructs/), an
 * in-process stand-in in the local runtime (local/queue.ts). Both use these numbers.
 */
export const queues = {
  notifications: {
    urlEnv: 'NOTIFICATION_QUEUE_URL',
    batchSize: 10,
    maxBatchingWindowSeconds: 1,
    // Six times DeliverNotification's timeout, as AWS advises for a Lambda event source: a batch
    // still running is never handed to a second consumer. A throttled message waits as long.
    visibilityTimeoutSeconds: 120,
    // A throttled send comes back after the visibility timeout, and every receive counts: at a
    // peak above the provider's send quota (SES and SMS rates are per account, docs/capacity.md)
    // five receives parked messages in the dead-letter queue after ten minutes. Thirty keep them
    // trying for an hour. Other failures are recorded on the notification, not retried here, so
    // only a malformed message waits the hour before it reaches the dead letters.
    maxReceiveCount: 30,
    // Few batches at a time: each paces its sends to its share of the account's SES and SMS send
    // rates (this number divides them: infra grantMessaging, send-pacer.ts).
    maxConcurrency: 2,
  },
} as const satisfies Record<QueueName, QueueSettings>;

/** The function whose trigger is the queue. */
export function consumerOf(queue: QueueName): FunctionSpec {
  const spec = functions.find((f: FunctionSpec) => f.trigger === 'queue' && f.queues?.[queue] === 'consume');
  if (!spec) throw new Error(`No registry function consumes the ${queue} queue`);
  return spec;
}

/** State machines: one ASL file each under workflows/. */
export const stateMachines = [
  {
    name: 'AidApplication',
    file: 'workflows/aid-application.asl.json',
    /** Environment variable through which handlers learn its ARN. */
    arnEnv: 'AID_STATE_MACHINE_ARN',
  },
  {
    name: 'Appeal',
    file: 'workflows/appeal.asl.json',
    arnEnv: 'APPEAL_STATE_MACHINE_ARN',
    /** The step functions this machine invokes; a machine that lists none uses every other one. */
    steps: ['OpenAppealTask', 'AppealStep'],
  },
] as const;

export type StateMachineName = (typeof stateMachines)[number]['name'];

/** The step functions a machine invokes: its own `steps`, else every step no other machine claims. */
export function stepsOf(machine: StateMachineName): readonly FunctionSpec[] {
  const entry = stateMachines.find((m) => m.name === machine);
  const own: readonly string[] | undefined = entry && 'steps' in entry ? entry.steps : undefined;
  const claimed = new Set<string>(
    stateMachines.flatMap((m) => (m.name !== machine && 'steps' in m ? [...m.steps] : [])),
  );
  return functions.filter((f) => f.trigger === 'step' && (own ? own.includes(f.name) : !claimed.has(f.name)));
}

/**
 * The `definitionSubstitutions` of a workflow: `${<Name>FunctionArn}` for each step function it
 * invokes (every step function when no machine is named). CDK passes real ARNs, so each machine's
 * role may invoke exactly its own steps; the local runtime passes local ARNs that its engine maps
 * back to handlers.
 */
export function workflowSubstitutions(
  arnOf: (fn: FunctionSpec) => string,
  machine?: StateMachineName,
): Record<string, string> {
  const steps = machine ? stepsOf(machine) : functions.filter((f) => f.trigger === 'step');
  return Object.fromEntries(steps.map((f) => [`${f.name}FunctionArn`, arnOf(f)]));
}
