import { describe, expect, it } from 'vitest';
import { decidedOutcome, type RecordedVote, renderMinutes, voteProblem } from '../../domain/commission.js';
import { demoApprovalLadder } from '../../domain/review-ladder.js';

const vote = (memberId: string, outcome: 'approve' | 'reject', comment?: string, seat = 1): RecordedVote => ({
  memberId,
  username: memberId,
  seat,
  outcome,
  ...(comment ? { comment } : {}),
  at: `2026-05-0${seat}T10:00:00.000Z`,
});

describe('commission votes', () => {
  it('accepts a first approving vote without a comment', () => {
    expect(voteProblem({ outcome: 'approve' })).toBeUndefined();
  });

  it('asks for the reasons of any vote to reject', () => {
    expect(voteProblem({ outcome: 'reject' })).toMatch(/reasons/);
    expect(voteProblem({ outcome: 'reject', comment: '  ' })).toMatch(/reasons/);
  });

  it('judges a vote by itself alone, so that a refusal cannot tell how others voted', () => {
    // The rule takes no earlier votes: what it answers cannot depend on them.
    expect(voteProblem.length).toBe(1);
    expect(voteProblem({ outcome: 'approve', comment: 'The bills show the need.' })).toBeUndefined();
  });

  it('is undecided until two of three members agree', () => {
    const { commission } = demoApprovalLadder;
    expect(decidedOutcome([vote('m1', 'approve')], commission)).toBeUndefined();
    expect(decidedOutcome([vote('m1', 'approve'), vote('m2', 'reject', 'x')], commission)).toBeUndefined();
    expect(decidedOutcome([vote('m1', 'approve'), vote('m2', 'approve')], commission)).toBe('approve');
  });
});

describe('the minutes', () => {
  const minutes = {
    caseReference: 'AID-2026-000042',
    aidType: 'cash',
    amount: { currency: 'RUB', minor: 4_000_050 },
    members: 3,
    votesToDecide: 2,
    votes: [
      vote('m2', 'reject', 'Income | not *confirmed*', 2),
      vote('m1', 'approve', undefined, 1),
      vote('m3', 'approve', 'Bills attached.', 3),
    ],
    outcome: 'approve' as const,
    decidedAt: '2026-05-03T10:00:01.000Z',
  };

  it('lists every vote in the order cast, with the count and the outcome', () => {
    const text = renderMinutes(minutes);
    const rows = text.split('\n').filter((l) => /^\| \d \|/.test(l));
    expect(rows.map((r) => r.split('|')[2]?.trim())).toEqual(['m1', 'm2', 'm3']);
    expect(text).toContain('- Date: 2026-05-03 (2026-05-03T10:00:01.000Z)');
    expect(text).toContain('- Amount proposed by the review: 40 000.50 RUB');
    expect(text).toContain('Votes to approve: 2; votes to reject: 1.');
    expect(text).toContain('**Outcome: approved** by a majority of 2 of 3 members.');
  });

  it("dates the minutes on the office's day: a vote closed at 01:30 on 1 January in Moscow is minuted on 1 January", () => {
    // Arrange: 22:30 UTC on 31 December.
    const atNight = { ...minutes, decidedAt: '2026-12-31T22:30:00.000Z' };

    // Act
    const text = renderMinutes(atNight, 'Europe/Moscow');

    // Assert: the instant beside it stays as stored.
    expect(text).toContain('- Date: 2027-01-01 (2026-12-31T22:30:00.000Z)');
  });

  it('marks the votes against the outcome as dissents', () => {
    const rows = renderMinutes(minutes)
      .split('\n')
      .filter((l) => /^\| \d \|/.test(l));
    expect(rows.map((r) => r.split('|')[3]?.trim())).toEqual(['approve', 'reject (dissent)', 'approve']);
  });

  it('escapes Markdown in comments so a comment cannot break the table', () => {
    expect(renderMinutes(minutes)).toContain('Income \\| not \\*confirmed\\*');
  });
});
