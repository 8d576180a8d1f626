import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sqsDeliveryQueue } from '../../functions/lib/notify/sqs-delivery-queue.js';
import { localCredentials } from '../../local/dynamodb-local.js';
import { LocalQueue, type LocalQueueOptions } from '../../local/queue.js';
import { type LocalQueues, startLocalQueues } from '../../local/sqs-endpoint.js';

/** A consumer that records each batch's bodies and fails the messages its rule picks. */
function consumer(fails: (body: string, receiveCount: number) => boolean = () => false) {
  const batches: { body: string; receiveCount: number }[][] = [];
  const consume = async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batch = event.Records.map((r) => ({
      body: r.body,
      receiveCount: Number(r.attributes.ApproximateReceiveCount),
    }));
    batches.push(batch);
    return {
      batchItemFailures: event.Records.filter((r, i) => fails(r.body, batch[i]!.receiveCount)).map((r) => ({
        itemIdentifier: r.messageId,
      })),
    };
  };
  return { batches, consume };
}

const queueOf = (consume: LocalQueueOptions['consume'], overrides: Partial<LocalQueueOptions> = {}) => {
  const logs: string[] = [];
  const queue = new LocalQueue({
    name: 'aidflow-test',
    arn: 'arn:aws:sqs:eu-central-1:000000000000:aidflow-test',
    region: 'eu-central-1',
    batchSize: 3,
    batchingWindowMs: 20,
    visibilityTimeoutMs: 30,
    maxReceiveCount: 3,
    maxConcurrency: 2,
    consume,
    log: (line) => logs.push(line),
    ...overrides,
  });
  return { queue, logs };
};

describe('the local queue', () => {
  it('hands messages to the consumer in batches of at most the batch size, each once', async () => {
    const { batches, consume } = consumer();
    const { queue } = queueOf(consume);

    queue.send(['a', 'b', 'c', 'd', 'e']);
    await queue.drain();

    expect(batches.map((b) => b.length).sort()).toEqual([2, 3]);
    expect(
      batches
        .flat()
        .map((m) => m.body)
        .sort(),
    ).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(queue.depth).toBe(0);
  });

  it('waits out the batching window for a partial batch when nobody drains', async () => {
    const { batches, consume } = consumer();
    const { queue } = queueOf(consume, { batchingWindowMs: 150 });

    queue.send(['a']);
    await new Promise((r) => setTimeout(r, 50));
    const early = batches.length;
    await new Promise((r) => setTimeout(r, 200));

    expect(early).toBe(0);
    expect(batches).toEqual([[{ body: 'a', receiveCount: 1 }]]);
    await queue.stop();
  });

  it('hands a failed message out again after the visibility timeout, the others not', async () => {
    const { batches, consume } = consumer((body, count) => body === 'b' && count === 1);
    const { queue } = queueOf(consume, { visibilityTimeoutMs: 100 });

    queue.send(['a', 'b']);
    const started = Date.now();
    await queue.drain();

    expect(batches).toEqual([
      [
        { body: 'a', receiveCount: 1 },
        { body: 'b', receiveCount: 1 },
      ],
      [{ body: 'b', receiveCount: 2 }],
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(queue.deadLetters).toEqual([]);
  });

  it('moves a message that fails every receive to the dead letters, and says so', async () => {
    const { batches, consume } = consumer((body) => body === 'poison');
    const { queue, logs } = queueOf(consume);

    queue.send(['poison', 'fine']);
    await queue.drain();

    expect(
      batches
        .flat()
        .filter((m) => m.body === 'poison')
        .map((m) => m.receiveCount),
    ).toEqual([1, 2, 3]);
    expect(queue.deadLetters.map((m) => m.body)).toEqual(['poison']);
    expect(logs.join('\n')).toMatch(/failed 3 receives; moved to the dead letters: poison/);
  });

  it('retries every message of a batch whose invocation threw', async () => {
    let calls = 0;
    const bodies: string[][] = [];
    const { queue } = queueOf(async (event) => {
      bodies.push(event.Records.map((r) => r.body));
      calls++;
      if (calls === 1) throw new Error('the function timed out');
      return { batchItemFailures: [] };
    });

    queue.send(['a', 'b']);
    await queue.drain();

    expect(bodies).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
  });

  it('keeps at most the configured number of batches in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const { queue } = queueOf(async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      return { batchItemFailures: [] };
    });

    queue.send(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    await queue.drain();

    expect(most).toBe(2);
  });
});

describe('the local SQS endpoint', () => {
  let local: LocalQueues | undefined;
  beforeAll(() => {
    // As the local runtime gives its handlers: the SDK signs with them, the endpoint ignores them.
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    });
  });
  afterEach(async () => {
    await local?.stop();
    local = undefined;
  });

  it('takes the delivery queue’s SendMessageBatch through the real SQS client, ten to a request, and delivers each', async () => {
    const events: SQSEvent[] = [];
    local = await startLocalQueues({
      region: 'eu-central-1',
      accountId: '000000000000',
      consume: async (_queue, event) => {
        events.push(event);
        return { batchItemFailures: [] };
      },
    });
    const queueUrl = local.environment.NOTIFICATION_QUEUE_URL;
    const adapter = sqsDeliveryQueue({
      queueUrl: queueUrl!,
      region: 'eu-central-1',
      endpoint: local.endpoint,
    });
    const refs = Array.from({ length: 12 }, (_, i) => ({ pk: `CASE#c${i}`, sk: `NOTIFICATION#t#${i}` }));

    const refused = await adapter.enqueue(refs);
    await local.drain();

    expect(refused).toEqual([]);
    expect(queueUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/000000000000\/aidflow-notifications$/);
    const received = events.flatMap((e) => e.Records.map((r) => JSON.parse(r.body) as unknown));
    expect(received).toHaveLength(12);
    expect(received).toEqual(expect.arrayContaining(refs));
    expect(events.every((e) => e.Records.length <= 10)).toBe(true);
  });

  it('answers an unknown queue as SQS does, so the sender fails loudly', async () => {
    local = await startLocalQueues({
      region: 'eu-central-1',
      accountId: '000000000000',
      consume: async () => ({ batchItemFailures: [] }),
    });
    const adapter = sqsDeliveryQueue({
      queueUrl: `${local.endpoint}/000000000000/aidflow-nowhere`,
      region: 'eu-central-1',
      endpoint: local.endpoint,
    });

    await expect(adapter.enqueue([{ pk: 'CASE#c', sk: 'NOTIFICATION#t#1' }])).rejects.toMatchObject({
      name: 'QueueDoesNotExist',
    });
  });
});
