import { afterEach, describe, expect, it } from 'vitest';
import { officeDate, officeTimeZone, officeYear } from '../../../functions/lib/office-day.js';
import { useMockedAwsClients } from '../../support/handler-env.js';

describe("the office's day", () => {
  afterEach(() => {
    delete process.env.JURISDICTION;
  });

  it('is already 1 January in Moscow at 01:30 local time, while UTC still says 31 December', () => {
    // Arrange: the default jurisdiction (Russia).
    useMockedAwsClients();
    const instant = new Date('2026-12-31T22:30:00Z');

    // Act
    const date = officeDate(instant);
    const year = officeYear(instant.toISOString());

    // Assert
    expect(officeTimeZone()).toBe('Europe/Moscow');
    expect(date).toBe('2027-01-01');
    expect(year).toBe(2027);
  });

  it("follows the deployment's jurisdiction: the same instant is still 31 December in Kyiv", () => {
    // Arrange: Kyiv is UTC+2 in winter, so 22:30 UTC is 00:30 there; 21:30 UTC is 23:30.
    useMockedAwsClients({ JURISDICTION: 'ua' });

    // Act
    const justBefore = officeDate(new Date('2026-12-31T21:30:00Z'));
    const justAfter = officeDate(new Date('2026-12-31T22:30:00Z'));

    // Assert
    expect(justBefore).toBe('2026-12-31');
    expect(justAfter).toBe('2027-01-01');
  });

  it('refuses a timestamp that is not a time', () => {
    // Arrange
    useMockedAwsClients();

    // Act
    const reading = () => officeDate('yesterday');

    // Assert
    expect(reading).toThrow(RangeError);
  });
});
