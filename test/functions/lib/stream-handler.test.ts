import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { streamHandler } from '../../../functions/lib/stream-handler.js';
import { streamRecord } from '../../support/case-items.js';
import { lambdaContext } from '../../support/handler-env.js';

const caseOf = (record: DynamoDBRecord) => record.dynamodb?.NewImage?.caseId?.S ?? '';
const stepOf = (record: DynamoDBRecord) => record.dynamodb?.NewImage?.step?.N ?? '';
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Three records each of cases A, B and C, interleaved as a stream would have them. */
function interleaved(): DynamoDBRecord[] {
  const records: DynamoDBRecord[] = [];
  for (let step = 1; step <= 3; step++) {
    for (const caseId of ['A', 'B', 'C'])
      records.push(streamRecord('MODIFY', { pk: `CASE#${caseId}`, caseId, step }));
  }
  return records;
}

describe('a table-stream handler', () => {
  it("keeps each case's records in stream order while other cases go ahead", async () => {
    // Arrange
    const started: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const handler = streamHandler(async (record) => {
      started.push(`${caseOf(record)}${stepOf(record)}`);
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await tick();
      inFlight--;
    });

    // Act
    const result = await handler({ Records: interleaved() }, lambdaContext);

    // Assert
    expect(result).toEqual({ batchItemFailures: [] });
    for (const caseId of ['A', 'B', 'C']) {
      expect(started.filter((s) => s.startsWith(caseId))).toEqual([`${caseId}1`, `${caseId}2`, `${caseId}3`]);
    }
    expect(mostInFlight).toBe(3);
  });

  it('handles one record at a time when asked for one case at a time', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const handler = streamHandler(
      async () => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await tick();
        inFlight--;
      },
      { concurrentCases: 1 },
    );

    await handler({ Records: interleaved() }, lambdaContext);

    expect(mostInFlight).toBe(1);
  });

  it('hands back the batch from its first failed record, and stops the failed case there', async () => {
    // Arrange: B's second record fails.
    const records = interleaved();
    const dispatched: string[] = [];
    const handler = streamHandler(async (record) => {
      const name = `${caseOf(record)}${stepOf(record)}`;
      dispatched.push(name);
      await tick();
      if (name === 'B2') throw new Error('the Step Functions endpoint did not answer');
    });

    // Act
    const result = await handler({ Records: records }, lambdaContext);

    // Assert: from B2 (position 4) on, everything comes again; B3 was never tried.
    expect(result?.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(
      records.slice(4).map((r) => r.dynamodb?.SequenceNumber),
    );
    expect(dispatched).not.toContain('B3');
    expect(dispatched).toEqual(expect.arrayContaining(['A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'C2', 'C3']));
  });

  it('leaves alone the records the batch step could not do', async () => {
    const records = interleaved();
    const dispatched: string[] = [];
    const handler = streamHandler(
      async (record) => {
        dispatched.push(`${caseOf(record)}${stepOf(record)}`);
      },
      { beforeRecords: async () => 2 },
    );

    const result = await handler({ Records: records }, lambdaContext);

    expect(dispatched.sort()).toEqual(['A1', 'B1']);
    expect(result?.batchItemFailures).toHaveLength(7);
  });
});
