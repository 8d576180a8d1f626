import * as z from 'zod/mini';
import { type ReportGroup, reportGroups } from './catalogue.js';
import { moneySchema } from './money-schema.js';
import { meta } from './schema-helpers.js';

/**
 * The finance reports of API.md (`GET /v1/reports/aid-usage`, `GET /v1/reports/budgets`), the
 * yearly tables the offices publish (DOMAIN.md "Reports the offices publish every year"). These
 * schemas describe the answers in the OpenAPI document; the figures come from aggregates the
 * table stream keeps, never from reading cases.
 */

const usageCellSchema = meta(
  z.object({
    amount: moneySchema,
    persons: meta(z.number().check(z.int(), z.gte(0)), {
      description:
        'Distinct people paid in this group, source and aid type (a person paid twice counts once).',
    }),
  }),
  { id: 'UsageCell' },
);

export type UsageCell = z.infer<typeof usageCellSchema>;

/** The groups of a usage row as the API names them: `adults` first, then its parts, then families. */
export const usageColumns = ['adults', 'disabled', 'pensioners', 'other', 'families'] as const;
export type UsageColumn = (typeof usageColumns)[number];

const usageFigures = {
  adults: meta(usageCellSchema, { description: 'disabled + pensioners + other' }),
  disabled: usageCellSchema,
  pensioners: usageCellSchema,
  other: usageCellSchema,
  families: meta(usageCellSchema, { description: 'Families with children (DOMAIN.md "Report groups")' }),
};

export const aidUsageRowSchema = meta(
  z.object({ source: z.string(), aidType: z.string(), ...usageFigures }),
  { id: 'AidUsageRow' },
);
export type AidUsageRow = z.infer<typeof aidUsageRowSchema>;

export const aidUsageReportSchema = meta(
  z.object({
    year: z.number().check(z.int()),
    currency: z.string(),
    rows: z.array(aidUsageRowSchema),
    totals: meta(z.object(usageFigures), {
      description:
        'Sums over all rows. Persons are summed too: someone paid from two sources or for two aid types counts in each row.',
    }),
  }),
  {
    id: 'AidUsageReport',
    description:
      'Money spent (paid disbursements) in a year by funding source × aid type, with the number of people, for adults (of which disabled, pensioners, other) and families with children.',
  },
);
export type AidUsageReport = z.infer<typeof aidUsageReportSchema>;

export const budgetReportRowSchema = meta(
  z.object({
    source: z.string(),
    opening: moneySchema,
    allocated: moneySchema,
    reserved: moneySchema,
    spent: meta(moneySchema, { description: 'Spent according to the budget line (money paid out).' }),
    spentOnAdults: moneySchema,
    spentOnFamilies: moneySchema,
    closing: meta(moneySchema, {
      description:
        'opening + allocated − spent (DOMAIN.md). Money reserved for approved but unpaid aid is still in it; remaining = closing − reserved.',
    }),
    remaining: moneySchema,
  }),
  { id: 'BudgetReportRow' },
);
export type BudgetReportRow = z.infer<typeof budgetReportRowSchema>;

export const budgetsReportSchema = meta(
  z.object({
    year: z.number().check(z.int()),
    currency: z.string(),
    rows: z.array(budgetReportRowSchema),
    totals: z.omit(budgetReportRowSchema, { source: true }),
  }),
  {
    id: 'BudgetsReport',
    description:
      'Budget movement of a year by funding source: opening balance, allocated, spent on adults and on families with children, closing balance.',
  },
);
export type BudgetsReport = z.infer<typeof budgetsReportSchema>;

/** Whether a report group is one of the adults' (the `adults` column sums them). */
export function isAdultGroup(group: ReportGroup): boolean {
  return group !== 'families';
}

export { type ReportGroup, reportGroups };
