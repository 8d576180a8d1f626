import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localCredentials, localRegion, startDynamoDbLocal } from '../../local/dynamodb-local.js';
import { StreamPoller, type StreamPollerOptions } from '../../local/stream-poller.js';
import { ensureAppTable } from '../../local/table-bootstrap.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';

type Handler = StreamPollerOptions['handler'];

/** Keys of the records of each invocation, e.g. [['A#1', 'A#2'], ['A#2']]. */
function keysOf(events: readonly DynamoDBStreamEvent[]): string[][] {
  return events.map((e) => e.Records.map((r) => r.dynamodb?.Keys?.pk?.S ?? '?'));
}

describe('the local stream poller', () => {
  let dir: string;
  const tables: TestTable[] = [];
  const pollers: StreamPoller[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'aidflow-stream-'));
  });
  afterEach(async () => {
    await Promise.all(pollers.splice(0).map((p) => p.stop()));
  });
  afterAll(async () => {
    await Promise.all(tables.map((t) => t.drop()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function table(): Promise<TestTable> {
    const t = await createTestTable('app');
    tables.push(t);
    return t;
  }

  function poller(t: TestTable, handler: Handler, extra: Partial<StreamPollerOptions> = {}): StreamPoller {
    const p = new StreamPoller({
      endpoint: t.endpoint,
      region: localRegion,
      credentials: localCredentials,
      tableName: t.tableName,
      handler,
      pollIntervalMs: 20,
      retryBackoffMs: 5,
      ...extra,
    });
    pollers.push(p);
    return p;
  }

  async function put(t: TestTable, pk: string, extra: Record<string, unknown> = {}): Promise<void> {
    await t.doc.send(new PutCommand({ TableName: t.tableName, Item: { pk, sk: 'S', ...extra } }));
  }

  it('delivers INSERT, MODIFY and REMOVE as Lambda event records with both images', async () => {
    const t = await table();
    const events: DynamoDBStreamEvent[] = [];
    const p = poller(t, async (event) => {
      events.push(event);
    });
    p.start();
    const before = Math.floor(Date.now() / 1000);
    await put(t, 'CASE#1', {
      status: 'submitted',
      amount: 500000,
      tags: new Set(['a']),
      blob: new Uint8Array([1, 2]),
    });
    await t.doc.send(
      new UpdateCommand({
        TableName: t.tableName,
        Key: { pk: 'CASE#1', sk: 'S' },
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'in_review' },
      }),
    );
    await t.doc.send(new DeleteCommand({ TableName: t.tableName, Key: { pk: 'CASE#1', sk: 'S' } }));
    await p.drain();

    const records = events.flatMap((e) => e.Records);
    expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    const { Table } = await t.client.send(new DescribeTableCommand({ TableName: t.tableName }));
    for (const record of records) {
      expect(record).toMatchObject({
        eventID: expect.any(String),
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: localRegion,
        eventSourceARN: Table?.LatestStreamArn,
        dynamodb: {
          Keys: { pk: { S: 'CASE#1' }, sk: { S: 'S' } },
          SequenceNumber: expect.stringMatching(/^\d+$/),
          SizeBytes: expect.any(Number),
          StreamViewType: 'NEW_AND_OLD_IMAGES',
        },
      });
      // Epoch seconds, a number, as Lambda passes it (the Streams API gives a Date).
      const created = record.dynamodb?.ApproximateCreationDateTime;
      expect(typeof created).toBe('number');
      expect(created).toBeGreaterThanOrEqual(before - 120);
      expect(created).toBeLessThanOrEqual(Date.now() / 1000 + 5);
    }
    const [insert, modify, remove] = records as [DynamoDBRecord, DynamoDBRecord, DynamoDBRecord];
    expect(insert.dynamodb?.NewImage).toEqual({
      pk: { S: 'CASE#1' },
      sk: { S: 'S' },
      status: { S: 'submitted' },
      amount: { N: '500000' },
      tags: { SS: ['a'] },
      blob: { B: Buffer.from([1, 2]).toString('base64') },
    });
    expect(insert.dynamodb?.OldImage).toBeUndefined();
    expect(modify.dynamodb?.OldImage?.status).toEqual({ S: 'submitted' });
    expect(modify.dynamodb?.NewImage?.status).toEqual({ S: 'in_review' });
    expect(remove.dynamodb?.OldImage?.status).toEqual({ S: 'in_review' });
    expect(remove.dynamodb?.NewImage).toBeUndefined();
    const sequence = records.map((r) => BigInt(r.dynamodb?.SequenceNumber ?? '0'));
    expect([...sequence].sort((a, b) => (a < b ? -1 : 1))).toEqual(sequence);
  });

  it('retries exactly from the lowest failed record onward after a partial batch failure', async () => {
    const t = await table();
    for (const pk of ['A', 'B', 'C', 'D', 'E']) await put(t, pk);
    const events: DynamoDBStreamEvent[] = [];
    const file = join(dir, 'partial.json');
    let failedOnce = false;
    const p = poller(
      t,
      async (event): Promise<DynamoDBBatchResponse> => {
        events.push(event);
        const failing = event.Records.filter((r) => ['C', 'E'].includes(r.dynamodb?.Keys?.pk?.S ?? ''));
        if (failedOnce || failing.length === 0) return { batchItemFailures: [] };
        failedOnce = true;
        // Reported out of order on purpose: the lowest one counts.
        return {
          batchItemFailures: failing
            .reverse()
            .map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })),
        };
      },
      { checkpointFile: file },
    );
    await p.drain();
    expect(keysOf(events)).toEqual([
      ['A', 'B', 'C', 'D', 'E'],
      ['C', 'D', 'E'],
    ]);
    const last = events[1]?.Records.at(-1)?.dynamodb?.SequenceNumber;
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      shards: Record<string, { sequenceNumber: string }>;
    };
    expect(Object.values(saved.shards).map((s) => s.sequenceNumber)).toEqual([last]);
  });

  it('acknowledges the records before the lowest failure, so a restart mid-retry resumes at the failed record', async () => {
    const t = await table();
    for (const pk of ['A', 'B', 'C', 'D']) await put(t, pk);
    const file = join(dir, 'partial-restart.json');
    let firstCall: () => void = () => {};
    const called = new Promise<void>((resolve) => {
      firstCall = resolve;
    });
    const p1 = poller(
      t,
      async (event) => {
        firstCall();
        const c = event.Records.find((r) => r.dynamodb?.Keys?.pk?.S === 'C');
        return { batchItemFailures: c ? [{ itemIdentifier: c.dynamodb?.SequenceNumber ?? '' }] : [] };
      },
      // The retry is far away: the poller is stopped ("crashes") before it happens.
      { checkpointFile: file, retryBackoffMs: 60_000 },
    );
    p1.start();
    await called;
    await p1.stop();

    const events: DynamoDBStreamEvent[] = [];
    await poller(t, async (event) => void events.push(event), { checkpointFile: file }).drain();
    expect(keysOf(events).flat()).toEqual(['C', 'D']);
  });

  it('retries a batch whose handler throws, then dead-letters it after the last retry and moves on', async () => {
    const t = await table();
    await put(t, 'A');
    await put(t, 'B');
    const events: DynamoDBStreamEvent[] = [];
    const deadLetters: Array<{ keys: string[]; error: unknown }> = [];
    const p = poller(
      t,
      async (event) => {
        events.push(event);
        if (event.Records.some((r) => r.dynamodb?.Keys?.pk?.S === 'A')) throw new Error('cannot handle A');
      },
      {
        maxRetryAttempts: 2,
        onDeadLetter: async (records, error) => {
          deadLetters.push({ keys: records.map((r) => r.dynamodb?.Keys?.pk?.S ?? '?'), error });
        },
      },
    );
    p.start();
    await p.drain();
    // One attempt and two retries of the whole batch, then the batch is dead-lettered.
    expect(keysOf(events)).toEqual([
      ['A', 'B'],
      ['A', 'B'],
      ['A', 'B'],
    ]);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]?.keys).toEqual(['A', 'B']);
    expect(deadLetters[0]?.error).toBeInstanceOf(Error);
    expect(String(deadLetters[0]?.error)).toContain('cannot handle A');

    // The shard is not blocked: later records flow.
    await put(t, 'C');
    await p.drain();
    expect(keysOf(events).at(-1)).toEqual(['C']);
  });

  it('dead-letters only the records still reported as failed after the last retry', async () => {
    const t = await table();
    for (const pk of ['A', 'POISON', 'B']) await put(t, pk);
    const events: DynamoDBStreamEvent[] = [];
    const deadLetters: string[][] = [];
    const p = poller(
      t,
      async (event) => {
        events.push(event);
        return {
          batchItemFailures: event.Records.filter((r) => r.dynamodb?.Keys?.pk?.S === 'POISON').map((r) => ({
            itemIdentifier: r.dynamodb?.SequenceNumber ?? '',
          })),
        };
      },
      {
        maxRetryAttempts: 3,
        onDeadLetter: async (records) => {
          deadLetters.push(records.map((r) => r.dynamodb?.Keys?.pk?.S ?? '?'));
        },
      },
    );
    p.start();
    await p.drain();
    expect(keysOf(events)).toEqual([
      ['A', 'POISON', 'B'],
      ['POISON', 'B'],
      ['POISON', 'B'],
      ['POISON', 'B'],
    ]);
    expect(deadLetters).toEqual([['POISON']]);
  });

  it('resumes after the last acknowledged record when a new poller uses the same checkpoint file', async () => {
    const t = await table();
    const file = join(dir, 'resume.json');
    const first: DynamoDBStreamEvent[] = [];
    for (const pk of ['A', 'B', 'C']) await put(t, pk);
    const p1 = poller(t, async (event) => void first.push(event), { checkpointFile: file });
    p1.start();
    await p1.drain();
    await p1.stop();
    expect(keysOf(first).flat()).toEqual(['A', 'B', 'C']);

    await put(t, 'D');
    await put(t, 'E');
    const second: DynamoDBStreamEvent[] = [];
    const p2 = poller(t, async (event) => void second.push(event), { checkpointFile: file });
    p2.start();
    await p2.drain();
    expect(keysOf(second).flat()).toEqual(['D', 'E']);

    // Without the checkpoint a mapping starts at TRIM_HORIZON and sees everything again.
    const fresh: DynamoDBStreamEvent[] = [];
    await poller(t, async (event) => void fresh.push(event)).drain();
    expect(keysOf(fresh).flat()).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it("ignores a checkpoint file of another stream and reads this table's stream from its start", async () => {
    const t = await table();
    const file = join(dir, 'other-stream.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        streamArn: 'arn:aws:dynamodb:ddblocal:000000000000:table/gone/stream/2020-01-01T00:00:00.000',
        shards: { 'shardId-00000000000000000000-00000000': { sequenceNumber: '99999' } },
      }),
    );
    await put(t, 'A');
    const events: DynamoDBStreamEvent[] = [];
    await poller(t, async (event) => void events.push(event), { checkpointFile: file }).drain();
    expect(keysOf(events).flat()).toEqual(['A']);
  });

  it('lets the batch in flight finish and checkpoints it when stopped', async () => {
    const t = await table();
    const file = join(dir, 'stop.json');
    await put(t, 'A');
    let release: () => void = () => {};
    let started: () => void = () => {};
    const handlerStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    let finished = false;
    const p = poller(
      t,
      async () => {
        started();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        finished = true;
      },
      { checkpointFile: file },
    );
    p.start();
    await handlerStarted;
    const stopping = p.stop();
    release();
    await stopping;
    expect(finished).toBe(true);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      shards: Record<string, { sequenceNumber: string }>;
    };
    expect(Object.values(saved.shards)).toHaveLength(1);
  });
});

describe('DynamoDB Local persisted with -dbPath', () => {
  it('keeps its stream and shard ids across a restart, so the poller resumes after its checkpoint', {
    timeout: 120_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'aidflow-stream-restart-'));
    const file = join(dataDir, 'stream-checkpoint.json');
    const tableName = 'restart-table';
    const delivered: string[] = [];
    const handler: Handler = async (event) => {
      delivered.push(...event.Records.map((r) => r.dynamodb?.Keys?.pk?.S ?? '?'));
    };
    const write = async (client: DynamoDBClient, pk: string) =>
      client.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: pk }, sk: { S: 'S' } } }));
    const describeStream = async (client: DynamoDBClient) =>
      (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.LatestStreamArn;
    try {
      let dynamo = await startDynamoDbLocal({ dataDir });
      let client = new DynamoDBClient({
        endpoint: dynamo.endpoint,
        region: localRegion,
        credentials: localCredentials,
      });
      await ensureAppTable(client, tableName);
      await write(client, 'A');
      await write(client, 'B');
      const arnBefore = await describeStream(client);
      const first = new StreamPoller({
        endpoint: dynamo.endpoint,
        region: localRegion,
        credentials: localCredentials,
        tableName,
        handler,
        checkpointFile: file,
      });
      await first.drain();
      await first.stop();
      const shardsBefore = Object.keys(
        (JSON.parse(readFileSync(file, 'utf8')) as { shards: Record<string, unknown> }).shards,
      );
      client.destroy();
      await dynamo.stop();

      dynamo = await startDynamoDbLocal({ dataDir });
      client = new DynamoDBClient({
        endpoint: dynamo.endpoint,
        region: localRegion,
        credentials: localCredentials,
      });
      expect(await describeStream(client)).toBe(arnBefore);
      await write(client, 'C');
      const second = new StreamPoller({
        endpoint: dynamo.endpoint,
        region: localRegion,
        credentials: localCredentials,
        tableName,
        handler,
        checkpointFile: file,
      });
      await second.drain();
      await second.stop();
      const shardsAfter = Object.keys(
        (JSON.parse(readFileSync(file, 'utf8')) as { shards: Record<string, unknown> }).shards,
      );
      expect(shardsAfter).toEqual(shardsBefore);
      expect(delivered).toEqual(['A', 'B', 'C']);
      client.destroy();
      await dynamo.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
