import * as z from 'zod/mini';
import { amountAboveRequested } from './approved-amount.js';
import { fundingSourceCodes } from './catalogue.js';
import { commentProblem, type DecisionProblem } from './decision-comments.js';
import type { Money } from './money.js';
import { moneySchema } from './money-schema.js';
import { payoutSchema } from './payout.js';
import { codeEnum, meta, strictObject, text } from './schema-helpers.js';
import { allowedOutcomes, outcomes, type TaskType } from './tasks.js';

export { amountAboveRequested } from './approved-amount.js';
export type { DecisionProblem } from './decision-comments.js';

/**
 * A staff decision on a task (`POST /v1/tasks/{id}/decision`) and its check against the task.
 * Apart from tasks.ts so that the handlers that list, show and open tasks do not bundle the
 * decision's schema and the payout's within it (issue 7).
 */

export const outcomeSchema = meta(codeEnum('Outcome', outcomes), { id: 'Outcome' });
export const fundingSourceCodeSchema = meta(codeEnum('Funding source', fundingSourceCodes), {
  id: 'FundingSourceCode',
});

/** Task types whose decision may set the amount and the funding source (the money decisions). */
const moneyDecisionTasks: ReadonlySet<TaskType> = new Set(['review', 'approve', 'commission_vote']);

export const decisionSchema = meta(
  strictObject('Decision', {
    outcome: outcomeSchema,
    comment: z.optional(text('Comment', 4000)),
    amount: z.optional(
      moneySchema.check(
        z.refine((m) => m.minor > 0, {
          error: 'Approved amount must be more than zero; to refuse, choose the outcome "reject".',
          path: ['minor'],
          when: (payload) =>
            typeof payload.value === 'object' &&
            payload.value !== null &&
            typeof (payload.value as { minor?: unknown }).minor === 'number',
        }),
      ),
    ),
    fundingSource: z.optional(fundingSourceCodeSchema),
    answer: z.optional(text('Answer', 20000)),
    /** Re-issuing a failed payment: the corrected payout details. */
    payout: z.optional(payoutSchema),
  }),
  { id: 'Decision', description: 'A staff decision on a task (POST /v1/tasks/{taskId}/decision).' },
);

export type Decision = z.infer<typeof decisionSchema>;

/**
 * Checks a well-formed decision against the task it decides: the outcome must be one the task
 * offers, an outcome that needs a comment has one (`commentPurpose`), an answer needs its text,
 * only approval decisions may set an amount or a funding source, and an approved amount is no more
 * than the case's `requestedAmount` when it is given. Returns the problems (empty when the
 * decision fits).
 */
export function checkDecision(
  type: TaskType,
  decision: Decision,
  context: { readonly requestedAmount?: Money | undefined } = {},
): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const offered = allowedOutcomes[type];
  if (!offered.includes(decision.outcome)) {
    problems.push({
      path: ['outcome'],
      message: `A task of type "${type}" cannot be decided with "${decision.outcome}"; choose one of: ${offered.join(', ')}.`,
    });
  }
  const comment = offered.includes(decision.outcome) ? commentProblem(type, decision) : undefined;
  if (comment) problems.push(comment);
  if (decision.outcome === 'answer' && decision.answer === undefined) {
    problems.push({ path: ['answer'], message: 'Write the answer to the applicant in "answer".' });
  }
  if (decision.payout !== undefined && (type !== 'reissue_payment' || decision.outcome !== 'reissue')) {
    problems.push({
      path: ['payout'],
      message: '"payout" is only set when re-issuing a failed payment; remove it.',
    });
  }
  if (!moneyDecisionTasks.has(type) || decision.outcome !== 'approve') {
    for (const field of ['amount', 'fundingSource'] as const) {
      if (decision[field] !== undefined) {
        problems.push({
          path: [field],
          message: `"${field}" is only set when approving aid in a review, approval or commission vote; remove it.`,
        });
      }
    }
  } else {
    const above = amountAboveRequested(decision.amount, context.requestedAmount);
    if (above) problems.push(above);
  }
  return problems;
}

export type DecisionInput = z.input<typeof decisionSchema>;
