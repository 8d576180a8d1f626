import { describe, expect, it } from 'vitest';
import { looksLikeAccessCode, normalizeAccessCode } from '../../domain/access-code.js';

describe('access codes as people type them', () => {
  it.each([
    ['7K3M-Q9TX-2HCW-R8DN', '7K3MQ9TX2HCWR8DN'],
    ['7k3m q9tx 2hcw r8dn', '7K3MQ9TX2HCWR8DN'],
    [' 7K3M – Q9TX – 2HCW – R8DN ', '7K3MQ9TX2HCWR8DN'],
    // O for 0, I and L for 1: the alphabet has none of the three.
    ['7K3M-Q9TX-2HCW-R8DO', '7K3MQ9TX2HCWR8D0'],
    ['IL00-0000-0000-0000', '1100000000000000'],
    // A keyboard left on Cyrillic: М, Т, Н and С look like their Latin letters.
    ['7K3\u041c-Q9\u0422X-2\u041d\u0421W-R8DN', '7K3MQ9TX2HCWR8DN'],
  ])('reads %j as %j', (typed, code) => {
    expect(normalizeAccessCode(typed)).toBe(code);
    expect(looksLikeAccessCode(typed)).toBe(true);
  });

  it('does not take text that cannot be a code', () => {
    expect(looksLikeAccessCode('')).toBe(false);
    expect(looksLikeAccessCode('1234')).toBe(false);
    expect(looksLikeAccessCode('code: 7K3M-Q9TX')).toBe(false);
  });
});
