import * as z from 'zod/mini';
import { type AidKind, aidKindOf, aidKinds } from './catalogue.js';
import { isoDateSchema } from './dates.js';
import { CurrencyMismatchError, type Money } from './money.js';
import { currencySchema } from './money-schema.js';
import { meta, strictObject, text, wholeNumber } from './schema-helpers.js';

/**
 * Who approves after the specialist's review (DESIGN.md §3 "Review ladder"): the head of
 * department up to a limit per kind of aid (or per aid type), the commission above it.
 */

const limitSchema = wholeNumber('Limit', 0, Number.MAX_SAFE_INTEGER);

export const approvalLadderSchema = meta(
  strictObject('Approval ladder', {
    id: text('Ladder id', 100),
    version: wholeNumber('Version', 1, 1_000_000),
    effectiveFrom: isoDateSchema('Effective from'),
    currency: currencySchema,
    /** The most the head may approve alone, in minor units, per kind of aid (inclusive). */
    headLimitMinorByKind: z.strictObject(
      Object.fromEntries(aidKinds.map((k) => [k, limitSchema])) as Record<AidKind, typeof limitSchema>,
    ),
    /** Overrides for single aid types (the catalogue may grow, so any code is accepted). */
    headLimitMinorByAidType: z._default(z.record(z.string().check(z.minLength(1)), limitSchema), {}),
    /** For aid types the catalogue does not know (yet): the strictest sensible default. */
    defaultHeadLimitMinor: limitSchema,
    commission: strictObject('Commission', {
      members: wholeNumber('Commission members', 1, 50),
      /** Matching votes that decide: a majority of all members, not of the votes cast. */
      votesToDecide: wholeNumber('Votes to decide', 1, 50),
    }).check(
      z.refine((c) => c.votesToDecide > c.members / 2 && c.votesToDecide <= c.members, {
        error: 'Votes to decide must be a majority of the members and no more than the members.',
        path: ['votesToDecide'],
      }),
    ),
  }),
  { id: 'ApprovalLadder' },
);

export type ApprovalLadder = z.infer<typeof approvalLadderSchema>;
export type Approver = 'head' | 'commission';

const RUB_30_000 = 3_000_000;
const RUB_5_000 = 500_000;

/*
 * DOMAIN.md: the head approves up to 30 000 RUB; in-kind aid up to 5 000 RUB; above that the
 * commission of 3 members decides by majority. Decisions where it is silent:
 * - "up to" is inclusive: exactly 30 000 RUB is still the head's.
 * - services (social taxi) are valued like in-kind aid (5 000); insurance premiums and the mixed
 *   kinds (money or works, money or in kind) are money to the budget and take the money limit.
 * - majority of all 3 members = 2 matching votes; the third vote is not awaited once 2 agree, so
 *   the quorum is 2 as well.
 * - an aid type unknown to this release gets the in-kind limit, the lower one: when in doubt the
 *   commission decides.
 */
export const demoApprovalLadder: ApprovalLadder = {
  id: 'demo-ladder-2026',
  version: 1,
  effectiveFrom: '2026-01-01',
  currency: 'RUB',
  headLimitMinorByKind: {
    money: RUB_30_000,
    money_or_works: RUB_30_000,
    money_or_in_kind: RUB_30_000,
    premium: RUB_30_000,
    in_kind: RUB_5_000,
    service: RUB_5_000,
  },
  headLimitMinorByAidType: {},
  defaultHeadLimitMinor: RUB_5_000,
  commission: { members: 3, votesToDecide: 2 },
};

export function headLimitMinor(aidType: string, ladder: ApprovalLadder): number {
  const byType = ladder.headLimitMinorByAidType[aidType];
  if (byType !== undefined) return byType;
  const kind = aidKindOf(aidType);
  return kind === undefined ? ladder.defaultHeadLimitMinor : ladder.headLimitMinorByKind[kind];
}

export function approverFor(input: { aidType: string; amount: Money; ladder: ApprovalLadder }): Approver {
  const { aidType, amount, ladder } = input;
  if (amount.currency !== ladder.currency) throw new CurrencyMismatchError(amount.currency, ladder.currency);
  return amount.minor <= headLimitMinor(aidType, ladder) ? 'head' : 'commission';
}

export interface CommissionVote {
  memberId: string;
  outcome: 'approve' | 'reject';
}

/**
 * The commission's decision so far: `approve`/`reject` once `votesToDecide` members agree,
 * otherwise `pending`. A member's repeated vote counts once (their first), so a retried request
 * cannot tip the balance. If every member has voted without a majority (possible only with an even
 * number of members) the aid is not granted: `reject`.
 */
export function commissionOutcome(
  votes: readonly CommissionVote[],
  commission: ApprovalLadder['commission'],
): 'approve' | 'reject' | 'pending' {
  const firstVotes = new Map<string, CommissionVote['outcome']>();
  for (const v of votes) if (!firstVotes.has(v.memberId)) firstVotes.set(v.memberId, v.outcome);
  let approve = 0;
  let reject = 0;
  for (const outcome of firstVotes.values()) {
    if (outcome === 'approve') approve++;
    else reject++;
  }
  if (approve >= commission.votesToDecide) return 'approve';
  if (reject >= commission.votesToDecide) return 'reject';
  return firstVotes.size >= commission.members ? 'reject' : 'pending';
}
