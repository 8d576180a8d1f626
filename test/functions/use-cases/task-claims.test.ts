import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimLeaseMs } from '../../../domain/task-claims.js';
import { ConflictError, ForbiddenError } from '../../../functions/lib/errors.js';
import type { Principal } from '../../../functions/lib/http.js';
import { keys } from '../../../functions/lib/store/keys.js';
import { runningClaimsOfRole } from '../../../functions/lib/store/task-claims.js';
import { listOpenTasks } from '../../../functions/use-cases/staff-tasks.js';
import { claimTask, releaseTask } from '../../../functions/use-cases/task-claims.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const staff = (username: string, roles: string[] = ['reviewer']): Principal => ({
  sub: `sub-${username}`,
  username,
  roles,
});
const anna = staff('anna');
const boris = staff('boris');
const at = (minutes: number) => new Date(Date.parse('2034-02-01T09:00:00.000Z') + minutes * 60_000);

describe('claiming a task while reading it', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ seed: false });
  });
  afterAll(async () => table.drop());

  /** An open task of `role` (only the attributes a claim reads). */
  async function openTask(role = 'reviewer', status = 'open'): Promise<string> {
    const taskId = `task-${randomUUID()}`;
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...keys.task(taskId),
          ...(status === 'open' ? keys.openTasks(role, at(0).toISOString(), taskId) : {}),
          type: 'Task',
          taskId,
          taskType: 'review',
          role,
          status,
          version: 1,
          caseId: randomUUID(),
          caseReference: 'AID-2034-000001',
          createdAt: at(0).toISOString(),
          dueAt: at(60 * 24 * 5).toISOString(),
        },
      }),
    );
    return taskId;
  }

  const claim = (taskId: string, principal: Principal, minutes: number, takeOver = false) =>
    claimTask({ taskId, principal, takeOver, now: at(minutes) });

  it('claims an open task for the one who opens it, and renews it when they open it again', async () => {
    const taskId = await openTask();

    const first = await claim(taskId, anna, 0);
    const again = await claim(taskId, anna, 5);

    expect(first).toMatchObject({ taskId, claimedBy: 'anna', claimedAt: at(0).toISOString() });
    expect(first.until).toBe(new Date(at(0).getTime() + claimLeaseMs).toISOString());
    expect(again.until).toBe(new Date(at(5).getTime() + claimLeaseMs).toISOString());
  });

  it('refuses a colleague while the claim holds, saying who has it and until when', async () => {
    const taskId = await openTask();
    const held = await claim(taskId, anna, 0);

    const refused = await claim(taskId, boris, 3).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).extra).toEqual({
      claimedBy: 'anna',
      claimedAt: held.claimedAt,
      until: held.until,
    });
  });

  it('lets a colleague take the task over, after which the first reader is the one refused', async () => {
    const taskId = await openTask();
    await claim(taskId, anna, 0);

    const taken = await claim(taskId, boris, 3, true);
    const refused = await claim(taskId, anna, 4).catch((error: unknown) => error);

    expect(taken.claimedBy).toBe('boris');
    expect((refused as ConflictError).extra).toMatchObject({ claimedBy: 'boris' });
  });

  it('lets anyone claim the task once the claim has lapsed', async () => {
    const taskId = await openTask();
    await claim(taskId, anna, 0);

    const later = await claim(taskId, boris, claimLeaseMs / 60_000 + 1);

    expect(later.claimedBy).toBe('boris');
  });

  it('refuses a task already decided, and a task of a role the caller does not have', async () => {
    const decided = await openTask('reviewer', 'decided');
    const finance = await openTask('finance');

    await expect(claim(decided, anna, 0)).rejects.toBeInstanceOf(ConflictError);
    await expect(claim(finance, anna, 0)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("lists a role's claims still running, with who holds each, and none that lapsed or was given up", async () => {
    const role = `reviewer-${randomUUID().slice(0, 8)}`;
    const [running, lapsed, givenUp] = [await openTask(role), await openTask(role), await openTask(role)];
    const reader = (name: string) => staff(name, [role]);
    await claim(running, reader('anna'), 30);
    await claim(lapsed, reader('boris'), 0);
    await claim(givenUp, reader('vera'), 30);
    await releaseTask({ taskId: givenUp, principal: reader('vera') });

    const claims = await runningClaimsOfRole(role, at(claimLeaseMs / 60_000 + 1));

    expect([...claims.entries()]).toEqual([
      [running, { claimedBy: 'anna', until: new Date(at(30).getTime() + claimLeaseMs).toISOString() }],
    ]);
  });

  it("gives up only the caller's own claim", async () => {
    const taskId = await openTask();
    await claim(taskId, anna, 0);

    await releaseTask({ taskId, principal: boris });
    const refused = await claim(taskId, boris, 1).catch((error: unknown) => error);

    expect((refused as ConflictError).extra).toMatchObject({ claimedBy: 'anna' });
  });

  it("shows a colleague's claim in the inbox on the task it is on, and on no other", async () => {
    const role = `reviewer-${randomUUID().slice(0, 8)}`;
    const [claimed, free] = [await openTask(role), await openTask(role)];
    await claim(claimed, staff('anna', [role]), 0);

    const { items } = await listOpenTasks({ principal: staff('boris', [role]), limit: 50, now: at(5) });

    const byId = new Map(items.map((task) => [task.taskId, task]));
    expect(byId.get(claimed)?.claim).toEqual({
      claimedBy: 'anna',
      until: new Date(at(0).getTime() + claimLeaseMs).toISOString(),
    });
    expect(byId.get(free)).toBeDefined();
    expect(byId.get(free)).not.toHaveProperty('claim');
  });
});
