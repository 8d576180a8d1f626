import { describe, expect, it } from 'vitest';
import { languages } from '../../domain/catalogue.js';
import { checkDecision, decisionSchema } from '../../domain/decision.js';
import { allowedOutcomes, canActOnTask, taskRole, taskTitle, taskTypes } from '../../domain/tasks.js';

describe('tasks', () => {
  it('gives each task type one owning role and at least one outcome', () => {
    for (const type of taskTypes) {
      expect(taskRole[type], type).toBeDefined();
      expect(allowedOutcomes[type].length, type).toBeGreaterThan(0);
    }
  });

  it('offers approve, reject and request_info on a review, as API.md shows', () => {
    expect(allowedOutcomes.review).toEqual(['approve', 'reject', 'request_info']);
    expect(allowedOutcomes.approve).toEqual(['approve', 'reject']);
    expect(allowedOutcomes.commission_vote).toEqual(['approve', 'reject']);
    expect(allowedOutcomes.authorise_payment).toEqual(['approve', 'reject']);
  });

  it('routes review to reviewers, approval to the head, votes to the commission, payment to finance', () => {
    expect(taskRole).toMatchObject({
      review: 'reviewer',
      approve: 'head',
      commission_vote: 'commission',
      authorise_payment: 'finance',
    });
    expect(canActOnTask(['reviewer'], 'approve')).toBe(false);
    expect(canActOnTask(['head', 'reviewer'], 'approve')).toBe(true);
  });

  it('titles a task in each language with its reference', () => {
    for (const type of taskTypes) {
      for (const language of languages) {
        expect(taskTitle(type, 'AID-2026-000123', language)).toContain('AID-2026-000123');
      }
    }
    expect(taskTitle('review', 'AID-2026-000123', 'en')).toBe('Review application AID-2026-000123');
  });
});

describe('decision body', () => {
  it('parses the API.md example', () => {
    const body = {
      outcome: 'approve',
      comment: 'ok',
      amount: { currency: 'RUB', minor: 500000 },
      fundingSource: 'regional_budget',
    };

    expect(decisionSchema.parse(body)).toEqual(body);
  });

  it.each([
    [{ outcome: 'maybe' }, ['outcome']],
    [{}, ['outcome']],
    [{ outcome: 'approve', comment: 'x'.repeat(4001) }, ['comment']],
    [{ outcome: 'approve', amount: { currency: 'RUB', minor: 0 } }, ['amount', 'minor']],
    [{ outcome: 'approve', fundingSource: 'lottery' }, ['fundingSource']],
    [{ outcome: 'approve', note: 'typo' }, []],
  ])('rejects %j at %j', (body, path) => {
    const issues = decisionSchema.safeParse(body).error?.issues ?? [];

    expect(issues.map((i) => i.path)).toContainEqual(path);
  });

  it('accepts only the outcomes the task offers', () => {
    const problems = checkDecision('approve', { outcome: 'request_info' });

    expect(problems).toEqual([
      {
        path: ['outcome'],
        message:
          'A task of type "approve" cannot be decided with "request_info"; choose one of: approve, reject.',
      },
    ]);
    expect(
      checkDecision('review', { outcome: 'request_info', comment: 'Send the income statement.' }),
    ).toEqual([]);
  });

  it('needs the answer text for an answer, and money only on an approval', () => {
    expect(checkDecision('department_answer', { outcome: 'answer' }).map((p) => p.path)).toEqual([
      ['answer'],
    ]);
    expect(
      checkDecision('authorise_payment', { outcome: 'approve', amount: { currency: 'RUB', minor: 1 } }).map(
        (p) => p.path,
      ),
    ).toEqual([['amount']]);
    expect(
      checkDecision('approve', {
        outcome: 'reject',
        comment: 'Over the limit.',
        fundingSource: 'charity',
      }).map((p) => p.path),
    ).toEqual([['fundingSource']]);
    expect(
      checkDecision('approve', {
        outcome: 'approve',
        amount: { currency: 'RUB', minor: 1 },
        fundingSource: 'charity',
      }),
    ).toEqual([]);
  });

  it('refuses an approved amount above the requested one, as the desk and the server both check it', () => {
    // Arrange
    const requestedAmount = { currency: 'RUB', minor: 2_000_000 };
    const above = { outcome: 'approve' as const, amount: { currency: 'RUB', minor: 2_000_050 } };

    // Act
    const problems = checkDecision('approve', above, { requestedAmount });
    const inReview = checkDecision('review', above, { requestedAmount });
    const asked = checkDecision('approve', { ...above, amount: requestedAmount }, { requestedAmount });
    const less = checkDecision(
      'approve',
      { ...above, amount: { currency: 'RUB', minor: 1 } },
      { requestedAmount },
    );

    // Assert
    expect(problems).toEqual([
      {
        path: ['amount', 'minor'],
        message:
          'The approved amount may not exceed the requested amount (20000 RUB); approve at most that, or reject with reasons.',
      },
    ]);
    expect(inReview.map((p) => p.path)).toEqual([['amount', 'minor']]);
    expect([asked, less]).toEqual([[], []]);
  });
});
