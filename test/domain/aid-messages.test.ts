import { describe, expect, it } from 'vitest';
import { type AidMessage, aidMessage, languageOf, notifiedAidStatuses } from '../../domain/aid-messages.js';
import { languages } from '../../domain/catalogue.js';
import { messageBody, messageSubject, statusUrl } from '../../domain/notification-envelope.js';

const reference = 'AID-2026-000042';
const every: AidMessage[] = [
  { kind: 'submitted', reference },
  { kind: 'info_requested', reference, question: 'Send the income statement.', dueDate: '2026-05-14' },
  { kind: 'approved', reference, amount: { currency: 'RUB', minor: 500000 } },
  {
    kind: 'rejected',
    reference,
    reasons: ['Income above the subsistence minimum.', 'Cash aid within 12 months.'],
  },
  { kind: 'waitlisted', reference },
  { kind: 'paid', reference, amount: { currency: 'RUB', minor: 500000 } },
  { kind: 'payment_failed', reference },
  { kind: 'withdrawn', reference },
];

describe('aid messages to applicants', () => {
  it('has a message for every status the applicant hears about', () => {
    expect(every.map((m) => m.kind)).toEqual([...notifiedAidStatuses]);
  });

  it.each(languages)(
    'names the reference in every %s message and leaves no placeholder unfilled',
    (language) => {
      const texts = every.map((m) => aidMessage(m, language));

      for (const text of texts) {
        expect(text).toContain(reference);
        expect(text).not.toMatch(/undefined|null|\$\{|\[object/);
      }
      expect(new Set(texts).size).toBe(every.length);
    },
  );

  it('is written in each language, not in English with a translated word or two', () => {
    const submitted = every[0]!;

    expect(aidMessage(submitted, 'en')).toMatch(/received/);
    expect(aidMessage(submitted, 'uk')).toMatch(/отримано/);
    expect(aidMessage(submitted, 'ru')).toMatch(/принято/);
    expect(aidMessage(submitted, 'zh')).toMatch(/已受理/);
  });

  it.each([
    ['en', '14 May 2026'],
    ['uk', '14 травня 2026'],
    ['ru', '14 мая 2026'],
    ['zh', '2026年5月14日'],
  ] as const)(
    'asks the question and gives the last day to answer as people write dates (%s)',
    (language, day) => {
      const text = aidMessage(every[1]!, language);

      expect(text).toContain('Send the income statement.');
      expect(text).toContain(day);
      expect(text).not.toContain('2026-05-14');
    },
  );

  it.each(languages)('lists every reason for a refusal (%s)', (language) => {
    const text = aidMessage(every[3]!, language);

    expect(text).toContain('- Income above the subsistence minimum.');
    expect(text).toContain('- Cash aid within 12 months.');
  });

  it('formats the amount granted as the applicant reads money', () => {
    const approved = every[2]!;

    expect(aidMessage(approved, 'ru')).toMatch(/5\s000,00\s₽/);
    expect(aidMessage(approved, 'en')).toMatch(/RUB\s?5,000\.00/);
  });

  it('says the same without an amount when none is recorded', () => {
    expect(aidMessage({ kind: 'approved', reference }, 'en')).toBe(
      `Your application ${reference} has been approved.`,
    );
  });

  it('falls back to Russian, the form default, for a language it does not have', () => {
    expect(languageOf('uk')).toBe('uk');
    expect(languageOf('de')).toBe('ru');
    expect(languageOf(undefined)).toBe('ru');
  });
});

describe('the envelope of a message', () => {
  it.each(languages)('names the reference in the %s subject, for aid and appeals alike', (language) => {
    expect(messageSubject('aid', reference, language)).toContain(reference);
    expect(messageSubject('appeal', 'APL-2026-000001', language)).toContain('APL-2026-000001');
    expect(messageSubject('aid', reference, language)).not.toBe(
      messageSubject('appeal', reference, language),
    );
  });

  it('links to the status page in the applicant’s language, and never carries the access code', () => {
    const url = statusUrl('https://aidflow.example.org', reference, 'uk');
    const body = messageBody('Text.', url, 'uk');

    expect(url).toBe(`https://aidflow.example.org/status?reference=${reference}&lang=uk`);
    expect(body).toBe(`Text.\n\nСтан розгляду: ${url}`);
    expect(messageBody('Text.', undefined, 'en')).toBe('Text.');
  });
});
