import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { applicantSchema, EMAIL } from '../../domain/applicant.js';

describe('applicant', () => {
  it("checks e-mail addresses with zod's own pattern, copied so that bundles skip zod's other regexes", () => {
    // The one change: a top-level domain may also be an internationalised one in its ASCII form.
    const zodsTopLevel = EMAIL.source.replace(
      '(?:[A-Za-z]{2,}|xn--[A-Za-z0-9\\-]*[A-Za-z0-9])$',
      '[A-Za-z]{2,}$',
    );
    expect(zodsTopLevel).toBe(z.regexes.email.source);
    expect(EMAIL.flags).toBe(z.regexes.email.flags);
  });

  it('accepts an address of that pattern and explains one without @', () => {
    const applicant = { fullName: 'Петрова Мария Ивановна', birthDate: '1956-03-14' };

    const good = applicantSchema.safeParse({ ...applicant, email: 'maria.petrova@example.org' });
    const bad = applicantSchema.safeParse({ ...applicant, email: 'maria.petrova.example.org' });

    expect(good.success).toBe(true);
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      'Email does not look like an address: write it as name@example.org.',
    ]);
  });

  it('accepts a Cyrillic domain as Chromium sends it (punycode) and as written, and keeps one form', () => {
    const applicant = { fullName: 'Иван Петров', birthDate: '1956-03-14' };

    const fromChromium = applicantSchema.safeParse({ ...applicant, email: 'ivan@xn--80a1acny.xn--p1ai' });
    const asWritten = applicantSchema.safeParse({ ...applicant, email: 'ivan@Почта.рф' });

    expect(fromChromium.data?.email).toBe('ivan@xn--80a1acny.xn--p1ai');
    expect(asWritten.data?.email).toBe('ivan@xn--80a1acny.xn--p1ai');
  });

  it('still refuses what is no address: other top-level labels with digits, a non-ASCII name, a path or port', () => {
    const applicant = { fullName: 'Иван Петров', birthDate: '1956-03-14' };
    const refused = [
      'ivan@example.c0m',
      'ivan@example.r',
      'ivan@example.xn--',
      'ivan@example.xn--p1ai-',
      'ivan@localhost',
      'иван@почта.рф',
      'ivan@почта.рф/inbox',
      'ivan@почта.рф:25',
      'ivan@почта',
      'ivan@@почта.рф',
    ];

    const messages = refused.map(
      (email) =>
        applicantSchema.safeParse({ ...applicant, email }).error?.issues.map((i) => i.message) ?? email,
    );

    expect(messages).toEqual(
      refused.map(() => ['Email does not look like an address: write it as name@example.org.']),
    );
  });
});
