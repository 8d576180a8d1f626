import { describe, expect, it } from 'vitest';
import {
  formatReference,
  normalizeReferenceInput,
  parseReference,
  referenceSchema,
} from '../../domain/reference.js';

describe('case references', () => {
  it('formats as prefix, year and a six-digit number', () => {
    expect(formatReference('AID', 2026, 123)).toBe('AID-2026-000123');
    expect(formatReference('APL', 2026, 45)).toBe('APL-2026-000045');
  });

  it('grows a seventh digit instead of wrapping after 999 999', () => {
    expect(formatReference('AID', 2026, 1_000_000)).toBe('AID-2026-1000000');
  });

  it('refuses a number below 1, a fraction or a year without four digits', () => {
    expect(() => formatReference('AID', 2026, 0)).toThrow(RangeError);
    expect(() => formatReference('AID', 2026, 1.5)).toThrow(RangeError);
    expect(() => formatReference('AID', 26, 1)).toThrow(RangeError);
  });

  it('parses what it formats', () => {
    expect(parseReference(formatReference('APL', 2027, 9))).toEqual({ prefix: 'APL', year: 2027, n: 9 });
  });

  it('forgives case and surrounding spaces as typed from a letter', () => {
    expect(parseReference(' aid-2026-000123 ')).toEqual({ prefix: 'AID', year: 2026, n: 123 });
  });

  it.each(['AID-2026-123', 'XYZ-2026-000123', 'AID-26-000123', 'AID-2026-000000', 'AID2026000123', ''])(
    'does not take %j for a reference',
    (s) => {
      expect(parseReference(s)).toBeUndefined();
    },
  );

  it('normalises to upper case in the schema and explains a bad reference', () => {
    expect(referenceSchema.parse('aid-2026-000123')).toBe('AID-2026-000123');
    expect(referenceSchema.safeParse('AID-1').error?.issues[0]?.message).toBe(
      'Reference must look like AID-2026-000123 or APL-2026-000045.',
    );
  });

  it.each([
    ['AID 2026 000123', 'AID-2026-000123'],
    ['aid2026000123', 'AID-2026-000123'],
    ['apl – 2026 – 000045', 'APL-2026-000045'],
    ['AID.2026.1000000', 'AID-2026-1000000'],
    // "АІD" typed on a Ukrainian keyboard: Cyrillic А and І.
    ['\u0410\u0406D-2026-000123', 'AID-2026-000123'],
    ['\u0410\u0420L 2026 000045', 'APL-2026-000045'],
  ])('reads %j, as people type or paste it, as %j', (typed, reference) => {
    expect(normalizeReferenceInput(typed)).toBe(reference);
    expect(referenceSchema.parse(typed)).toBe(reference);
  });

  it('leaves what is not a reference for the schema to refuse', () => {
    expect(normalizeReferenceInput('AID 2026 123')).toBe('AID-2026-123');
    expect(referenceSchema.safeParse('AID 2026 123').success).toBe(false);
    expect(referenceSchema.safeParse('XYZ2026000123').success).toBe(false);
  });
});
