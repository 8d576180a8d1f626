import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SQSEvent } from 'aws-lambda';
import { type QueueName, queues as queueSettings } from '../functions/registry.js';
import { readBoundedBody, sendAwsJson } from './aws-json-http.js';
import { LocalQueue } from './queue.js';

/**
 * The SQS JSON protocol (awsJson1_0), as much of it as the handlers use (SendMessage,
 * SendMessageBatch), in front of the local queues: handlers send with the real
 * @aws-sdk/client-sqs through SQS_ENDPOINT, as they reach the local Step Functions engine, and the
 * SDK checks each answer's MD5 of the body as it does against SQS.
 */
const TARGET_PREFIX = 'AmazonSQS.';
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_BATCH_ENTRIES = 10;

type Operation = (queue: LocalQueue, body: Record<string, unknown>) => object;

class SqsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const operations: Record<string, Operation> = {
  SendMessage(queue, body) {
    if (typeof body.MessageBody !== 'string' || body.MessageBody === '') {
      throw new SqsError('com.amazonaws.sqs#MissingParameter', 'MessageBody is required');
    }
    const [sent] = queue.send([body.MessageBody]);
    return { MessageId: sent?.messageId, MD5OfMessageBody: sent?.md5OfBody };
  },
  SendMessageBatch(queue, body) {
    const entries = Array.isArray(body.Entries) ? (body.Entries as Record<string, unknown>[]) : [];
    if (entries.length === 0) {
      throw new SqsError(
        'com.amazonaws.sqs#EmptyBatchRequest',
        'The batch request does not contain any entries',
      );
    }
    if (entries.length > MAX_BATCH_ENTRIES) {
      throw new SqsError('com.amazonaws.sqs#TooManyEntriesInBatchRequest', 'At most 10 entries per batch');
    }
    const valid = entries.filter((e) => typeof e.Id === 'string' && typeof e.MessageBody === 'string');
    const sent = queue.send(valid.map((e) => e.MessageBody as string));
    return {
      Successful: valid.map((e, i) => ({
        Id: e.Id,
        MessageId: sent[i]?.messageId,
        MD5OfMessageBody: sent[i]?.md5OfBody,
      })),
      Failed: entries
        .filter((e) => !valid.includes(e))
        .map((e) => ({ Id: String(e.Id), SenderFault: true, Code: 'MissingParameter' })),
    };
  },
};

export function createSqsHandler(
  queueByName: ReadonlyMap<string, LocalQueue>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(queueByName, req)
      .then(({ status, body }) => sendAwsJson(res, status, body))
      .catch((error: unknown) => res.destroy(error instanceof Error ? error : undefined));
  };
}

async function handle(
  queueByName: ReadonlyMap<string, LocalQueue>,
  req: IncomingMessage,
): Promise<{ status: number; body: object }> {
  const target = req.headers['x-amz-target'];
  const operation =
    typeof target === 'string' && target.startsWith(TARGET_PREFIX)
      ? operations[target.slice(TARGET_PREFIX.length)]
      : undefined;
  if (req.method !== 'POST' || !operation) {
    return {
      status: 400,
      body: { __type: 'UnknownOperationException', message: `Unknown operation: ${String(target)}` },
    };
  }
  try {
    const body = JSON.parse((await readBody(req)) || '{}') as unknown;
    if (typeof body !== 'object' || body === null)
      throw new SqsError('SerializationException', 'Not a JSON object');
    const queueUrl = (body as { QueueUrl?: unknown }).QueueUrl;
    const queue =
      typeof queueUrl === 'string' ? queueByName.get(queueUrl.split('/').at(-1) ?? '') : undefined;
    if (!queue) {
      throw new SqsError(
        'com.amazonaws.sqs#QueueDoesNotExist',
        `The queue does not exist: ${String(queueUrl)}`,
      );
    }
    return { status: 200, body: operation(queue, body as Record<string, unknown>) };
  } catch (error) {
    if (error instanceof SqsError)
      return { status: 400, body: { __type: error.type, message: error.message } };
    if (error instanceof SyntaxError)
      return { status: 400, body: { __type: 'SerializationException', message: error.message } };
    return { status: 500, body: { __type: 'InternalFailure', message: (error as Error).message } };
  }
}

const readBody = (req: IncomingMessage) =>
  readBoundedBody(
    req,
    MAX_BODY_BYTES,
    () => new SqsError('com.amazonaws.sqs#BatchRequestTooLong', 'Too large'),
  );

export interface LocalQueuesOptions {
  readonly region: string;
  readonly accountId: string;
  /** Invokes the registry function whose trigger is the queue (the local function host). */
  readonly consume: (queue: QueueName, event: SQSEvent) => Promise<unknown>;
  /**
   * How long a failed message stays hidden. The registry's visibility timeout is minutes (a Lambda
   * batch's worst case); locally a retry is due after a second, so a demo or a test need not wait.
   */
  readonly visibilityTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface LocalQueues {
  /** The local SQS endpoint (SQS_ENDPOINT). */
  readonly endpoint: string;
  /** Each queue's URL under its registry environment variable (NOTIFICATION_QUEUE_URL …). */
  readonly environment: Record<string, string>;
  readonly queues: ReadonlyMap<QueueName, LocalQueue>;
  /** Until every queue is empty, retries and all; true when there was anything to wait for. */
  drain(): Promise<boolean>;
  stop(): Promise<void>;
}

/** Every registry queue as a LocalQueue, behind one local SQS endpoint. */
export async function startLocalQueues(options: LocalQueuesOptions): Promise<LocalQueues> {
  const byName = new Map<string, LocalQueue>();
  const queues = new Map<QueueName, LocalQueue>();
  const server = createServer(createSqsHandler(byName));
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ready);
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const environment: Record<string, string> = {};
  for (const [name, settings] of Object.entries(queueSettings) as [
    QueueName,
    (typeof queueSettings)[QueueName],
  ][]) {
    const queueName = `aidflow-${name}`;
    const queue = new LocalQueue({
      name: queueName,
      arn: `arn:aws:sqs:${options.region}:${options.accountId}:${queueName}`,
      region: options.region,
      batchSize: settings.batchSize,
      batchingWindowMs: settings.maxBatchingWindowSeconds * 1000,
      visibilityTimeoutMs: options.visibilityTimeoutMs ?? 1000,
      maxReceiveCount: settings.maxReceiveCount,
      maxConcurrency: settings.maxConcurrency,
      consume: (event) => options.consume(name, event),
      ...(options.log ? { log: options.log } : {}),
    });
    byName.set(queueName, queue);
    queues.set(name, queue);
    environment[settings.urlEnv] = `${endpoint}/${options.accountId}/${queueName}`;
  }
  return {
    endpoint,
    environment,
    queues,
    async drain() {
      const busy = [...queues.values()].some((q) => q.depth > 0);
      await Promise.all([...queues.values()].map((q) => q.drain()));
      return busy;
    },
    async stop() {
      await Promise.all([...queues.values()].map((queue) => queue.stop()));
      await new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      });
    },
  };
}
