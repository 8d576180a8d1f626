import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  CurrencyMismatchError,
  compareMoney,
  formatMoney,
  isZero,
  minorDigits,
  subtractMoney,
  sumMoney,
  zeroMoney,
} from '../../domain/money.js';
import { moneySchema } from '../../domain/money-schema.js';

const rub = (minor: number) => ({ currency: 'RUB', minor });
const usd = (minor: number) => ({ currency: 'USD', minor });

describe('money', () => {
  it('adds and subtracts in integer minor units without floating-point drift', () => {
    // Arrange: 0.1 + 0.2 is the classic float failure.
    const a = rub(10);
    const b = rub(20);

    // Act
    const sum = addMoney(a, b);
    const difference = subtractMoney(sum, b);

    // Assert
    expect(sum).toEqual(rub(30));
    expect(difference).toEqual(a);
  });

  it('compares amounts of one currency as -1, 0 or 1', () => {
    expect(compareMoney(rub(1), rub(2))).toBe(-1);
    expect(compareMoney(rub(2), rub(2))).toBe(0);
    expect(compareMoney(rub(3), rub(2))).toBe(1);
  });

  it('throws a CurrencyMismatchError when currencies differ, in every operation', () => {
    for (const op of [addMoney, subtractMoney, compareMoney]) {
      expect(() => op(rub(1), usd(1))).toThrow(CurrencyMismatchError);
    }
    expect(() => addMoney(rub(1), usd(1))).toThrow(/RUB and USD/);
  });

  it('refuses a subtraction that would go negative, because amounts never are', () => {
    expect(() => subtractMoney(rub(1), rub(2))).toThrow(RangeError);
  });

  it('refuses sums beyond the safe integer range instead of losing kopecks', () => {
    expect(() => addMoney(rub(Number.MAX_SAFE_INTEGER), rub(1))).toThrow(RangeError);
  });

  it('knows zero, and sums an empty list to zero of the given currency', () => {
    expect(isZero(zeroMoney('RUB'))).toBe(true);
    expect(isZero(rub(1))).toBe(false);
    expect(sumMoney('RUB', [])).toEqual(rub(0));
    expect(sumMoney('RUB', [rub(1), rub(2), rub(3)])).toEqual(rub(6));
  });

  it('formats with the currency’s own minor digits and the locale’s conventions', () => {
    expect(minorDigits('RUB')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    // Intl uses non-breaking spaces as group separators in ru-RU; normalise them for the assertion.
    expect(formatMoney(rub(1_500_000), 'ru-RU').replace(/\s/g, ' ')).toBe('15 000,00 ₽');
    expect(formatMoney(usd(123_45), 'en-US')).toBe('$123.45');
    expect(formatMoney({ currency: 'JPY', minor: 500 }, 'en-US')).toBe('¥500');
  });

  it('accepts a well-formed amount and explains what is wrong with a bad one', () => {
    expect(moneySchema.safeParse(rub(500000)).success).toBe(true);

    const bad = moneySchema.safeParse({ currency: 'rub', minor: 12.5 });

    expect(bad.success).toBe(false);
    const byPath = Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byPath.currency).toMatch(/three-letter ISO 4217 code/);
    expect(byPath.minor).toMatch(/whole number of minor units/);
    expect(moneySchema.safeParse(rub(-1)).error?.issues[0]?.message).toBe('Amount must not be negative.');
    expect(moneySchema.safeParse({ ...rub(1), extra: 1 }).error?.issues[0]?.message).toMatch(
      /Unknown field "extra"/,
    );
  });

  it('undoes an addition by a subtraction and orders amounts consistently, for any amounts', () => {
    const amount = fc.integer({ min: 0, max: 2 ** 40 }).map(rub);
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(subtractMoney(addMoney(a, b), b)).toEqual(a);
        expect(compareMoney(a, b)).toBe(-compareMoney(b, a) || 0);
        expect(compareMoney(addMoney(a, b), a)).toBe(isZero(b) ? 0 : 1);
      }),
    );
  });
});
