import { type Role, roles } from './roles.js';

/**
 * Every staff action of API.md and the roles that may take it: one matrix, read by the handlers
 * (403 with `explainDenial`) and by the staff desk (which buttons to show).
 *
 * Task actions are the gate to the task routes; which task a role may decide is narrowed further
 * by `taskRole` in tasks.ts (a reviewer decides reviews, not approvals).
 */
export const actions = [
  'tasks:list',
  'tasks:read',
  'tasks:decide',
  'cases:search',
  'cases:read',
  'cases:audit',
  'appeals:register-channel',
  'appeals:repeat-appellants',
  'disbursements:list',
  'batches:create',
  'batches:read',
  'batches:send',
  'settlements:record',
  'deliveries:record',
  'letters:list',
  'letters:post',
  'messages:resend',
  'budgets:read',
  'budgets:write',
  'reports:read',
  'catalogue:write',
  'rules:read',
  'rules:write',
  'policy:write',
  'staff:read',
  'staff:write',
] as const;
export type Action = (typeof actions)[number];

/** Roles that own a task type (tasks.ts): they see and decide tasks. */
const taskRoles = ['clerk', 'reviewer', 'head', 'commission', 'finance'] as const satisfies readonly Role[];

/*
 * Decisions where API.md is silent:
 * - admin configures the system (catalogue, rules, budgets) but does not read cases: least
 *   privilege over applicants' personal data.
 * - auditor reads cases, audit trails, disbursements, budgets and reports, and changes nothing.
 * - disbursements and payment files: finance, plus auditor to check them.
 */
export const permissions: Readonly<Record<Action, readonly Role[]>> = {
  'tasks:list': taskRoles,
  'tasks:read': taskRoles,
  'tasks:decide': taskRoles,
  'cases:search': [...taskRoles, 'auditor'],
  'cases:read': [...taskRoles, 'auditor'],
  'cases:audit': ['auditor', 'head'],
  'appeals:register-channel': ['clerk'],
  // Names of people who appeal repeatedly: for the head of the office (DOMAIN.md), and audit.
  'appeals:repeat-appellants': ['head', 'auditor'],
  'disbursements:list': ['finance', 'auditor'],
  'batches:create': ['finance'],
  'batches:read': ['finance', 'auditor'],
  // Saying a batch went to the bank is finance's: it is what stops the same batch going twice.
  'batches:send': ['finance'],
  'settlements:record': ['finance'],
  // Confirming that in-kind aid was handed over spends its money exactly as a bank settlement does.
  'deliveries:record': ['finance'],
  // The office's post: the clerk prints letters to applicants who gave only a postal address.
  'letters:list': ['clerk'],
  'letters:post': ['clerk'],
  // Staff who deal with applicants on a case may have a lost message sent again.
  'messages:resend': ['clerk', 'reviewer', 'head'],
  'budgets:read': ['finance', 'head', 'admin', 'auditor'],
  'budgets:write': ['admin'],
  'reports:read': ['head', 'finance', 'admin', 'auditor'],
  'catalogue:write': ['admin'],
  'rules:read': ['admin', 'head', 'reviewer', 'auditor'],
  'rules:write': ['admin'],
  'policy:write': ['admin'],
  // Who staff are as applicants (segregation of duties): the administrator keeps the directory,
  // and checks whose identity is in it (only whether and when: never names or keys).
  'staff:read': ['admin'],
  'staff:write': ['admin'],
};

/** What each action is, in words, for 403 details. */
export const actionDescriptions: Readonly<Record<Action, string>> = {
  'tasks:list': 'list open tasks',
  'tasks:read': 'open a task',
  'tasks:decide': 'decide a task',
  'cases:search': 'search cases',
  'cases:read': 'open a case',
  'cases:audit': "read a case's audit trail",
  'appeals:register-channel': 'register an appeal received by email, post, phone or in person',
  'appeals:repeat-appellants': 'see the people who appeal repeatedly',
  'disbursements:list': 'list disbursements',
  'batches:create': 'create a payment batch',
  'batches:read': 'read payment batches and download their files',
  'batches:send': 'mark a payment batch as sent to the bank',
  'settlements:record': 'record a payment settlement',
  'deliveries:record': 'confirm the delivery of in-kind aid',
  'letters:list': 'list the letters to print',
  'letters:post': 'mark a letter as posted',
  'messages:resend': 'have a message to the applicant sent again',
  'budgets:read': 'read budgets',
  'budgets:write': 'change a budget',
  'reports:read': 'read reports',
  'catalogue:write': 'change the catalogue',
  'rules:read': 'read eligibility rules and the approval ladder',
  'rules:write': 'change eligibility rules and the approval ladder',
  'policy:write': 'change policy values such as the subsistence minimum',
  'staff:read': "check whether a member of staff's identity as an applicant is recorded",
  'staff:write': "record a member of staff's identity as an applicant",
};

export function can(callerRoles: readonly string[], action: Action): boolean {
  const allowed: readonly string[] = permissions[action];
  return callerRoles.some((r) => allowed.includes(r));
}

/** The reason for a 403, naming what would have been needed. */
export function explainDenial(callerRoles: readonly string[], action: Action): string {
  const needed = permissions[action].join(', ');
  const known = callerRoles.filter((r) => (roles as readonly string[]).includes(r));
  const held = known.length === 0 ? 'you have no staff role' : `your roles are: ${known.join(', ')}`;
  const what = actionDescriptions[action];
  if (can(callerRoles, action)) return `You may ${what}.`;
  return `You may not ${what}: this needs one of the roles ${needed}, and ${held}.`;
}
