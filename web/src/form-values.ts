/** Conversions between what people type and what the API takes. Unparseable input is passed on
 * as typed, so the shared schema rejects it with the field's own message. */

/** "2" → 2; "" → undefined; "two" → "two" (the schema then says it must be a number). */
export function wholeNumberOrRaw(text: string): number | string | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  return /^\d{1,6}$/.test(s) ? Number(s) : s;
}

/** Roubles as typed ("5000", "5 000,50", "5000.5") → kopecks; "" → undefined; junk → the text. */
export function minorUnitsOrRaw(text: string): number | string | undefined {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (s === '') return undefined;
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return text;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Kopecks → "5000" or "5000.50", for putting an amount back into an input. */
export function minorToInput(minor: number): string {
  const whole = Math.floor(minor / 100);
  const cents = minor % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`;
}

/** The form fields behind a birth date's day, month and year boxes (ui.tsx DateInput). */
export const birthField = { day: 'birthDay', month: 'birthMonth', year: 'birthYear' } as const;

/** Day, month and year fields → YYYY-MM-DD; all empty → undefined; partial or junk → the text. */
export function isoDateOrRaw(day: string, month: string, year: string): string | undefined {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!d && !m && !y) return undefined;
  if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y)) {
    return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  }
  return `${y}-${m}-${d}`;
}

export function optionalText(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

/** Today as YYYY-MM-DD in the browser's time zone (the schema's "not in the future" check). */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
