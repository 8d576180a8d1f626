import { type IsoDate, toIsoDate } from './dates.js';
import type { RuleSet } from './rule-set-schema.js';

/*
 * Which version is in force, apart from eligibility.ts: the rule-set routes list and store versions
 * and need this, not the evaluation (docs/performance.md, issue 7). eligibility.ts re-exports it.
 */

/** Items that take effect on a date (rule sets, policies, ladders). */
interface Effective {
  effectiveFrom: IsoDate;
  version?: number;
}

/** The item in force on a date: the latest `effectiveFrom` on or before it, then the highest version. */
export function selectEffective<T extends Effective>(items: readonly T[], on: IsoDate | Date): T | undefined {
  const date = on instanceof Date ? toIsoDate(on) : on;
  let best: T | undefined;
  for (const item of items) {
    if (item.effectiveFrom > date) continue;
    if (
      best === undefined ||
      item.effectiveFrom > best.effectiveFrom ||
      (item.effectiveFrom === best.effectiveFrom && (item.version ?? 0) > (best.version ?? 0))
    ) {
      best = item;
    }
  }
  return best;
}

/** The rule set for an aid type in force on a date (a Date is taken as its UTC date). */
export function selectRuleSet(
  ruleSets: readonly RuleSet[],
  aidType: string,
  asOfDate: IsoDate | Date,
): RuleSet | undefined {
  return selectEffective(
    ruleSets.filter((r) => r.aidType === aidType),
    asOfDate,
  );
}
