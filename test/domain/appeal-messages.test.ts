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
