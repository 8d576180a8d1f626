import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { caseAnnotation, caseStatusChange } from '../../functions/lib/store/case-writes.js';
import { keys } from '../../functions/lib/store/keys.js';
import type { AidCaseRecord } from '../../functions/lib/store/records.js';
import { transact } from '../../functions/lib/store/transactions.js';
import { verifyAuditTrails } from '../../scripts/audit-trails.js';
import { aidCaseItem } from '../support/case-items.js';
import type { TestTable } from '../support/dynamodb.js';
import { handlerTable } from '../support/handler-env.js';

const run = promisify(execFile);
const reviewer = { kind: 'staff', username: 'reviewer', sub: 'sub-reviewer', roles: ['reviewer'] } as const;

describe('npm run audit:verify', () => {
  let table: TestTable;
  afterEach(async () => table?.drop());

  async function readCase(caseId: string): Promise<AidCaseRecord> {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.case(caseId), ConsistentRead: true }),
    );
    return Item as AidCaseRecord;
  }

  /** A case with three audit events, written by the store's own case writes. */
  async function caseWithThreeEvents(): Promise<string> {
    const item = aidCaseItem({ status: 'in_review' });
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: item }));
    const at = (d: number) => `2031-03-0${d}T10:00:00.000Z`;
    for (const change of [
      { at: at(2), actor: reviewer, action: 'case.noted', note: 'Called the applicant' },
      { at: at(3), actor: reviewer, action: 'case.noted', note: 'Income statement received' },
    ]) {
      const writes = caseAnnotation(table.tableName, await readCase(item.caseId), change);
      expect((await transact(writes)).ok).toBe(true);
    }
    const last = caseStatusChange(table.tableName, await readCase(item.caseId), {
      to: 'awaiting_approval',
      at: at(4),
      actor: reviewer,
      action: 'task.review.approve',
    });
    expect((await transact(last)).ok).toBe(true);
    return item.caseId;
  }

  const verify = () => verifyAuditTrails({ doc: table.doc, tableName: table.tableName, segments: 3 });
  const event = (caseId: string, seq: number) => keys.audit(caseId, seq);

  it('passes a table whose chains are intact', async () => {
    // Arrange
    table = await handlerTable({ seed: false });
    const first = await caseWithThreeEvents();
    await caseWithThreeEvents();

    // Act
    const report = await verify();

    // Assert
    expect(report).toMatchObject({ cases: 2, events: 6, findings: [] });
    expect(await readCase(first)).toMatchObject({
      auditSeq: 3,
      auditHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('finds an event whose `after` was edited with a raw UpdateItem', async () => {
    // Arrange
    table = await handlerTable({ seed: false });
    const caseId = await caseWithThreeEvents();
    await caseWithThreeEvents();
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: event(caseId, 2),
        UpdateExpression: 'SET #after.#status = :approved',
        ExpressionAttributeNames: { '#after': 'after', '#status': 'status' },
        ExpressionAttributeValues: { ':approved': 'approved' },
      }),
    );

    // Act
    const report = await verify();

    // Assert
    expect(report.findings).toEqual([
      expect.objectContaining({ caseId, problems: [{ kind: 'edited', seq: 2 }] }),
    ]);
  });

  it('finds a deleted event in the middle of a chain', async () => {
    // Arrange
    table = await handlerTable({ seed: false });
    const caseId = await caseWithThreeEvents();
    await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: event(caseId, 2) }));

    // Act
    const report = await verify();

    // Assert
    expect(report.findings).toEqual([
      expect.objectContaining({ caseId, problems: [{ kind: 'missing', from: 2, to: 2 }] }),
    ]);
  });

  it('finds a deleted last event against the head on the case', async () => {
    // Arrange
    table = await handlerTable({ seed: false });
    const caseId = await caseWithThreeEvents();
    await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: event(caseId, 3) }));

    // Act
    const report = await verify();

    // Assert
    expect(report.findings).toEqual([
      expect.objectContaining({ caseId, problems: [{ kind: 'missing', from: 3, to: 3 }] }),
    ]);
  });

  it('exits 0 on a clean table and 1, naming the case and the event, once an event is edited', async () => {
    // Arrange
    table = await handlerTable({ seed: false });
    const caseId = await caseWithThreeEvents();
    const command = () =>
      run(process.execPath, ['--import', 'tsx', resolve('scripts/audit-verify.ts')], {
        env: { ...process.env, TABLE_NAME: table.tableName, DYNAMODB_ENDPOINT: table.endpoint },
      }).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
      );

    // Act
    const clean = await command();
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: event(caseId, 1),
        UpdateExpression: 'SET #action = :a',
        ExpressionAttributeNames: { '#action': 'action' },
        ExpressionAttributeValues: { ':a': 'case.approved' },
      }),
    );
    const tampered = await command();

    // Assert
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/1 case\(s\), 3 event\(s\) checked in \d+ ms; every chain is intact/);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(`${caseId}): event 1 was edited`);
  }, 60_000);
});
