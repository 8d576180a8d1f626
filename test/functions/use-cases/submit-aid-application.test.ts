import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AidApplication } from '../../../domain/aid-application.js';
import { demoRuleSets } from '../../../domain/eligibility-demo.js';
import { personKey, verifyAccessCode } from '../../../functions/lib/access-codes.js';
import { dynamo } from '../../../functions/lib/clients.js';
import { ConflictError } from '../../../functions/lib/errors.js';
import { keyReusedCode, replayWindowSeconds } from '../../../functions/lib/store/idempotency.js';
import { keys } from '../../../functions/lib/store/keys.js';
import { caseIdsOfPerson } from '../../../functions/lib/store/person-cases.js';
import { getCase } from '../../../functions/lib/store/reads.js';
import { submitAidApplication } from '../../../functions/use-cases/submit-aid-application.js';
import { distinctApplication } from '../../support/api-client.js';
import { recordCommandNames, type TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

/** Intake without a replay check before writing: the case's own put (its id is the key's) detects a retry. */
describe('submitting an aid application', () => {
  let table: TestTable;
  let requests: string[] = [];
  const now = new Date();

  beforeAll(async () => {
    table = await handlerTable();
    requests = recordCommandNames(dynamo());
  });
  afterAll(async () => table.drop());

  const itemsOfType = async (type: string) => {
    const { Items } = await table.doc.send(new ScanCommand({ TableName: table.tableName }));
    return (Items ?? []).filter((i) => i.type === type);
  };
  const application = () => distinctApplication() as unknown as AidApplication;

  it('writes a new case with one transaction and at most one counter write, reading nothing', async () => {
    // Arrange: the rule set in force is cached by an earlier intake of this container.
    await submitAidApplication({ application: application(), idempotencyKey: crypto.randomUUID(), now });
    requests.length = 0;

    // Act
    await submitAidApplication({ application: application(), idempotencyKey: crypto.randomUUID(), now });

    // Assert
    expect(requests.filter((r) => r !== 'UpdateItemCommand')).toEqual(['TransactWriteItemsCommand']);
    expect(requests.filter((r) => r === 'UpdateItemCommand').length).toBeLessThanOrEqual(1);
  });

  it('indexes the case under its person with no item of its own: beside it only the lock and the audit event', async () => {
    // Arrange
    const body = application();
    const key = crypto.randomUUID();

    // Act
    const receipt = await submitAidApplication({ application: body, idempotencyKey: key, now });

    // Assert
    const person = personKey(body.applicant);
    expect(await caseIdsOfPerson(person, body.aidType)).toEqual([receipt.caseId]);
    const { Items } = await table.doc.send(new ScanCommand({ TableName: table.tableName }));
    const written = (Items ?? []).filter((i) => i.caseId === receipt.caseId || i.pk === `PERSON#${person}`);
    expect(written.map((i) => i.type).sort()).toEqual(['AidCase', 'AuditEvent', 'OpenApplication']);
    expect(await itemsOfType('Idempotency')).toEqual([]);
  });

  it('answers a retry with the same key with the first receipt, access code included, and stores one case', async () => {
    // Arrange
    const key = crypto.randomUUID();
    const body = application();
    const first = await submitAidApplication({ application: body, idempotencyKey: key, now });
    const casesBefore = (await itemsOfType('AidCase')).length;

    // Act
    const retry = await submitAidApplication({
      application: structuredClone(body),
      idempotencyKey: key,
      now,
    });

    // Assert
    expect(retry).toEqual(first);
    expect((await itemsOfType('AidCase')).length).toBe(casesBefore);
  });

  it('answers concurrent requests with one key with one case and the same receipt', async () => {
    // Arrange
    const key = crypto.randomUUID();
    const body = application();
    const casesBefore = (await itemsOfType('AidCase')).length;

    // Act
    const receipts = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        submitAidApplication({ application: structuredClone(body), idempotencyKey: key, now }),
      ),
    );

    // Assert: every answer is the same receipt, or a transient error to retry (a transaction
    // conflict between the concurrent writes), never a second case.
    const answered = receipts.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(answered.length).toBeGreaterThan(0);
    for (const receipt of answered) expect(receipt).toEqual(answered[0]);
    expect((await itemsOfType('AidCase')).length).toBe(casesBefore + 1);
  });

  it('refuses the key with a different application (409) and stores nothing new', async () => {
    // Arrange
    const key = crypto.randomUUID();
    await submitAidApplication({ application: application(), idempotencyKey: key, now });
    const casesBefore = (await itemsOfType('AidCase')).length;

    // Act
    const reuse = submitAidApplication({ application: application(), idempotencyKey: key, now });

    // Assert: with the code a client tells it by from the one-open-application 409, to send its
    // first body again and get that receipt (web/src/unconfirmed-send.ts).
    await expect(reuse).rejects.toBeInstanceOf(ConflictError);
    await expect(reuse).rejects.toMatchObject({ extra: { code: keyReusedCode } });
    expect((await itemsOfType('AidCase')).length).toBe(casesBefore);
  });

  it('gives the retry an access code that opens the case, though no code is stored', async () => {
    // Arrange
    const key = crypto.randomUUID();
    const body = application();
    const first = await submitAidApplication({ application: body, idempotencyKey: key, now });

    // Act
    const retry = await submitAidApplication({
      application: structuredClone(body),
      idempotencyKey: key,
      now,
    });

    // Assert
    const stored = await getCase(first.caseId);
    expect(stored && (await verifyAccessCode(retry.accessCode, retry.caseId, stored.accessCodeHash))).toBe(
      true,
    );
    expect(JSON.stringify(stored)).not.toContain(retry.accessCode);
  });

  it('refuses the key after its replay window with 409 naming the case, and never stores a second case for it', async () => {
    // Arrange
    const key = crypto.randomUUID();
    const body = application();
    const first = await submitAidApplication({ application: body, idempotencyKey: key, now });
    const casesBefore = (await itemsOfType('AidCase')).length;
    const later = new Date(now.getTime() + (replayWindowSeconds + 60) * 1000);

    // Act
    const reuse = submitAidApplication({
      application: structuredClone(body),
      idempotencyKey: key,
      now: later,
    });

    // Assert
    await expect(reuse).rejects.toMatchObject({
      name: 'ConflictError',
      extra: { code: 'idempotency_key_expired', existingReference: first.reference },
    });
    expect((await itemsOfType('AidCase')).length).toBe(casesBefore);
  });

  it('names each key its own case, an id no key can be read back from, and one at random without a key', async () => {
    // Arrange
    const [keyA, keyB] = [crypto.randomUUID(), crypto.randomUUID()];

    // Act
    const a = await submitAidApplication({ application: application(), idempotencyKey: keyA, now });
    const b = await submitAidApplication({ application: application(), idempotencyKey: keyB, now });
    const keyless = await submitAidApplication({ application: application(), now });

    // Assert
    for (const receipt of [a, b, keyless]) expect(z.uuid().safeParse(receipt.caseId).success).toBe(true);
    expect(new Set([a.caseId, b.caseId, keyless.caseId, keyA, keyB]).size).toBe(5);
    expect(new Set([a.accessCode, b.accessCode, keyless.accessCode]).size).toBe(3);
  });

  it("takes the rules in force and the reference's year on the office's day: 01:30 in Moscow on 1 January is the new year", async () => {
    // Arrange: a version of the cash rules from 1 January 2027; 22:30 UTC on 31 December is
    // already 1 January in Moscow (the default jurisdiction).
    const cashRules = demoRuleSets.find((r) => r.aidType === 'cash');
    if (!cashRules) throw new Error('the demo has cash rules');
    const newYearRules = { ...cashRules, version: 2027, effectiveFrom: '2027-01-01' };
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...keys.ruleSet('cash', newYearRules.effectiveFrom, newYearRules.version),
          type: 'RuleSet',
          aidType: 'cash',
          ruleSet: newYearRules,
        },
      }),
    );
    const newYearsNight = new Date('2026-12-31T22:30:00Z');

    // Act
    const receipt = await submitAidApplication({
      application: distinctApplication({ aidType: 'cash' }) as unknown as AidApplication,
      now: newYearsNight,
    });

    // Assert
    expect(receipt.reference).toMatch(/^AID-2027-/);
    const stored = await getCase(receipt.caseId);
    expect(stored?.year).toBe(2027);
    expect(stored?.ruleSet.version).toBe(2027);
  });
});
