import { type DynamoDBDocumentClient, GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { GroupCommit, type WriteItem } from './group-commit.js';
import type {
  ExecutionClose,
  ExecutionFilter,
  ExecutionRecord,
  ExecutionStatus,
  Journal,
  TaskOutcome,
  TaskResultRecord,
  TokenClose,
  TokenRecord,
  TokenStatus,
  TokenUpdate,
} from './journal.js';
import { isRecord, type JsonRecord } from './json.js';

/**
 * The journal in a plain pk/sk DynamoDB table (created by the caller with ensureKeyValueTable; the
 * table may hold other items, hence the SFN# prefix):
 *   SFN#EXECUTION#<arn> / EXECUTION   one execution
 *   SFN#EXECUTION#<arn> / TASK#<key>  one Task result of that execution
 *   SFN#TOKEN#<token>   / TOKEN       one callback token
 * Idempotency and races (two callbacks for one token, a callback against a timeout or a stopped
 * execution) are settled by conditional writes, never by reading first.
 */
export class DynamoJournal implements Journal {
  /** Every write goes through it: the writes of the same moment are committed together. */
  private readonly writes: GroupCommit;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.writes = new GroupCommit(doc);
  }

  async createExecution(record: ExecutionRecord): Promise<ExecutionRecord | undefined> {
    const created = await this.putIfAbsent({ ...executionKey(record.executionArn), ...record });
    if (created) return undefined;
    return this.getExecution(record.executionArn);
  }

  async getExecution(executionArn: string): Promise<ExecutionRecord | undefined> {
    const item = await this.get(executionKey(executionArn));
    return item && toExecution(item);
  }

  async closeExecution(executionArn: string, close: ExecutionClose): Promise<boolean> {
    const fields = defined({ ...close });
    const names = Object.keys(fields);
    const outcome = await this.writes.write([
      {
        Update: {
          TableName: this.tableName,
          Key: executionKey(executionArn),
          UpdateExpression: `SET ${names.map((name) => `#${name} = :${name}`).join(', ')}`,
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: Object.fromEntries(names.map((name) => [`#${name}`, name])),
          ExpressionAttributeValues: {
            ...Object.fromEntries(names.map((name) => [`:${name}`, fields[name]])),
            ':running': 'RUNNING',
          },
        },
      },
    ]);
    return outcome.ok;
  }

  async listExecutions(filter: ExecutionFilter = {}): Promise<ExecutionRecord[]> {
    const records: ExecutionRecord[] = [];
    let startKey: JsonRecord | undefined;
    do {
      const page = await this.doc.send(
        new ScanCommand({
          TableName: this.tableName,
          FilterExpression: 'begins_with(pk, :prefix) AND sk = :sk',
          ExpressionAttributeValues: { ':prefix': EXECUTION_PREFIX, ':sk': 'EXECUTION' },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) records.push(toExecution(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return records
      .filter((record) => !filter.status || record.status === filter.status)
      .filter((record) => !filter.stateMachineArn || record.stateMachineArn === filter.stateMachineArn);
  }

  async putTaskResult(record: TaskResultRecord): Promise<TaskResultRecord> {
    const key = { pk: `${EXECUTION_PREFIX}${record.executionArn}`, sk: `TASK#${record.taskKey}` };
    const item = {
      ...key,
      executionArn: record.executionArn,
      taskKey: record.taskKey,
      stateName: record.stateName,
      outcome: JSON.stringify(record.outcome),
      recordedAt: record.recordedAt,
    };
    if (await this.putIfAbsent(item)) return record;
    const existing = await this.get(key);
    return existing ? toTaskResult(existing) : record;
  }

  async listTaskResults(executionArn: string): Promise<TaskResultRecord[]> {
    const results: TaskResultRecord[] = [];
    let startKey: JsonRecord | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :task)',
          ExpressionAttributeValues: { ':pk': `${EXECUTION_PREFIX}${executionArn}`, ':task': 'TASK#' },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) results.push(toTaskResult(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return results;
  }

  async issueToken(record: TokenRecord): Promise<TokenRecord> {
    if (await this.putIfAbsent({ ...tokenKey(record.token), ...record })) return record;
    return (await this.getToken(record.token)) ?? record;
  }

  async getToken(token: string): Promise<TokenRecord | undefined> {
    const item = await this.get(tokenKey(token));
    return item && toToken(item);
  }

  async markTokenInvoked(token: string, invokedAt: string): Promise<void> {
    await this.writes.write([
      {
        Update: {
          TableName: this.tableName,
          Key: tokenKey(token),
          UpdateExpression: 'SET invokedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': invokedAt },
        },
      },
    ]);
  }

  async heartbeatToken(token: string, at: string, heartbeatDeadline?: string): Promise<TokenUpdate> {
    return this.updateWaitingToken(token, { lastHeartbeatAt: at, heartbeatDeadline });
  }

  async closeToken(token: string, close: TokenClose, executionArn?: string): Promise<TokenUpdate> {
    return this.updateWaitingToken(token, { ...close }, executionArn);
  }

  /**
   * Updates a WAITING token in one transaction with the check that its execution is RUNNING. With
   * the execution known, the transaction goes first and the token is read only when it is refused
   * (to say why): its conditions refuse a missing or closed token as the read would have. A
   * transaction that another got in the way of is tried again by the group commit.
   */
  private async updateWaitingToken(
    token: string,
    changes: JsonRecord,
    knownExecutionArn?: string,
  ): Promise<TokenUpdate> {
    let executionArn = knownExecutionArn;
    if (!executionArn) {
      const record = await this.getToken(token);
      if (!record) return { ok: false, reason: 'missing' };
      if (record.status !== 'WAITING') return { ok: false, reason: 'closed' };
      executionArn = record.executionArn;
    }
    const outcome = await this.writes.write(this.waitingTokenUpdate(token, executionArn, changes));
    if (outcome.ok) return { ok: true };
    const current = await this.getToken(token);
    if (!current) return { ok: false, reason: 'missing' };
    return { ok: false, reason: current.status === 'WAITING' ? 'execution_closed' : 'closed' };
  }

  private waitingTokenUpdate(token: string, executionArn: string, changes: JsonRecord): WriteItem[] {
    const fields = defined(changes);
    const names = Object.keys(fields);
    return [
      {
        Update: {
          TableName: this.tableName,
          Key: tokenKey(token),
          UpdateExpression: `SET ${names.map((name) => `#${name} = :${name}`).join(', ')}`,
          ConditionExpression: '#status = :waiting',
          ExpressionAttributeNames: {
            ...Object.fromEntries(names.map((name) => [`#${name}`, name])),
            '#status': 'status',
          },
          ExpressionAttributeValues: {
            ...Object.fromEntries(names.map((name) => [`:${name}`, fields[name]])),
            ':waiting': 'WAITING',
          },
        },
      },
      {
        ConditionCheck: {
          TableName: this.tableName,
          Key: executionKey(executionArn),
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':running': 'RUNNING' },
        },
      },
    ];
  }

  private async putIfAbsent(item: JsonRecord): Promise<boolean> {
    const outcome = await this.writes.write([
      {
        Put: {
          TableName: this.tableName,
          Item: defined(item),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]);
    return outcome.ok;
  }

  private async get(key: { pk: string; sk: string }): Promise<JsonRecord | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return Item;
  }
}

/** Every journal item's partition key starts with it (the table may hold other items). */
export const journalKeyPrefix = 'SFN#';
const EXECUTION_PREFIX = `${journalKeyPrefix}EXECUTION#`;
const executionKey = (executionArn: string) => ({
  pk: `${EXECUTION_PREFIX}${executionArn}`,
  sk: 'EXECUTION',
});
const tokenKey = (token: string) => ({ pk: `${journalKeyPrefix}TOKEN#${token}`, sk: 'TOKEN' });

/** The document client refuses undefined attributes unless configured to drop them; drop them here. */
function defined(record: JsonRecord): JsonRecord {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

function str(item: JsonRecord, field: string): string {
  const value = item[field];
  if (typeof value !== 'string') throw new Error(`Journal item ${String(item.pk)} has no ${field}`);
  return value;
}

function optional(item: JsonRecord, field: string): Record<string, string> {
  const value = item[field];
  return typeof value === 'string' ? { [field]: value } : {};
}

function optionalNumber(item: JsonRecord, field: string): Record<string, number> {
  const value = item[field];
  return typeof value === 'number' ? { [field]: value } : {};
}

const EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'ABORTED',
  'TIMED_OUT',
];
const TOKEN_STATUSES: readonly TokenStatus[] = ['WAITING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT'];

function oneOf<T extends string>(allowed: readonly T[], value: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (!found) throw new Error(`Unexpected journal status ${value}`);
  return found;
}

function toExecution(item: JsonRecord): ExecutionRecord {
  return {
    executionArn: str(item, 'executionArn'),
    stateMachineArn: str(item, 'stateMachineArn'),
    name: str(item, 'name'),
    input: str(item, 'input'),
    status: oneOf(EXECUTION_STATUSES, str(item, 'status')),
    startDate: str(item, 'startDate'),
    definitionHash: str(item, 'definitionHash'),
    ...optional(item, 'stopDate'),
    ...optional(item, 'output'),
    ...optional(item, 'error'),
    ...optional(item, 'cause'),
    ...optionalNumber(item, 'transitions'),
  };
}

function toTaskResult(item: JsonRecord): TaskResultRecord {
  const outcome: unknown = JSON.parse(str(item, 'outcome'));
  return {
    executionArn: str(item, 'executionArn'),
    taskKey: str(item, 'taskKey'),
    stateName: str(item, 'stateName'),
    outcome: toOutcome(outcome),
    recordedAt: str(item, 'recordedAt'),
  };
}

function toOutcome(value: unknown): TaskOutcome {
  if (isRecord(value) && value.ok === true) return { ok: true, value: value.value };
  if (
    isRecord(value) &&
    value.ok === false &&
    typeof value.error === 'string' &&
    typeof value.cause === 'string'
  ) {
    return { ok: false, error: value.error, cause: value.cause };
  }
  throw new Error('Journal item has an unreadable task outcome');
}

function toToken(item: JsonRecord): TokenRecord {
  return {
    token: str(item, 'token'),
    executionArn: str(item, 'executionArn'),
    taskKey: str(item, 'taskKey'),
    stateName: str(item, 'stateName'),
    issuedAt: str(item, 'issuedAt'),
    status: oneOf(TOKEN_STATUSES, str(item, 'status')),
    ...optional(item, 'invokedAt'),
    ...optional(item, 'deadline'),
    ...optionalNumber(item, 'heartbeatSeconds'),
    ...optional(item, 'heartbeatDeadline'),
    ...optional(item, 'lastHeartbeatAt'),
    ...optional(item, 'output'),
    ...optional(item, 'error'),
    ...optional(item, 'cause'),
    ...optional(item, 'closedAt'),
  };
}
