/**
 * Money as integer minor units (kopecks, cents) with an ISO 4217 currency. Integers because
 * budgets must balance to the kopeck (DESIGN.md §5: allocated = remaining + reserved + spent), and
 * floating point cannot promise that.
 */
export type Money = { currency: string; minor: number };

export class CurrencyMismatchError extends Error {
  override readonly name = 'CurrencyMismatchError';
  constructor(
    readonly left: string,
    readonly right: string,
  ) {
    super(`Cannot combine amounts in ${left} and ${right}: convert one of them first.`);
  }
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

function checked(currency: string, minor: number): Money {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Amount out of range: ${minor} minor units`);
  return { currency, minor };
}

/** A validated amount; throws on a fractional, negative or unsafe number of minor units. */
export function money(currency: string, minor: number): Money {
  if (minor < 0) throw new RangeError(`Amount must not be negative: ${minor} minor units`);
  return checked(currency, minor);
}

export function zeroMoney(currency: string): Money {
  return { currency, minor: 0 };
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return checked(a.currency, a.minor + b.minor);
}

/**
 * a − b. Amounts are never negative in AidFlow (a budget is never overdrawn), so a negative result
 * is a bug in the caller and throws instead of silently producing one.
 */
export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  const minor = a.minor - b.minor;
  if (minor < 0) {
    throw new RangeError(
      `Subtracting ${b.minor} from ${a.minor} ${a.currency} minor units would go negative`,
    );
  }
  return checked(a.currency, minor);
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
}

export function isZero(m: Money): boolean {
  return m.minor === 0;
}

/** Sum of a list in one currency (the currency is needed for the empty list). */
export function sumMoney(currency: string, amounts: readonly Money[]): Money {
  return amounts.reduce<Money>((total, m) => addMoney(total, m), zeroMoney(currency));
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, f);
  }
  return f;
}

/** Digits after the decimal point of a currency per ISO 4217 (RUB 2, JPY 0). */
export function minorDigits(currency: string): number {
  return formatterFor('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "15 000,00 ₽" (ru-RU), "RUB 15,000.00" (en-GB): the currency's own number of minor digits. */
export function formatMoney(m: Money, locale: string): string {
  const f = formatterFor(locale, m.currency);
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(m.minor / 10 ** digits);
}
