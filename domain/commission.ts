import { toIsoDate } from './dates.js';
import { type ApprovalLadder, type CommissionVote, commissionOutcome } from './review-ladder.js';

/**
 * The commission's votes and minutes (DESIGN.md §3 review ladder). Pure: the handlers store
 * votes on the case and the minutes beside it.
 */

export interface RecordedVote extends CommissionVote {
  readonly username: string;
  readonly seat: number;
  readonly comment?: string;
  readonly at: string;
}

/**
 * Why this vote cannot be recorded as sent, or undefined when it can: a rejection needs its
 * reasons (the applicant is told them). Only the member's own vote decides. Asking for a comment
 * because the vote differs from one already cast told the member, before they had voted, how
 * another had voted, against the secrecy of a running vote (vote-secrecy.ts); a vote that
 * differs from the outcome is marked as a dissent in the minutes instead.
 */
export function voteProblem(vote: {
  outcome: 'approve' | 'reject';
  comment?: string | undefined;
}): string | undefined {
  const reasoned = (vote.comment ?? '').trim().length > 0;
  if (!reasoned && vote.outcome === 'reject') {
    return 'Give the reasons for a vote to reject; they go into the minutes.';
  }
  return undefined;
}

export interface Minutes {
  readonly caseReference: string;
  readonly aidType: string;
  readonly amount: { readonly currency: string; readonly minor: number };
  readonly members: number;
  readonly votesToDecide: number;
  readonly votes: readonly RecordedVote[];
  readonly outcome: 'approve' | 'reject';
  readonly decidedAt: string;
}

/** The tally once it is decided; undefined while the vote is still open. */
export function decidedOutcome(
  votes: readonly RecordedVote[],
  commission: ApprovalLadder['commission'],
): 'approve' | 'reject' | undefined {
  const outcome = commissionOutcome(votes, commission);
  return outcome === 'pending' ? undefined : outcome;
}

const words = { approve: 'approve', reject: 'reject' } as const;

function formatMinor(minor: number): string {
  const units = Math.trunc(minor / 100);
  const cents = String(Math.abs(minor % 100)).padStart(2, '0');
  return `${units.toLocaleString('en-US').replaceAll(',', ' ')}.${cents}`;
}

/** Markdown escaping for free text in a table cell (comments are typed by staff). */
function cell(text: string): string {
  return text.replace(/[\\|*_`[\]<>#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/**
 * The minutes as a Markdown document: who sat, how each voted and why (a vote against the outcome
 * marked as a dissent), the count against the quorum, and the outcome. Deterministic for the same input and time zone, so a re-download is byte-identical.
 */
export function renderMinutes(m: Minutes, timeZone = 'UTC'): string {
  const approve = m.votes.filter((v) => v.outcome === 'approve').length;
  const reject = m.votes.length - approve;
  const lines = [
    `# Minutes of the aid commission — ${m.caseReference}`,
    '',
    // The date of the minutes is the office's (a vote closed at 01:30 on 1 January in Moscow is
    // minuted on 1 January); the instant beside it stays in UTC.
    `- Date: ${toIsoDate(new Date(m.decidedAt), timeZone)} (${m.decidedAt})`,
    `- Aid type: ${m.aidType}`,
    `- Amount proposed by the review: ${formatMinor(m.amount.minor)} ${m.amount.currency}`,
    `- Members: ${m.members}; votes needed to decide: ${m.votesToDecide}; votes cast: ${m.votes.length}`,
    '',
    '| Seat | Member | Vote | Comment | At |',
    '| --- | --- | --- | --- | --- |',
    ...[...m.votes]
      .sort((a, b) => a.at.localeCompare(b.at))
      .map(
        (v) =>
          `| ${v.seat} | ${cell(v.username)} | ${words[v.outcome]}${v.outcome === m.outcome ? '' : ' (dissent)'} | ${cell(v.comment ?? '')} | ${v.at} |`,
      ),
    '',
    `Votes to approve: ${approve}; votes to reject: ${reject}.`,
    '',
    `**Outcome: ${m.outcome === 'approve' ? 'approved' : 'rejected'}** by a majority of ${m.votesToDecide} of ${m.members} members.`,
    '',
  ];
  return lines.join('\n');
}
