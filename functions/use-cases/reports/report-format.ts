import { type Money, minorDigits } from '../../../domain/money.js';

/**
 * An amount in major units with a decimal point ("5000.00" for 500000 kopecks), as spreadsheets
 * and the offices' published tables want it. Integer arithmetic on the digits: no float rounding.
 */
export function decimalAmount(m: Money): string {
  const digits = minorDigits(m.currency);
  if (digits === 0) return String(m.minor);
  const sign = m.minor < 0 ? '-' : '';
  const padded = String(Math.abs(m.minor)).padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
