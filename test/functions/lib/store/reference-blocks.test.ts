import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dynamo } from '../../../../functions/lib/clients.js';
import { keys } from '../../../../functions/lib/store/keys.js';
import {
  forgetReferenceBlocks,
  takeReferenceNumber,
} from '../../../../functions/lib/store/reference-blocks.js';
import type { TestTable } from '../../../support/dynamodb.js';
import { handlerTable } from '../../../support/handler-env.js';

describe('reference numbers from blocks', () => {
  let table: TestTable;
  let counterWrites = 0;
  let year = 2030;

  beforeAll(async () => {
    table = await handlerTable({ seed: false });
    dynamo().middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'UpdateItemCommand') counterWrites++;
        return next(args);
      },
      { step: 'initialize', name: 'countCounterWrites' },
    );
  });
  afterAll(async () => table.drop());
  beforeEach(() => {
    // A fresh sequence and a fresh container for every test.
    year++;
    counterWrites = 0;
    forgetReferenceBlocks();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-03-02T10:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const counterValue = async () =>
    Number(
      (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: keys.counter('AID', year) })))
        .Item?.value,
    );

  it('takes one number per counter write at an office’s pace, with no gaps', async () => {
    // Arrange: one intake every few seconds.
    const numbers: number[] = [];

    // Act
    for (let i = 0; i < 5; i++) {
      numbers.push(await takeReferenceNumber('AID', year));
      vi.advanceTimersByTime(3_000);
    }

    // Assert
    expect(numbers).toEqual([1, 2, 3, 4, 5]);
    expect(counterWrites).toBe(5);
    expect(await counterValue()).toBe(5);
  });

  it('serves a burst from blocks: every number distinct, a fraction of the counter writes', async () => {
    // Arrange: a burst of 200 intakes within the same second, 20 at a time.
    const numbers: number[] = [];

    // Act
    for (let wave = 0; wave < 10; wave++) {
      numbers.push(
        ...(await Promise.all(Array.from({ length: 20 }, () => takeReferenceNumber('AID', year)))),
      );
    }

    // Assert
    expect(new Set(numbers).size).toBe(200);
    expect(counterWrites).toBeLessThan(40);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(await counterValue());
  });

  it('abandons what is left of a block after a second, so numbers stay in time order across containers', async () => {
    // Arrange: a burst leaves part of a block unused.
    const burst = await Promise.all(Array.from({ length: 20 }, () => takeReferenceNumber('AID', year)));
    const claimed = await counterValue();

    // Act: the next intake comes two seconds later.
    vi.advanceTimersByTime(2_000);
    const later = await takeReferenceNumber('AID', year);

    // Assert: it takes a number after everything claimed so far, not the rest of the old block.
    expect(later).toBe(claimed + 1);
    expect(later).toBeGreaterThan(Math.max(...burst));
  });
});
