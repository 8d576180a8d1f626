import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealSchema } from '../../../domain/appeal.js';
import type { Principal } from '../../../functions/lib/http.js';
import { forgetReferenceBlocks } from '../../../functions/lib/store/reference-blocks.js';
import { openAppealTask } from '../../../functions/use-cases/appeals/open-appeal-task.js';
import { submitAppeal } from '../../../functions/use-cases/appeals/submit-appeal.js';
import { decideTask } from '../../../functions/use-cases/decide-task.js';
import { caseForStaff } from '../../../functions/use-cases/staff-cases.js';
import { listOpenTasks, taskDetail } from '../../../functions/use-cases/staff-tasks.js';
import { commissionVoteUnderWay } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const year = 2033;
const now = new Date(`${year}-03-02T10:00:00Z`);
const staff = (username: string, roles: string[]): Principal => ({ sub: `sub-${username}`, username, roles });
const commission = (n: number) => staff(`commission${n}`, ['commission']);

/**
 * The task view of a commission vote keeps the vote secret from a member until that member has
 * voted (issue 5), against DynamoDB Local with the case as the workflow leaves it.
 */
describe('the task view of a commission vote', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ year });
  });
  afterAll(async () => table.drop());

  /** A case above the head's limit with its three vote tasks open; returns the case and task ids. */
  const voteUnderWay = () => commissionVoteUnderWay(table, now);

  const vote = (taskId: string, member: Principal, outcome: string, comment?: string) =>
    decideTask({ taskId, decision: { outcome, ...(comment ? { comment } : {}) }, principal: member, now });

  const view = (taskId: string, principal: Principal) => taskDetail({ taskId, principal, now });

  it('shows a member no votes before they vote, not even through the history or the deciders', async () => {
    // Arrange
    const { caseId, seats } = await voteUnderWay();
    await vote(seats[0] ?? '', commission(1), 'approve', 'Reasons only the voters may read.');

    // Act
    const detail = await view(seats[1] ?? '', commission(2));
    const caseView = (await caseForStaff(caseId, commission(2))) as Record<string, unknown>;

    // Assert
    expect(detail).not.toHaveProperty('votes');
    expect(detail.case).not.toHaveProperty('commissionVotes');
    expect(detail.case.deciders).toEqual([]);
    const first = detail.history.tasks.find((t) => t.taskId === seats[0]);
    expect(first).toMatchObject({ status: 'decided' });
    expect(first).not.toHaveProperty('outcome');
    expect(first).not.toHaveProperty('decidedBy');
    expect(first).not.toHaveProperty('comment');
    expect(JSON.stringify(caseView)).not.toContain('Reasons only the voters');
    expect(JSON.stringify(detail)).not.toContain('Reasons only the voters');
    expect(caseView).not.toHaveProperty('commissionVotes');
    expect(JSON.stringify(caseView)).not.toContain('commission1');
    expect(JSON.stringify(detail)).not.toContain('commission1');
  });

  it('shows a member every vote so far, with the comments, once they have voted', async () => {
    // Arrange
    const { seats } = await voteUnderWay();
    await vote(seats[0] ?? '', commission(1), 'reject', 'Income above the minimum.');
    await vote(seats[1] ?? '', commission(2), 'approve', 'The treatment cannot wait.');

    // Act
    const detail = await view(seats[1] ?? '', commission(2));

    // Assert
    expect(detail.votes).toEqual([
      expect.objectContaining({
        username: 'commission1',
        outcome: 'reject',
        comment: 'Income above the minimum.',
      }),
      expect.objectContaining({
        username: 'commission2',
        outcome: 'approve',
        comment: 'The treatment cannot wait.',
      }),
    ]);
    expect(detail.votes?.[0]).not.toHaveProperty('memberId');
    expect(detail.history.tasks.find((t) => t.taskId === seats[0])).toMatchObject({
      outcome: 'reject',
      decidedBy: 'commission1',
    });
  });

  it('shows the votes to the head of department, who oversees and does not vote', async () => {
    // Arrange
    const { caseId, seats } = await voteUnderWay();
    await vote(seats[0] ?? '', commission(1), 'approve');

    // Act
    const detail = await view(seats[2] ?? '', staff('head', ['head']));
    const caseView = (await caseForStaff(caseId, staff('head', ['head']))) as Record<string, unknown>;

    // Assert
    expect(detail.votes).toEqual([expect.objectContaining({ username: 'commission1', outcome: 'approve' })]);
    expect(caseView.commissionVotes).toHaveLength(1);
  });

  it('shows the third member the votes once the majority decided and their seat was closed', async () => {
    // Arrange
    const { seats } = await voteUnderWay();
    await vote(seats[0] ?? '', commission(1), 'approve');
    await vote(seats[1] ?? '', commission(2), 'approve');

    // Act
    const detail = await view(seats[2] ?? '', commission(3));

    // Assert
    expect(detail.status).toBe('closed');
    expect(detail.votes).toHaveLength(2);
  });

  it('lists each task with its case at a glance: the applicant, the aid, the amount proposed and the categories', async () => {
    // Arrange: a case whose review proposed 40 000, its three seats open.
    const { caseId } = await voteUnderWay();

    // Act
    const { items } = await listOpenTasks({ principal: commission(3), limit: 100, now });

    // Assert: one seat per case for a member, with the brief of its case.
    const row = items.find((t) => t.caseId === caseId);
    expect(row?.brief).toEqual({
      applicant: 'Анна Иванова',
      aidType: 'cash',
      amount: { currency: 'RUB', minor: 4_000_000 },
      categories: ['pensioner'],
    });
  });
});

/** An appeal two departments answer side by side: two tasks of one type for one case in one inbox. */
describe('the inbox of department answers', () => {
  let table: TestTable;
  const registeredAt = new Date(`${year}-03-01T09:00:00Z`);
  beforeAll(async () => {
    table = await handlerTable({ year });
    forgetReferenceBlocks();
  });
  afterAll(async () => table.drop());

  it('names each task’s department, so the two answers of one appeal are told apart', async () => {
    // Arrange: a complaint about access to a building, answered by two departments.
    const receipt = await submitAppeal({
      appeal: appealSchema.parse({
        applicant: { fullName: 'Ирина Соколова', phone: '+7 900 000-11-22', preferredLanguage: 'ru' },
        kind: 'complaint',
        subject: 'Нет пандуса',
        text: 'У входа в поликлинику нет пандуса.',
        topic: 'accessibility',
        channel: 'post',
      }),
      principal: staff('clerk', ['clerk']),
      now: registeredAt,
    });
    const opened = new Map<string, string>();
    for (const department of ['accessible_environment', 'housing_utilities']) {
      const { taskId } = await openAppealTask({
        caseId: receipt.caseId,
        type: 'department_answer',
        department,
        taskToken: `token-${department}`,
        now: registeredAt,
      });
      opened.set(taskId, department);
    }

    // Act
    const { items } = await listOpenTasks({ principal: staff('reviewer', ['reviewer']), limit: 100, now });

    // Assert
    const rows = items.filter((t) => t.caseId === receipt.caseId);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.type).toBe('department_answer');
      expect(row.department).toBe(opened.get(row.taskId));
      expect(row.brief?.topic).toBe('accessibility');
    }
  });
});
