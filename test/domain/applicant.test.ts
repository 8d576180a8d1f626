import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { applicantSchema, EMAIL } from '../../domain/applicant.js';

describe('applicant', () => {
  it("checks e-mail addresses with zod's own pattern, copied so that bundles skip zod's other regexes", () => {
    expect(EMAIL.source).toBe(z.regexes.email.source);
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
});
