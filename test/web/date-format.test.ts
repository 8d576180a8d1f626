import { describe, expect, it } from 'vitest';
import { dateFormatter } from '../../web/src/date-format.js';

const date = dateFormatter('en-GB');

describe('dates on the pages', () => {
  it("shows the day of an instant as the office counts it, whatever the phone's zone", () => {
    // 22:30 UTC on 23 April is 01:30 on 24 April in Moscow, the demo office's zone.
    expect(date('2036-04-23T22:30:00.000Z')).toBe('24 April 2036');
  });

  it('shows the end of the office’s day as that day', () => {
    expect(date('2036-04-23T20:59:59.999Z')).toBe('23 April 2036');
  });

  it('shows a calendar date as that day everywhere', () => {
    expect(date('2036-04-23')).toBe('23 April 2036');
  });
});
