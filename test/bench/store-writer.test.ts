import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sampleWriters, type WriterSample, writerUse } from '../../bench/store-writer.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';

const sample = (at: number, threads: Record<string, [cpuNs: number, queuedNs: number]>): WriterSample => ({
  at,
  threads: new Map(Object.entries(threads).map(([tid, [cpuNs, queuedNs]]) => [tid, { cpuNs, queuedNs }])),
});

describe('writerUse', () => {
  it('gives each thread its CPU, its wait for a core and its busy share of the wall time, the busiest first', () => {
    // Arrange: 1 s apart; thread 7 ran 600 ms and waited 200 ms, thread 9 ran 50 ms.
    const before = sample(1_000, { '7': [1e9, 5e8], '9': [2e9, 0] });
    const after = sample(2_000, { '7': [1.6e9, 7e8], '9': [2.05e9, 0] });

    // Act
    const uses = writerUse(before, after);

    // Assert
    expect(uses.map((u) => u.tid)).toEqual(['7', '9']);
    expect(uses[0]?.cpuMs).toBeCloseTo(600);
    expect(uses[0]?.queuedMs).toBeCloseTo(200);
    expect(uses[0]?.busyShare).toBeCloseTo(0.8);
    expect(uses[1]?.busyShare).toBeCloseTo(0.05);
  });

  it('counts a thread that started between the samples from zero', () => {
    const uses = writerUse(sample(0, {}), sample(500, { '3': [1e8, 0] }));

    expect(uses).toEqual([{ tid: '3', cpuMs: 100, queuedMs: 0, busyShare: 0.2 }]);
  });

  it('gives nothing without both samples', () => {
    expect(writerUse(undefined, sample(1, {}))).toEqual([]);
  });
});

describe.runIf(process.platform === 'linux')('sampleWriters on DynamoDB Local', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await createTestTable();
  });
  afterAll(async () => {
    await table.drop();
  });

  it("finds the database's writer thread and the CPU that writes cost it", async () => {
    // Arrange
    const pid = inject('dynamoPid');
    const before = sampleWriters(pid);

    // Act: writes pass through the database's one SQLite writer thread.
    for (let i = 0; i < 200; i++) {
      await table.doc.send(
        new PutCommand({
          TableName: table.tableName,
          Item: { pk: `W#${i}`, sk: 'X', body: 'x'.repeat(1000) },
        }),
      );
    }
    const uses = writerUse(before, sampleWriters(pid));

    // Assert
    expect(before?.threads.size).toBeGreaterThan(0);
    expect(uses[0]?.cpuMs).toBeGreaterThan(0);
    // 200 writes one after another: 3–4 s on an idle machine, 15 s when CI shared it with a second run.
  }, 90_000);

  it('gives undefined for a process that is not there', () => {
    expect(sampleWriters(2 ** 22 + 1)).toBeUndefined();
  });
});
