import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCredentials, localRegion } from '../../local/dynamodb-local.js';
import { StreamPoller } from '../../local/stream-poller.js';
import { localTtlMarker, TtlEmulator } from '../../local/ttl-emulator.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';

const nowSeconds = 2_000_000_000;

describe('the local TTL emulator', () => {
  let table: TestTable;
  let poller: StreamPoller;
  const delivered: DynamoDBRecord[] = [];

  beforeAll(async () => {
    table = await createTestTable('app');
    poller = new StreamPoller({
      endpoint: table.endpoint,
      region: localRegion,
      credentials: localCredentials,
      tableName: table.tableName,
      handler: async (event) => {
        delivered.push(...event.Records);
      },
      pollIntervalMs: 20,
      ttlMarker: localTtlMarker,
    });
  });
  afterAll(async () => {
    await poller.stop();
    await table.drop();
  });

  const put = (pk: string, extra: Record<string, unknown> = {}) =>
    table.doc.send(new PutCommand({ TableName: table.tableName, Item: { pk, sk: 'CASE', ...extra } }));
  const exists = async (pk: string) =>
    (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: { pk, sk: 'CASE' } }))).Item !==
    undefined;
  const recordsOf = (pk: string) => delivered.filter((r) => r.dynamodb?.Keys?.pk?.S === pk);

  it('deletes what expired by its clock and reports the deletion as DynamoDB TTL does', async () => {
    // Arrange
    await put('CASE#expired', { type: 'AidCase', expiresAt: nowSeconds - 1 });
    await put('CASE#later', { type: 'AidCase', expiresAt: nowSeconds + 86_400 });
    await put('CASE#open', { type: 'AidCase' });
    const ttl = new TtlEmulator({
      doc: table.doc,
      tableName: table.tableName,
      attribute: 'expiresAt',
      now: () => new Date(nowSeconds * 1000),
    });

    // Act
    const deleted = await ttl.sweep();
    await poller.drain();

    // Assert
    expect(deleted).toBe(1);
    expect([await exists('CASE#expired'), await exists('CASE#later'), await exists('CASE#open')]).toEqual([
      false,
      true,
      true,
    ]);
    // As in AWS: the insert, then one REMOVE by the DynamoDB service; the marker never shows.
    const expired = recordsOf('CASE#expired');
    expect(expired.map((r) => r.eventName)).toEqual(['INSERT', 'REMOVE']);
    expect(expired[1]?.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
    expect(expired[1]?.dynamodb?.OldImage).toMatchObject({ type: { S: 'AidCase' } });
    expect(expired[1]?.dynamodb?.OldImage).not.toHaveProperty(localTtlMarker);
  });

  it('leaves the identity off a deletion that anybody else makes', async () => {
    await table.doc.send(
      new DeleteCommand({ TableName: table.tableName, Key: { pk: 'CASE#later', sk: 'CASE' } }),
    );
    await poller.drain();

    const removal = recordsOf('CASE#later').find((r) => r.eventName === 'REMOVE');
    expect(removal).toBeDefined();
    expect(removal?.userIdentity).toBeUndefined();
  });
});

describe('the local TTL emulator on its timer', () => {
  let table: TestTable;
  let now = nowSeconds;
  let ttl: TtlEmulator;

  beforeAll(async () => {
    table = await createTestTable('app');
    ttl = new TtlEmulator({
      doc: table.doc,
      tableName: table.tableName,
      attribute: 'expiresAt',
      now: () => new Date(now * 1000),
      pageSize: 2,
    });
  });
  afterAll(async () => {
    await ttl.whenIdle();
    await table.drop();
  });

  const put = (pk: string, expiresAt?: number) =>
    table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { pk, sk: 'CASE', type: 'AidCase', ...(expiresAt === undefined ? {} : { expiresAt }) },
      }),
    );
  const exists = async (pk: string) =>
    (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: { pk, sk: 'CASE' } }))).Item !==
    undefined;
  const newImage = (pk: string, expiresAt: number): DynamoDBRecord => ({
    eventName: 'INSERT',
    dynamodb: { NewImage: { pk: { S: pk }, sk: { S: 'CASE' }, expiresAt: { N: String(expiresAt) } } },
  });

  it('sweeps before it knows anything, then only once its last sweep or the stream shows an item due', async () => {
    // Arrange: more items than one scan page, one of them due in an hour.
    for (let i = 0; i < 5; i++) await put(`CASE#kept-${i}`, now + 86_400);
    await put('CASE#open');
    await put('CASE#due-in-an-hour', now + 3_600);

    // Act / Assert: the first timer sweep scans (nothing is known) and deletes nothing yet.
    expect(await ttl.sweepIfDue()).toBe(0);
    // An item written without the stream telling the emulator is not scanned for while nothing is due …
    await put('CASE#unseen', now - 10);
    expect(await ttl.sweepIfDue()).toBe(0);
    expect(await exists('CASE#unseen')).toBe(true);
    // … the hour passes: the item the last sweep saw is due, and that sweep finds both.
    now += 3_601;
    expect(await ttl.sweepIfDue()).toBe(2);
    expect([await exists('CASE#due-in-an-hour'), await exists('CASE#unseen')]).toEqual([false, false]);
    // A new item whose expiry the stream shows is swept when due, without waiting for anything else.
    await put('CASE#short-lived', now - 1);
    expect(await ttl.sweepIfDue()).toBe(0);
    ttl.observe([newImage('CASE#short-lived', now - 1)]);
    expect(await ttl.sweepIfDue()).toBe(1);
    expect(await exists('CASE#short-lived')).toBe(false);
    expect(await exists('CASE#kept-4')).toBe(true);
  });

  it('sweeps again, by the moved clock, when asked while a sweep is running', async () => {
    // Arrange
    await put('CASE#due-tomorrow', now + 86_400);
    const running = ttl.sweep();

    // Act: the clock moves on while the first sweep runs, and a sweep is asked for.
    now += 86_401;
    const asked = ttl.sweep();

    // Assert
    await running;
    expect(await asked).toBeGreaterThanOrEqual(1);
    expect(await exists('CASE#due-tomorrow')).toBe(false);
  });
});
