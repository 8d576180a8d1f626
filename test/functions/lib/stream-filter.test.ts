import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  checkedPattern,
  matchesAnyPattern,
  matchesPattern,
  type StreamFilterPattern,
} from '../../../functions/lib/stream-filter.js';
import { type FunctionSpec, functions } from '../../../functions/registry.js';

const specs: readonly FunctionSpec[] = functions;

/** A stream record as the mapping sees it (DynamoDB JSON images). */
function change(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  item: Record<string, string>,
  before?: Record<string, string>,
): DynamoDBRecord {
  const json = (image: Record<string, string>) =>
    Object.fromEntries(Object.entries(image).map(([k, v]) => [k, { S: v }]));
  return {
    eventName,
    dynamodb: {
      ...(eventName === 'REMOVE' ? {} : { NewImage: json(item) }),
      ...(before || eventName === 'REMOVE' ? { OldImage: json(before ?? item) } : {}),
    },
  } as DynamoDBRecord;
}

function filtersOf(name: string) {
  const spec = specs.find((f) => f.name === name);
  if (!spec?.streamFilters) throw new Error(`${name} has no stream filter`);
  return spec.streamFilters;
}

describe('stream event filters', () => {
  it('match when every key of a pattern matches one of its values, and a missing key never matches', () => {
    // Arrange
    const pattern = { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['AidCase', 'Task'] } } } };

    // Act / Assert
    expect(matchesPattern(change('INSERT', { type: 'Task' }), pattern)).toBe(true);
    expect(matchesPattern(change('MODIFY', { type: 'Task' }), pattern)).toBe(false);
    expect(matchesPattern(change('INSERT', { type: 'AuditEvent' }), pattern)).toBe(false);
    expect(matchesPattern(change('REMOVE', { type: 'Task' }), pattern)).toBe(false);
    expect(matchesPattern(change('INSERT', { status: 'open' }), pattern)).toBe(false);
  });

  it('let a record through when any of the patterns matches, and every record when there are none', () => {
    // Arrange
    const patterns: StreamFilterPattern[] = [
      { eventName: ['REMOVE'] },
      { dynamodb: { NewImage: { type: { S: ['Budget'] } } } },
    ];

    // Act / Assert
    expect(matchesAnyPattern(change('REMOVE', { type: 'AidCase' }), patterns)).toBe(true);
    expect(matchesAnyPattern(change('MODIFY', { type: 'Budget' }), patterns)).toBe(true);
    expect(matchesAnyPattern(change('MODIFY', { type: 'Reservation' }), patterns)).toBe(false);
    expect(matchesAnyPattern(change('MODIFY', { type: 'Reservation' }), undefined)).toBe(true);
  });

  it('refuse content filters and empty patterns, which the local poller would read differently from AWS', () => {
    expect(() => checkedPattern({ eventName: [{ prefix: 'INS' }] as never })).toThrow(/only exact values/);
    expect(() => checkedPattern({ eventName: [] })).toThrow(/empty list/);
    expect(() => checkedPattern({ dynamodb: {} })).toThrow(/empty pattern/);
    for (const spec of specs) for (const pattern of spec.streamFilters ?? []) checkedPattern(pattern);
  });

  it('wake the workflow outbox for cases, tasks, payments, waits, budgets and a waitlist walk’s next step, and for a case the TTL deleted', () => {
    // Arrange
    const outbox = filtersOf('TableStream');
    const acted = [
      change('INSERT', { type: 'AidCase', status: 'submitted' }),
      change('MODIFY', { type: 'AidCase', status: 'withdrawn' }, { type: 'AidCase', status: 'in_review' }),
      change('INSERT', { type: 'AppealCase' }),
      change('MODIFY', { type: 'Task', status: 'decided' }, { type: 'Task', status: 'open' }),
      change('MODIFY', { type: 'Disbursement', status: 'paid' }),
      change('MODIFY', { type: 'ResponseWait', status: 'answered' }),
      change('MODIFY', { type: 'Waitlist', status: 'funded' }),
      change('MODIFY', { type: 'Budget' }),
      change('INSERT', { type: 'WaitlistWalk' }),
      change('MODIFY', { type: 'WaitlistWalk' }, { type: 'WaitlistWalk' }),
      change('REMOVE', { type: 'AidCase' }),
      change('REMOVE', { type: 'AppealCase' }),
    ];
    const ignored = [
      change('INSERT', { type: 'AuditEvent' }),
      change('INSERT', { type: 'Notification', status: 'pending' }),
      change('MODIFY', { type: 'Notification', status: 'sending' }),
      change('INSERT', { type: 'Reservation' }),
      change('REMOVE', { type: 'OpenApplication' }),
      change('REMOVE', { type: 'WaitlistWalk' }),
    ];

    // Act / Assert
    for (const record of acted) expect(matchesAnyPattern(record, outbox), JSON.stringify(record)).toBe(true);
    for (const record of ignored)
      expect(matchesAnyPattern(record, outbox), JSON.stringify(record)).toBe(false);
  });

  it("wake the notifier for cases, payments, new notifications and ones sent again, not for a delivery's own updates", () => {
    // Arrange
    const notifier = filtersOf('InformStream');

    // Act / Assert
    expect(matchesAnyPattern(change('MODIFY', { type: 'AidCase', status: 'approved' }), notifier)).toBe(true);
    expect(matchesAnyPattern(change('MODIFY', { type: 'Disbursement', status: 'paid' }), notifier)).toBe(
      true,
    );
    expect(matchesAnyPattern(change('INSERT', { type: 'Notification', status: 'pending' }), notifier)).toBe(
      true,
    );
    expect(matchesAnyPattern(change('MODIFY', { type: 'Notification', status: 'requeued' }), notifier)).toBe(
      true,
    );
    expect(matchesAnyPattern(change('MODIFY', { type: 'Notification', status: 'sending' }), notifier)).toBe(
      false,
    );
    expect(matchesAnyPattern(change('MODIFY', { type: 'Notification', status: 'sent' }), notifier)).toBe(
      false,
    );
    expect(matchesAnyPattern(change('INSERT', { type: 'AuditEvent' }), notifier)).toBe(false);
    expect(matchesAnyPattern(change('MODIFY', { type: 'Task', status: 'decided' }), notifier)).toBe(false);
  });
});
