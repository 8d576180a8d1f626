import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Money } from '../../domain/money.js';
import { dynamo, tableName } from '../lib/clients.js';
import { PermanentStepError, TransientError } from '../lib/errors.js';
import { logger } from '../lib/logger.js';
import { keys } from '../lib/store/keys.js';
import { getBudget, getCase, getItem } from '../lib/store/reads.js';
import type { AidCaseRecord, WaitlistRecord } from '../lib/store/records.js';
import { reserveFunds } from './funds.js';
import { sendSuccess } from './workflow-outbox.js';

/*
 * The waitlist of approved cases that no budget could cover (issue 3). A case joins it in the
 * transaction that waitlists it (funds.ts); its workflow waits in "Wait for funds" with the token
 * stored on the item; when a budget line gains money (an administrator's top-up, a released
 * reservation) the table stream walks the year's queue in approval order and reserves for each
 * case that now fits. The reservation flips the item to funded in its own transaction, and the
 * stream then resumes the workflow (SendTaskSuccess): the table records, the stream informs.
 */

/** The item a waitlisting transaction puts (a funded item of an earlier round may be replaced). */
export function waitlistPut(
  table: string,
  current: AidCaseRecord,
  input: { at: string; amount: Money; sources: readonly string[] },
) {
  // The approval's time orders the queue ("first approved, first funded"); the case id breaks ties.
  const approvedAt = current.decision?.decidedAt ?? input.at;
  const item: WaitlistRecord = {
    ...keys.waitlist(current.caseId),
    ...keys.waitlistQueue(current.year, approvedAt, current.caseId),
    type: 'Waitlist',
    caseId: current.caseId,
    year: current.year,
    status: 'waiting',
    approvedAt,
    amount: input.amount,
    sources: [...input.sources],
    waitlistedAt: input.at,
  };
  return {
    Put: {
      TableName: table,
      Item: item,
      ConditionExpression: 'attribute_not_exists(pk) OR #status = :funded',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':funded': 'funded' },
    },
  };
}

/** The flip that goes into the reservation's transaction: funded, and out of the queue. */
export function waitlistFunded(table: string, caseId: string, input: { at: string; source: string }) {
  return {
    Update: {
      TableName: table,
      Key: keys.waitlist(caseId),
      UpdateExpression: 'SET #status = :funded, fundedAt = :at, fundedFrom = :source REMOVE gsi2pk, gsi2sk',
      ConditionExpression: '#status = :waiting',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':funded': 'funded',
        ':waiting': 'waiting',
        ':at': input.at,
        ':source': input.source,
      },
    },
  };
}

/** The applicant withdrew while waiting: out of the queue, so no walk ever funds the case. */
export function waitlistWithdrawn(table: string, caseId: string, at: string) {
  return {
    Update: {
      TableName: table,
      Key: keys.waitlist(caseId),
      UpdateExpression: 'SET #status = :withdrawn, withdrawnAt = :at REMOVE gsi2pk, gsi2sk',
      ConditionExpression: '#status = :waiting',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':withdrawn': 'withdrawn', ':waiting': 'waiting', ':at': at },
    },
  };
}

/**
 * Step of "Wait for funds": stores the workflow's token on the case's waitlist item. Idempotent
 * per token; a new token (the wait timed out and was entered again) replaces the old one. If the
 * case was funded before the token arrived, storing it is what makes the stream resume the
 * workflow, so no top-up is ever lost between the reservation and the wait.
 */
export async function awaitFunds(input: {
  caseId: string;
  taskToken: string;
  now: Date;
}): Promise<{ waiting: boolean }> {
  const item = await getItem<WaitlistRecord>(keys.waitlist(input.caseId));
  if (!item) throw new PermanentStepError(`case ${input.caseId} is not on the waitlist`);
  if (item.taskToken === input.taskToken) return { waiting: item.status === 'waiting' };
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.waitlist(input.caseId),
        UpdateExpression: 'SET taskToken = :token, tokenSetAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':token': input.taskToken, ':at': input.now.toISOString() },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException')
      throw new PermanentStepError(`the waitlist item of case ${input.caseId} disappeared`);
    throw error;
  }
  return { waiting: item.status === 'waiting' };
}

/**
 * Whether a waitlist stream record obliges the workflow to go on: the item is funded and carries
 * a token it did not carry funded before (just funded, or funded first and the token came after).
 */
export function fundingToDeliver(
  oldImage: Record<string, unknown> | undefined,
  newImage: Record<string, unknown> | undefined,
): boolean {
  if (newImage?.type !== 'Waitlist' || newImage.status !== 'funded' || !newImage.taskToken) return false;
  return oldImage?.status !== 'funded' || oldImage.taskToken !== newImage.taskToken;
}

/** Resumes "Wait for funds" with the reservation (no personal data). */
export function resumeAfterFunding(item: WaitlistRecord): Promise<'resumed' | 'stale'> {
  return sendSuccess(
    item.taskToken ?? '',
    { outcome: 'reserved', source: item.fundedFrom },
    { caseId: item.caseId },
  );
}

/**
 * Whether a budget stream record is a line that gained money (an administrator's top-up, a new
 * line, a released reservation): the year's waitlist may now be funded from it.
 */
export function budgetGained(
  oldImage: Record<string, unknown> | undefined,
  newImage: Record<string, unknown> | undefined,
): { year: number; source: string } | undefined {
  if (newImage?.type !== 'Budget') return undefined;
  const before = Number(oldImage?.remaining ?? 0);
  const after = Number(newImage.remaining ?? 0);
  if (!(after > before)) return undefined;
  return { year: Number(newImage.year), source: String(newImage.source) };
}

export interface WalkResult {
  readonly funded: readonly string[];
  readonly skipped: number;
  /** The step tried as many cases as a step may and handed the rest to the next (a continuation item). */
  readonly continued: boolean;
}

/**
 * How many cases one step of a walk tries before it hands on. Each try is a reservation (two reads
 * and a transaction, ≈ 20–30 ms in AWS), so a step takes seconds, well inside TableStream's 60 s,
 * however long the waitlist: in a January whose budget lines came late, a large office's whole
 * month of approvals may be waiting (docs/capacity.md, "The year's turn"). One step that ran for
 * minutes would time out and be retried from the start of its batch until the stream gave up on
 * it, holding up every workflow start and decision behind it on its shard meanwhile.
 */
export const casesPerWalkStep = 100;

/** The item whose stream record runs a walk's next step (functions/streams/table-stream.ts). */
export interface WaitlistWalkRecord {
  readonly pk: string;
  readonly sk: string;
  readonly type: 'WaitlistWalk';
  readonly year: number;
  readonly source: string;
  readonly step: number;
  readonly at: string;
  /** TTL: a continuation is of no use after a day (a later top-up walks again from the start). */
  readonly expiresAt: number;
}

/**
 * Walks the year's waitlist in approval order and reserves from `source` for each waiting case
 * that may be paid from it and now fits.
 *
 * "First approved, first funded" is a priority order, not a queue that blocks: a case too big for
 * the money left is skipped and the walk goes on to smaller cases approved after it, because
 * holding everyone behind the one case that does not fit would leave money unused while people
 * wait. The skipped case keeps its place and is the first one tried at the next top-up.
 *
 * A step tries at most `casesPerWalkStep` cases; if money and cases may be left, it writes the
 * walk's continuation item, whose stream record runs the next step from the head of the queue
 * (funded cases have left it, so each step goes further; a step that fills no case ends the walk).
 *
 * Safe to repeat and to run concurrently (a redelivered stream record, two lines topped up at
 * once, two continuations of one walk): every reservation is the same conditional transaction as
 * the workflow's (remaining ≥ amount, one reservation per case, the case's version), so a budget
 * is never overdrawn and no case is funded twice; the walk only decides the order in which cases
 * are tried.
 */
export async function fundWaitlist(input: {
  year: number;
  source: string;
  now: Date;
  /** The continuation's step that runs this walk (0: a budget line gained money). */
  step?: number;
  casesPerStep?: number;
}): Promise<WalkResult> {
  const { year, source, now } = input;
  const casesPerStep = input.casesPerStep ?? casesPerWalkStep;
  const line = await getBudget(year, source);
  if (!line) return { funded: [], skipped: 0, continued: false };
  let remaining = line.remaining;
  const funded: string[] = [];
  let skipped = 0;
  let tried = 0;
  let startKey: Record<string, unknown> | undefined;
  let stepFull = false;
  do {
    if (remaining <= 0) break;
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        FilterExpression: 'contains(sources, :source)',
        ExpressionAttributeValues: { ':pk': `WAITLIST#${year}`, ':source': source },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    startKey = page.LastEvaluatedKey;
    for (const item of (page.Items ?? []) as WaitlistRecord[]) {
      if (remaining <= 0) break;
      if (tried >= casesPerStep) {
        stepFull = true;
        break;
      }
      if (item.amount.currency !== line.currency || item.amount.minor > remaining) {
        skipped++;
        continue;
      }
      tried++;
      const outcome = await reserveWaitlisted(item.caseId, now);
      if (outcome?.outcome === 'reserved') {
        funded.push(item.caseId);
        if (outcome.source === source) remaining -= item.amount.minor;
      } else {
        // Someone else took money from the line meanwhile (a concurrent walk or approval): go on
        // with what is really left.
        remaining = (await getBudget(year, source))?.remaining ?? 0;
      }
    }
  } while (startKey && !stepFull);
  // Only a step that funded someone hands on: one that funded nobody would find the same queue again.
  const continued = stepFull && remaining > 0 && funded.length > 0;
  if (continued) await continueWalk({ year, source, step: (input.step ?? 0) + 1, now });
  if (funded.length > 0)
    logger.info('waitlist funded', { year, source, funded: funded.length, skipped, continued });
  return { funded, skipped, continued };
}

async function continueWalk(input: { year: number; source: string; step: number; now: Date }): Promise<void> {
  const item: WaitlistWalkRecord = {
    ...keys.waitlistWalk(input.year, input.source),
    type: 'WaitlistWalk',
    year: input.year,
    source: input.source,
    step: input.step,
    // Step and time differ from the item it replaces: the put is a change, so the stream records it.
    at: input.now.toISOString(),
    expiresAt: Math.floor(input.now.getTime() / 1000) + 24 * 3600,
  };
  await dynamo().send(new PutCommand({ TableName: tableName(), Item: item }));
}

/** Whether a stream record is a walk's continuation: its next step is to run. */
export function walkToContinue(
  newImage: Record<string, unknown> | undefined,
): { year: number; source: string; step: number } | undefined {
  if (newImage?.type !== 'WaitlistWalk') return undefined;
  return { year: Number(newImage.year), source: String(newImage.source), step: Number(newImage.step) };
}

/** One waiting case: reserve, or undefined when it is no longer waiting (stale index entry). */
async function reserveWaitlisted(caseId: string, now: Date) {
  try {
    return await reserveFunds(caseId, now);
  } catch (error) {
    const name = (error as Error).name;
    if (name !== 'TransientError' && name !== 'PermanentStepError') throw error;
    // A concurrent walk or step changed the case: fine if it is no longer waiting.
    const current = await getCase(caseId);
    if (current?.status !== 'waitlisted') return undefined;
    if (name === 'PermanentStepError') {
      logger.warn('waitlisted case cannot be funded', { caseId, errorMessage: (error as Error).message });
      return undefined;
    }
    throw new TransientError(`waitlisted case ${caseId} changed while funding`);
  }
}
