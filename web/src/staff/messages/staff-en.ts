import type { ChainProblem } from '../../../../domain/audit-chain-problem.js';

/** Outcomes named as on the form, quoted, joined by “or”. */
const either = (names: readonly string[]) => names.map((n) => `“${n}”`).join(' or ');

/**
 * The staff desk's strings, in English: a chunk that comes with the staff desk, so an applicant's
 * phone never downloads them (docs/performance.md §17). The other languages are typed against it.
 */
export const staffEn = {
  // Staff
  staffTitle: 'Staff sign-in',
  staffIntro: 'For staff of the social protection office.',
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signInFailed: 'The username or the password is wrong. Check them and try again.',
  signOut: 'Sign out',
  signedInAs: (name: string, roles: string) => `Signed in as ${name} (${roles})`,
  sessionEnded: 'Your session has ended. Sign in again to continue.',
  sessionEndsSoon: (time: string) =>
    `Your sign-in ends at ${time}. Record what you are working on before then, or sign in again now: a decision you have started is kept.`,
  sessionEndedKeepTyping:
    'Your sign-in has ended. You can go on typing: sign in again to record your decision, and what you have typed is kept.',
  signInAgainNow: 'Sign in again now',
  networkErrorReading: 'We could not reach AidFlow. Check your internet connection and try again.',
  demoHint:
    'Local demo: users clerk, reviewer, head, commission1, finance, admin, auditor; every password is “demo”.',
  staffNav: 'Staff menu',
  navTasks: 'Tasks',
  navPayments: 'Payments',
  navBudgets: 'Budgets',
  navReports: 'Reports',
  navLetters: 'Letters',
  navMailbox: 'Mailbox',
  tasksTitle: 'Your tasks',
  tasksIntro: 'Open tasks your roles can act on. Overdue tasks come first, then the ones due soonest.',
  showTaskType: 'Show',
  allTaskTypes: (n: number) => `All tasks (${n})`,
  noTasksOfType: (type: string) =>
    `There are no open tasks of this type (${type}). Choose “All tasks” to see the others.`,
  tasksEmpty: 'There are no open tasks for you. New tasks appear here when applications reach your step.',
  refresh: 'Refresh',
  taskColumn: 'Task',
  referenceColumn: 'Reference',
  dueColumn: 'Due',
  receivedColumn: 'Received',
  dueToday: 'Due today',
  claimedBy: (name: string) => `Being looked at by ${name}`,
  claimHeldTitle: 'Someone else is looking at this task',
  claimHeld: (name: string, until: string) =>
    `${name} opened this task and may be deciding it now (until ${until} at the latest). Take the next task in the inbox, or take this one over if ${name} has left it.`,
  takeOver: 'Take it over',
  tookOver: 'This task is yours now: colleagues see that you are looking at it.',
  leaveForOthers: 'Leave it for someone else',
  taskCountAtLeast: (n: number) => `${n} open tasks shown; there are more`,
  priorityTag: 'Priority',
  taskCount: (n: number) => (n === 1 ? '1 open task' : `${n} open tasks`),
  overdueCount: (n: number) => `${n} overdue`,
  moreTasks: 'Load more tasks',
  taskTypes: {
    review: 'Review',
    approve: 'Approval',
    commission_vote: 'Commission vote',
    authorise_payment: 'Payment authorisation',
    department_answer: 'Department answer',
    consolidate_answer: 'Answer to the applicant',
    close_unanswered_request: 'Unanswered information request',
    sign_off_answer: 'Sign-off of the answer',
    approve_extension: 'Approval of a deadline extension',
    reissue_payment: 'Correction of a failed payment',
  } as Record<string, string>,
  outcomes: {
    approve: 'Approve',
    reject: 'Reject',
    request_info: 'Ask the applicant for more information',
    answer: 'Answer',
    extend: 'Extend the deadline',
    forward: 'Forward to another organisation',
    not_answerable: 'Cannot be answered',
    reissue: 'Correct and re-issue the payment',
    close: 'Close the case (cannot be paid)',
  } as Record<string, string>,
  /**
   * An outcome in its task's own words where the general name would mislead (finance's "Reject"
   * rejects the whole application; a sign-off's sends the draft back). The API values stay as they are.
   */
  taskOutcomes: {
    authorise_payment: {
      approve: { label: 'Authorise the payment' },
      reject: {
        label: 'Do not authorise: reject the application',
        hint: 'The whole application is rejected, and the applicant is told the reasons you give.',
      },
    },
    close_unanswered_request: {
      reject: {
        label: 'Reject the application: the information was not sent',
        hint: 'The applicant is told the reasons you give.',
      },
      extend: { label: 'Give the applicant more time to answer' },
    },
    sign_off_answer: {
      approve: { label: 'Sign off: the answer goes to the applicant' },
      reject: { label: 'Send the draft back for changes', hint: 'Say in the reason what has to change.' },
    },
    approve_extension: {
      approve: { label: 'Approve the extension' },
      reject: { label: 'Refuse the extension' },
    },
  } as Record<string, Record<string, { label: string; hint?: string }>>,
  backToTasks: 'Back to your tasks',
  taskNotFound: 'This task does not exist or is no longer open.',
  taskForbidden: 'This task is for another role. You cannot open it.',
  applicant: 'Applicant',
  perPerson: 'per person',
  eligibility: 'Eligibility check, rule by rule',
  gistRequested: (amount: string) => `${amount} asked`,
  gistProposed: (amount: string) => `${amount} proposed by the review`,
  verdict: 'Result',
  verdicts: {
    eligible: 'Eligible: every rule is met',
    ineligible: 'Not eligible: a mandatory rule is not met',
    needs_review: 'Needs a decision: a discretionary rule is not met',
  } as Record<string, string>,
  rule: 'Rule',
  ruleResult: 'Result',
  mandatory: 'mandatory',
  otherOpenApplicationRule: 'Another open application of the same person for this aid',
  history: 'History',
  decidedBy: (who: string, outcome: string) => `${outcome} by ${who}`,
  taskOpen: 'open',
  yourDecision: 'Your decision',
  decisionComment: 'Comment',
  approvedAmount: 'Amount to approve, in roubles',
  approvedAmountProposedHint: (requested: string, proposed: string) =>
    `Requested: ${requested}. The review proposed ${proposed}: leave it to approve that, or enter another amount, never more than requested.`,
  approvedAmountHint: (requested: string) =>
    `Requested: ${requested}. Leave as it is to approve the requested amount, or enter less; never more.`,
  fundingSource: 'Funding source',
  amountAboveRequested: (requested: string) =>
    `The amount to approve may not be more than the applicant asked for, ${requested}. Enter ${requested} or less, or reject with reasons.`,
  sourceLeft: (source: string, left: string) => `${source} — ${left} left`,
  sourceNoLine: (source: string, year: string) => `${source} — no budget for ${year}`,
  sourcesLeftHint: (year: string) => `After each source: what its budget has left for ${year}.`,
  sourceLeftChosen: (source: string, left: string) => `Chosen: ${source}, ${left} left.`,
  departmentAnswer: (department: string) =>
    `The answer of ${department} (the clerk puts the departments' answers together for the applicant)`,
  appealAnswer: 'Answer to the applicant',
  appealAnswersTitle: 'Answers',
  departmentAwaited: 'Not answered yet',
  answeredBy: (who: string, when: string) => `${who}, ${when}`,
  forwardedToOrganisation: 'Forwarded to',
  answerDraftTitle: 'The answer to be sent (awaiting sign-off)',
  answerSentTitle: 'The answer sent to the applicant',
  recordDecision: 'Record the decision',
  recordingDecision: 'Recording…',
  decisionRecorded: (ref: string) => `Decision recorded for ${ref}.`,
  decisionRecordedNext: (ref: string) => `Decision recorded for ${ref}. This is the next task in your inbox.`,
  openNextTask: 'Then open the next task in my inbox',
  openNextTaskHint: 'Kept for your next decisions on this computer.',
  decisionConflict: 'Someone has already decided this task. Go back to your tasks to see what is open.',
  decisionRefused: {
    own_application:
      'You are the applicant on this case, so you may not decide it (segregation of duties). A colleague has to take this task.',
    took_part_in_contested: (appeal: string, stage: string) =>
      `You took part in the decision that appeal ${appeal} contests (${stage}). A colleague who did not must reconsider it (segregation of duties).`,
    corrected_payout:
      'You corrected the payout details of this payment, so a colleague must authorise the re-issued payment (segregation of duties).',
    approved_this_aid: (stage: string) =>
      `You approved this aid (${stage}), so someone who did not approve it must authorise the payment (segregation of duties).`,
    decided_before: (stage: string) =>
      `You already decided on this case (${stage}). A colleague must take this step (segregation of duties).`,
    task_role_required: 'This task is for another role, so you cannot decide it.',
    head_limit_exceeded: (limit: string) =>
      `A head of department may approve up to ${limit} of this aid type; a larger amount needs the commission. Approve at most that amount, or reject with the reasons.`,
    case_withdrawn: 'The applicant withdrew this application meanwhile, so there is nothing left to decide.',
    case_moved_on: (status: string) =>
      `The case moved on meanwhile and is now: ${status}. Go back to your tasks to see what it needs now.`,
    commission_decided: 'The commission decided by majority before your vote, so your vote was not recorded.',
  },
  extensionRefused: {
    already_extended: 'This deadline was already extended as many times as the law allows.',
    not_positive: 'Extend by a whole number of days, at least one.',
    past_due: 'The deadline has passed: an extension has to be decided before it.',
    too_long: 'The law does not allow that long an extension for this appeal. Choose fewer days.',
  } as Record<string, string>,
  draftRestored: 'What you had typed for this task before is back. Check it, then record the decision.',
  decidedByYou: (outcome: string, when: string) =>
    `You decided this task: ${outcome}${when ? `, ${when}` : ''}.`,
  decidedByOther: (who: string, outcome: string, when: string) =>
    `${who} decided this task: ${outcome}${when ? `, ${when}` : ''}.`,
  yourDecisionNotRecorded: 'Your decision was not recorded.',
  decisionAlreadyRecorded: (ref: string, outcome: string) =>
    `Your decision on ${ref} was already recorded: ${outcome}.`,
  taskClosedByMajority: 'This vote was closed: the commission had already decided by majority.',
  taskReplaced: 'This task is no longer open: a newer task replaced it.',
  taskNotOpened: 'The task could not be opened',
  caseNotOpened: 'The case could not be opened',
  // Finance
  paymentsTitle: 'Payments',
  paymentsIntro:
    'Disbursements authorised for payment. Put them into a batch, send the file to the bank, then record what the bank paid.',
  disbursementStatuses: {
    authorised: 'Authorised',
    batched: 'In a batch',
    paid: 'Paid',
    failed: 'Failed',
  } as Record<string, string>,
  payee: 'Payee',
  aidTypeColumn: 'Aid',
  sourceColumn: 'Source',
  statusColumn: 'Status',
  noDisbursements: 'There are no disbursements with this status.',
  createBatch: 'Create a payment batch of all authorised disbursements',
  creatingBatch: 'Creating the batch…',
  batchCreated: (count: number, total: string) => `Batch created: ${count} payments, ${total} in total.`,
  downloadCsv: 'Download CSV',
  downloadPain: 'Download pain.001 (ISO 20022)',
  markPaid: 'Record as paid',
  markFailed: 'Record as failed',
  settlementRecorded: (ref: string) => `Settlement recorded for ${ref}.`,
  showStatus: 'Show',
  // Budgets, reports, mailbox
  budgetsTitle: 'Budgets',
  budgetYear: 'Year',
  opening: 'Opening balance',
  allocated: 'Allocated',
  reserved: 'Reserved',
  spent: 'Spent',
  remaining: 'Remaining',
  reportsTitle: 'Reports',
  reportAidUsage: 'Aid paid, by funding source and type',
  downloadReportCsv: 'Download as CSV',
  families: 'Families with children',
  adults: 'Adults',
  persons: 'people',
  mailboxTitle: 'Mailbox (local)',
  mailboxIntro: 'Notifications the local system has sent to applicants, newest first.',
  mailboxEmpty: 'No notifications have been sent yet.',
  to: 'To',
  sentAt: 'Sent',
  noRole: 'Your roles do not give access to this page.',
  // Staff desk, issue 5
  tableOf: (title: string) => `Table: ${title}`,
  pageNumber: (page: number) => `Page ${page}`,
  actions: 'Actions',
  cancel: 'Cancel',
  saving: 'Saving…',
  search: 'Search',
  total: 'Total',
  navCases: 'Cases',
  navRules: 'Rules',
  navCatalogue: 'Catalogue',
  hostedUiIntro: 'You sign in on the office’s sign-in page, with your password and your authenticator app.',
  signInRefused: (code: string) =>
    `The sign-in was not completed (the sign-in service answered: ${code}). Sign in again; if it keeps happening, tell the administrator.`,
  signInDenied:
    'The sign-in service did not let you in: the sign-in was cancelled, or your account may not use the staff desk. Sign in again, or ask the administrator.',
  signInUnavailable: 'The sign-in service is not available just now. Try again in a few minutes.',
  signInExpired: 'The sign-in took too long or was started in another tab. Sign in again.',
  signInAgain: 'Sign in again',
  // Cases
  casesTitle: 'Cases',
  casesIntro: 'Find a case by its reference number, or list the cases in a status, newest first.',
  searchByReference: 'Reference number',
  searchByReferenceHint: 'For example, AID-2026-000123. Leave empty to search by status.',
  findPersonTitle: "Find a person's cases",
  findPersonHint:
    'For a caller without their reference number: the full name as on the application, and the date of birth. Ё or е, and the surname first or last, do not matter.',
  findPerson: 'Find their cases',
  searchByStatus: 'Status',
  kindAid: 'Aid',
  kindAppeal: 'Appeal',
  casesFound: (n: number, more: boolean) =>
    more ? `${n} cases on this page; there are more` : n === 1 ? '1 case' : `${n} cases`,
  noCases: 'No case matches this search.',
  caseSubject: 'Aid or topic',
  caseTitle: (reference: string) => `Case ${reference}`,
  openCase: (reference: string) => `Open the whole case ${reference}`,
  backToCases: 'Back to cases',
  caseSections: 'Case sections',
  caseTab: 'Case',
  auditTab: 'Audit trail',
  caseDecision: 'Decision',
  decisionOutcomes: { approved: 'Approved', rejected: 'Rejected', waitlisted: 'Waiting for funds' } as Record<
    string,
    string
  >,
  taskStatuses: { decided: 'decided', closed: 'closed (not needed)', open: 'open' } as Record<string, string>,
  minutesTitle: 'Commission minutes',
  minutesIntro: 'The members, their votes and comments, the date and the outcome, as a Markdown document.',
  downloadMinutes: 'Download the minutes',
  minutesNotYet: 'The minutes are written once the commission has decided. Try again later.',
  auditTitle: 'Audit trail',
  auditIntro: 'Every change to this case, oldest first: when, who, what, and the values before and after.',
  auditCheck: 'Check the chain',
  auditChecking: 'Checking…',
  auditDownload: 'Download the trail (CSV)',
  auditIntact: 'The trail is intact',
  chainProblem: (p: ChainProblem): string => {
    switch (p.kind) {
      case 'edited':
        return `Event ${p.seq} was edited: its content does not match its hash.`;
      case 'missing':
        return p.from === p.to
          ? `Event ${p.from} is missing (deleted).`
          : `Events ${p.from}–${p.to} are missing (deleted).`;
      case 'broken_link':
        return `Event ${p.seq} does not link to the event before it.`;
      case 'unchained':
        return `An audit item (${p.sk}) is not part of the chain.`;
      case 'beyond_head':
        return `Event ${p.seq} lies beyond the end recorded on the case.`;
      case 'head_mismatch':
        return `The end recorded on the case does not match event ${p.seq}.`;
      case 'no_head':
        return 'The case item is gone: the end of the trail cannot be checked.';
    }
  },
  staffReferenceInvalid: 'Enter the whole reference, like AID-2026-000123 or APL-2026-000045',
  auditBroken: 'The trail has been tampered with',
  auditCheckSummary: (events: number, head: number) =>
    `${events} events checked link by link against the case's record of the last one (#${head}).`,
  auditEmpty: 'There are no audit events for this case.',
  auditWhen: 'When',
  auditWho: 'Who',
  auditWhat: 'What',
  auditChange: 'Change',
  auditShowChange: 'Show the values',
  auditBefore: 'Before',
  auditAfter: 'After',
  actorKinds: { applicant: 'The applicant', system: 'The system', staff: 'Staff' } as Record<string, string>,
  // Commission votes
  commissionVotes: 'Commission votes',
  member: 'Member',
  vote: 'Vote',
  seat: (n: number) => `Seat ${n}`,
  yourVote: 'Your vote',
  castVote: 'Cast your vote',
  voteCommentHint: 'Goes into the minutes. A vote to reject needs the reasons.',
  votesAfterYours: 'The other members’ votes are shown here after you have voted.',
  voteRecorded: (reference: string) => `Your vote on ${reference} is recorded.`,
  youHaveVoted: 'You have voted. The votes cast so far are shown with the case.',
  // Re-issue
  currentPayout: 'Payout details now',
  // The case as staff read it: about the applicant, not in the applicant's own first person.
  caseReason: 'Why the applicant asks for help',
  payoutBankDetails: (p: { holder: string; iban?: string; accountNumber?: string; bic?: string }) =>
    [
      `Bank transfer to the applicant’s account: account holder ${p.holder}`,
      p.iban ? `IBAN ${p.iban}` : `account number ${p.accountNumber ?? '—'}`,
      ...(p.bic ? [`BIC ${p.bic}`] : []),
    ].join(', '),
  correctPayoutQuestion: 'Payout details for the new payment',
  samePayout: 'Keep the same details (the bank’s failure was passing)',
  newPayout: 'Correct the details',
  deliveryAddressHintApplicant: 'Leave empty to deliver to the applicant’s postal address.',
  // Finance desk
  channels: {
    bank_transfer: 'Bank transfer',
    cash_desk: 'Cash desk',
    delivery: 'Delivered in kind',
    in_kind: 'Delivered in kind',
  } as Record<string, string>,
  attempt: (n: number) => `attempt ${n}`,
  batchEmpty: 'There was nothing to put into a batch: in-kind aid is delivered, not paid through the bank.',
  batchTitle: (id: string) => `Batch ${id}`,
  batchCount: 'Payments in the batch',
  batchTotal: (currency: string) => `Total (${currency})`,
  batchSkipped: 'Left out',
  skipReasons: {
    not_found: 'not found',
    not_authorised: 'no longer authorised',
    in_kind: 'in-kind aid (confirm the delivery instead)',
    batched_meanwhile: 'put into another batch meanwhile',
  } as Record<string, string>,
  batchFiles: 'Files of the batch',
  recordResult: 'Record the bank’s result',
  recordResultFor: (reference: string) => `Record the bank’s result for ${reference}`,
  bankResult: 'What did the bank do?',
  resultPaid: 'Paid',
  resultFailed: 'Failed',
  resultFailedHint:
    'The money goes back to the budget and finance gets a task to correct and re-issue the payment.',
  failureReasonLabel: 'Why did it fail?',
  failureReasonHint:
    'As the bank says, for example "account closed". The officer who corrects the payout reads it.',
  bankReference: 'Bank reference',
  bankReferenceHint: 'As on the bank statement, up to 35 characters.',
  bankReferenceIs: (reference: string) => `Bank reference: ${reference}`,
  failureReason: (reason: string) => `Reason: ${reason}`,
  settlementPaid: (reference: string) => `Recorded: ${reference} is paid.`,
  settlementFailed: (reference: string) =>
    `Recorded: the payment for ${reference} failed. A task to correct and re-issue it is in the finance inbox.`,
  batchNotSentYet: 'Its batch is not marked sent: record the result once the file went to the bank',
  settlementBatchNotSent: (batchId: string) =>
    `This payment's batch ${batchId} is not marked as sent to the bank, so no result can have come back for it yet. Send the batch's file, mark the batch sent, then record the result.`,
  settlementConflict: 'A different result is already recorded for this payment.',
  batchOutcomeUnknown:
    'We could not tell whether the batch was created: the answer did not arrive. The list below is up to date. Press “Create a payment batch” again: it will not make a second batch, and shows the batch if it was made.',
  batchFourEyes: (reference: string, amount: string, threshold: string) =>
    `You authorised ${reference} (${amount}), which is above ${threshold}: a batch with it must be made by another finance officer (four eyes). Choose the payments without it, or ask a colleague.`,
  batchNothingToBatch:
    'There is nothing to put into a batch: no authorised bank-transfer or cash-desk payment is waiting (in-kind aid is confirmed by delivery). The list below is up to date.',
  batchBatchedMeanwhile:
    'Every payment chosen was put into another batch meanwhile. The list below is up to date.',
  batchKeyReused:
    'This request could not be repeated. Press “Create a payment batch” again to make a new batch.',
  batchNothingToSend: 'This batch holds no payments: there is nothing to send.',
  batchNoBankTransfers: 'This batch has no bank transfers: its cash-desk payouts are in the CSV file.',
  officeAccountMissing: (sources: string) =>
    `No office account is set up to pay from ${sources}. An administrator sets it in the policy “office-accounts”.`,
  settlementInKind: 'This is in-kind aid: confirm its delivery instead of recording a bank result.',
  settlementNotInKind:
    'This payment goes through the bank or the cash desk: record its result instead of a delivery.',
  deliveredBeforeAuthorised: (date: string) =>
    `The delivery date is before the payment was authorised (${date}). Check the date.`,
  caseNotWaiting: (status: string) =>
    `The case is no longer waiting for this payment (it is now “${status}”). The list below is up to date.`,
  batchReceiptFocus: 'The batch just created',
  confirmDelivery: 'Confirm the delivery',
  confirmDeliveryFor: (reference: string) => `Confirm the delivery of ${reference}`,
  deliveredAt: 'Date handed over',
  receivedBy: 'Received by',
  deliveryNote: 'Note',
  deliveredOn: (day: string, who: string) => (who ? `Delivered ${day} to ${who}` : `Delivered ${day}`),
  deliveryRecorded: (reference: string) => `Recorded: the aid for ${reference} is delivered.`,
  // Batch register, sending to the bank, downloads
  batchesTab: 'Batches',
  batchRegisterIntro:
    'Every payment batch, newest first. Open a batch to download its files and to record that it went to the bank.',
  noBatches: 'There are no payment batches yet.',
  batchColumn: 'Batch',
  createdColumn: 'Created',
  paymentsColumn: 'Payments',
  downloadsColumn: 'Downloads',
  createdByAt: (who: string, when: string) => `${when}, by ${who}`,
  batchStatuses: { created: 'Not sent yet', sent: 'Sent' } as Record<string, string>,
  sentByAt: (who: string, when: string) => `Sent to the bank by ${who} on ${when}.`,
  handedByAt: (who: string, when: string) => `Handed to the cash desk by ${who} on ${when}.`,
  downloadsSummary: (n: number, who: string, when: string) =>
    n === 1 ? `Downloaded once, by ${who} on ${when}` : `${n} downloads; the last by ${who} on ${when}`,
  notDownloaded: 'Nobody has downloaded its files yet.',
  downloadsShown: (shown: number, all: number) => `The latest ${shown} of ${all} downloads.`,
  openBatch: (id: string) => `Open batch ${id}`,
  openBatchHint: 'Download its files there, and record when they go to the bank.',
  backToBatches: 'Back to the batches',
  batchBankTransfers: 'Bank transfers (in the pain.001 file and the CSV)',
  batchCashDesk: 'Cash-desk payouts (in the CSV only)',
  batchFilesIntro:
    'Upload the pain.001 file to the bank (the CSV lists every payment, cash desk included). Then mark the batch as sent.',
  batchFilesCashIntro:
    'Every payment of this batch is paid at the cash desk: hand the CSV to the cash desk, then mark the batch as handed over.',
  batchSentTitle: 'This batch has already been sent to the bank',
  batchHandedTitle: 'This batch has already been handed to the cash desk',
  batchSentWarning:
    'Sending its file to the bank again would pay every person in it twice. Download it again only to check it or for the records.',
  batchHandedWarning:
    'Handing its list to the cash desk again could pay every person in it twice. Download it again only to check it or for the records.',
  confirmDownloadTitle: (file: string) => `Download the ${file} file of a batch already sent?`,
  downloadAnyway: 'Download it anyway',
  fileNames: { csv: 'CSV', pain001: 'pain.001' } as Record<string, string>,
  markSent: 'Mark as sent to the bank',
  markHanded: 'Mark as handed to the cash desk',
  markSentHint:
    'Do this as soon as the file is uploaded to the bank. The finance desk then sees who sent it and when, and is warned before downloading it again; the results of its payments can be recorded from then on.',
  markHandedHint:
    'Do this as soon as the list is with the cash desk. The finance desk then sees who handed it over and when, and is warned before downloading it again; the results of its payments can be recorded from then on.',
  downloadLogTitle: 'Downloads of its files',
  whenColumn: 'When',
  whoColumn: 'Who',
  fileColumn: 'File',
  batchPayments: 'Payments in this batch',
  // Cash-desk payouts: the cash desk's result, not a bank's
  recordCashResult: 'Record the cash desk’s result',
  recordCashResultFor: (reference: string) => `Record the cash desk’s result for ${reference}`,
  cashResult: 'Was the cash collected?',
  cashCollected: 'Collected: the person was paid',
  cashNotCollected: 'Not collected',
  cashNotCollectedHint:
    'The money goes back to the budget and finance gets a task to re-issue the payment or close the case.',
  cashFailureReasonLabel: 'Why was it not collected?',
  cashFailureReasonHint:
    'For example "did not come within 30 days". The officer who re-issues the payment reads it.',
  cashReceipt: 'Cash-desk receipt number',
  cashReceiptHint: 'As on the cash-desk receipt, up to 35 characters.',
  cashReceiptIs: (reference: string) => `Cash-desk receipt: ${reference}`,
  // A failed payment and what became of it
  followUpReissued: (attempt: number, status: string) => `Re-issued as attempt ${attempt} (${status})`,
  followUpPending: 'Being re-issued: the money is reserved and authorised again',
  followUpAwaiting: 'Not re-issued yet: the correction task is in the finance inbox',
  followUpClosed: 'Case closed without payment',
  // Payment attempts on the payment tasks
  reissueAttemptTitle: (n: number) => `Re-issued payment: this is attempt ${n}`,
  paymentAttemptsTitle: 'Earlier payment attempts',
  attemptFailed: (n: number, day: string, reason: string, who: string) =>
    `Attempt ${n} failed on ${day}: “${reason}” (recorded by ${who}).`,
  attemptStatus: (n: number, status: string, amount: string) => `Attempt ${n}: ${status}, ${amount}.`,
  payoutCorrectedNote: 'The payout details were corrected for this attempt: check them against the case.',
  payoutSameNote:
    'The payout details are the same as for the failed attempt: check the reason before authorising.',
  // The decision's comment, by what it is for
  decisionCommentOptionalHint: 'Shown in the case history.',
  commentLabels: {
    question: 'Question to the applicant',
    rejection_reason: 'Reasons for the rejection',
    closing_reason: 'Why the aid cannot be paid',
    vote_reasons: 'Reasons for your vote',
    reason: 'Reason',
    forwarded_to: 'Organisation the appeal goes to, and why',
  },
  commentHints: {
    question:
      'The applicant is sent this question and answers it from the status page. Ask plainly for what you need.',
    rejection_reason: 'The applicant reads the reasons: explain them in plain words.',
    closing_reason: 'The applicant is told this reason.',
    vote_reasons: 'Goes into the minutes.',
    reason: 'Shown in the case history.',
    forwarded_to: 'The applicant is told where the appeal went.',
  },
  /**
   * What the comment is required for, said before an outcome is chosen: built from the outcomes the
   * task offers, by their names on the form (a payment authorisation asks the applicant nothing).
   */
  commentRequiredFor: {
    question: (outcomes: readonly string[]) =>
      `Required for ${either(outcomes)}: it is the question the applicant receives.`,
    rejection_reason: (outcomes: readonly string[]) =>
      `Required for ${either(outcomes)}: the applicant reads the reasons.`,
    closing_reason: (outcomes: readonly string[]) =>
      `Required for ${either(outcomes)}: the applicant is told why the aid cannot be paid.`,
    vote_reasons: (outcomes: readonly string[]) =>
      `Required for ${either(outcomes)}: the reasons go into the minutes.`,
    reason: (outcomes: readonly string[]) => `Required for ${either(outcomes)}.`,
    forwarded_to: (outcomes: readonly string[]) =>
      `Required for ${either(outcomes)}: name the organisation; the applicant is told where the appeal went.`,
  },
  commentMissing: {
    question: 'Write the question to the applicant',
    rejection_reason: 'Give the reasons for the rejection',
    closing_reason: 'Say why the aid cannot be paid',
    vote_reasons: 'Give the reasons for your vote to reject',
    reason: 'Give the reason',
    forwarded_to: 'Name the organisation the appeal goes to',
  },
  // Messages to the applicant (the staff case page)
  messagesTitle: 'Messages to the applicant',
  noMessages: 'No messages yet.',
  messageStatuses: {
    pending: 'Waiting to be sent',
    sending: 'Being sent',
    sent: 'Sent',
    failed: 'Not delivered',
    to_print: 'Waiting to be printed',
    undeliverable: 'No way to reach the applicant',
    requeued: 'To be sent again',
  } as Record<string, string>,
  resendMessage: 'Send again',
  resendBusy:
    'This message is being sent right now. If the sending is not confirmed within ten minutes, it can be sent again.',
  resendNotPossible:
    'This message can no longer be sent again: it was dealt with meanwhile. Its state is shown as it is now.',
  messageText: 'What it said',
  messageNeverArrived: 'The applicant did not get it?',
  letterNeverArrived: 'The letter never arrived?',
  sendAgainConfirm: (when: string) =>
    `It went out on ${when}. Send it again only if the applicant says it never arrived: they will get it twice if it did.`,
  reprintConfirm: (when: string) =>
    `It was posted on ${when}. Put it back on the letters to print, to print and post it again?`,
  printAgain: 'Print it again',
  messageUnconfirmed: (since: string) =>
    `Sending started ${since} and was never confirmed: the applicant may not have received this. Reach them another way; the status page always shows where the case stands.`,
  // Letters (the print queue)
  lettersTitle: 'Letters to post',
  lettersIntro:
    'Letters to applicants who gave only a postal address, oldest first. Print them, post them, and mark each one as posted.',
  lettersEmpty: 'No letters are waiting to be printed.',
  printLetters: 'Print these letters',
  markPosted: 'Mark as posted',
  letterNoLongerToPrint: (reference: string) =>
    `The letter about ${reference} is no longer waiting to be printed: a colleague dealt with it meanwhile. The list is shown as it is now.`,
  letterPosted: (reference: string, name: string) =>
    `Marked as posted: the letter about ${reference} to ${name}.`,
  letterTo: 'To',
  letterMeta: (reference: string, date: string) => `Case ${reference} · written ${date}`,
  letterNoAddress: 'The case has no postal address: find the applicant’s address before posting.',
  // Budgets
  budgetGapMissingTitle: (year: string) => `No budget lines for ${year}`,
  budgetGapMissing: (sources: string, year: string, lastYear: string) =>
    `These funding sources had money in ${lastYear} but have no budget line for ${year}: ${sources}. Cases approved from them wait for funds until a line is set.`,
  budgetGapComingTitle: (year: string) => `Budget lines for ${year} are not set yet`,
  budgetGapComing: (sources: string, year: string) =>
    `No budget line for ${year} yet: ${sources}. From 1 January, cases approved from these sources will wait for funds. If a source pays nothing in ${year}, set its line to 0.`,
  setBudgetLines: (year: string) => `Set the budget lines for ${year}`,
  noBudgets: (year: string) => `There are no budget lines for ${year}.`,
  changeBudget: (year: string) => `Set a budget line for ${year}`,
  allocatedRoubles: 'Allocated, in roubles',
  openingRoubles: 'Opening balance, in roubles',
  openingHint: 'Leave empty to keep the opening balance as it is.',
  saveBudget: 'Save the budget line',
  budgetSaved: (source: string, year: string, amount: string) => `${source}, ${year}: ${amount} allocated.`,
  // Reports
  reportsIntro:
    'Figures the office publishes every year. Each chart has the same figures in a table below it.',
  reportYear: 'Year',
  reportEmpty: (year: string) => `No aid was paid in ${year} yet.`,
  chartSeeTable: 'The same figures are in the table below the chart.',
  tableAidUsage: (year: string, currency: string) =>
    `Aid paid in ${year}, in ${currency}, by funding source and type; under each sum, to how many people`,
  chartAidUsage: (year: string) => `Aid paid in ${year}, adults and families with children`,
  personCount: (n: number, formatted: string) => (n === 1 ? '1 person' : `${formatted} people`),
  ofWhichDisabled: 'of whom disabled',
  ofWhichPensioners: 'of whom pensioners',
  ofWhichOther: 'of whom other',
  downloadReportCsvNamed: (report: string) => `Download “${report}” as CSV`,
  reportBudgets: 'Budget movement, by funding source',
  chartBudgets: (year: string) => `Budget movement in ${year}`,
  spentOnAdults: 'Spent on adults',
  spentOnFamilies: 'Spent on families',
  closing: 'Closing balance',
  reportBudgetsSpentByGroup: 'Spent, by group of recipients',
  chartBudgetsSpentByGroup: (year: string) => `Spent in ${year}, by group of recipients`,
  reportAppeals: 'Appeals: received and answered on time',
  periodFrom: 'From',
  periodTo: 'To',
  showReport: 'Show',
  reportPeriod: (from: string, to: string) => `Appeals registered from ${from} to ${to}.`,
  chartAppeals: 'Appeals answered on time, late, and still open past their due date',
  reportCount: 'Number',
  reportItem: 'Item',
  received: 'Received',
  priorityAppeals: 'Of which priority',
  answeredTotal: 'Answered',
  answeredOnTime: 'Answered on time',
  answeredLate: 'Answered late',
  overdueOpen: 'Open and overdue',
  averageDays: 'Average days to answer',
  extensions: 'Deadlines extended',
  repeatAppeals: 'Repeat appeals',
  forwarded: 'Forwarded to another body',
  notAnswerable: 'Could not be answered',
  feedbackAverage: 'Applicants’ rating',
  ratingOf: (average: string, count: string) => `${average} of 5 (${count} ratings)`,
  byChannel: 'Received by channel',
  byKind: 'Received by kind',
  byTopic: 'Received by topic',
  byDepartment: 'Received by department',
  // Mailbox
  mailboxFilter: 'Only the messages of a case',
  mailboxFilterHint: 'The reference number, for example AID-2026-000123. Leave empty for all.',
  showMessages: 'Show',
  messageCount: (n: number) => (n === 1 ? '1 message' : `${n} messages`),
  messagesFor: (n: number, reference: string) =>
    n === 1 ? `1 message about ${reference}` : `${n} messages about ${reference}`,
  channelNames: { email: 'Email', sms: 'SMS', letter: 'Letter' } as Record<string, string>,
  // Rules
  rulesTitle: 'Eligibility rules',
  rulesIntro:
    'Each aid type’s rules, every version. Applications are checked against the version in force on the day they arrive, and keep it.',
  noRuleSets: (aidType: string) => `There are no rules for ${aidType} yet: applicants cannot choose it.`,
  ruleSetVersion: (n: number) => `Version ${n}`,
  inForce: 'In force',
  effectiveFrom: 'Effective from',
  effectiveFromHint:
    'Today or later. Applications already received keep the rules they were checked against.',
  hash: 'Fingerprint',
  createdBy: (who: string, when: string) => (when ? `added by ${who}, ${when}` : `added by ${who}`),
  showRules: (n: number) => (n === 1 ? 'Show the rule' : `Show the ${n} rules`),
  ruleMessages: 'What the applicant reads',
  ruleConditions: 'Conditions',
  conditionAll: 'all of:',
  conditionAny: 'any of:',
  conditionNot: 'not:',
  discretionary: 'discretionary',
  newRuleSetVersion: 'Add a new version',
  newRuleSetIntro:
    'Start from the version in force below. Change the rules as JSON; they are checked here with the same schema as the server before anything is sent.',
  ruleSetId: 'Rule set name',
  ruleSetVersionNumber: 'Version number',
  ruleSetVersionHint: 'Leave empty to take the next number.',
  rulesJson: 'Rules (JSON)',
  rulesJsonHint:
    'A list of rules: code, mandatory, description, messages (pass, fail) in en, uk, ru and zh, and conditions.',
  rulesNotJson: (detail: string) => `The rules are not valid JSON: ${detail}`,
  ruleNumber: (n: number, code: string) => (code ? `Rule ${n} (${code})` : `Rule ${n}`),
  saveRuleSet: 'Save the new version',
  ruleSetCreated: (version: number, from: string) => `Version ${version} is saved; it applies from ${from}.`,
  // Catalogue
  catalogueTitle: 'Catalogue',
  catalogueIntro:
    'The recipient categories, aid types and funding sources applicants and staff choose from. A change reaches the application form within a minute; a new aid type is offered once it has eligibility rules.',
  catalogueCategories: 'Recipient categories',
  catalogueAidTypes: 'Aid types',
  catalogueSources: 'Funding sources',
  addEntry: 'Add an entry',
  changeEntry: (code: string) => `Change ${code}`,
  entryKind: 'What to add or change',
  entryCode: 'Code',
  entryCodeHint:
    'Lower-case letters, digits and underscores, like food_set. An existing code changes that entry.',
  entryNameIn: (language: string) => `Name in ${language}`,
  entryAidKind: 'Kind of aid',
  aidKinds: {
    money: 'Money',
    in_kind: 'In kind',
    money_or_works: 'Money or works',
    money_or_in_kind: 'Money or in kind',
    service: 'Service',
    premium: 'Insurance premium',
  } as Record<string, string>,
  entrySources: 'Usual funding sources',
  entrySourcesHint: 'In the order you tick them: the first is pre-selected when the aid is approved.',
  saveEntry: 'Save the entry',
  entryAdded: (code: string) => `Added ${code}.`,
  entryChanged: (code: string) => `Changed ${code}.`,
  entryExists: (code: string, kind: string) =>
    `The catalogue already has “${code}” under ${kind}. Saving would replace that entry: choose another code for a new entry, or change the existing one.`,
  changeExisting: (code: string) => `Change “${code}” instead`,
  // Staff identities (the administrator: who staff are as applicants, for segregation of duties)
  navStaffIdentities: 'Staff identities',
  staffIdentitiesTitle: 'Staff identities',
  staffIdentitiesIntro:
    'Nobody may decide their own application, but the system recognises one only if it knows who a member of staff is as a person. Record their name, date of birth and, if known, national ID as they would write them on an application: only keyed hashes of them (person keys) are stored, never the name, the date or the ID.',
  identityCheckTitle: 'Check a username',
  identityUsernameHint: 'As they sign in, for example reviewer2.',
  identityCheck: 'Check',
  identityChecking: 'Checking…',
  identityRecordedOn: (username: string, when: string, by: string, keys: string) =>
    `${username}: identity recorded on ${when} by ${by} (${keys}).`,
  identityNotRecorded: (username: string) =>
    `${username}: no identity recorded, so this person's own applications would not be recognised.`,
  identityRecordTitle: 'Record an identity',
  identityRecordHint: 'Recording again for the same username replaces what was recorded before.',
  identityFullNameHint: 'As in their passport, as they would write it on an application.',
  identityNationalId: 'National ID',
  identityNationalIdHint:
    'For example the passport number: applications that give it are recognised by it too.',
  identitySave: 'Record the identity',
  identitySaving: 'Recording…',
  identitySavedTitle: (username: string) => `Identity recorded for ${username}`,
  identitySaved: 'The name, date of birth and ID were not stored, and the form no longer holds them.',
  identityPersonKeys: 'Person keys',
  identityPersonKeysCount: (n: number) => (n === 1 ? '1 person key' : `${n} person keys`),
  identityRecordedAt: 'Recorded',
  identityErrors: {
    username: 'Enter the username: letters, digits and . _ @ + - only, up to 128 characters',
    fullName: 'Enter the full name',
    fullNameInvalid: 'Enter the full name in up to 200 characters, on one line',
    birthDate: 'Enter a real date of birth: day, month and year, for example 2 4 1950',
    nationalId: 'Enter the national ID in up to 50 characters, or leave it empty',
  },
  // Register an appeal (a clerk, for an appeal that came by e-mail, post, phone or in person)
  navRegisterAppeal: 'Register an appeal',
  registerAppealTitle: 'Register an appeal',
  registerAppealIntro:
    'For an appeal that reached the office by e-mail, post, phone, at a personal reception or an on-site reception. Enter it as the person gave it: they get a reference and an access code to follow it, and the answer is due by the legal deadline.',
  registerChannel: 'How did the appeal reach the office?',
  registerReceivedOn: 'Date received',
  registerReceivedOnHint:
    'The day the letter or e-mail arrived or the person called or came in. It cannot be in the future.',
  registerRelatedHint:
    'If the person disagrees with a decision on their application, its reference, for example AID-2026-000123.',
  registerText: 'The appeal',
  registerTextHint: 'What the person wrote or said: the situation and what they ask for.',
  registerAboutPerson: 'The person appealing',
  registerFullNameHint: 'Leave it empty only for an anonymous letter.',
  registerCategories: 'Categories the person names',
  registerCategoriesHint:
    'People with disabilities and war veterans are answered on the shorter clock. Select all that apply.',
  registerContactLegend: 'How can the office answer the person?',
  registerContactHint: 'At least one: the answer goes by e-mail, by SMS with a link, or by post.',
  registerLanguage: 'Language of the answer',
  registerNoContactTitle: 'No way to answer the person',
  registerNoContact:
    'Without an e-mail, a phone number or a postal address the appeal is registered but cannot be answered.',
  registerSubmit: 'Register the appeal',
  registering: 'Registering…',
  registerErrors: {
    channel: 'Choose how the appeal reached the office',
    received: 'Enter the date the appeal was received',
    receivedFuture: 'The date received cannot be in the future',
  },
  appealRegisteredTitle: (reference: string) => `Appeal ${reference} registered`,
  registerGiveCodeTitle: 'Give the person the reference and the access code',
  registerGiveCode:
    'Read them out or post them to the person: with both they follow the appeal and read the answer on the status page. The access code is shown only now.',
  registerNotAnswerable: 'There is no name or no way to answer, so the law does not require an answer.',
  registerLateTitle: 'Registered late',
  registeredLate: (days: number, limit: number) =>
    `Registered ${days} days after it arrived; the law requires registration within ${limit} ${limit === 1 ? 'day' : 'days'}.`,
  registerDueDate: 'Answer due by',
  registerPriority: 'Priority',
  registerPriorityYes: 'Yes: the shorter clock',
  registerAnother: 'Register another appeal',
  registerSendUnknown:
    'The answer from AidFlow did not reach this page, so the appeal may or may not be registered. Register it again from this page: it is never registered twice, and you get its reference and access code. The form is kept.',
  registerAsFirstSentTitle: 'Registered as it was first sent',
  registerAsFirstSent:
    'The first send did arrive; only its answer was lost. The appeal is registered as it was then, without the changes made to the form afterwards: tell the department that answers it what changed.',
  registerSentElsewhere:
    'This appeal was already registered from another tab, with other details: its reference and access code are shown there. Registering it from here registers a new appeal.',
  registeredColumn: 'Registered',
  channelLabel: 'Channel',
  // Repeat appeals
  repeatsLabel: 'Repeats',
  repeatNth: (n: number, months: number) => {
    const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
    return `the ${n}${suffix} appeal on this topic in ${months} months`;
  },
  navRepeatAppellants: 'Repeat appellants',
  repeatAppellantsTitle: 'Repeat appellants',
  repeatAppellantsIntro: (months: number) =>
    `People who appealed again on a topic they had already appealed on within ${months} months, most repeat appeals first. Each repeat appeal names the earlier one on its case.`,
  repeatAppellantsEmpty: 'Nobody has appealed repeatedly.',
  repeatAppellantsCount: (n: number) => (n === 1 ? '1 person' : `${n} people`),
  personColumn: 'Person',
  repeatAppealsColumn: 'Repeat appeals',
  topicsColumn: 'Topics',
  lastAppealColumn: 'Last appeal',
};

export type StaffMessages = typeof staffEn;
