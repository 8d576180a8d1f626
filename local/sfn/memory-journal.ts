import type {
  ExecutionClose,
  ExecutionFilter,
  ExecutionRecord,
  Journal,
  TaskResultRecord,
  TokenClose,
  TokenRecord,
  TokenUpdate,
} from './journal.js';

/**
 * A journal in process memory, for unit tests. It keeps the same conditional rules as
 * DynamoJournal; records are copied in and out so callers never share state with it.
 */
export class MemoryJournal implements Journal {
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly taskResults = new Map<string, Map<string, TaskResultRecord>>();
  private readonly tokens = new Map<string, TokenRecord>();

  async createExecution(record: ExecutionRecord): Promise<ExecutionRecord | undefined> {
    const existing = this.executions.get(record.executionArn);
    if (existing) return structuredClone(existing);
    this.executions.set(record.executionArn, structuredClone(record));
    return undefined;
  }

  async getExecution(executionArn: string): Promise<ExecutionRecord | undefined> {
    const record = this.executions.get(executionArn);
    return record && structuredClone(record);
  }

  async closeExecution(executionArn: string, close: ExecutionClose): Promise<boolean> {
    const record = this.executions.get(executionArn);
    if (record?.status !== 'RUNNING') return false;
    this.executions.set(executionArn, { ...record, ...structuredClone(close) });
    return true;
  }

  async listExecutions(filter: ExecutionFilter = {}): Promise<ExecutionRecord[]> {
    return [...this.executions.values()]
      .filter((record) => !filter.status || record.status === filter.status)
      .filter((record) => !filter.stateMachineArn || record.stateMachineArn === filter.stateMachineArn)
      .map((record) => structuredClone(record));
  }

  async putTaskResult(record: TaskResultRecord): Promise<TaskResultRecord> {
    let results = this.taskResults.get(record.executionArn);
    if (!results) {
      results = new Map();
      this.taskResults.set(record.executionArn, results);
    }
    const existing = results.get(record.taskKey);
    if (existing) return structuredClone(existing);
    results.set(record.taskKey, structuredClone(record));
    return structuredClone(record);
  }

  async listTaskResults(executionArn: string): Promise<TaskResultRecord[]> {
    return [...(this.taskResults.get(executionArn)?.values() ?? [])].map((record) => structuredClone(record));
  }

  async issueToken(record: TokenRecord): Promise<TokenRecord> {
    const existing = this.tokens.get(record.token);
    if (existing) return structuredClone(existing);
    this.tokens.set(record.token, structuredClone(record));
    return structuredClone(record);
  }

  async getToken(token: string): Promise<TokenRecord | undefined> {
    const record = this.tokens.get(token);
    return record && structuredClone(record);
  }

  async markTokenInvoked(token: string, invokedAt: string): Promise<void> {
    const record = this.tokens.get(token);
    if (record) this.tokens.set(token, { ...record, invokedAt });
  }

  async heartbeatToken(token: string, at: string, heartbeatDeadline?: string): Promise<TokenUpdate> {
    const refusal = this.refusal(token);
    if (refusal) return refusal;
    const record = this.tokens.get(token);
    if (record) {
      this.tokens.set(token, {
        ...record,
        lastHeartbeatAt: at,
        ...(heartbeatDeadline ? { heartbeatDeadline } : {}),
      });
    }
    return { ok: true };
  }

  async closeToken(token: string, close: TokenClose): Promise<TokenUpdate> {
    const refusal = this.refusal(token);
    if (refusal) return refusal;
    const record = this.tokens.get(token);
    if (record) this.tokens.set(token, { ...record, ...structuredClone(close) });
    return { ok: true };
  }

  private refusal(token: string): TokenUpdate | undefined {
    const record = this.tokens.get(token);
    if (!record) return { ok: false, reason: 'missing' };
    if (record.status !== 'WAITING') return { ok: false, reason: 'closed' };
    if (this.executions.get(record.executionArn)?.status !== 'RUNNING') {
      return { ok: false, reason: 'execution_closed' };
    }
    return undefined;
  }
}
