import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DeleteCommand, DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import {
  freePort,
  journalCredentials,
  killStaleJvm,
  localCredentials,
  localRegion,
} from '../../local/dynamodb-local.js';
import { demoStaff } from '../../local/local-issuer.js';
import { journalTableName } from '../../local/runtime.js';
import { ApiClient, distinctApplication } from '../support/api-client.js';

const cases = Number(process.env.CRASH_CASES ?? 200);
// Past every review and into the approvals, so some reservations are committed when it dies.
const killAfterDecisions = Math.floor(cases * 1.6);
const minJournalledReservations = Math.max(2, Math.floor(cases / 20));

interface Receipt {
  caseId: string;
  reference: string;
  accessCode: string;
}
interface Runtime {
  child: ChildProcess;
  api: ApiClient;
  dynamoEndpoint: string;
  sfnEndpoint: string;
}

async function start(dataDir: string): Promise<Runtime> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    env: { ...process.env, PORT: String(port), AIDFLOW_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let banner = '';
  child.stdout?.on('data', (d: Buffer) => {
    banner += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    banner += d.toString();
  });
  const started = Date.now();
  while (!/DynamoDB Local\s+(http\S+)/.test(banner)) {
    if (child.exitCode !== null || Date.now() - started > 120_000)
      throw new Error(`runtime did not start:\n${banner}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    api: new ApiClient(`http://localhost:${port}`),
    dynamoEndpoint: /DynamoDB Local\s+(http\S+)/.exec(banner)?.[1] ?? '',
    sfnEndpoint: /Step Functions\s+(http\S+)/.exec(banner)?.[1] ?? '',
  };
}

function docClient(endpoint: string): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials }),
  );
}

/** A client of the engine's journal, which has a database of its own (journalCredentials). */
function journalClient(endpoint: string): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: localRegion, credentials: journalCredentials }),
  );
}

/** How many results of a workflow state the engine's journal holds (in its own database). */
async function countJournalled(client: ReturnType<typeof journalClient>, stateName: string): Promise<number> {
  let count = 0;
  let key: Record<string, unknown> | undefined;
  do {
    const page = await client
      .send(
        new ScanCommand({
          TableName: journalTableName,
          FilterExpression: 'stateName = :s',
          ExpressionAttributeValues: { ':s': stateName },
          Select: 'COUNT',
          ...(key ? { ExclusiveStartKey: key } : {}),
        }),
      )
      .catch(() => undefined);
    if (!page) return count;
    count += page.Count ?? 0;
    key = page.LastEvaluatedKey;
  } while (key);
  return count;
}

/** Staff doing their work: every open task they may act on is approved, until told to stop. */
async function decideEverything(
  api: ApiClient,
  shouldStop: () => boolean,
  onDecision: () => void,
): Promise<number> {
  let idleRounds = 0;
  let decided = 0;
  while (!shouldStop() && idleRounds < 8) {
    let progressed = false;
    for (const member of demoStaff) {
      if (shouldStop()) break;
      const list = await api
        .as<{ items?: { taskId: string; allowedOutcomes: string[] }[] }>(
          member.username,
          'GET',
          '/v1/tasks?limit=100',
        )
        .catch(() => undefined);
      for (const task of list?.body.items ?? []) {
        if (shouldStop()) break;
        if (!task.allowedOutcomes.includes('approve')) continue;
        const res = await api
          .as(member.username, 'POST', `/v1/tasks/${task.taskId}/decision`, {
            outcome: 'approve',
            comment: 'In order.',
          })
          .catch(() => undefined);
        if (res?.status === 200) {
          decided++;
          progressed = true;
          onDecision();
        }
      }
    }
    idleRounds = progressed ? 0 : idleRounds + 1;
    if (!progressed) await new Promise((r) => setTimeout(r, 1000));
  }
  return decided;
}

/**
 * Finance records every authorised payment as paid (the settlement ends each workflow). A
 * disbursement the index still shows as authorised after its settlement answers the same 200.
 */
async function settleEverything(api: ApiClient): Promise<void> {
  for (let round = 0; round < 100; round++) {
    const list = await api.as<{ items: { disbursementId: string }[] }>(
      'finance',
      'GET',
      '/v1/disbursements?status=authorised&limit=100',
    );
    if (list.body.items.length === 0) return;
    for (const d of list.body.items) {
      await api.as('finance', 'POST', `/v1/disbursements/${d.disbursementId}/settlement`, { status: 'paid' });
    }
  }
}

/**
 * Invariants 2 and 3 across a crash: SIGKILL the runtime while workflows are in flight, lose the
 * journalled results of some funds reservations as if the process had died between the commit
 * and its acknowledgement, restart on the same data and drive every case to its end. Nothing is
 * lost, no disbursement is doubled, every budget balances.
 */
describe(`a crash with ${cases} workflows in flight`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aidflow-crash-'));
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    // A SIGKILLed runtime leaves its JVM behind (that is the point of the test): end the last one.
    killStaleJvm(join(dataDir, 'dynamodb', 'dynamodb-local.pid'));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing, doubles nothing and keeps every budget balanced', async () => {
    // Arrange: applications in, staff deciding, then SIGKILL in the middle.
    const first = await start(dataDir);
    children.push(first.child);
    const receipts: Receipt[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let i = next++; i < cases; i = next++) {
          const res = await first.api.request<Receipt>('POST', '/v1/aid-applications', {
            body: distinctApplication({ reason: `crash ${i}` }),
          });
          expect(res.status).toBe(201);
          receipts.push(res.body);
        }
      }),
    );
    let decisions = 0;
    let killed = false;
    // SIGKILL once the staff are past the reviews *and* some reservations are journalled: on a
    // loaded machine the workflows lag behind the decisions, and a crash before any reservation
    // would leave the "crash inside a funds reservation" half of this test with nothing to do.
    const journalled = journalClient(first.dynamoEndpoint);
    const killer = (async () => {
      const giveUpAt = Date.now() + 600_000;
      while (!killed) {
        await new Promise((r) => setTimeout(r, 500));
        if (decisions < killAfterDecisions) continue;
        const reserved = await countJournalled(journalled, 'Reserve funds');
        if (reserved >= minJournalledReservations || Date.now() > giveUpAt) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    })();
    await decideEverything(
      first.api,
      () => killed,
      () => {
        decisions++;
      },
    );
    await killer;
    expect(killed).toBe(true);

    // The JVM outlives its SIGKILLed parent: use it to lose some acknowledgements, as a crash
    // between a reservation's commit and its journal entry would.
    const orphan = journalClient(first.dynamoEndpoint);
    const journal: Record<string, unknown>[] = [];
    let journalKey: Record<string, unknown> | undefined;
    do {
      const page = await orphan.send(
        new ScanCommand({
          TableName: journalTableName,
          ...(journalKey ? { ExclusiveStartKey: journalKey } : {}),
        }),
      );
      journal.push(...(page.Items ?? []));
      journalKey = page.LastEvaluatedKey;
    } while (journalKey);
    const reservations = journal.filter((i) => i.stateName === 'Reserve funds');
    const forgotten = reservations.filter((_, i) => i % 2 === 0);
    for (const item of forgotten) {
      await orphan.send(
        new DeleteCommand({ TableName: journalTableName, Key: { pk: item.pk, sk: item.sk } }),
      );
    }
    console.log(
      `crash: killed after ${decisions} decisions; forgot ${forgotten.length} of ${reservations.length} journalled reservations`,
    );
    expect(forgotten.length).toBeGreaterThan(0);

    // Act: restart on the same data and let the staff finish.
    const second = await start(dataDir);
    children.push(second.child);
    let health = 0;
    while ((await second.api.request('GET', '/health').catch(() => ({ status: 0 }))).status !== 200) {
      if (++health > 600) throw new Error('restarted runtime never became healthy');
      await new Promise((r) => setTimeout(r, 200));
    }
    await decideEverything(
      second.api,
      () => false,
      () => undefined,
    );
    await settleEverything(second.api);

    // Assert: every case reached the end of the happy path (paid) exactly once.
    const statuses = await Promise.all(
      receipts.map((r) =>
        second.api
          .request<{ status: string }>('GET', `/v1/cases/${r.reference}`, {
            headers: { 'x-access-code': r.accessCode },
          })
          .then((res) => res.body.status),
      ),
    );
    expect(statuses.filter((s) => s !== 'paid')).toEqual([]);

    const sfn = new SFNClient({
      endpoint: second.sfnEndpoint,
      region: localRegion,
      credentials: localCredentials,
    });
    const arn = (caseId: string) =>
      `arn:aws:states:${localRegion}:000000000000:execution:AidApplication:${caseId}`;
    for (const r of receipts) {
      // The stream delivers each settlement to its workflow a moment after the commit.
      let execution = await sfn.send(new DescribeExecutionCommand({ executionArn: arn(r.caseId) }));
      for (let wait = 0; execution.status === 'RUNNING' && wait < 300; wait++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        execution = await sfn.send(new DescribeExecutionCommand({ executionArn: arn(r.caseId) }));
      }
      expect(execution.status, r.reference).toBe('SUCCEEDED');
    }

    const app = docClient(second.dynamoEndpoint);
    const disbursements: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      // A scan page stops at 1 MB: read them all.
      const page = await app.send(
        new ScanCommand({
          TableName: 'aidflow',
          FilterExpression: '#t = :d',
          ExpressionAttributeNames: { '#t': 'type' },
          ExpressionAttributeValues: { ':d': 'Disbursement' },
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      disbursements.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    const perCase = new Map<string, number>();
    for (const d of disbursements) perCase.set(String(d.caseId), (perCase.get(String(d.caseId)) ?? 0) + 1);
    expect(perCase.size).toBe(cases);
    expect([...perCase.values()].every((n) => n === 1)).toBe(true);

    const year = new Date().getUTCFullYear();
    const budgets = await app.send(
      new QueryCommand({
        TableName: 'aidflow',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `BUDGET#${year}` },
      }),
    );
    let reservedTotal = 0;
    for (const b of budgets.Items ?? []) {
      expect(b.opening + b.allocated, String(b.source)).toBe(b.remaining + b.reserved + b.spent);
      expect(b.remaining).toBeGreaterThanOrEqual(0);
      reservedTotal += Number(b.reserved) + Number(b.spent);
    }
    expect(reservedTotal).toBe(cases * 500_000);
    second.child.kill('SIGTERM');
  }, 1_800_000);
});
