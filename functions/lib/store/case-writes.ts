import type { AidStatus } from '../../../domain/aid-lifecycle.js';
import {
  assertTransition,
  InvalidTransitionError,
  isTerminal,
  reopenings,
} from '../../../domain/aid-lifecycle.js';
import type { Actor } from './audit.js';
import { versionedCaseUpdate } from './case-update.js';
import { keys } from './keys.js';
import type { AidCaseRecord, CodedNote } from './records.js';

export interface StatusChange extends CodedNote {
  readonly to: AidStatus;
  readonly at: string;
  readonly actor: Actor;
  readonly action: string;
  readonly note?: string;
  /** Further attributes to set on the case in the same update (values are plain data). */
  readonly set?: Record<string, unknown>;
  /** Audit details beyond the status (no personal data). */
  readonly details?: Record<string, unknown>;
}

/**
 * The writes of a case status change, for one transaction: the case update (conditional on the
 * version read, so two writers never both win) and its audit event, and, when the case closes,
 * the release of its open-application lock, so the person may apply for this aid again.
 * Callers that read `reasons[i]` of the transaction: these items come in this order, the lock's
 * release last (and only on closing).
 */
export function caseStatusChange(tableName: string, current: AidCaseRecord, change: StatusChange) {
  assertTransition(current.status, change.to);
  if (!(isTerminal(change.to) && current.holdsOpenApplication)) {
    return caseUpdate(tableName, current, change, change.to);
  }
  // The case gives the lock up with its flag: should it ever be reopened, it no longer owns the
  // lock (another application may have taken it), so closing again must not delete it.
  const releasing = { ...change, set: { ...(change.set ?? {}), holdsOpenApplication: false } };
  return [
    ...caseUpdate(tableName, current, releasing, change.to),
    // Unconditional: while this case was open nobody else could take the lock, so it is this one's.
    { Delete: { TableName: tableName, Key: keys.openApplication(current.personKey, current.aidType) } },
  ];
}

/**
 * Reopening a closed case (domain/aid-lifecycle.ts `reopenings`): the same two writes. The new
 * round is decided afresh: the commission's votes and seats of the last round are cleared (they
 * stay in that round's minutes and in the audit trail), or the tally would count them again.
 */
export function caseReopening(tableName: string, current: AidCaseRecord, change: Omit<StatusChange, 'to'>) {
  const to = reopenings[current.status];
  if (!to) throw new InvalidTransitionError(current.status, 'in_review');
  const afresh = { ...change, set: { ...(change.set ?? {}), commissionVotes: null, commissionTasks: null } };
  return caseUpdate(tableName, current, afresh, to);
}

/** A change that keeps the status (a note, an eligibility result, a flag) but is still audited. */
export function caseAnnotation(tableName: string, current: AidCaseRecord, change: Omit<StatusChange, 'to'>) {
  return caseUpdate(tableName, current, change, current.status);
}

function caseUpdate(
  tableName: string,
  current: AidCaseRecord,
  change: Omit<StatusChange, 'to'>,
  to: AidStatus,
) {
  return versionedCaseUpdate(tableName, 'aid', current, change, to, (s) => isTerminal(s as AidStatus));
}
