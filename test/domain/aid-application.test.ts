import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { aidApplicationSchema, aidApplicationSchemaAt } from '../../domain/aid-application.js';
import { ibanChecksumValid } from '../../domain/payout.js';
import { exampleBody } from './fixtures.js';

type Body = ReturnType<typeof exampleBody>;
type Path = (string | number)[];

function issuesOf(body: unknown, schema: z.ZodMiniType = aidApplicationSchema) {
  const result = schema.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path as Path, message: i.message }));
}

/** zod's developer-facing defaults, which must never reach a citizen. */
const ZOD_DEFAULT = /^Invalid input|expected .*, received|Too (small|big):|^Unrecognized key/;

describe('aid application schema', () => {
  it('parses the example body of API.md', () => {
    // Arrange
    const body = exampleBody();

    // Act
    const result = aidApplicationSchema.safeParse(body);

    // Assert
    expect(result.success).toBe(true);
    expect(result.data?.payout).toEqual({
      method: 'bank_transfer',
      accountHolder: 'Петрова Мария Ивановна',
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
    });
  });

  it('defaults the preferred language to Russian and trims text fields', () => {
    const body = exampleBody();
    const { preferredLanguage: _, ...applicant } = body.applicant;

    const parsed = aidApplicationSchema.parse({
      ...body,
      applicant: { ...applicant, fullName: '  Мария  ' },
    });

    expect(parsed.applicant.preferredLanguage).toBe('ru');
    expect(parsed.applicant.fullName).toBe('Мария');
  });

  const cases: [string, (b: Body) => unknown, Path][] = [
    [
      'a missing full name',
      (b) => ({ ...b, applicant: { ...b.applicant, fullName: undefined } }),
      ['applicant', 'fullName'],
    ],
    [
      'a blank full name',
      (b) => ({ ...b, applicant: { ...b.applicant, fullName: '   ' } }),
      ['applicant', 'fullName'],
    ],
    [
      'a 201-character name',
      (b) => ({ ...b, applicant: { ...b.applicant, fullName: 'я'.repeat(201) } }),
      ['applicant', 'fullName'],
    ],
    [
      'a name with a line break',
      (b) => ({ ...b, applicant: { ...b.applicant, fullName: 'Ann\nLee' } }),
      ['applicant', 'fullName'],
    ],
    [
      'a birth date in DD.MM.YYYY',
      (b) => ({ ...b, applicant: { ...b.applicant, birthDate: '02.04.1950' } }),
      ['applicant', 'birthDate'],
    ],
    [
      '30 February',
      (b) => ({ ...b, applicant: { ...b.applicant, birthDate: '1950-02-30' } }),
      ['applicant', 'birthDate'],
    ],
    [
      'a birth date before 1900',
      (b) => ({ ...b, applicant: { ...b.applicant, birthDate: '1899-12-31' } }),
      ['applicant', 'birthDate'],
    ],
    [
      'a birth date given as a number',
      (b) => ({ ...b, applicant: { ...b.applicant, birthDate: 19500402 } }),
      ['applicant', 'birthDate'],
    ],
    [
      'an email without @',
      (b) => ({ ...b, applicant: { ...b.applicant, email: 'petrova.example.org' } }),
      ['applicant', 'email'],
    ],
    [
      'a phone with letters',
      (b) => ({ ...b, applicant: { ...b.applicant, phone: 'call me' } }),
      ['applicant', 'phone'],
    ],
    [
      'a phone with 4 digits',
      (b) => ({ ...b, applicant: { ...b.applicant, phone: '12-34' } }),
      ['applicant', 'phone'],
    ],
    [
      'an unsupported language',
      (b) => ({ ...b, applicant: { ...b.applicant, preferredLanguage: 'de' } }),
      ['applicant', 'preferredLanguage'],
    ],
    ['no categories', (b) => ({ ...b, categories: [] }), ['categories']],
    ['a category that is not a code', (b) => ({ ...b, categories: ['Martian!'] }), ['categories', 0]],
    ['a category listed twice', (b) => ({ ...b, categories: ['pensioner', 'pensioner'] }), ['categories', 1]],
    ['a household of 0', (b) => ({ ...b, household: { ...b.household, size: 0 } }), ['household', 'size']],
    [
      'a household of 2.5',
      (b) => ({ ...b, household: { ...b.household, size: 2.5 } }),
      ['household', 'size'],
    ],
    [
      'more children than people',
      (b) => ({ ...b, household: { ...b.household, size: 2, children: 3 } }),
      ['household', 'children'],
    ],
    [
      'a negative income',
      (b) => ({ ...b, household: { ...b.household, monthlyIncome: { currency: 'RUB', minor: -1 } } }),
      ['household', 'monthlyIncome', 'minor'],
    ],
    [
      'income in roubles as a decimal',
      (b) => ({ ...b, household: { ...b.household, monthlyIncome: { currency: 'RUB', minor: 18000.5 } } }),
      ['household', 'monthlyIncome', 'minor'],
    ],
    ['an aid type that is not a code', (b) => ({ ...b, aidType: 'Money Aid' }), ['aidType']],
    [
      'a zero requested amount',
      (b) => ({ ...b, requestedAmount: { currency: 'RUB', minor: 0 } }),
      ['requestedAmount', 'minor'],
    ],
    [
      'a lower-case currency',
      (b) => ({ ...b, requestedAmount: { currency: 'rub', minor: 1 } }),
      ['requestedAmount', 'currency'],
    ],
    [
      'amounts in two currencies',
      (b) => ({ ...b, requestedAmount: { currency: 'USD', minor: 100 } }),
      ['requestedAmount', 'currency'],
    ],
    ['a missing reason', (b) => ({ ...b, reason: undefined }), ['reason']],
    ['a 4001-character reason', (b) => ({ ...b, reason: 'x'.repeat(4001) }), ['reason']],
    ['no payout', (b) => ({ ...b, payout: undefined }), ['payout']],
    ['an unknown payout method', (b) => ({ ...b, payout: { method: 'paypal' } }), ['payout', 'method']],
    [
      'a payout without an account holder',
      (b) => ({ ...b, payout: { ...b.payout, accountHolder: undefined } }),
      ['payout', 'accountHolder'],
    ],
    [
      'an IBAN with a typo',
      (b) => ({ ...b, payout: { ...b.payout, iban: 'DE89 3704 0044 0532 0130 01' } }),
      ['payout', 'iban'],
    ],
    [
      'a Russian account number in the IBAN field',
      (b) => ({ ...b, payout: { ...b.payout, iban: '40817810099910004312' } }),
      ['payout', 'iban'],
    ],
    [
      'a bank transfer without any account',
      (b) => ({ ...b, payout: { method: 'bank_transfer', accountHolder: 'M. Petrova' } }),
      ['payout', 'iban'],
    ],
    [
      'an account number without a BIC',
      (b) => ({
        ...b,
        payout: {
          method: 'bank_transfer',
          accountHolder: 'M. Petrova',
          accountNumber: '40817810099910004312',
        },
      }),
      ['payout', 'bic'],
    ],
    [
      'an account number of 19 digits',
      (b) => ({
        ...b,
        payout: {
          method: 'bank_transfer',
          accountHolder: 'M. Petrova',
          accountNumber: '4081781009991000431',
          bic: '044525225',
        },
      }),
      ['payout', 'accountNumber'],
    ],
    ['a malformed BIC', (b) => ({ ...b, payout: { ...b.payout, bic: '12345' } }), ['payout', 'bic']],
    ['an unknown top-level field', (b) => ({ ...b, aid_type: 'cash' }), []],
    [
      'an unknown applicant field',
      (b) => ({ ...b, applicant: { ...b.applicant, phoneNumber: '+7 913 555 01 23' } }),
      ['applicant'],
    ],
    ['an unknown payout field', (b) => ({ ...b, payout: { method: 'cash_desk', iban: 'x' } }), ['payout']],
    ['a body that is not an object', () => 'hello', []],
  ];

  it.each(cases)('reports %s at its exact path, in plain English', (_name, mutate, path) => {
    // Arrange
    const body = mutate(exampleBody());

    // Act
    const issues = issuesOf(body);

    // Assert
    expect(issues.map((i) => i.path)).toContainEqual(path);
    for (const issue of issues) {
      expect(issue.message).not.toMatch(ZOD_DEFAULT);
      expect(issue.message).toMatch(/[.!]$/);
    }
  });

  it('names the unknown field so that a client can fix its typo', () => {
    const issues = issuesOf({ ...exampleBody(), aid_type: 'cash' });

    expect(issues).toEqual([{ path: [], message: expect.stringContaining('"aid_type"') }]);
  });

  it('fails at "applicant" when there is no email, phone or address', () => {
    const { email: _e, phone: _p, address: _a, ...applicant } = exampleBody().applicant;

    const issues = issuesOf({ ...exampleBody(), applicant });

    expect(issues).toEqual([
      {
        path: ['applicant'],
        message: 'Give at least one way to contact you: an email, a phone number or a postal address.',
      },
    ]);
  });

  it('accepts any single way of contact', () => {
    const { email, phone, address, ...rest } = exampleBody().applicant;
    for (const contact of [{ email }, { phone }, { address }]) {
      expect(issuesOf({ ...exampleBody(), applicant: { ...rest, ...contact } })).toEqual([]);
    }
  });

  it('reports the missing contact together with other applicant problems, not after them', () => {
    const { email: _e, phone: _p, address: _a, ...applicant } = exampleBody().applicant;

    const paths = issuesOf({ ...exampleBody(), applicant: { ...applicant, fullName: '' } }).map(
      (i) => i.path,
    );

    expect(paths).toEqual([['applicant', 'fullName'], ['applicant']]);
  });

  it.each([
    'Олена Ковальчук',
    'Мария-Луиза Д’Артаньян',
    '王小明',
    "Seán O'Brien",
    'Zoë 🌻 Smith',
    'Nguyễn Thị Minh Khai',
  ])('accepts the name %s', (fullName) => {
    const body = exampleBody();

    const result = aidApplicationSchema.safeParse({ ...body, applicant: { ...body.applicant, fullName } });

    expect(result.success).toBe(true);
    expect(result.data?.applicant.fullName).toBe(fullName);
  });

  it('accepts a Russian 20-digit account number with a 9-digit BIC', () => {
    const payout = {
      method: 'bank_transfer',
      accountHolder: 'Петрова М. И.',
      accountNumber: '4081 7810 0999 1000 4312',
      bic: '044525225',
    };

    const result = aidApplicationSchema.safeParse({ ...exampleBody(), payout });

    expect(result.success).toBe(true);
    expect(result.data?.payout).toMatchObject({ accountNumber: '40817810099910004312', bic: '044525225' });
  });

  it('accepts cash-desk and in-kind payouts', () => {
    for (const payout of [{ method: 'cash_desk' }, { method: 'in_kind', deliveryAddress: 'ул. Мира, 3' }]) {
      expect(issuesOf({ ...exampleBody(), payout })).toEqual([]);
    }
  });

  it('refuses in-kind aid with no delivery address when the applicant gave no postal address', () => {
    // Arrange: only a phone to reach the applicant.
    const { address: _, email: __, ...applicant } = exampleBody().applicant;
    const body = { ...exampleBody(), applicant, payout: { method: 'in_kind' } };

    // Act
    const withNowhereToGo = issuesOf(body);
    const withDeliveryAddress = issuesOf({
      ...body,
      payout: { method: 'in_kind', deliveryAddress: 'ул. Мира, 3' },
    });
    const withPostalAddress = issuesOf({ ...body, applicant: exampleBody().applicant });

    // Assert
    expect(withNowhereToGo).toEqual([
      {
        path: ['payout', 'deliveryAddress'],
        message:
          'In-kind aid is delivered, and the applicant gave no postal address: give the address to deliver to in "deliveryAddress".',
      },
    ]);
    expect(withDeliveryAddress).toEqual([]);
    expect(withPostalAddress).toEqual([]);
  });

  it('checks IBANs with the mod-97 rule', () => {
    expect(ibanChecksumValid('DE89370400440532013000')).toBe(true);
    expect(ibanChecksumValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanChecksumValid('GB82WEST12345698765433')).toBe(false);
  });
});

describe('aid application schema at a date and for an office', () => {
  it('refuses a birth date after today', () => {
    const body = exampleBody();
    const schema = aidApplicationSchemaAt('2026-03-01');

    const tomorrow = issuesOf({ ...body, applicant: { ...body.applicant, birthDate: '2026-03-02' } }, schema);
    const today = issuesOf({ ...body, applicant: { ...body.applicant, birthDate: '2026-03-01' } }, schema);

    expect(tomorrow).toEqual([
      { path: ['applicant', 'birthDate'], message: 'Birth date cannot be in the future: check the year.' },
    ]);
    expect(today).toEqual([]);
  });

  it('reuses one schema per day and currency, so that zod compiles it once', () => {
    expect(aidApplicationSchemaAt('2026-03-01', { currency: 'RUB' })).toBe(
      aidApplicationSchemaAt(new Date('2026-03-01T12:00:00Z'), { currency: 'RUB' }),
    );
    expect(aidApplicationSchemaAt('2026-03-01')).not.toBe(aidApplicationSchemaAt('2026-03-02'));
  });

  it("refuses an aid type and categories the release's catalogue does not offer, naming those it does", () => {
    const body = { ...exampleBody(), aidType: 'money', categories: ['pensioner', 'martian'] };

    const issues = issuesOf(body, aidApplicationSchemaAt('2026-03-01'));

    expect(issues.map((i) => i.path)).toEqual([['aidType'], ['categories', 1]]);
    expect(issues[0]?.message).toMatch(/^Unknown aid type "money"\. Use one of: cash, food_set, .*\.$/);
    expect(issues[1]?.message).toMatch(/^Unknown recipient category "martian"\. Use one of: pensioner, /);
  });

  it('checks aid types and categories against the catalogue it is given, which may have grown', () => {
    const catalogue = { aidTypes: ['cash', 'coal_delivery'], categories: ['pensioner', 'miner_widow'] };
    const schema = aidApplicationSchemaAt('2026-03-01', { catalogue });

    const added = issuesOf(
      { ...exampleBody(), aidType: 'coal_delivery', categories: ['miner_widow'] },
      schema,
    );
    const notOffered = issuesOf({ ...exampleBody(), aidType: 'food_set', categories: ['pensioner'] }, schema);

    expect(added).toEqual([]);
    expect(notOffered.map((i) => i.path)).toEqual([['aidType']]);
  });

  it('takes a Date as its UTC calendar date', () => {
    const body = exampleBody();
    const schema = aidApplicationSchemaAt(new Date('2026-03-01T23:59:59Z'));

    expect(issuesOf({ ...body, applicant: { ...body.applicant, birthDate: '2026-03-01' } }, schema)).toEqual(
      [],
    );
  });

  it("refuses amounts in a currency other than the office's", () => {
    const body = exampleBody();
    const usd = { currency: 'USD', minor: 100 };
    const schema = aidApplicationSchemaAt('2026-03-01', { currency: 'RUB' });

    const paths = issuesOf(
      { ...body, household: { ...body.household, monthlyIncome: usd }, requestedAmount: usd },
      schema,
    ).map((i) => i.path);

    expect(paths).toEqual([
      ['household', 'monthlyIncome', 'currency'],
      ['requestedAmount', 'currency'],
    ]);
  });
});

describe('aid application JSON Schema', () => {
  it('is published under the id AidApplication and rejects unknown keys', () => {
    const schema = z.toJSONSchema(aidApplicationSchema, { io: 'input' }) as {
      $ref?: string;
      $defs?: Record<string, { additionalProperties?: boolean; required?: string[] }>;
    };

    expect(schema.$ref).toBe('#/$defs/AidApplication');
    expect(schema.$defs?.AidApplication?.additionalProperties).toBe(false);
    expect(schema.$defs?.AidApplication?.required).toEqual([
      'applicant',
      'categories',
      'household',
      'aidType',
      'requestedAmount',
      'reason',
      'payout',
    ]);
    expect(Object.keys(schema.$defs ?? {})).toEqual(
      expect.arrayContaining(['Applicant', 'Household', 'Money', 'Payout']),
    );
  });
});
