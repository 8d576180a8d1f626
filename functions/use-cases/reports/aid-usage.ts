import { type ReportGroup, reportGroupOf, reportGroups } from '../../../domain/catalogue.js';
import type { Money } from '../../../domain/money.js';
import {
  type AidUsageReport,
  type AidUsageRow,
  type UsageCell,
  type UsageColumn,
  usageColumns,
} from '../../../domain/reports.js';
import { config } from '../../lib/config.js';
import { toCsv } from '../../lib/csv.js';
import { countFacts } from '../../lib/store/counted-facts.js';
import { getCase, queryPartition } from '../../lib/store/reads.js';
import type { DisbursementRecord } from '../../lib/store/records.js';
import { type AidUsageRecord, usageKeys } from '../../lib/store/usage-records.js';
import { decimalAmount } from './report-format.js';

type Image = Partial<DisbursementRecord> & Record<string, unknown>;

export interface PaymentCounted {
  /** The money was added to its row (false: an earlier delivery of the record had added it). */
  readonly amount: boolean;
  /** The person was new in this row and group. */
  readonly person: boolean;
}

/**
 * Keeps the aid usage aggregates from the table stream: when a disbursement becomes `paid`, its
 * amount is added to the row of its year, funding source and aid type, in the report group of
 * the case (DOMAIN.md "Report groups"), and the person is counted there if new. The case is read
 * (one GetItem) for the group, the person and the year its budget belongs to.
 *
 * Each of the two facts is counted once (countFacts, as the appeal report's counters): the payment
 * by a marker per disbursement, the person by a marker per person, row and group, both with the
 * row's update in one transaction. A redelivered stream record adds nothing, and a second payment
 * to the same person adds money but no person (a second transaction, without the person).
 */
export async function countPaidDisbursement(
  oldStreamImage: Record<string, unknown> | undefined,
  newStreamImage: Record<string, unknown>,
): Promise<PaymentCounted | undefined> {
  const oldImage = oldStreamImage as Image | undefined;
  const newImage = newStreamImage as Image;
  if (newImage.status !== 'paid' || oldImage?.status === 'paid') return undefined;
  const { caseId, disbursementId, fundingSource, aidType, amount } = newImage;
  if (!caseId || !disbursementId || !fundingSource || !aidType || !amount) {
    throw new Error(`disbursement ${String(disbursementId)} lacks what the aid usage report needs`);
  }
  const found = await getCase(caseId);
  // The case is written before its disbursement exists: missing means something is badly wrong,
  // and the record goes to the dead-letter queue after its retries rather than being skipped.
  if (!found) throw new Error(`disbursement ${disbursementId}: case ${caseId} not found`);
  const group = reportGroupOf(found.categories, found.household);
  const row = usageKeys.row(found.year, fundingSource, aidType);
  const set = {
    type: 'AidUsage',
    year: found.year,
    source: fundingSource,
    aidType,
    currency: amount.currency,
  };
  const [amountCounted = false, personCounted = false] = await countFacts({
    counter: row,
    set,
    facts: [
      {
        marker: usageKeys.paidCounted(caseId, disbursementId),
        markerAttributes: { caseId, disbursementId },
        add: { [`${group}_minor`]: amount.minor },
      },
      {
        marker: usageKeys.personCounted(found.personKey, found.year, fundingSource, aidType, group),
        add: { [`${group}_persons`]: 1 },
      },
    ],
  });
  return { amount: amountCounted, person: personCounted };
}

/** The usage rows of a year: one small partition (sources × aid types), whatever the number of cases. */
export function usageRowsOfYear(year: number): Promise<AidUsageRecord[]> {
  const { pk, skPrefix } = usageKeys.rowsOfYear(year);
  return queryPartition<AidUsageRecord>(pk, skPrefix);
}

type Figures = Record<UsageColumn, UsageCell>;

function cell(currency: string, minor: number, persons: number): UsageCell {
  return { amount: { currency, minor }, persons };
}

/** The five columns of a row from its counters; `adults` = disabled + pensioners + other. */
export function usageFigures(record: AidUsageRecord, currency: string): Figures {
  const of = (group: ReportGroup) =>
    cell(currency, record[`${group}_minor`] ?? 0, record[`${group}_persons`] ?? 0);
  const parts = Object.fromEntries(reportGroups.map((g) => [g, of(g)])) as Record<ReportGroup, UsageCell>;
  const adults = cell(
    currency,
    parts.disabled.amount.minor + parts.pensioners.amount.minor + parts.other.amount.minor,
    parts.disabled.persons + parts.pensioners.persons + parts.other.persons,
  );
  return { adults, ...parts };
}

function sumFigures(currency: string, rows: readonly Figures[]): Figures {
  const zero = () => cell(currency, 0, 0);
  const total = Object.fromEntries(usageColumns.map((c) => [c, zero()])) as Figures;
  for (const row of rows) {
    for (const c of usageColumns) {
      total[c] = cell(
        currency,
        total[c].amount.minor + row[c].amount.minor,
        total[c].persons + row[c].persons,
      );
    }
  }
  return total;
}

/** GET /v1/reports/aid-usage: spent (paid) money and people per funding source × aid type. */
export async function aidUsageReport(year: number): Promise<AidUsageReport> {
  const currency = config().CURRENCY;
  const rows: AidUsageRow[] = (await usageRowsOfYear(year))
    .map((r) => ({ source: r.source, aidType: r.aidType, ...usageFigures(r, currency) }))
    .sort((a, b) => a.source.localeCompare(b.source) || a.aidType.localeCompare(b.aidType));
  return { year, currency, rows, totals: sumFigures(currency, rows) };
}

/**
 * The same as CSV: one line per source × aid type and a TOTAL line; amounts in major units with a
 * decimal point, in the currency of the `currency` column.
 */
export function aidUsageCsv(report: AidUsageReport): string {
  const header = [
    'source',
    'aid_type',
    'currency',
    ...usageColumns.flatMap((c) => [`${c}_amount`, `${c}_persons`]),
  ];
  const line = (source: string, aidType: string, figures: Figures) => [
    source,
    aidType,
    report.currency,
    ...usageColumns.flatMap((c) => [decimalAmount(figures[c].amount as Money), figures[c].persons]),
  ];
  return toCsv([
    header,
    ...report.rows.map((r) => line(r.source, r.aidType, r)),
    line('TOTAL', '', report.totals),
  ]);
}
