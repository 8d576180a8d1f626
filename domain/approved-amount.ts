import type { DecisionProblem } from './decision-comments.js';
import type { Money } from './money.js';

/**
 * The ceiling of an approval, apart from decision.ts so that the handlers that list and show
 * tasks, which share a module with the decision's use case, do not bundle the decision's schema.
 */

/**
 * An approval gives at most what the applicant asked for: the requested amount is the ceiling of
 * every approved amount (a smaller one is the approver's to choose). The problem, or undefined when
 * the amount fits (or there is nothing to compare it with).
 */
export function amountAboveRequested(
  amount: Money | undefined,
  requested: Money | undefined,
): DecisionProblem | undefined {
  if (!amount || !requested || amount.currency !== requested.currency || amount.minor <= requested.minor) {
    return undefined;
  }
  return {
    path: ['amount', 'minor'],
    message: `The approved amount may not exceed the requested amount (${requested.minor / 100} ${requested.currency}); approve at most that, or reject with reasons.`,
  };
}
