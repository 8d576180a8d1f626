import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateApplicant } from '../../../functions/use-cases/case-status.js';
import { putOpenableAidCase } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const year = 2037;
const now = new Date(`${year}-03-02T10:00:00Z`);
const accessCode = 'ABCD-EFGH-JKMN-PQRS';

async function outcomeOf(action: Promise<{ reference: string }>): Promise<string | number> {
  try {
    return (await action).reference;
  } catch (error) {
    return (error as { status?: number }).status ?? String(error);
  }
}

/** The applicant's way into a case: its reference and access code, and what wrong codes cost. */
describe('opening a case with its reference and access code', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ year });
  });
  afterAll(async () => table.drop());

  const aCase = async () =>
    (await putOpenableAidCase(table, accessCode, { year, status: 'submitted' })).reference;

  const attempt = (reference: string, code: string, sourceIp: string) =>
    outcomeOf(authenticateApplicant({ reference, accessCode: code, sourceIp, now }));

  it('opens the case with the right code after five wrong ones for it from elsewhere', async () => {
    // Arrange: someone tries five wrong codes for this reference, from five addresses.
    const reference = await aCase();
    const wrong = [];
    for (let i = 1; i <= 5; i++)
      wrong.push(await attempt(reference, 'WXYZ-WXYZ-WXYZ-WXYZ', `198.51.100.${i}`));

    // Act
    const sixthWrong = await attempt(reference, 'WXYZ-WXYZ-WXYZ-WXYZ', '198.51.100.6');
    const owner = await attempt(reference, accessCode, '203.0.113.7');

    // Assert: wrong codes are answered like an unknown case, then slowed; the owner gets in.
    expect(wrong).toEqual([404, 404, 404, 404, 404]);
    expect(sixthWrong).toBe(429);
    expect(owner).toBe(reference);
  });

  it('stops a client after thirty wrong codes, whichever references they named, even with a right one', async () => {
    // Arrange
    const reference = await aCase();
    const others = await Promise.all(Array.from({ length: 6 }, () => aCase()));
    for (const other of others)
      for (let i = 0; i < 5; i++) await attempt(other, `WXYZ-WXYZ-WXYZ-WXY${i}`, '192.0.2.44');

    // Act
    const fromThatClient = await attempt(reference, accessCode, '192.0.2.44');
    const fromAnother = await attempt(reference, accessCode, '192.0.2.45');

    // Assert
    expect(fromThatClient).toBe(429);
    expect(fromAnother).toBe(reference);
  });

  it('answers an unknown reference as it answers a wrong code', async () => {
    // Act
    const unknown = await attempt(`AID-${year}-999999`, accessCode, '198.51.100.80');
    const wrong = await attempt(await aCase(), 'WXYZ-WXYZ-WXYZ-WXYZ', '198.51.100.81');

    // Assert
    expect([unknown, wrong]).toEqual([404, 404]);
  });
});
