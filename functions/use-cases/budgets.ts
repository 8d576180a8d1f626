import { type BudgetWrite, reallocate } from '../../domain/budget.js';
import type { Money } from '../../domain/money.js';
import { tableName } from '../lib/clients.js';
import { ConflictError, NotFoundError, TransientError, ValidationError } from '../lib/errors.js';
import { currentCatalogue, forgetCachedCatalogue } from '../lib/store/catalogue.js';
import { keys } from '../lib/store/keys.js';
import { budgetsOfYear, getBudget } from '../lib/store/reads.js';
import type { BudgetRecord } from '../lib/store/records.js';
import { transact } from '../lib/store/transactions.js';

export interface BudgetView {
  readonly source: string;
  readonly year: number;
  readonly opening: Money;
  readonly allocated: Money;
  readonly reserved: Money;
  readonly spent: Money;
  readonly remaining: Money;
}

/** API.md's budget line: every figure as Money in the line's currency. */
export function budgetView(b: BudgetRecord): BudgetView {
  const m = (minor: number): Money => ({ currency: b.currency as Money['currency'], minor });
  return {
    source: b.source,
    year: b.year,
    opening: m(b.opening),
    allocated: m(b.allocated),
    reserved: m(b.reserved),
    spent: m(b.spent),
    remaining: m(b.remaining),
  };
}

/** The budget lines of a year: one partition, so the cost is the number of sources, not of cases. */
export async function listBudgets(year: number): Promise<BudgetView[]> {
  const lines = await budgetsOfYear(year);
  return lines.map(budgetView).sort((a, b) => a.source.localeCompare(b.source));
}

/**
 * Sets a line's allocation (and opening balance). Conditional on the version read, so a
 * concurrent reservation is never lost: reserve and reallocate both move `version`, and the
 * loser retries. A new line starts with nothing reserved or spent.
 */
export async function setBudget(input: {
  source: string;
  year: number;
  change: BudgetWrite;
}): Promise<BudgetView> {
  const { source, year, change } = input;
  // The stored catalogue (a source added without a release gets its budget lines), read afresh.
  forgetCachedCatalogue();
  const sources = (await currentCatalogue()).catalogue.fundingSources.map((s) => s.code);
  if (!sources.includes(source)) {
    throw new NotFoundError(`There is no funding source "${source}"; known sources: ${sources.join(', ')}.`);
  }
  if (change.opening && change.opening.currency !== change.allocated.currency) {
    throw new ValidationError([
      { path: 'opening.currency', message: 'Use the same currency as "allocated".' },
    ]);
  }
  const current = await getBudget(year, source);
  if (current && current.currency !== change.allocated.currency) {
    throw new ValidationError([
      { path: 'allocated.currency', message: `This budget line is kept in ${current.currency}.` },
    ]);
  }
  const base = current ?? { opening: 0, allocated: 0, reserved: 0, spent: 0, remaining: 0, version: 0 };
  const next = reallocate(base, { allocated: change.allocated.minor, opening: change.opening?.minor });
  if (!next.ok) {
    throw new ConflictError(next.reason, {
      code: 'below_committed',
      committed: next.committed,
      source,
      year,
    });
  }
  const record: BudgetRecord = {
    ...keys.budget(year, source),
    type: 'Budget',
    source,
    year,
    currency: change.allocated.currency,
    ...next.figures,
    version: base.version + 1,
  };
  const outcome = await transact([
    {
      Put: {
        TableName: tableName(),
        Item: record,
        ConditionExpression: current ? '#version = :expected' : 'attribute_not_exists(pk)',
        ...(current
          ? {
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':expected': current.version },
            }
          : {}),
      },
    },
  ]);
  if (!outcome.ok) throw new TransientError('the budget line changed meanwhile; try again');
  return budgetView(record);
}
