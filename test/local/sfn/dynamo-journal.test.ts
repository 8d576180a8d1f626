import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionRecord, TokenRecord } from '../../../local/sfn/journal.js';
import { DynamoJournal } from '../../../local/sfn/journal.js';
import { createTestTable, recordCommandNames, type TestTable } from '../../support/dynamodb.js';

let n = 0;

function execution(): ExecutionRecord {
  n++;
  return {
    executionArn: `arn:aws:states:eu-central-1:123456789012:execution:M:journal-${n}-${Date.now()}`,
    stateMachineArn: 'arn:aws:states:eu-central-1:123456789012:stateMachine:M',
    name: `journal-${n}`,
    input: '{}',
    status: 'RUNNING',
    startDate: '2026-03-01T09:00:00.000Z',
    definitionHash: 'h',
  };
}

function token(executionArn: string): TokenRecord {
  return {
    token: `token-${executionArn}`,
    executionArn,
    taskKey: 'Review|x|0',
    stateName: 'Review',
    issuedAt: '2026-03-01T09:00:00.000Z',
    status: 'WAITING',
  };
}

const success = { status: 'SUCCEEDED', closedAt: '2026-03-01T10:00:00.000Z', output: '{"ok":true}' } as const;

describe('the DynamoDB journal closing callback tokens', () => {
  let table: TestTable;
  let journal: DynamoJournal;
  let commands: string[] = [];
  beforeAll(async () => {
    table = await createTestTable('keyValue');
    commands = recordCommandNames(table.doc);
    journal = new DynamoJournal(table.doc, table.tableName);
  });
  afterAll(async () => table.drop());

  it('closes a waiting token in one request when the caller names its execution, and keeps the outcome', async () => {
    // Arrange
    const record = execution();
    await journal.createExecution(record);
    await journal.issueToken(token(record.executionArn));
    commands.length = 0;

    // Act
    const update = await journal.closeToken(token(record.executionArn).token, success, record.executionArn);

    // Assert
    expect(update).toEqual({ ok: true });
    expect(commands).toEqual(['TransactWriteItemsCommand']);
    expect(await journal.getToken(token(record.executionArn).token)).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"ok":true}',
    });
  });

  it('refuses with the same reasons as without the execution: missing, closed, execution closed', async () => {
    // Arrange
    const missing = execution();
    await journal.createExecution(missing);
    const answered = execution();
    await journal.createExecution(answered);
    await journal.issueToken(token(answered.executionArn));
    await journal.closeToken(token(answered.executionArn).token, success, answered.executionArn);
    const stopped = execution();
    await journal.createExecution(stopped);
    await journal.issueToken(token(stopped.executionArn));
    await journal.closeExecution(stopped.executionArn, {
      status: 'ABORTED',
      stopDate: '2026-03-01T09:30:00.000Z',
    });

    // Act
    const named = await Promise.all(
      [missing, answered, stopped].map((r) =>
        journal.closeToken(token(r.executionArn).token, success, r.executionArn),
      ),
    );
    const unnamed = await Promise.all(
      [missing, answered, stopped].map((r) => journal.closeToken(token(r.executionArn).token, success)),
    );

    // Assert
    const reasons = [
      { ok: false, reason: 'missing' },
      { ok: false, reason: 'closed' },
      { ok: false, reason: 'execution_closed' },
    ];
    expect(named).toEqual(reasons);
    expect(unnamed).toEqual(reasons);
    expect(await journal.getToken(token(missing.executionArn).token)).toBeUndefined();
    expect(await journal.getToken(token(stopped.executionArn).token)).toMatchObject({ status: 'WAITING' });
  });

  it('lets exactly one of two racing closes through when both name the execution', async () => {
    // Arrange
    const record = execution();
    await journal.createExecution(record);
    await journal.issueToken(token(record.executionArn));

    // Act
    const results = await Promise.all([
      journal.closeToken(token(record.executionArn).token, success, record.executionArn),
      journal.closeToken(
        token(record.executionArn).token,
        { status: 'FAILED', closedAt: '2026-03-01T10:00:00.000Z', error: 'E', cause: 'c' },
        record.executionArn,
      ),
    ]);

    // Assert
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'closed' }]);
  });
});
