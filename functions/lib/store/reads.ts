import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RuleSet } from '../../../domain/eligibility.js';
import type { Money } from '../../../domain/money.js';
import { dynamo, tableName } from '../clients.js';
import { TransientError, ValidationError } from '../errors.js';
import { itemsStillIndexed } from './index-items.js';
import { keys } from './keys.js';
import type {
  AidCaseRecord,
  BudgetRecord,
  DisbursementRecord,
  ReservationRecord,
  TaskRecord,
} from './records.js';

async function get<T>(key: { pk: string; sk: string }, consistent = true): Promise<T | undefined> {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: consistent }),
  );
  return Item as T | undefined;
}

export const getCase = (caseId: string) => get<AidCaseRecord>(keys.case(caseId));
export const getTask = (taskId: string) => get<TaskRecord>(keys.task(taskId));
export const getReservation = (caseId: string) => get<ReservationRecord>(keys.reservation(caseId));
export const getDisbursement = (id: string) => get<DisbursementRecord>(keys.disbursement(id));
export const getBudget = (year: number, source: string) => get<BudgetRecord>(keys.budget(year, source));

export async function getCaseByReference(reference: string): Promise<AidCaseRecord | undefined> {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :sk',
      ExpressionAttributeValues: { ':pk': keys.caseByReference(reference).gsi1pk, ':sk': 'CASE' },
      Limit: 1,
    }),
  );
  // The index holds keys only (table-spec.ts), and it is eventually consistent: read the case
  // itself, by the key the entry carries, for its current state.
  const hit = Items?.[0] as { pk: string; sk: string } | undefined;
  return hit ? get<AidCaseRecord>({ pk: hit.pk, sk: hit.sk }) : undefined;
}

export interface Page<T> {
  readonly items: T[];
  readonly cursor?: string;
}

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

const badCursor = () =>
  new ValidationError([
    { path: 'cursor', message: 'This cursor does not belong to this list; start again.' },
  ]);

/**
 * The start key a cursor stands for, if it has exactly the expected string attributes and belongs
 * to the list asked for: a cursor from another query (or made up) is a 400, never a DynamoDB error.
 */
export function startKey(
  cursor: string | undefined,
  expected: readonly string[],
  belongs: (key: Record<string, string>) => boolean,
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const key = decodeCursor(cursor);
  if (!key) throw badCursor();
  const names = Object.keys(key).sort();
  const wanted = [...expected].sort();
  if (names.length !== wanted.length || names.some((n, i) => n !== wanted[i])) throw badCursor();
  if (!Object.values(key).every((v) => typeof v === 'string')) throw badCursor();
  const typed = key as Record<string, string>;
  if (!belongs(typed)) throw badCursor();
  return typed;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function queryIndex<T>(
  indexName: 'gsi1' | 'gsi2',
  partition: string,
  options: {
    limit?: number;
    cursor?: string;
    newestFirst?: boolean;
    /** Read the items behind the entries (the index does not project what the caller needs). */
    items?: boolean;
  } = {},
): Promise<Page<T>> {
  const pkName = `${indexName}pk`;
  const start = startKey(
    options.cursor,
    ['pk', 'sk', pkName, `${indexName}sk`],
    (k) => k[pkName] === partition,
  );
  const { Items, LastEvaluatedKey } = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: indexName,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': pkName },
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: !options.newestFirst,
      Limit: options.limit ?? 50,
      ...(start ? { ExclusiveStartKey: start } : {}),
    }),
  );
  const cursor = encodeCursor(LastEvaluatedKey);
  const entries = (Items ?? []) as (T & { pk: string; sk: string })[];
  const items = options.items ? await itemsStillIndexed<T>(entries, indexName, partition) : entries;
  return { items, ...(cursor ? { cursor } : {}) };
}

/** An open task as the inbox index holds it: its keys and the attributes GSI2 projects. */
export type InboxEntry = Pick<
  TaskRecord,
  'pk' | 'sk' | 'taskId' | 'taskType' | 'caseId' | 'caseReference' | 'createdAt' | 'dueAt'
> & { readonly gsi2pk: string; readonly gsi2sk: string };

/** Served from the index alone: it projects everything the inbox shows (table-spec.ts). */
export const openTasksForRole = (role: string, limit?: number, cursor?: string) =>
  queryIndex<InboxEntry>('gsi2', `OPEN_TASKS#${role}`, { limit: limit ?? 50, ...(cursor ? { cursor } : {}) });

export const tasksOfCase = (caseId: string) =>
  queryIndex<TaskRecord>('gsi1', `CASE_TASKS#${caseId}`, { limit: 100, items: true });

export const disbursementsByStatus = (status: string, limit?: number, cursor?: string) =>
  queryIndex<DisbursementRecord>('gsi2', `DISBURSEMENTS#${status}`, {
    limit: limit ?? 50,
    items: true,
    ...(cursor ? { cursor } : {}),
  });

/** The payment batch register, newest first (table-spec #34), as the headers say now. */
export const paymentBatchRegister = <T>(limit?: number, cursor?: string) =>
  queryIndex<T>('gsi2', 'PAYMENT_BATCHES', {
    limit: limit ?? 20,
    newestFirst: true,
    items: true,
    ...(cursor ? { cursor } : {}),
  });

/** Letters waiting to be printed and posted, oldest first (table-spec #18), as their items say now. */
export const lettersToPrint = <T>(limit?: number, cursor?: string) =>
  queryIndex<T>('gsi2', 'PRINT_QUEUE', { limit: limit ?? 50, items: true, ...(cursor ? { cursor } : {}) });

/** Every item of a partition whose sort key starts with a prefix (small partitions only). */
export async function queryPartition<T>(pk: string, skPrefix?: string, consistent = false): Promise<T[]> {
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(skPrefix ? { ':prefix': skPrefix } : {}) },
        ...(consistent ? { ConsistentRead: true } : {}),
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    items.push(...((page.Items ?? []) as T[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** A case's messages to the applicant, oldest first (table-spec #15). */
export const notificationsOfCase = <T>(caseId: string) =>
  queryPartition<T>(keys.case(caseId).pk, 'NOTIFICATION#');

/** The last item of a partition whose sort key starts with a prefix (in sort-key order). */
export async function lastWithPrefix<T>(pk: string, skPrefix: string): Promise<T | undefined> {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  return Items?.[0] as T | undefined;
}

export const budgetsOfYear = (year: number) => queryPartition<BudgetRecord>(`BUDGET#${year}`);

/** The rule set in force for an aid type on a date: the latest effectiveFrom ≤ date, newest version. */
export async function ruleSetInForce(aidType: string, asOfDate: string): Promise<RuleSet | undefined> {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk <= :upto',
      ExpressionAttributeValues: { ':pk': `RULESET#${aidType}`, ':upto': `FROM#${asOfDate}#V9999` },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  return (Items?.[0] as { ruleSet: RuleSet } | undefined)?.ruleSet;
}

/** Every rule set version of an aid type (rule-set-versions.ts caches them: a version never changes). */
export async function ruleSetVersions(aidType: string): Promise<RuleSet[]> {
  return (await queryPartition<{ ruleSet: RuleSet }>(`RULESET#${aidType}`)).map((i) => i.ruleSet);
}

/** A dated policy value (e.g. the subsistence minimum) in force on a date. */
export async function policyInForce<T>(name: string, asOfDate: string): Promise<T | undefined> {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk <= :upto',
      ExpressionAttributeValues: { ':pk': `POLICY#${name}`, ':upto': `FROM#${asOfDate}` },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  return (Items?.[0] as { value: T } | undefined)?.value;
}

export async function getItem<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
  return get<T>(key);
}

export async function batchGetCases(caseIds: readonly string[]): Promise<AidCaseRecord[]> {
  const out: AidCaseRecord[] = [];
  for (let i = 0; i < caseIds.length; i += 100) {
    const chunk = caseIds.slice(i, i + 100);
    const { Responses } = await dynamo().send(
      new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: chunk.map((id) => keys.case(id)) } } }),
    );
    out.push(...((Responses?.[tableName()] ?? []) as AidCaseRecord[]));
  }
  return out;
}

/** What the commission's inbox reads of a case: its seats, votes and who decided it so far. */
export type CommissionInboxFacts = Pick<
  AidCaseRecord,
  'caseId' | 'personKey' | 'deciders' | 'reconsideration' | 'commissionTasks' | 'commissionVotes'
>;

/**
 * Some attributes of several items, one BatchGetItem per 100, by the id `idOf` reads from each; a
 * dotted name reads a nested one (`applicant.fullName`). Keys DynamoDB leaves unprocessed
 * (throttling) are asked for again, a few times.
 */
async function itemAttributesOf<T>(
  ids: readonly string[],
  keyOf: (id: string) => { pk: string; sk: string },
  idOf: (item: T) => string,
  names: readonly string[],
  consistent: boolean,
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  const table = tableName();
  const attributeNames: Record<string, string> = {};
  const projection = names.map((name, n) =>
    name
      .split('.')
      .map((part, p) => {
        attributeNames[`#a${n}_${p}`] = part;
        return `#a${n}_${p}`;
      })
      .join('.'),
  );
  for (let i = 0; i < ids.length; i += 100) {
    let keysLeft: Record<string, unknown>[] = ids.slice(i, i + 100).map(keyOf);
    for (let attempt = 0; keysLeft.length > 0; attempt++) {
      if (attempt >= 5) throw new TransientError('the items of the inbox could not be read; try again');
      const { Responses, UnprocessedKeys } = await dynamo().send(
        new BatchGetCommand({
          RequestItems: {
            [table]: {
              Keys: keysLeft,
              ConsistentRead: consistent,
              ProjectionExpression: projection.join(', '),
              ExpressionAttributeNames: attributeNames,
            },
          },
        }),
      );
      for (const item of (Responses?.[table] ?? []) as T[]) out.set(idOf(item), item);
      keysLeft = (UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[];
      if (keysLeft.length > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    }
  }
  return out;
}

function caseAttributesOf<T extends { caseId: string }>(
  caseIds: readonly string[],
  names: readonly string[],
  consistent: boolean,
): Promise<Map<string, T>> {
  return itemAttributesOf<T>(caseIds, keys.case, (item) => item.caseId, names, consistent);
}

/**
 * The departments of department-answer tasks (the index the inbox lists from does not carry it):
 * eventually consistent, since a task's department never changes. Two departments answering one
 * appeal are otherwise two identical rows.
 */
export async function taskDepartmentsOf(taskIds: readonly string[]): Promise<Map<string, string>> {
  const found = await itemAttributesOf<{ taskId: string; department?: string }>(
    taskIds,
    keys.task,
    (item) => item.taskId,
    ['taskId', 'department'],
    false,
  );
  const out = new Map<string, string>();
  for (const [taskId, item] of found) if (item.department) out.set(taskId, item.department);
  return out;
}

/**
 * The commission facts of several cases (the inbox asks for a page's worth), strongly
 * consistent: a member back in the inbox right after voting must not see the vote again.
 */
export function commissionFactsOf(caseIds: readonly string[]): Promise<Map<string, CommissionInboxFacts>> {
  return caseAttributesOf(
    caseIds,
    ['caseId', 'personKey', 'deciders', 'reconsideration', 'commissionTasks', 'commissionVotes'],
    true,
  );
}

/** What the inbox shows of a task's case so a reviewer can triage without opening it. */
export interface CaseBriefFacts {
  readonly caseId: string;
  readonly applicant?: { readonly fullName?: string };
  readonly aidType?: string;
  readonly requestedAmount?: Money;
  readonly approvedAmount?: Money;
  readonly categories?: readonly string[];
  readonly topic?: string;
  readonly priority?: boolean;
}

/**
 * The briefs of a page of tasks' cases: eventually consistent (half the read units; a name or an
 * amount a second old is fine for a list), a few small attributes of each case.
 */
export function caseBriefsOf(caseIds: readonly string[]): Promise<Map<string, CaseBriefFacts>> {
  return caseAttributesOf(
    caseIds,
    [
      'caseId',
      'applicant.fullName',
      'aidType',
      'requestedAmount',
      'approvedAmount',
      'categories',
      'topic',
      'priority',
    ],
    false,
  );
}
