import type { NoteArgs, TimelineNoteWords } from '../timeline-note.js';
/**
 * The strings of the applicant's pages, in English, and those the staff desk shares with them; the
 * desk's own are in web/src/staff/messages/ (a chunk that comes with the desk). The other languages
 * are typed against this object, so a missing or misspelt key fails the type check.
 */
export const en = {
  serviceName: 'AidFlow',
  serviceTagline: 'Social protection office',
  skipToContent: 'Skip to main content',
  languageLabel: 'Language',
  home: 'Home',
  back: 'Back',
  continue: 'Continue',
  change: 'Change',
  optional: '(optional)',
  yes: 'Yes',
  no: 'No',
  loading: 'Loading…',
  notAvailableTitle: 'Not available yet',
  notAvailable:
    'This part of AidFlow is not available on this server yet. Try again later, or contact the office.',
  offline: 'No internet connection. You can go on filling in a form and send it once the connection is back.',
  networkError:
    'We could not reach AidFlow. Check your internet connection and try again. Nothing was lost: your answers are still here.',
  serverError: (status: number) =>
    `Something went wrong on our side (error ${status}). Try again in a few minutes. If it keeps happening, call the office.`,
  tryAgain: 'Try again',
  pageLoadFailedTitle: 'This page could not be loaded',
  pageLoadFailed: 'Part of AidFlow did not arrive. Check your internet connection and try again.',
  languageLoadFailed: 'That language could not be loaded. Check your internet connection and try again.',
  errorSummaryTitle: 'There is a problem',
  pageNotFoundTitle: 'Page not found',
  pageNotFound:
    'If you typed the web address, check it is correct. If you pasted it, check you copied all of it.',
  goHome: 'Go to the start page',
  footerText: 'AidFlow: aid applications and appeals for the municipal social protection office.',
  footerHelp: 'Help in person: visit the office or call the hotline on working days.',
  hotline: 'Hotline',
  officeAddress: 'Office',
  pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  previous: 'Previous',
  next: 'Next',
  pagination: 'Pages',

  // Home
  homeTitle: 'Get help from the social protection office',
  homeIntro:
    'Apply for material aid, see how your application is going, or write to the office with a request, complaint or proposal.',
  homeApplyTitle: 'Apply for aid',
  homeApply:
    'Money, food or vegetable sets, fuel, repairs, treatment and other help. It takes about 10 minutes.',
  homeStatusTitle: 'Check your application or appeal',
  homeStatus: 'You need the reference number and the access code you got when you applied.',
  homeAppealTitle: 'Send an appeal',
  homeAppeal: 'A request, a complaint or a proposal. You get an answer within the time set by law.',
  homeStaffTitle: 'Staff sign-in',
  homeStaff: 'For office staff: tasks, decisions and payments.',
  homeBeforeTitle: 'Before you start',
  homeBefore:
    'Have your passport details, the income of everyone in your household and, if you want the money paid to a bank account, its details.',

  // Application
  applyTitle: 'Apply for aid',
  stepOf: (step: number, steps: number) => `Step ${step} of ${steps}`,
  stepAbout: 'About you',
  stepHousehold: 'Your household',
  stepCategories: 'Which of these apply to you?',
  stepAid: 'What help do you need?',
  stepPayment: 'How should we give you the aid?',
  stepCheck: 'Check your answers before sending',
  fullName: 'Full name',
  fullNameHint: 'As in your passport.',
  birthDate: 'Date of birth',
  birthDateHint: 'For example, 2 4 1950',
  day: 'Day',
  month: 'Month',
  year: 'Year',
  contactLegend: 'How can we contact you?',
  contactHint: 'Give at least one: an email, a phone number or a postal address.',
  email: 'Email',
  phone: 'Phone number',
  phoneHint: 'For example, +7 912 345-67-89',
  address: 'Postal address',
  preferredLanguage: 'Language for letters and messages',
  householdSize: 'How many people live in your household, including you?',
  householdSizeHint: 'Count everyone who lives with you and shares the household budget, children included.',
  children: 'How many of them are children under 18?',
  income: 'Total monthly income of the household, in roubles',
  incomeHint:
    'Wages, pensions and benefits of everyone in the household, before tax. Write 0 if there is none.',
  categoriesHint: 'Select all that apply. The office checks them with your documents.',
  aidType: 'Type of help',
  amount: 'How much do you ask for, in roubles?',
  amountHint: 'For help in kind (a food set, fuel, a smoke detector) give its approximate cost.',
  reason: 'Why do you need help?',
  reasonHint: 'Tell us briefly what happened and what the help is for. Up to 4000 characters.',
  payoutMethod: 'How should we give you the aid?',
  payoutBank: 'Bank transfer to my account',
  payoutCash: 'Cash at the office cash desk',
  payoutInKind: 'In kind (goods or a service delivered)',
  accountHolder: 'Name of the account holder',
  accountKind: 'Which account details do you have?',
  accountKindIban: 'IBAN',
  accountKindRu: 'Russian account number and BIC',
  iban: 'IBAN',
  ibanHint: 'Starts with two letters, for example DE89 3704 0044 0532 0130 00.',
  accountNumber: 'Account number (20 digits)',
  bic: 'Bank BIC',
  bicHint: '9 digits, for example 044525225.',
  deliveryAddress: 'Delivery address',
  deliveryAddressHint: 'Leave empty to use your postal address.',
  submit: 'Accept and send the application',
  submitting: 'Sending your application…',
  submitDeclaration:
    'By sending this application you confirm that the information is correct to the best of your knowledge.',
  draftKept: 'Your answers are kept in this tab until you close it or send the form.',
  notGiven: 'Not given',
  sentLongAgo: (reference: string) =>
    `This application was already sent more than a day ago, as ${reference}. Follow it on the status page with the access code you were given. To apply for something else, start a new application.`,
  duplicateApplication: (reference: string) =>
    `You already have an open application for this aid: ${reference}. Follow it on the status page with the access code you were given; you can apply again once it is decided.`,
  // Confirmation
  confirmationTitle: 'Application sent',
  yourReference: 'Your reference number',
  yourAccessCode: 'Your access code',
  saveThisTitle: 'Save these now',
  saveThis:
    'Write down the reference number and the access code, or take a photo or screenshot of this page. You need both to see your application. For your safety we cannot show the access code again once this tab is closed.',
  whatNextTitle: 'What happens next',
  whatNext:
    'A specialist checks your application and documents. If we need more information we will ask you. We will tell you the decision in your chosen language.',
  printPage: 'Print this page',
  seeStatus: 'See your application',
  seeAppeal: 'See your appeal',
  saveThisAppeal:
    'Write down the reference number and the access code, or take a photo or screenshot of this page. You need both to see your appeal and its answer. For your safety we cannot show the access code again once this tab is closed.',
  // A send whose answer was lost (the connection dropped, or the server failed)
  sendUnknownTitle: 'We cannot tell yet whether it arrived',
  applicationSendUnknown:
    'The answer from AidFlow did not reach this page, so your application may or may not have arrived. Send it again from this page: it is never registered twice, and you get its reference number and access code. Your answers are still here.',
  appealSendUnknown:
    'The answer from AidFlow did not reach this page, so your appeal may or may not have arrived. Send it again from this page: it is never registered twice, and you get its reference number and access code. Your answers are still here.',
  sendWhenOnline:
    'Keep this page open: it sends again by itself as soon as there is a connection. You can also press the button below yourself.',
  receivedAsFirstSentTitle: 'We received what you sent the first time',
  applicationReceivedAsFirstSent:
    'Your first send did arrive; only the answer to it was lost. The office has your application as you sent it then, without the changes you made afterwards. To correct it, call the office and give this reference number, or withdraw the application on its page and apply again.',
  appealReceivedAsFirstSent:
    'Your first send did arrive; only the answer to it was lost. The office has your appeal as you sent it then, without the changes you made afterwards. To add them, call the office and give this reference number.',
  applicationSentElsewhere:
    'This application was already sent from another tab or window, with other answers. Its reference number and access code are shown there. Send it from here only if it is a new application.',
  appealSentElsewhere:
    'This appeal was already sent from another tab or window, with other answers. Its reference number and access code are shown there. If you send it from here, it is registered as a new appeal.',
  sendRefused: (status: number) =>
    `AidFlow could not accept this (error ${status}). Check your answers and try again. If it keeps happening, call the office.`,

  // Status
  statusTitle: 'Check your application or appeal',
  statusIntro: 'Enter the reference number and the access code you got when you applied.',
  reference: 'Reference number',
  referenceHint: 'For example, AID-2026-000123 or APL-2026-000045.',
  accessCode: 'Access code',
  accessCodeHint: 'For example, 65K9-P0NE-1WW6-EX0H. Letters can be upper or lower case.',
  showCase: 'Show',
  showingCase: 'Looking up your case…',
  caseNotFound: 'No case matches this reference number and access code. Check both and try again.',
  tooManyAttempts: (minutes: number) =>
    `Too many wrong attempts. For your safety, try again in ${minutes} minutes.`,
  currentStatus: 'Current status',
  submittedOn: 'Sent on',
  dueBy: 'Answer due by',
  aidRequested: 'Help asked for',
  timeline: 'What has happened so far',
  /** Notes the system writes on a case's timeline (TimelineEntry.noteCode), with `date` for a day. */
  timelineNotes: {
    withdrawn_by_applicant: 'Withdrawn by the applicant.',
    applicant_answered: 'The applicant answered the request for information.',
    waiting_for_funds: 'Approved; waiting for funds to become available.',
    eligibility_not_met: 'Does not meet the conditions for this aid.',
    anonymous_appeal: 'No name or address to answer to (anonymous appeal).',
    appeal_overdue: 'Overdue: the legal deadline passed without an answer.',
    deadline_extended: (a: NoteArgs, date: (iso: string) => string) =>
      `Deadline extended to ${date(a.dueDate ?? '')}: ${a.reason ?? ''}`,
    reopened_by_appeal: (a: NoteArgs) => `Reopened for review after appeal ${a.appeal ?? ''}.`,
    decision_reopened: (a: NoteArgs) => `Aid decision ${a.reference ?? ''} reopened for review.`,
  } as Record<string, TimelineNoteWords>,
  decision: 'Decision',
  decisionApproved: 'Your application was approved.',
  decisionRejected: 'Your application was not approved.',
  decisionWaitlisted:
    'Your application was approved, but there is no money left this year. You are on the waiting list.',
  amountGranted: 'Amount granted',
  reasons: 'Reasons',
  checksMade: 'What we checked',
  checkPassed: 'Met',
  checkFailed: 'Not met',
  answerTitle: 'The answer to your appeal',
  lookUpAnother: 'Look up another case',
  replyTitle: 'Send the information we asked for',
  replyLabel: 'Your answer',
  replyHint: 'Answer the questions in the request. Up to 4000 characters.',
  replyQuestionIntro: 'We asked you:',
  replyDueBy: 'Please answer by',
  replySend: 'Send the answer',
  replySending: 'Sending…',
  replySent: 'Thank you. Your answer was sent and the review continues.',
  replyMissing: 'Write your answer before sending it.',
  withdrawTitle: 'Withdraw this application',
  withdrawIntro:
    'If you no longer need this aid, you can withdraw the application. The office stops working on it, and you may apply again later.',
  withdrawReasonLabel: 'Why are you withdrawing it? (optional)',
  withdrawButton: 'Withdraw the application',
  withdrawSending: 'Withdrawing…',
  withdrawTooLatePaid:
    'The payment was authorised in the meantime and may already be on its way to your bank, so the application can no longer be withdrawn. If you do not want the money, contact the office.',
  withdrawTooLateClosed:
    'This application was closed in the meantime, so there is nothing left to withdraw. Its current status is shown above.',
  feedbackTitle: 'How satisfied are you with how we handled this?',
  feedbackRating: 'Your rating',
  feedbackComment: 'Anything else you want to tell us?',
  feedbackSend: 'Send feedback',
  feedbackSent: 'Thank you for your feedback.',
  feedbackMissing: 'Choose a rating from 1 to 5.',
  replyReceived: (at: string) =>
    `Thank you. Your answer was received on ${at}, and the review of your application continues.`,
  replyAlreadyReceived: (at: string) =>
    `An answer to this request was already received on ${at}, and the review continues. To add something, contact the office.`,
  replyNothingAsked:
    'The office is not asking you anything on this application now, so there is nothing to answer. Its current status is shown above.',
  replyDeadlinePassed:
    'The deadline for this answer has passed. A caseworker will decide how to continue and may give you more time; you will be told.',
  feedbackAlreadySent: 'You have already rated this answer. Thank you.',
  feedbackNotYet: 'There is no answer to rate yet. You can rate it once the office has answered.',
  feedbackNotForAid: 'Ratings are asked for on appeals only.',
  problemInvalid: 'Some of what was sent was not accepted. Check your answers and try again.',
  problemSignIn: 'You need to sign in again to do this.',
  problemNotFound: 'What you asked for was not found. It may have been removed, or the address is wrong.',
  problemTooLarge: 'What you sent is too large. Shorten it and try again.',
  problemRoleRequired:
    'Your roles do not allow this. If your work needs it, ask an administrator to give you the role.',
  problemRefused: (detail: string) =>
    `The office's system refused this.${detail ? ` It said (in English): “${detail}”` : ''}`,
  rating: [
    '',
    'Very dissatisfied',
    'Dissatisfied',
    'Neither satisfied nor dissatisfied',
    'Satisfied',
    'Very satisfied',
  ],
  statusExplain: {
    submitted: 'We have received your application. A specialist will look at it soon.',
    in_review: 'A specialist is checking your application and documents.',
    info_requested: 'We need more information from you. Answer below so that we can continue.',
    awaiting_approval: 'The specialist has finished. The head of department or the commission now decides.',
    approved: 'Your application was approved. We are setting aside the money.',
    funds_reserved: 'The money for your aid is set aside. Payment is being prepared.',
    waitlisted:
      'Your application was approved, but this year’s money has run out. You are on the waiting list.',
    payment_authorised: 'The payment is authorised and will be made soon.',
    paid: 'The aid has been paid or handed over.',
    rejected: 'Your application was not approved. The reasons are below. You can appeal the decision.',
    payment_failed: 'The payment did not go through. The office will contact you about your payment details.',
    withdrawn: 'The application was withdrawn.',
    registered: 'Your appeal is registered. We will answer by the date shown.',
    in_progress: 'The departments concerned are preparing the answer.',
    answered: 'We have answered your appeal. The answer is below.',
    closed: 'Your appeal is closed.',
    forwarded: 'Your appeal was sent to the organisation that deals with it. They will answer you.',
    not_answerable: 'We could not answer this appeal. The reason is below.',
  } as Record<string, string>,
  appealStatusNames: {
    registered: 'Registered',
    in_progress: 'In progress',
    answered: 'Answered',
    closed: 'Closed',
    forwarded: 'Forwarded',
    not_answerable: 'Cannot be answered',
  } as Record<string, string>,
  appealAgainst: 'Disagree with the decision? Send an appeal',

  // Appeal
  appealTitle: 'Send an appeal',
  appealIntro:
    'Write to the office with a request, a complaint or a proposal. We register it and answer within the time set by law (usually 30 days).',
  appealKind: 'What kind of appeal is it?',
  appealKindHint: {
    request: 'You ask for something: help, a document, an action.',
    complaint: 'Something went wrong and you want it put right.',
    proposal: 'An idea for how the office could work better.',
  } as Record<string, string>,
  appealTopic: 'What is it about?',
  appealRelated: 'Reference of the application it is about',
  appealRelatedHint:
    'If you disagree with a decision on your application, give its reference, for example AID-2026-000123.',
  appealSubject: 'Subject',
  appealSubjectHint: 'A short summary, up to 200 characters.',
  appealText: 'Your appeal',
  appealTextHint: 'Describe the situation and what you ask for.',
  appealSend: 'Send the appeal',
  appealSending: 'Sending your appeal…',
  appealSentTitle: 'Appeal registered',
  appealDue: 'We will answer by',
  sentFromThisTabTitle: 'You have already sent something from this page',
  sentFromThisTab: (reference: string) =>
    `You sent ${reference} a moment ago. Fill in this form again only for something new.`,
  seeConfirmationAgain: 'See its reference number and access code again',
  accessCodeShownOnce:
    'The access code was shown once, on the page where this was sent. To see the case, use it with the reference number on the status page.',
  appealNotAnswerableTitle: 'This appeal cannot be answered',
  appealNotAnswerable:
    'You gave no email, phone number or postal address, and the law does not let the office answer an appeal without a way to reply. It is registered. To get an answer, send it again with a way to contact you.',
  appealNoContactTitle: 'You have not said how to answer you',
  appealNoContact:
    'Without an email, a phone number or a postal address the office cannot send you an answer, and where the law does not answer such appeals it will not be answered at all. Add at least one if you want an answer.',

  // Field errors: what is wrong and how to fix it
  err: {
    fullName: {
      missing: 'Enter your full name',
      invalid: 'Enter your full name in up to 200 characters, on one line',
    },
    birthDate: {
      missing: 'Enter your date of birth',
      invalid: 'Enter a real date of birth: day, month and year, for example 2 4 1950',
      future: 'Date of birth must be in the past: check the year',
    },
    contact: {
      missing: 'Give at least one way to contact you: an email, a phone number or a postal address',
      invalid: '',
    },
    email: { missing: 'Enter your email', invalid: 'Enter an email address like name@example.org' },
    phone: {
      missing: 'Enter your phone number',
      invalid: 'Enter a phone number with 5 to 20 digits, like +7 912 345-67-89',
    },
    address: {
      missing: 'Enter your postal address',
      invalid: 'Enter your postal address in up to 500 characters',
    },
    preferredLanguage: { missing: 'Choose a language for letters', invalid: 'Choose a language for letters' },
    householdSize: {
      missing: 'Enter how many people live in your household',
      invalid: 'Enter the number of people as a whole number from 1 to 30',
    },
    children: {
      missing: 'Enter how many children under 18 live with you (0 if none)',
      invalid: 'Enter the number of children as a whole number from 0 to 30',
      tooMany:
        'The number of children cannot be more than the number of people in the household, which includes them',
    },
    income: {
      missing: 'Enter the monthly income of the household (0 if there is none)',
      invalid: 'Enter the income in roubles using digits, like 18000 or 18000.50',
    },
    categories: {
      missing: 'Select at least one situation that applies to you',
      invalid: 'Select each situation only once',
    },
    aidType: { missing: 'Choose the type of help you need', invalid: 'Choose the type of help you need' },
    requestedAmount: {
      missing: 'Enter how much you ask for',
      invalid: 'Enter an amount in roubles more than 0, using digits, like 5000 or 5000.50',
    },
    reason: {
      missing: 'Tell us why you need help',
      invalid: 'Shorten your reason to 4000 characters or fewer',
    },
    payoutMethod: {
      missing: 'Choose how we should give you the aid',
      invalid: 'Choose how we should give you the aid',
    },
    accountHolder: {
      missing: 'Enter the name of the account holder',
      invalid: 'Enter the account holder’s name in up to 200 characters',
    },
    accountKind: { missing: 'Choose which account details you have', invalid: '' },
    iban: {
      missing: 'Enter the IBAN of the account',
      invalid:
        'Enter the IBAN: two letters, two check digits, then the account, like DE89 3704 0044 0532 0130 00',
      checksum: 'The IBAN’s check digits do not match: look for a typing mistake',
      looksRu:
        'This looks like a 20-digit Russian account number: choose “Russian account number and BIC” instead',
    },
    accountNumber: {
      missing: 'Enter the 20-digit account number',
      invalid: 'The account number must have exactly 20 digits',
    },
    bic: {
      missing: 'Enter the bank’s 9-digit BIC',
      invalid: 'Enter the bank’s BIC: 9 digits, like 044525225',
    },
    deliveryAddress: {
      missing: 'Enter the delivery address',
      invalid: 'Enter the delivery address in up to 500 characters',
      noPostalAddress: 'Enter the address to deliver the aid to: you did not give a postal address',
      noCaseAddress: 'Enter the address to deliver the aid to: the applicant gave no postal address',
    },
    kind: { missing: 'Choose what kind of appeal it is', invalid: 'Choose what kind of appeal it is' },
    topic: { missing: 'Choose what the appeal is about', invalid: 'Choose what the appeal is about' },
    relatedReference: {
      missing: '',
      invalid: 'Enter the reference as it is written in your confirmation, like AID-2026-000123',
    },
    subject: { missing: 'Enter a subject', invalid: 'Shorten the subject to 200 characters or fewer' },
    text: { missing: 'Write your appeal', invalid: 'Shorten your appeal to 20000 characters or fewer' },
    reference: {
      missing: 'Enter the reference number',
      invalid: 'Enter the reference as written in your confirmation, like AID-2026-000123',
    },
    accessCode: {
      missing: 'Enter the access code',
      invalid: 'Enter the access code as written, like 65K9-P0NE-1WW6-EX0H',
    },
    username: { missing: 'Enter your username', invalid: 'Enter your username' },
    password: { missing: 'Enter your password', invalid: 'Enter your password' },
    outcome: { missing: 'Choose a decision', invalid: 'Choose one of the decisions offered' },
    comment: { missing: 'Write a comment', invalid: 'Shorten the comment to 4000 characters or fewer' },
    decisionAmount: {
      missing: 'Enter the amount to approve',
      invalid: 'Enter an amount in roubles more than 0, using digits, like 5000',
    },
    fundingSource: { missing: 'Choose a funding source', invalid: 'Choose a funding source from the list' },
    answer: {
      missing: 'Write the answer to the applicant',
      invalid: 'Shorten the answer to 20000 characters or fewer',
    },
    periodFrom: {
      missing: 'Enter the first day of the period',
      invalid: 'Enter the first day as a date, like 2026-01-01',
    },
    periodTo: {
      missing: 'Enter the last day of the period',
      invalid: 'Enter the last day as a date, like 2026-12-31',
      beforeFrom: 'The last day must be the same as or after the first day',
      tooLong: 'Ask for at most five years at a time',
    },
    correctPayout: { missing: 'Choose whether the payout details stay the same or are corrected' },
    settlementStatus: { missing: "Choose the bank's result: paid or failed" },
    failureReason: {
      missing: 'Say why the payment failed, for example "account closed"',
      invalid: 'Shorten the reason to 500 characters or fewer',
    },
    bankReference: { invalid: "Shorten the bank's reference to 35 characters or fewer" },
    deliveredAt: {
      invalid: 'Enter the delivery date as a date, like 2026-11-20',
      future: 'The delivery date cannot be in the future',
    },
    receivedBy: { invalid: 'Shorten the name to 200 characters or fewer' },
    deliveryNote: { invalid: 'Shorten the note to 1000 characters or fewer' },
    budgetAmount: {
      missing: 'Enter the allocated amount in roubles',
      invalid: 'Enter an amount in roubles using digits, like 1500000',
      belowCommitted: 'The amount is below what is already reserved or spent from this line',
    },
    effectiveFrom: { past: 'A new version takes effect today or later' },
    entryCode: {
      invalid:
        'Enter a code in lower-case letters, digits and underscores that starts with a letter, like food_set',
    },
    entryName: { missing: (language: string) => `Enter the name in ${language}` },
    entryAidKind: { missing: 'Choose the kind of aid' },
  },
  // Shown on the applicant's pages and on the staff desk alike
  overdue: 'Overdue',
  household: 'Household',
  householdSummary: (size: number, children: number) =>
    `${size} ${size === 1 ? 'person' : 'people'}, of whom ${children} ${children === 1 ? 'child' : 'children'}`,
  monthlyIncome: 'Monthly income',
  categories: 'Categories claimed',
  payment: 'Payment',
  amountColumn: 'Amount',
  payoutMethodStaff: 'How the aid is paid',
};

export type Messages = typeof en;
