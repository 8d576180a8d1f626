import { toIsoDate } from './dates.js';

/**
 * How long a closed case is kept (issue 6), as data. When a case reaches a terminal status it gets
 * `expiresAt` (the table's TTL attribute); DynamoDB deletes it some time after that instant and
 * the table stream deletes the rest of the case with it (functions/use-cases/retention.ts). The
 * yearly aggregates (report items, budget lines) are not part of a case and are kept.
 *
 * Basis (Russia, the default jurisdiction):
 * - aid cases are the file behind a payment from a budget: primary accounting documents are kept
 *   at least 5 years after the reporting year (402-FZ "On accounting", art. 29), and the archival
 *   list of standard records (Rosarkhiv order No. 236 of 20.12.2019) keeps files on granting
 *   social support 5 years;
 * - appeals: the same list keeps citizens' appeals (proposals, applications, complaints) and the
 *   papers of their consideration 5 years;
 * - archival terms count from 1 January of the year after the file was closed (same order), so
 *   a case closed in March 2026 is kept through 31 December 2031.
 * Personal data may not be kept longer than its purpose needs (152-FZ art. 5 §7), hence deletion
 * rather than an archive flag. Other jurisdictions must check their own terms before deploying.
 */
export interface RetentionPolicy {
  /** Whole years, counted from 1 January of the year after closing. */
  readonly yearsAfterClosing: number;
  readonly basis: string;
}

export type RetainedCaseKind = 'aid' | 'appeal';

export const retentionPolicies: Readonly<Record<RetainedCaseKind, RetentionPolicy>> = {
  aid: {
    yearsAfterClosing: 5,
    basis: '402-FZ art. 29 (accounting documents); Rosarkhiv order 236/2019 (social support files)',
  },
  appeal: {
    yearsAfterClosing: 5,
    basis: "Rosarkhiv order 236/2019 (citizens' appeals and the papers of their consideration)",
  },
};

/**
 * The TTL of a case closed at `closedAt`: epoch seconds of 1 January (UTC) of the year
 * `yearsAfterClosing` after the year following the closing. The year of closing is the office's
 * (`timeZone`): a file closed at 01:30 on 1 January in Moscow was closed in the new year, and
 * counting it in the old one would delete it a year before its term ends. 00:00 UTC is after
 * midnight in the offices' zones (east of UTC), so the term is never cut short by the hours.
 */
export function retentionExpiry(kind: RetainedCaseKind, closedAt: string | Date, timeZone = 'UTC'): number {
  const closed = typeof closedAt === 'string' ? new Date(closedAt) : closedAt;
  if (Number.isNaN(closed.getTime())) throw new RangeError(`Not a time: ${String(closedAt)}`);
  const closedYear = Number(toIsoDate(closed, timeZone).slice(0, 4));
  const year = closedYear + 1 + retentionPolicies[kind].yearsAfterClosing;
  return Date.UTC(year, 0, 1) / 1000;
}
