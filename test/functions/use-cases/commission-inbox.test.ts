import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../functions/lib/http.js';
import { decideTask } from '../../../functions/use-cases/decide-task.js';
import { listOpenTasks, type TaskSummary } from '../../../functions/use-cases/staff-tasks.js';
import { claimTask } from '../../../functions/use-cases/task-claims.js';
import { commissionVoteUnderWay } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const year = 2034;
const start = Date.parse(`${year}-05-04T09:00:00Z`);
const staff = (username: string, roles: string[]): Principal => ({ sub: `sub-${username}`, username, roles });
const commission = (n: number) => staff(`commission${n}`, ['commission']);

/**
 * The commission's inbox (GET /v1/tasks as a member) against DynamoDB Local: each vote has a task
 * per seat, all for the role "commission", and a member is shown one per case, none once voted.
 */
describe("a commission member's inbox", () => {
  let table: TestTable;
  let minute = 0;
  beforeAll(async () => {
    table = await handlerTable({ year });
  });
  afterAll(async () => table.drop());

  /** A case above the head's limit with its three seats open, a minute after the last one. */
  const voteUnderWay = () => commissionVoteUnderWay(table, new Date(start + ++minute * 60_000));

  const now = () => new Date(start + (minute + 1) * 60_000);
  const vote = (taskId: string, member: Principal) =>
    decideTask({ taskId, decision: { outcome: 'approve' }, principal: member, now: now() });

  /** Every page of the member's inbox, `limit` at a time, and how many pages it took. */
  async function inbox(member: Principal, limit = 50): Promise<{ items: TaskSummary[]; pages: number }> {
    const items: TaskSummary[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listOpenTasks({ principal: member, limit, cursor, now: now() });
      items.push(...page.items);
      cursor = page.cursor;
      pages++;
    } while (cursor && pages < 20);
    return { items, pages };
  }

  const votesOf = (items: readonly TaskSummary[], caseId: string) =>
    items.filter((t) => t.caseId === caseId && t.type === 'commission_vote');

  it('shows a member one vote per case, not one per seat', async () => {
    // Arrange
    const first = await voteUnderWay();
    const second = await voteUnderWay();

    // Act
    const { items } = await inbox(commission(1));

    // Assert
    expect(votesOf(items, first.caseId).map((t) => t.taskId)).toEqual([first.seats[0]]);
    expect(votesOf(items, second.caseId).map((t) => t.taskId)).toEqual([second.seats[0]]);
  });

  it('shows no vote on a case once the member voted, and the others a seat still open', async () => {
    // Arrange
    const { caseId, seats } = await voteUnderWay();
    await vote(seats[0] ?? '', commission(1));

    // Act
    const voted = await inbox(commission(1));
    const colleague = await inbox(commission(2));

    // Assert
    expect(votesOf(voted.items, caseId)).toEqual([]);
    expect(votesOf(colleague.items, caseId).map((t) => t.taskId)).toEqual([seats[1]]);
  });

  it('shows a member a seat nobody has open, and the one they have open themselves', async () => {
    // Arrange: the first member opens (claims) the first seat.
    const { caseId, seats } = await voteUnderWay();
    await claimTask({ taskId: seats[0] ?? '', principal: commission(1), takeOver: false, now: now() });

    // Act
    const own = await inbox(commission(1));
    const colleague = await inbox(commission(2));

    // Assert
    expect(votesOf(own.items, caseId).map((t) => t.taskId)).toEqual([seats[0]]);
    expect(votesOf(colleague.items, caseId).map((t) => t.taskId)).toEqual([seats[1]]);
  });

  it('pages through every case once, whatever the page size, with the cursor', async () => {
    // Arrange: the cases still open for the third member, then a page size that cuts seats apart.
    const all = await inbox(commission(3));
    const cases = all.items.map((t) => t.caseId);

    // Act
    const byOne = await inbox(commission(3), 1);
    const byTwo = await inbox(commission(3), 2);

    // Assert
    expect(new Set(cases).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(4);
    expect(byOne.items.map((t) => t.caseId)).toEqual(cases);
    expect(byOne.pages).toBeGreaterThanOrEqual(cases.length);
    expect(byTwo.items.map((t) => t.caseId)).toEqual(cases);
  });
});
