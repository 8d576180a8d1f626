import * as z from 'zod/mini';
import { moneySchema } from './money-schema.js';
import { meta, strictObject } from './schema-helpers.js';

/**
 * A funding source's budget line for a year (DESIGN.md §5 invariant 3):
 * `allocated + opening = remaining + reserved + spent`, and no figure is ever negative.
 */
export interface BudgetFigures {
  readonly opening: number;
  readonly allocated: number;
  readonly reserved: number;
  readonly spent: number;
  readonly remaining: number;
}

/** PUT /v1/budgets/{source}/{year}: the new allocation (and opening balance, when given). */
export const budgetWriteSchema = meta(
  strictObject('Budget', {
    allocated: moneySchema,
    opening: z.optional(moneySchema),
  }),
  { id: 'BudgetWrite', description: 'A budget line: allocated money and the opening balance.' },
);

export type BudgetWrite = z.infer<typeof budgetWriteSchema>;

/**
 * The line after an administrator changes allocation or opening balance. Reserved and spent
 * money is already committed to applicants, so the new total may not fall below it: the result
 * is the new figures, or the reason the change is refused.
 */
export function reallocate(
  current: BudgetFigures,
  change: { allocated: number; opening?: number | undefined },
): { ok: true; figures: BudgetFigures } | { ok: false; reason: string; committed: number } {
  const opening = change.opening ?? current.opening;
  const remaining = change.allocated + opening - current.reserved - current.spent;
  if (remaining < 0) {
    return {
      ok: false,
      reason: `The line already has ${current.reserved + current.spent} minor units reserved or spent; allocated plus opening may not be less than that (it would be ${change.allocated + opening}).`,
      committed: current.reserved + current.spent,
    };
  }
  return {
    ok: true,
    figures: {
      opening,
      allocated: change.allocated,
      reserved: current.reserved,
      spent: current.spent,
      remaining,
    },
  };
}

export function balances(f: BudgetFigures): boolean {
  return (
    f.allocated + f.opening === f.remaining + f.reserved + f.spent && Object.values(f).every((v) => v >= 0)
  );
}
