import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';

/**
 * DynamoDB Local does not expire items: this sweep does what DynamoDB's TTL does in AWS, against
 * the runtime's clock (moved by POST /local/clock), so that retention can be seen to happen.
 *
 * Each expired item is first marked (`marker`), then deleted, both conditional on it still being
 * expired (a case reopened in between keeps its item). The marker is what lets the stream poller
 * tell this deletion from anybody's DeleteItem, across a restart too: it delivers the REMOVE with
 * the DynamoDB service as `userIdentity` and the old image without the marker, as AWS does, and
 * drops the MODIFY records that only set or clear it (local/stream-poller.ts `ttlMarker`).
 *
 * Unlike AWS, which deletes within a few days of expiry, the sweep deletes at its next run.
 */
export const localTtlMarker = 'localTtlDeletion';

export interface TtlEmulatorOptions {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  /** The table's TTL attribute (epoch seconds). */
  readonly attribute: string;
  readonly now: () => Date;
  /** Parallel scan segments. */
  readonly segments?: number;
  readonly log?: (line: string) => void;
}

export class TtlEmulator {
  private running: Promise<number> | undefined;

  constructor(private readonly opts: TtlEmulatorOptions) {}

  /** Deletes every item expired as of now; resolves with how many. One sweep at a time. */
  sweep(): Promise<number> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<number> {
    const nowSeconds = Math.floor(this.opts.now().getTime() / 1000);
    const segments = this.opts.segments ?? 2;
    const found = await Promise.all(
      Array.from({ length: segments }, (_, segment) => this.expiredIn(segment, segments, nowSeconds)),
    );
    let deleted = 0;
    for (const key of found.flat()) {
      if (await this.expire(key, nowSeconds)) deleted++;
    }
    if (deleted > 0) this.opts.log?.(`[ttl] ${deleted} expired item(s) deleted`);
    return deleted;
  }

  private async expiredIn(segment: number, total: number, nowSeconds: number) {
    const keys: { pk: string; sk: string }[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.opts.doc.send(
        new ScanCommand({
          TableName: this.opts.tableName,
          Segment: segment,
          TotalSegments: total,
          FilterExpression: '#ttl < :now',
          ProjectionExpression: 'pk, sk',
          ExpressionAttributeNames: { '#ttl': this.opts.attribute },
          ExpressionAttributeValues: { ':now': nowSeconds },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      keys.push(...((page.Items ?? []) as { pk: string; sk: string }[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return keys;
  }

  private async expire(key: { pk: string; sk: string }, nowSeconds: number): Promise<boolean> {
    const { doc, tableName, attribute } = this.opts;
    const names = { '#ttl': attribute, '#mark': localTtlMarker };
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: 'SET #mark = :at',
          ConditionExpression: '#ttl < :now',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':at': this.opts.now().toISOString(), ':now': nowSeconds },
        }),
      );
      await doc.send(
        new DeleteCommand({
          TableName: tableName,
          Key: key,
          ConditionExpression: '#ttl < :now AND attribute_exists(#mark)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':now': nowSeconds },
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // No longer expired (reopened) or gone: leave no marker behind on a live item.
      await doc
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: key,
            UpdateExpression: 'REMOVE #mark',
            ConditionExpression: 'attribute_exists(#mark)',
            ExpressionAttributeNames: { '#mark': localTtlMarker },
          }),
        )
        .catch((e: unknown) => {
          if (!isConditionFailure(e)) throw e;
        });
      return false;
    }
  }
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
