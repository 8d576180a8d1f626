import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealSchema } from '../../../domain/appeal.js';
import { dynamo } from '../../../functions/lib/clients.js';
import { forgetReferenceBlocks } from '../../../functions/lib/store/reference-blocks.js';
import { submitAppeal } from '../../../functions/use-cases/appeals/submit-appeal.js';
import { recordCommandNames, type TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const complaint = (n: number) =>
  appealSchema.parse({
    applicant: {
      fullName: `Пётр Сидоров ${n}`,
      phone: '+7 912 000-11-22',
      preferredLanguage: 'ru',
    },
    kind: 'complaint',
    subject: 'Нет пандуса у подъезда',
    text: `Не могу выйти из дома на коляске: у подъезда нет пандуса (${n}).`,
    topic: 'accessibility',
  });

/** The appeal intake's registration numbers, as the aid intake's: from the counter, in blocks under a burst. */
describe('registering appeals', () => {
  let table: TestTable;
  let requests: string[] = [];
  const now = new Date();

  beforeAll(async () => {
    table = await handlerTable();
    requests = recordCommandNames(dynamo());
    forgetReferenceBlocks();
  });
  afterAll(async () => table.drop());

  it('takes one registration number per counter write at an office’s pace', async () => {
    // Arrange
    requests.length = 0;

    // Act: two appeals more than a second apart, as an office registers them.
    const first = await submitAppeal({ appeal: complaint(1), principal: undefined, now });
    await new Promise((r) => setTimeout(r, 1_100));
    const second = await submitAppeal({ appeal: complaint(2), principal: undefined, now });

    // Assert
    const year = now.getUTCFullYear();
    expect([first.reference, second.reference]).toEqual([`APL-${year}-000001`, `APL-${year}-000002`]);
    expect(requests.filter((r) => r === 'UpdateItemCommand')).toHaveLength(2);
  });

  it('serves a burst of appeals from blocks: distinct numbers, a fraction of the counter writes', async () => {
    // Arrange
    requests.length = 0;

    // Act: 60 appeals within a second or so, 12 at a time (a deadline day at a big office).
    const references: string[] = [];
    for (let wave = 0; wave < 5; wave++) {
      const receipts = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          submitAppeal({ appeal: complaint(100 + wave * 12 + i), principal: undefined, now }),
        ),
      );
      references.push(...receipts.map((r) => r.reference));
    }

    // Assert
    expect(new Set(references).size).toBe(60);
    expect(requests.filter((r) => r === 'UpdateItemCommand').length).toBeLessThan(30);
  });
});
