import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealFacts, countAppealFacts } from '../../../functions/use-cases/appeals/appeal-stats.js';
import { appealsReport } from '../../../functions/use-cases/appeals/appeals-report.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const registered = {
  caseId: '0b7a8f2e-5d55-4a57-9c4e-2f1a3c7d9e01',
  registeredOn: '2026-03-02',
  channel: 'phone',
  appealKind: 'complaint',
  topic: 'accessibility',
  priority: true,
  status: 'registered',
  departments: [],
  extensions: 0,
  overdue: false,
} as const;

/** The appeal `before`, answered on time by the office at `answeredAt`. */
function answeredOnTime<T extends object>(before: T, answeredAt: string) {
  return {
    ...before,
    status: 'answered' as const,
    onTime: true,
    answer: { text: 'ok', answeredAt, answeredBy: 'office', delivery: 'sms' as const },
  };
}

describe('appeal report facts', () => {
  it('counts a new appeal by channel, kind and topic, and its priority', () => {
    expect(appealFacts(undefined, { ...registered })).toEqual([
      {
        id: 'received',
        counters: { received: 1, channel_phone: 1, kind_complaint: 1, topic_accessibility: 1, priority: 1 },
      },
    ]);
  });

  it('counts an answer with its days and whether it was on time', () => {
    const before = { ...registered, status: 'in_progress' as const };
    const after = answeredOnTime(before, '2026-03-12T10:00:00.000Z');

    expect(appealFacts(before, after)).toEqual([
      { id: 'answered', counters: { answered: 1, answered_on_time: 1, answer_days: 10 } },
    ]);
  });

  it('counts the days of an answer in the office’s time zone, not in UTC', () => {
    // Arrange: registered on 2 March in Moscow; answered at 01:30 Moscow time on 2 March (22:30 UTC on 1 March).
    const before = { ...registered, jurisdiction: 'ru', status: 'in_progress' as const };
    const after = answeredOnTime(before, '2026-03-01T22:30:00.000Z');

    // Act
    const facts = appealFacts(before, after);

    // Assert
    expect(facts).toEqual([
      { id: 'answered', counters: { answered: 1, answered_on_time: 1, answer_days: 0 } },
    ]);
  });

  it('counts nothing for a change that establishes no fact (a note)', () => {
    expect(appealFacts({ ...registered }, { ...registered })).toEqual([]);
  });
});

describe('appeal report counters in DynamoDB', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ seed: false });
  });
  afterAll(async () => {
    await table.drop();
  });

  it('counts a fact once even when the stream delivers the record twice', async () => {
    const first = await countAppealFacts(undefined, { ...registered });
    const again = await countAppealFacts(undefined, { ...registered });
    const report = await appealsReport('2026-03-01', '2026-03-31');

    expect(first).toBe(1);
    expect(again).toBe(0);
    expect(report.received).toMatchObject({
      total: 1,
      byChannel: { phone: 1 },
      byTopic: { accessibility: 1 },
    });
  });

  it('leaves days outside the period out of the report', async () => {
    const report = await appealsReport('2026-04-01', '2026-04-30');

    expect(report.received.total).toBe(0);
    expect(report.answered.averageDaysToAnswer).toBeNull();
  });
});
