import type { ReportGroup } from '../../../domain/catalogue.js';

/**
 * Aggregates of the aid usage report (GET /v1/reports/aid-usage), kept by the table stream from
 * paid disbursements (use-cases/reports/aid-usage.ts):
 *
 * | pattern                                         | key                                                              |
 * |-------------------------------------------------|------------------------------------------------------------------|
 * | usage rows of a year (table-spec #19)           | pk = AID_USAGE#<year>, sk = ROW#<source>#<aidType>               |
 * | "this payment was counted"                      | pk = CASE#<caseId>, sk = COUNTED#paid#<disbursementId>           |
 * | "this person was counted in this row and group" | pk = PERSON#<personKey>, sk = COUNTED#USAGE#<year>#<source>#<aidType>#<group> |
 *
 * The person markers live in the person's partition, not the year's: the report reads one small
 * partition whose size is sources × aid types, whatever the number of cases or people.
 */
export type AidUsageRecord = {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'AidUsage';
  readonly year: number;
  readonly source: string;
  readonly aidType: string;
  readonly currency: string;
} & {
  /** `<group>_minor` and `<group>_persons` per report group, created by the first ADD. */
  readonly [C in `${ReportGroup}_${'minor' | 'persons'}`]?: number;
};

export const usageKeys = {
  row: (year: number, source: string, aidType: string) => ({
    pk: `AID_USAGE#${year}`,
    sk: `ROW#${source}#${aidType}`,
  }),
  rowsOfYear: (year: number) => ({ pk: `AID_USAGE#${year}`, skPrefix: 'ROW#' }),
  paidCounted: (caseId: string, disbursementId: string) => ({
    pk: `CASE#${caseId}`,
    sk: `COUNTED#paid#${disbursementId}`,
  }),
  personCounted: (personKey: string, year: number, source: string, aidType: string, group: ReportGroup) => ({
    pk: `PERSON#${personKey}`,
    sk: `COUNTED#USAGE#${year}#${source}#${aidType}#${group}`,
  }),
} as const;
