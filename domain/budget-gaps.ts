/**
 * The year's turn, for budgets. Approvals draw on a funding source's budget line for the year of
 * the decision; a year without a line waitlists every approval from that source, and nothing else
 * tells the office why. So the desk says so: in December, of next year's lines not yet set, and at
 * any time, of this year's lines that were never set although the source had money last year.
 *
 * A line with nothing allocated counts as set: it is the office's decision that the source pays
 * nothing that year, and it ends the warning. Pure: the caller reads the lines and gives the date.
 */

/** A budget line as far as continuity goes: its source and the money it had (minor units). */
export interface BudgetLineSummary {
  readonly source: string;
  readonly allocated: number;
  readonly opening: number;
}

export interface BudgetGap {
  /** `missing`: the year has begun without these lines; `coming`: next year's, from 1 December. */
  readonly kind: 'missing' | 'coming';
  /** The year that has no line for the sources. */
  readonly year: number;
  /** Funding source codes, in the order of the earlier year's lines. */
  readonly sources: readonly string[];
}

/** The month from which next year's missing lines are announced (December: a month to set them). */
export const comingGapsFromMonth = 12;

/**
 * The gaps to announce on `today` (the office's calendar date, `YYYY-MM-DD`), given the lines of
 * last year, this year and next year. Missing lines come first: they waitlist approvals today.
 */
export function budgetGaps(
  today: string,
  lines: {
    readonly lastYear: readonly BudgetLineSummary[];
    readonly thisYear: readonly BudgetLineSummary[];
    readonly nextYear: readonly BudgetLineSummary[];
  },
): BudgetGap[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Not a calendar date: ${today}`);
  }
  const gaps: BudgetGap[] = [];
  const missing = unfollowed(lines.lastYear, lines.thisYear);
  if (missing.length > 0) gaps.push({ kind: 'missing', year, sources: missing });
  if (month >= comingGapsFromMonth) {
    const coming = unfollowed(lines.thisYear, lines.nextYear);
    if (coming.length > 0) gaps.push({ kind: 'coming', year: year + 1, sources: coming });
  }
  return gaps;
}

/** Sources that had money in the earlier year and have no line at all in the later one. */
function unfollowed(earlier: readonly BudgetLineSummary[], later: readonly BudgetLineSummary[]): string[] {
  const set = new Set(later.map((l) => l.source));
  const out: string[] = [];
  for (const line of earlier) {
    if (line.allocated + line.opening > 0 && !set.has(line.source) && !out.includes(line.source)) {
      out.push(line.source);
    }
  }
  return out;
}
