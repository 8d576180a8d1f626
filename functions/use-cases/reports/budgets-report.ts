import type { Money } from '../../../domain/money.js';
import type { BudgetReportRow, BudgetsReport } from '../../../domain/reports.js';
import { config } from '../../lib/config.js';
import { toCsv } from '../../lib/csv.js';
import { budgetsOfYear } from '../../lib/store/reads.js';
import { usageFigures, usageRowsOfYear } from './aid-usage.js';
import { decimalAmount } from './report-format.js';

const figures = [
  'opening',
  'allocated',
  'reserved',
  'spent',
  'spentOnAdults',
  'spentOnFamilies',
  'closing',
  'remaining',
] as const;
type Figure = (typeof figures)[number];

/**
 * GET /v1/reports/budgets: each funding source's budget movement in a year. Opening, allocated,
 * reserved, spent and remaining are the budget line's (the source of truth for money); the split
 * of the spending between adults and families with children comes from the aid usage aggregates.
 * Two queries of small partitions (budget lines; usage rows), never a scan of cases.
 *
 * closing = opening + allocated − spent (DOMAIN.md): money reserved for approved aid not yet paid
 * is still part of it. The usage split follows payments through the stream, so for a moment after
 * a payment spentOnAdults + spentOnFamilies may trail `spent`.
 */
export async function budgetsReport(year: number): Promise<BudgetsReport> {
  const currency = config().CURRENCY;
  const [lines, usage] = await Promise.all([budgetsOfYear(year), usageRowsOfYear(year)]);
  const split = new Map<string, { adults: number; families: number }>();
  for (const record of usage) {
    const f = usageFigures(record, currency);
    const s = split.get(record.source) ?? { adults: 0, families: 0 };
    split.set(record.source, {
      adults: s.adults + f.adults.amount.minor,
      families: s.families + f.families.amount.minor,
    });
  }
  const sources = [...new Set([...lines.map((l) => l.source), ...split.keys()])].sort();
  const m = (minor: number): Money => ({ currency, minor });
  const rows: BudgetReportRow[] = sources.map((source) => {
    const line = lines.find((l) => l.source === source);
    const opening = line?.opening ?? 0;
    const allocated = line?.allocated ?? 0;
    const spent = line?.spent ?? 0;
    const s = split.get(source) ?? { adults: 0, families: 0 };
    return {
      source,
      opening: m(opening),
      allocated: m(allocated),
      reserved: m(line?.reserved ?? 0),
      spent: m(spent),
      spentOnAdults: m(s.adults),
      spentOnFamilies: m(s.families),
      closing: m(opening + allocated - spent),
      remaining: m(line?.remaining ?? 0),
    };
  });
  const totals = Object.fromEntries(
    figures.map((f) => [f, m(rows.reduce((sum, r) => sum + r[f].minor, 0))]),
  ) as Record<Figure, Money>;
  return { year, currency, rows, totals };
}

export function budgetsCsv(report: BudgetsReport): string {
  const header = ['source', 'currency', ...figures];
  const line = (source: string, r: Record<Figure, Money>) => [
    source,
    report.currency,
    ...figures.map((f) => decimalAmount(r[f])),
  ];
  return toCsv([header, ...report.rows.map((r) => line(r.source, r)), line('TOTAL', report.totals)]);
}
