import { describe, expect, it } from 'vitest';
import { retentionExpiry, retentionPolicies } from '../../domain/retention.js';

const epoch = (iso: string) => Date.parse(iso) / 1000;

describe('how long a closed case is kept', () => {
  it('keeps aid cases and appeals five years, each with the basis written down', () => {
    expect(retentionPolicies.aid.yearsAfterClosing).toBe(5);
    expect(retentionPolicies.appeal.yearsAfterClosing).toBe(5);
    expect(retentionPolicies.aid.basis).toContain('402-FZ');
    expect(retentionPolicies.appeal.basis).toContain('236');
  });

  it('counts the years from 1 January after the year of closing', () => {
    expect(retentionExpiry('aid', '2026-03-15T09:00:00.000Z')).toBe(epoch('2032-01-01T00:00:00Z'));
    expect(retentionExpiry('appeal', '2026-12-31T23:59:59.999Z')).toBe(epoch('2032-01-01T00:00:00Z'));
    expect(retentionExpiry('appeal', '2027-01-01T00:00:00.000Z')).toBe(epoch('2033-01-01T00:00:00Z'));
  });

  it("counts from the office's year of closing: 01:30 on 1 January in Moscow is closed in the new year", () => {
    // Arrange: 22:30 UTC on 31 December.
    const newYearsNight = '2026-12-31T22:30:00.000Z';

    // Act
    const inMoscow = retentionExpiry('aid', newYearsNight, 'Europe/Moscow');
    const inUtc = retentionExpiry('aid', newYearsNight);

    // Assert
    expect(inMoscow).toBe(epoch('2033-01-01T00:00:00Z'));
    expect(inUtc).toBe(epoch('2032-01-01T00:00:00Z'));
  });

  it('refuses a closing time that is not a time', () => {
    expect(() => retentionExpiry('aid', 'yesterday')).toThrow(RangeError);
  });
});
