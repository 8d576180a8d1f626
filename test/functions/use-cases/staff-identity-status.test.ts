import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../functions/lib/http.js';
import { setStaffIdentity, staffIdentityStatus } from '../../../functions/use-cases/staff-identity.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const admin: Principal = { sub: 'sub-admin', username: 'admin', roles: ['admin'] };
const admin2: Principal = { sub: 'sub-admin2', username: 'admin2', roles: ['admin'] };
const olga = { fullName: 'Ольга Тестовна Проверкина', birthDate: '1979-06-21' };

describe('whether a member of staff has an identity recorded', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable();
  });
  afterAll(async () => table.drop());

  it('says nothing is recorded for a username with no identity, with no dates', async () => {
    const status = await staffIdentityStatus('nobody-recorded');

    expect(status).toEqual({ username: 'nobody-recorded', recorded: false, personKeys: 0 });
  });

  it('says how many person keys were recorded, when and by whom, and nothing of the person', async () => {
    // Arrange
    const now = new Date('2026-11-20T09:30:00.000Z');
    await setStaffIdentity({
      username: 'status-a',
      identity: { ...olga, nationalId: '4510 123456' },
      principal: admin,
      now,
    });

    // Act
    const status = await staffIdentityStatus('status-a');

    // Assert: exactly these fields; no name, birth date, id or key in the answer.
    expect(status).toEqual({
      username: 'status-a',
      recorded: true,
      personKeys: 2,
      updatedAt: '2026-11-20T09:30:00.000Z',
      updatedBy: 'admin',
    });
    const text = JSON.stringify(status);
    for (const secret of ['Ольга', '1979-06-21', '123456']) expect(text).not.toContain(secret);
  });

  it('answers the latest identity after it was recorded again, by another administrator', async () => {
    // Arrange
    await setStaffIdentity({
      username: 'status-b',
      identity: { ...olga, nationalId: '4510 654321' },
      principal: admin,
      now: new Date('2026-11-20T09:00:00.000Z'),
    });
    await setStaffIdentity({
      username: 'status-b',
      identity: olga,
      principal: admin2,
      now: new Date('2026-11-21T10:00:00.000Z'),
    });

    // Act
    const status = await staffIdentityStatus('status-b');

    // Assert
    expect(status).toEqual({
      username: 'status-b',
      recorded: true,
      personKeys: 1,
      updatedAt: '2026-11-21T10:00:00.000Z',
      updatedBy: 'admin2',
    });
  });

  it("keeps one member's identity apart from another's (usernames are the key)", async () => {
    await setStaffIdentity({ username: 'status-c', identity: olga, principal: admin, now: new Date() });

    expect((await staffIdentityStatus('status-c')).recorded).toBe(true);
    expect((await staffIdentityStatus('status-c2')).recorded).toBe(false);
    expect((await staffIdentityStatus('STATUS-C')).recorded).toBe(false);
  });
});
