import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { toLambdaRecord } from '../../local/stream-poller.js';

describe('stream records as Lambda sees them', () => {
  it('keeps an empty map, which the Streams client hands over with no member at all', () => {
    const record = {
      eventID: '1',
      eventName: 'INSERT',
      dynamodb: {
        SequenceNumber: '100',
        Keys: { pk: { S: 'POLICY#x' }, sk: { S: 'CURRENT' } },
        NewImage: { pk: { S: 'POLICY#x' }, limits: {}, tags: { L: [] } },
      },
    } as unknown as _Record;

    const lambda = toLambdaRecord(record, 'eu-central-1', 'arn:aws:dynamodb:eu-central-1:0:table/t/stream/s');

    expect(lambda.dynamodb?.NewImage).toEqual({ pk: { S: 'POLICY#x' }, limits: { M: {} }, tags: { L: [] } });
  });
});
