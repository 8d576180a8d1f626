import { describe, expect, it } from 'vitest';
import { inboxOrder, isOverdue, nextTask, type TaskSummary } from '../../web/src/staff/inbox-order.js';

const now = Date.parse('2026-12-07T10:00:00Z');

function task(taskId: string, extra: Partial<TaskSummary> = {}): TaskSummary {
  return {
    taskId,
    type: 'review',
    caseId: `case-${taskId}`,
    caseReference: `AF-2026-${taskId}`,
    title: taskId,
    createdAt: '2026-12-01T09:00:00Z',
    allowedOutcomes: ['approve', 'reject'],
    ...extra,
  };
}

const colleaguesClaim = { claimedBy: 'reviewer2', until: '2026-12-07T10:15:00Z' };

describe('the inbox order', () => {
  it('puts overdue tasks first, then priority, then the soonest due, then the oldest', () => {
    // Arrange
    const tasks = [
      task('old', { createdAt: '2026-11-01T09:00:00Z' }),
      task('due-later', { dueAt: '2026-12-20T00:00:00Z' }),
      task('due-sooner', { dueAt: '2026-12-10T00:00:00Z' }),
      task('priority', { brief: { priority: true } }),
      task('overdue', { dueAt: '2026-12-06T00:00:00Z' }),
    ];

    // Act
    const order = [...tasks].sort((a, b) => inboxOrder(a, b, now, 'reviewer')).map((t) => t.taskId);

    // Assert
    expect(order).toEqual(['overdue', 'priority', 'due-sooner', 'due-later', 'old']);
  });

  it('puts a task a colleague has open after every task nobody has, overdue or not', () => {
    const tasks = [task('taken', { overdue: true, claim: colleaguesClaim }), task('free')];

    const order = [...tasks].sort((a, b) => inboxOrder(a, b, now, 'reviewer')).map((t) => t.taskId);

    expect(order).toEqual(['free', 'taken']);
  });
});

describe('the next task after a decision', () => {
  it('is the first of the inbox order, leaving out the task just decided', () => {
    // Arrange: the decided task is still listed (an index a moment behind) and would come first.
    const tasks = [task('routine'), task('decided', { overdue: true }), task('overdue', { overdue: true })];

    // Act
    const next = nextTask(tasks, now, 'reviewer', 'decided');

    // Assert
    expect(next?.taskId).toBe('overdue');
  });

  it('skips a task a colleague has open, but not one the reader has', () => {
    const tasks = [
      task('colleagues', { overdue: true, claim: colleaguesClaim }),
      task('mine', { claim: { claimedBy: 'reviewer', until: '2026-12-07T10:15:00Z' } }),
    ];

    expect(nextTask(tasks, now, 'reviewer', 'decided')?.taskId).toBe('mine');
  });

  it('counts a colleague’s lapsed claim as nobody’s', () => {
    const tasks = [task('lapsed', { claim: { claimedBy: 'reviewer2', until: '2026-12-07T09:59:00Z' } })];

    expect(nextTask(tasks, now, 'reviewer', 'decided')?.taskId).toBe('lapsed');
  });

  it('is none when every other task is a colleague’s or the inbox is empty', () => {
    expect(nextTask([task('colleagues', { claim: colleaguesClaim })], now, 'reviewer', 'x')).toBeUndefined();
    expect(nextTask([], now, 'reviewer', 'x')).toBeUndefined();
  });
});

describe('an overdue task', () => {
  it('is what the server said when the list was read, and by its due date when it said nothing', () => {
    expect(isOverdue(task('flagged', { overdue: true, dueAt: '2026-12-20T00:00:00Z' }), now)).toBe(true);
    expect(isOverdue(task('not-yet', { overdue: false, dueAt: '2026-12-20T00:00:00Z' }), now)).toBe(false);
    expect(isOverdue(task('past', { dueAt: '2026-12-06T00:00:00Z' }), now)).toBe(true);
    expect(isOverdue(task('no-date'), now)).toBe(false);
  });
});
