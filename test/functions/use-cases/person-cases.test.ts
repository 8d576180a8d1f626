import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personKey, personNameKey } from '../../../functions/lib/access-codes.js';
import { casesOfPerson } from '../../../functions/use-cases/person-cases.js';
import { aidCaseItem } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const year = 2038;
const birthDate = '1956-04-07';

/** Staff finding a caller's cases by the name and the date of birth they give on the phone. */
describe("finding a caller's cases without the reference", () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ year });
  });
  afterAll(async () => table.drop());

  async function applicationOf(fullName: string, dob = birthDate, nationalId?: string): Promise<string> {
    const caseId = randomUUID();
    const applicant = { fullName, birthDate: dob, ...(nationalId ? { nationalId } : {}) };
    const item = aidCaseItem({
      caseId,
      year,
      applicant: { ...applicant, preferredLanguage: 'ru' },
      personKey: personKey(applicant),
      nameKey: personNameKey(applicant),
    });
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: item }));
    return item.reference;
  }

  it('finds "Кузьмин Пётр Ильич" when the clerk types "Петр Ильич Кузьмин"', async () => {
    // Arrange
    const reference = await applicationOf('Кузьмин Пётр Ильич');

    // Act
    const found = await casesOfPerson({ fullName: 'Петр Ильич Кузьмин', birthDate });

    // Assert
    expect(found.items.map((c) => c.reference)).toEqual([reference]);
  });

  it('finds an application written with е when the clerk types ё, with the surname last', async () => {
    // Arrange
    const reference = await applicationOf('Семенова Алена Игоревна');

    // Act
    const found = await casesOfPerson({ fullName: 'Алёна Игоревна Семёнова', birthDate });

    // Assert
    expect(found.items.map((c) => c.reference)).toEqual([reference]);
  });

  it('does not find another name, nor the same name born on another day', async () => {
    // Arrange
    await applicationOf('Кузьмина Пелагея Ильинична');
    await applicationOf('Кузнецов Пётр Ильич', '1956-04-08');

    // Act
    const found = await casesOfPerson({ fullName: 'Кузнецов Петр Ильич', birthDate });

    // Assert
    expect(found.items).toEqual([]);
  });

  it('finds by the national id the caller gives both the application with it and one without it', async () => {
    // Arrange
    const withId = await applicationOf('Лаптева Зоя Петровна', birthDate, '123-456-789 01');
    const withoutId = await applicationOf('Лаптева Зоя Петровна');

    // Act
    const found = await casesOfPerson({
      fullName: 'Лаптева Зоя Петровна',
      birthDate,
      nationalId: '12345678901',
    });

    // Assert
    expect(found.items.map((c) => c.reference).sort()).toEqual([withId, withoutId].sort());
  });

  it('leaves out a namesake born the same day whose national id is another', async () => {
    // Arrange
    await applicationOf('Мухина Ольга Сергеевна', birthDate, '111-111-111 11');
    const theCallers = await applicationOf('Мухина Ольга Сергеевна', birthDate, '222-222-222 22');

    // Act
    const found = await casesOfPerson({
      fullName: 'Мухина Ольга Сергеевна',
      birthDate,
      nationalId: '22222222222',
    });

    // Assert
    expect(found.items.map((c) => c.reference)).toEqual([theCallers]);
  });
});
