import { describe, expect, it } from 'vitest';
import {
  type AidStatus,
  aidStatuses,
  aidStatusNames,
  aidTransitions,
  assertTransition,
  canTransition,
  InvalidTransitionError,
  isTerminal,
  openAidStatuses,
} from '../../domain/aid-lifecycle.js';
import { appealStatuses, canTransitionAppeal, isAppealTerminal } from '../../domain/appeal-lifecycle.js';
import { languages } from '../../domain/catalogue.js';

describe('aid application lifecycle', () => {
  it('has exactly the statuses of API.md', () => {
    expect([...aidStatuses].sort()).toEqual(
      [
        'submitted',
        'in_review',
        'info_requested',
        'awaiting_approval',
        'approved',
        'funds_reserved',
        'waitlisted',
        'payment_authorised',
        'paid',
        'rejected',
        'payment_failed',
        'withdrawn',
      ].sort(),
    );
  });

  const allowed: [AidStatus, AidStatus][] = [
    ['submitted', 'in_review'],
    ['submitted', 'rejected'],
    ['in_review', 'info_requested'],
    ['info_requested', 'in_review'],
    ['in_review', 'awaiting_approval'],
    ['awaiting_approval', 'approved'],
    ['approved', 'funds_reserved'],
    ['approved', 'waitlisted'],
    ['waitlisted', 'funds_reserved'],
    ['funds_reserved', 'payment_authorised'],
    ['payment_authorised', 'paid'],
    ['payment_authorised', 'payment_failed'],
    ['payment_failed', 'funds_reserved'],
    ['payment_failed', 'waitlisted'],
    ['payment_failed', 'rejected'],
    ['awaiting_approval', 'rejected'],
    ['waitlisted', 'withdrawn'],
    ['info_requested', 'withdrawn'],
  ];

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  const forbidden: [AidStatus, AidStatus][] = [
    ['submitted', 'approved'],
    ['submitted', 'paid'],
    ['in_review', 'approved'],
    ['info_requested', 'awaiting_approval'],
    ['approved', 'payment_authorised'],
    ['waitlisted', 'payment_authorised'],
    ['funds_reserved', 'paid'],
    ['payment_authorised', 'withdrawn'],
    ['payment_authorised', 'rejected'],
    ['paid', 'payment_failed'],
    ['payment_failed', 'payment_authorised'],
    ['rejected', 'in_review'],
    ['withdrawn', 'submitted'],
    ['in_review', 'in_review'],
  ];

  it.each(forbidden)(
    'forbids %s → %s with an InvalidTransitionError that says what is possible',
    (from, to) => {
      expect(canTransition(from, to)).toBe(false);
      expect(() => assertTransition(from, to)).toThrow(InvalidTransitionError);
    },
  );

  it('names the allowed next statuses in the error', () => {
    expect(() => assertTransition('submitted', 'paid')).toThrow(
      'An aid case cannot move from "submitted" to "paid"; from "submitted" it can move to: in_review, rejected, withdrawn.',
    );
    expect(() => assertTransition('paid', 'rejected')).toThrow(/is closed/);
  });

  it('lets every open status be rejected or withdrawn, except while money is with the bank', () => {
    for (const status of openAidStatuses) {
      const expected = status !== 'payment_authorised';
      expect(canTransition(status, 'rejected'), status).toBe(expected);
      expect(canTransition(status, 'withdrawn'), status).toBe(expected);
    }
  });

  it('treats exactly paid, rejected and withdrawn as terminal', () => {
    expect(aidStatuses.filter(isTerminal).sort()).toEqual(['paid', 'rejected', 'withdrawn']);
  });

  it('reaches every status from submitted', () => {
    const seen = new Set<AidStatus>(['submitted']);
    const queue: AidStatus[] = ['submitted'];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const next of aidTransitions[s]) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...aidStatuses].sort());
  });

  it('names every status in all four languages', () => {
    for (const status of aidStatuses) {
      for (const language of languages) expect(aidStatusNames[status][language]).not.toBe('');
    }
  });
});

describe('appeal lifecycle', () => {
  it('runs registered → in_progress → answered → closed and closes forwarded ones', () => {
    expect(canTransitionAppeal('registered', 'in_progress')).toBe(true);
    expect(canTransitionAppeal('in_progress', 'answered')).toBe(true);
    expect(canTransitionAppeal('answered', 'closed')).toBe(true);
    expect(canTransitionAppeal('closed', 'in_progress')).toBe(false);
    expect(appealStatuses.filter(isAppealTerminal).sort()).toEqual(['closed', 'forwarded', 'not_answerable']);
  });
});
