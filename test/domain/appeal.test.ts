import { describe, expect, it } from 'vitest';
import { appealSchema } from '../../domain/appeal.js';

const body = () => ({
  applicant: {
    fullName: 'Олена Ковальчук',
    birthDate: '1980-05-12',
    email: 'olena@example.org',
    preferredLanguage: 'uk',
  },
  kind: 'complaint',
  subject: 'Не прибрано сніг',
  text: 'Двір не прибирали тиждень.',
  topic: 'housing',
  relatedReference: 'AID-2026-000123',
});

describe('appeal schema', () => {
  it('parses the API.md example', () => {
    expect(appealSchema.safeParse(body()).success).toBe(true);
  });

  it('accepts the channel and receipt time a clerk sends', () => {
    const result = appealSchema.safeParse({
      ...body(),
      channel: 'post',
      receivedAt: '2026-03-15T09:30:00+03:00',
    });

    expect(result.success).toBe(true);
  });

  it.each([
    ['an unknown kind', { kind: 'praise' }, ['kind']],
    ['an empty text', { text: ' ' }, ['text']],
    ['a topic with spaces', { topic: 'Housing issues' }, ['topic']],
    ['a malformed related reference', { relatedReference: 'AID-123' }, ['relatedReference']],
    ['an unknown channel', { channel: 'telegram' }, ['channel']],
    ['a receipt date without a time', { receivedAt: '2026-03-15' }, ['receivedAt']],
  ])('reports %s at its path', (_name, change, path) => {
    const issues = appealSchema.safeParse({ ...body(), ...change }).error?.issues ?? [];

    expect(issues.map((i) => i.path)).toEqual([path]);
  });
});
