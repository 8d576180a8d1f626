import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { fanOut, spreadOverLanes } from '../../local/stream-consumers.js';

let sequence = 0;

/** A stream record of an item, with the case it belongs to (if any). */
function record(pk: string, caseId?: string): DynamoDBRecord {
  sequence++;
  const image = { pk: { S: pk }, sk: { S: 'S' }, ...(caseId ? { caseId: { S: caseId } } : {}) };
  return {
    eventName: 'MODIFY',
    dynamodb: { Keys: { pk: { S: pk }, sk: { S: 'S' } }, NewImage: image, SequenceNumber: String(sequence) },
  };
}

const keys = (records: readonly DynamoDBRecord[]) => records.map((r) => r.dynamodb?.Keys?.pk?.S);

describe('the local fan-out of stream batches to the stream functions', () => {
  it("keeps every record of one case in one lane, in stream order, whatever the item's key", () => {
    // Arrange
    const records = [
      record('CASE#a', 'a'),
      record('TASK#1', 'a'),
      record('CASE#b', 'b'),
      record('DISBURSEMENT#9', 'a'),
      record('BUDGET#2026'),
      record('CASE#a', 'a'),
    ];

    // Act
    const lanes = spreadOverLanes(records, 4);

    // Assert
    const laneOfA = lanes.find((lane) => keys(lane).includes('TASK#1'));
    expect(laneOfA && keys(laneOfA).filter((k) => k !== 'CASE#b' && k !== 'BUDGET#2026')).toEqual([
      'CASE#a',
      'TASK#1',
      'DISBURSEMENT#9',
      'CASE#a',
    ]);
    expect(lanes.flat()).toHaveLength(records.length);
    for (const lane of lanes) {
      const order = lane.map((r) => Number(r.dynamodb?.SequenceNumber));
      expect(order).toEqual([...order].sort((x, y) => x - y));
    }
  });

  it('spreads different cases over several lanes, and keeps one lane with a single shard', () => {
    // Arrange
    const records = Array.from({ length: 40 }, (_, i) => record(`CASE#${i}`, `case-${i}`));

    // Act
    const four = spreadOverLanes(records, 4);
    const one = spreadOverLanes(records, 1);

    // Assert
    expect(four).toHaveLength(4);
    expect(one).toEqual([records]);
  });

  it('runs the consumers and lanes side by side and merges their reported failures', async () => {
    // Arrange
    const records = Array.from({ length: 12 }, (_, i) => record(`CASE#${i}`, `case-${i}`));
    const failing = records[5]?.dynamodb?.SequenceNumber ?? '';
    let inFlight = 0;
    let mostInFlight = 0;
    const seen: Record<string, string[]> = { Outbox: [], Notifier: [] };
    const invoke = async (name: string, event: DynamoDBStreamEvent) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight--;
      seen[name]?.push(...keys(event.Records).map(String));
      const failed = event.Records.filter(
        (r) => name === 'Notifier' && r.dynamodb?.SequenceNumber === failing,
      );
      return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })) };
    };

    // Act
    const response = await fanOut(['Outbox', 'Notifier'], invoke, { shards: 4 })({ Records: records });

    // Assert
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: failing }]);
    expect(mostInFlight).toBeGreaterThan(2);
    expect(seen.Outbox?.sort()).toEqual(keys(records).map(String).sort());
    expect(seen.Notifier?.sort()).toEqual(keys(records).map(String).sort());
  });

  it('delivers a long lane in batches of batchSize, in order, and holds the rest of it back after a failure', async () => {
    // Arrange
    const records = Array.from({ length: 7 }, () => record('CASE#z', 'z'));
    const failing = records[3]?.dynamodb?.SequenceNumber ?? '';
    const batches: string[][] = [];
    const invoke = async (_name: string, event: DynamoDBStreamEvent) => {
      const sequence = event.Records.map((r) => r.dynamodb?.SequenceNumber ?? '');
      batches.push(sequence);
      const at = sequence.indexOf(failing);
      return {
        batchItemFailures: at < 0 ? [] : sequence.slice(at).map((itemIdentifier) => ({ itemIdentifier })),
      };
    };

    // Act
    const response = await fanOut(['Outbox'], invoke, { shards: 4, batchSize: 3 })({ Records: records });

    // Assert
    const sequenceOf = (from: number, to: number) =>
      records.slice(from, to).map((r) => r.dynamodb?.SequenceNumber ?? '');
    expect(batches).toEqual([sequenceOf(0, 3), sequenceOf(3, 6)]);
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(sequenceOf(3, 7));
  });

  it('invokes a consumer only with the records its filter matches, and not at all when none does', async () => {
    // Arrange: the notifier's filter takes only budgets; the outbox has none and takes everything.
    const records = [record('CASE#a', 'a'), record('BUDGET#2026'), record('TASK#1', 'a')];
    const budgetOnly = [{ dynamodb: { NewImage: { pk: { S: ['BUDGET#2026'] } } } }];
    const seen: Record<string, string[][]> = { Outbox: [], Notifier: [] };
    const invoke = async (name: string, event: DynamoDBStreamEvent) => {
      seen[name]?.push(keys(event.Records).map(String));
      return { batchItemFailures: [] };
    };
    const deliver = fanOut(['Outbox', 'Notifier'], invoke, {
      shards: 1,
      filtersOf: (name) => (name === 'Notifier' ? budgetOnly : undefined),
    });

    // Act
    const first = await deliver({ Records: records });
    const second = await deliver({ Records: [record('CASE#b', 'b')] });

    // Assert
    expect(first.batchItemFailures).toEqual([]);
    expect(second.batchItemFailures).toEqual([]);
    expect(seen.Outbox).toEqual([['CASE#a', 'BUDGET#2026', 'TASK#1'], ['CASE#b']]);
    expect(seen.Notifier).toEqual([['BUDGET#2026']]);
  });

  it('fails the whole batch when a consumer throws, after the others have run', async () => {
    // Arrange
    const records = [record('CASE#x', 'x'), record('CASE#y', 'y')];
    const ran: string[] = [];
    const invoke = async (name: string) => {
      ran.push(name);
      if (name === 'Outbox') throw new Error('boom');
      return { batchItemFailures: [] };
    };

    // Act
    const delivered = fanOut(['Outbox', 'Notifier'], invoke, { shards: 1 })({ Records: records });

    // Assert
    await expect(delivered).rejects.toThrow('boom');
    expect(ran).toEqual(['Outbox', 'Notifier']);
  });
});
