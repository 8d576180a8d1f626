import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appealSchema } from '../../../domain/appeal.js';
import { toIsoDate } from '../../../domain/dates.js';
import { deadlinePolicies, dueDateFor } from '../../../domain/deadlines.js';
import { dynamo } from '../../../functions/lib/clients.js';
import { resetConfigForTests } from '../../../functions/lib/config.js';
import type { Principal } from '../../../functions/lib/http.js';
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
    const year = toIsoDate(now, deadlinePolicies.ru.timeZone).slice(0, 4);
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

  it('answers a retry under the same key with the first receipt, and another body with a coded 409', async () => {
    // Arrange
    const key = crypto.randomUUID();
    const first = await submitAppeal({
      appeal: complaint(1000),
      principal: undefined,
      idempotencyKey: key,
      now,
    });

    // Act
    const retry = await submitAppeal({
      appeal: complaint(1000),
      principal: undefined,
      idempotencyKey: key,
      now,
    });
    const edited = submitAppeal({ appeal: complaint(1001), principal: undefined, idempotencyKey: key, now });

    // Assert: the code tells a client to send its first body again for that receipt.
    expect(retry).toEqual(first);
    await expect(edited).rejects.toMatchObject({
      name: 'ConflictError',
      status: 409,
      extra: { code: 'idempotency_key_reused' },
    });
  });

  it('numbers an appeal registered at 01:30 on 1 January in Moscow in the new year, with the registration day', async () => {
    // Arrange: 22:30 UTC on 31 December is 01:30 on 1 January in Moscow (the default jurisdiction).
    const newYearsNight = new Date('2026-12-31T22:30:00Z');

    // Act
    const receipt = await submitAppeal({ appeal: complaint(2027), principal: undefined, now: newYearsNight });

    // Assert
    expect(receipt.reference).toMatch(/^APL-2027-/);
    const stored = (
      await dynamo().send(
        new GetCommand({ TableName: table.tableName, Key: { pk: `CASE#${receipt.caseId}`, sk: 'CASE' } }),
      )
    ).Item;
    expect(stored).toMatchObject({ year: 2027, registeredOn: '2027-01-01' });
  });
});

/** A clerk registering what came by post or phone: when it arrived, and what it repeats. */
describe('registering an appeal on a citizen’s behalf', () => {
  let table: TestTable;
  const clerk: Principal = { username: 'clerk', sub: 'clerk-sub', roles: ['clerk'] };
  const now = new Date('2026-03-20T10:00:00Z');
  const letter = (overrides: Record<string, unknown> = {}) =>
    appealSchema.parse({
      applicant: { fullName: 'Олена Коваль', phone: '+380 67 000 11 22', preferredLanguage: 'uk' },
      kind: 'request',
      subject: 'Ремонт даху',
      text: 'Тече дах після зливи.',
      topic: 'housing',
      channel: 'post',
      receivedAt: '2026-03-16T09:00:00Z',
      ...overrides,
    });
  const caseItem = async (caseId: string) =>
    (
      await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: { pk: `CASE#${caseId}`, sk: 'CASE' } }),
      )
    ).Item;

  beforeAll(async () => {
    table = await handlerTable();
    forgetReferenceBlocks();
  });
  afterEach(() => {
    delete process.env.JURISDICTION;
    resetConfigForTests();
  });
  afterAll(async () => table.drop());

  it('runs a Ukrainian letter’s month from the day it arrived (art. 20), and keeps both days', async () => {
    // Arrange
    process.env.JURISDICTION = 'ua';
    resetConfigForTests();

    // Act: a letter of Monday 16 March registered on Friday 20 March.
    const receipt = await submitAppeal({ appeal: letter(), principal: clerk, now });

    // Assert
    expect(receipt.dueDate).toBe('2026-04-16');
    expect(await caseItem(receipt.caseId)).toMatchObject({
      channel: 'post',
      receivedAt: '2026-03-16T09:00:00.000Z',
      registeredOn: '2026-03-20',
    });
  });

  it('runs a Russian letter’s 30 days from registration (59-FZ art. 12(1))', async () => {
    // Act
    const receipt = await submitAppeal({
      appeal: letter({
        applicant: { fullName: 'Ольга Ковалёва', phone: '+7 900 000-11-22', preferredLanguage: 'ru' },
      }),
      principal: clerk,
      now,
    });

    // Assert
    const registeredOn = toIsoDate(now, deadlinePolicies.ru.timeZone);
    expect(receipt.dueDate).toBe(dueDateFor({ policy: deadlinePolicies.ru, registeredOn }).dueDate);
  });

  it('marks a Russian letter registered four days after it arrived as late (59-FZ art. 8(2): 3 days)', async () => {
    // Act: a letter of Monday 16 March registered on Friday 20 March, and one of Tuesday 17 March.
    const late = await submitAppeal({
      appeal: letter({
        applicant: { fullName: 'Ольга Поздняя', phone: '+7 900 000-11-23', preferredLanguage: 'ru' },
      }),
      principal: clerk,
      now,
    });
    const inTime = await submitAppeal({
      appeal: letter({
        applicant: { fullName: 'Ольга Вовремя', phone: '+7 900 000-11-24', preferredLanguage: 'ru' },
        receivedAt: '2026-03-17T09:00:00Z',
      }),
      principal: clerk,
      now,
    });

    // Assert
    const registeredLate = { daysAfterArrival: 4, limitDays: 3 };
    expect(late.registeredLate).toEqual(registeredLate);
    expect(await caseItem(late.caseId)).toMatchObject({ registeredLate });
    expect(inTime.registeredLate).toBeUndefined();
    expect(await caseItem(inTime.caseId)).not.toHaveProperty('registeredLate');
  });

  it('keeps the earlier appeal’s case id beside its reference, for the link on the desk', async () => {
    // Arrange
    const person = { fullName: 'Иван Повторов', phone: '+7 900 555-66-77', preferredLanguage: 'ru' };
    const first = await submitAppeal({ appeal: letter({ applicant: person }), principal: clerk, now });

    // Act
    const second = await submitAppeal({
      appeal: letter({ applicant: person, channel: 'phone', subject: 'Снова о крыше' }),
      principal: clerk,
      now: new Date(now.getTime() + 60_000),
    });

    // Assert
    expect(second).toMatchObject({ repeatOf: first.reference, repeatCount: 2 });
    expect(await caseItem(second.caseId)).toMatchObject({
      repeatOf: first.reference,
      repeatOfCaseId: first.caseId,
      repeatCount: 2,
    });
  });
});
