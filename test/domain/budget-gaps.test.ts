import { describe, expect, it } from 'vitest';
import { type BudgetLineSummary, budgetGaps } from '../../domain/budget-gaps.js';

const line = (source: string, allocated = 1_000_000_00, opening = 0): BudgetLineSummary => ({
  source,
  allocated,
  opening,
});

describe('budget gaps at the year’s turn', () => {
  it('says nothing before December when this year’s lines continue last year’s', () => {
    // Arrange
    const lines = {
      lastYear: [line('regional_budget'), line('charity')],
      thisYear: [line('regional_budget'), line('charity')],
      nextYear: [],
    };

    // Act
    const gaps = budgetGaps('2026-11-30', lines);

    // Assert
    expect(gaps).toEqual([]);
  });

  it('announces next year’s missing lines from the first of December', () => {
    // Arrange
    const lines = {
      lastYear: [],
      thisYear: [line('regional_budget'), line('municipal_programme'), line('charity')],
      nextYear: [line('municipal_programme')],
    };

    // Act
    const gaps = budgetGaps('2026-12-01', lines);

    // Assert
    expect(gaps).toEqual([{ kind: 'coming', year: 2027, sources: ['regional_budget', 'charity'] }]);
  });

  it('says a year has begun without the lines that last year had, before anything else', () => {
    // Arrange: January, and the office never set the new year's lines.
    const lines = {
      lastYear: [line('regional_budget'), line('charity')],
      thisYear: [line('charity')],
      nextYear: [],
    };

    // Act
    const gaps = budgetGaps('2027-01-09', lines);

    // Assert
    expect(gaps).toEqual([{ kind: 'missing', year: 2027, sources: ['regional_budget'] }]);
  });

  it('lists missing lines first and coming ones after them in December', () => {
    // Arrange
    const lines = {
      lastYear: [line('charity')],
      thisYear: [line('regional_budget')],
      nextYear: [],
    };

    // Act
    const gaps = budgetGaps('2026-12-20', lines);

    // Assert
    expect(gaps.map((g) => `${g.kind} ${g.year} ${g.sources.join(',')}`)).toEqual([
      'missing 2026 charity',
      'coming 2027 regional_budget',
    ]);
  });

  it('takes a line with nothing allocated as the office’s decision, not a gap', () => {
    // Arrange: charity pays nothing next year, on purpose.
    const lines = {
      lastYear: [],
      thisYear: [line('regional_budget'), line('charity')],
      nextYear: [line('regional_budget'), line('charity', 0)],
    };

    // Act
    const gaps = budgetGaps('2026-12-15', lines);

    // Assert
    expect(gaps).toEqual([]);
  });

  it('does not ask to continue a source that had no money in the earlier year', () => {
    // Arrange: the charity line was set to nothing this year; only an opening balance counts too.
    const lines = {
      lastYear: [],
      thisYear: [line('charity', 0, 0), line('own_income', 0, 50_000_00)],
      nextYear: [],
    };

    // Act
    const gaps = budgetGaps('2026-12-15', lines);

    // Assert
    expect(gaps).toEqual([{ kind: 'coming', year: 2027, sources: ['own_income'] }]);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => budgetGaps('07.12.2026', { lastYear: [], thisYear: [], nextYear: [] })).toThrow(RangeError);
  });
});
