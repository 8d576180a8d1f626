import { describe, expect, it } from 'vitest';
import { type AppealMessage, appealMessage } from '../../domain/appeal-messages.js';
import { languages } from '../../domain/catalogue.js';

const reference = 'APL-2026-000045';
const every: AppealMessage[] = [
  { kind: 'registered', reference, dueDate: '2026-12-21' },
  { kind: 'forwarded', reference, to: 'the police' },
  { kind: 'extended', reference, dueDate: '2027-01-20', reason: 'Two departments must inspect the ramp.' },
  { kind: 'answered', reference },
  { kind: 'answered', reference, answer: 'Пандус установят до 15 декабря.' },
  { kind: 'not_answerable', reference },
];

describe('appeal messages to applicants', () => {
  it.each([
    ['en', '21 December 2026', '20 January 2027'],
    ['uk', '21 грудня 2026', '20 січня 2027'],
    ['ru', '21 декабря 2026', '20 января 2027'],
    ['zh', '2026年12月21日', '2027年1月20日'],
  ] as const)('gives the dates as people write them in %s', (language, due, extended) => {
    expect(appealMessage(every[0]!, language)).toContain(due);
    expect(appealMessage(every[2]!, language)).toContain(extended);
    expect(appealMessage(every[0]!, language)).not.toContain('2026-12-21');
  });

  it.each(languages)(
    'names the reference in every %s message and leaves no placeholder unfilled',
    (language) => {
      for (const message of every) {
        const text = appealMessage(message, language);
        expect(text).toContain(reference);
        expect(text).not.toMatch(/undefined|null|\$\{|\[object/);
      }
    },
  );

  it.each(languages)(
    'carries the office answer itself when it has one, and asks for a rating (%s)',
    (language) => {
      const withAnswer = appealMessage(
        { kind: 'answered', reference, answer: 'Пандус установят до 15 декабря.' },
        language,
      );
      const without = appealMessage({ kind: 'answered', reference }, language);

      expect(withAnswer).toContain('Пандус установят до 15 декабря.');
      expect(without).not.toContain('Пандус');
      // Both end by asking for the rating that closes the loop.
      const ratingRequest = withAnswer.split('\n\n').at(-1) ?? '';
      expect(ratingRequest.length).toBeGreaterThan(5);
      expect(without.endsWith(ratingRequest)).toBe(true);
    },
  );
});
