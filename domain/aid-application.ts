import * as z from 'zod/mini';
import { languageSchema } from './catalogue.js';
import { type CatalogueCodes, catalogueCodeSchema, codesOf, seedCatalogue } from './catalogue-entries.js';
import { type IsoDate, isoDateSchema, toIsoDate } from './dates.js';
import { moneySchema } from './money.js';
import { meta, strictObject, text, typeMessage, wholeNumber } from './schema-helpers.js';

/**
 * The body of `POST /v1/aid-applications` (API.md). Every level rejects unknown keys so that a
 * client with a typo ("phoneNumber") hears about it instead of losing the field silently.
 *
 * Three checks depend on the outside world and are therefore not in the static schema:
 * "birth date not in the future" needs today's date, "amounts in the office's currency" needs
 * the office's policy, and "an aid type and categories on offer" needs the catalogue, which an
 * administrator extends without a release. `aidApplicationSchemaAt(today, { currency, catalogue })`
 * adds them; handlers should validate with it. The static `aidApplicationSchema` is the published
 * shape (OpenAPI) and the type.
 */

/** Reads a nested property of a value that may not have the expected shape (refinements run on partial input). */
function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const isObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null;

const CONTROL_CHARACTERS = /\p{Cc}/u;

// --- applicant --------------------------------------------------------------------------------

const fullNameSchema = text('Full name', 200).check(
  z.refine((s) => !CONTROL_CHARACTERS.test(s), {
    error: 'Full name must not contain control characters such as tabs or line breaks.',
  }),
);

const EARLIEST_BIRTH_DATE = '1900-01-01';

const birthDateSchema = isoDateSchema('Birth date').check(
  z.refine((d) => d >= EARLIEST_BIRTH_DATE, {
    error: `Birth date must be on or after ${EARLIEST_BIRTH_DATE}: check the year.`,
  }),
);

const emailSchema = meta(
  z.string({ error: typeMessage('Email', 'text') }).check(
    z.trim(),
    z.maxLength(254, { error: 'Email must be at most 254 characters long.' }),
    z.regex(z.regexes.email, {
      error: 'Email does not look like an address: write it as name@example.org.',
    }),
  ),
  { format: 'email' },
);

/**
 * Lenient on purpose: people write phone numbers in many ways ("+7 (495) 123-45-67", "8 800 200
 * 00 00", "0044 20 7946 0000"). Staff call the number; they do not need E.164.
 */
const phoneSchema = z.string({ error: typeMessage('Phone', 'text') }).check(
  z.trim(),
  z.regex(/^\+?[\d\s\-()]+$/, {
    error: 'Phone may contain only digits, spaces, brackets, "-" and a leading "+", e.g. +7 (495) 123-45-67.',
  }),
  z.refine(
    (s) => {
      const digits = s.replace(/\D/g, '').length;
      return digits >= 5 && digits <= 20;
    },
    { error: 'Phone must have between 5 and 20 digits.' },
  ),
);

export const applicantSchema = meta(
  strictObject('Applicant', {
    fullName: fullNameSchema,
    birthDate: birthDateSchema,
    email: z.optional(emailSchema),
    phone: z.optional(phoneSchema),
    address: z.optional(text('Address', 500)),
    preferredLanguage: z._default(languageSchema, 'ru'),
    nationalId: z.optional(text('National ID', 50)),
  }).check(
    z.refine((a) => a.email !== undefined || a.phone !== undefined || a.address !== undefined, {
      error: 'Give at least one way to contact you: an email, a phone number or a postal address.',
      // Runs even when other applicant fields failed, so that all problems are reported at once.
      when: (payload) =>
        isObject(payload) &&
        at(payload.value, 'email') === undefined &&
        at(payload.value, 'phone') === undefined &&
        at(payload.value, 'address') === undefined,
    }),
  ),
  { id: 'Applicant' },
);

export type Applicant = z.infer<typeof applicantSchema>;

// --- household --------------------------------------------------------------------------------

export const householdSchema = meta(
  strictObject('Household', {
    size: wholeNumber('Household size', 1, 30),
    children: wholeNumber('Number of children', 0, 30),
    monthlyIncome: moneySchema,
  }).check(
    z.superRefine(
      (h, ctx) => {
        if (h.children > h.size) {
          ctx.addIssue({
            code: 'custom',
            path: ['children'],
            message: `Number of children (${h.children}) cannot be larger than the household size (${h.size}): the size counts everyone in the household, children included.`,
          });
        }
      },
      {
        when: (payload) =>
          typeof at(payload.value, 'size') === 'number' && typeof at(payload.value, 'children') === 'number',
      },
    ),
  ),
  {
    id: 'Household',
    description: 'Everyone living in the household (children included) and their total monthly income.',
  },
);

export type Household = z.infer<typeof householdSchema>;

// --- payout -----------------------------------------------------------------------------------

/** ISO 13616 check: move the first four characters to the end, letters to numbers, remainder mod 97 = 1. */
export function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 && code <= 90 ? String(code - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

const withoutSpaces = (s: string) => s.replace(/[\s-]+/g, '').toUpperCase();

const ibanSchema = z.string({ error: typeMessage('IBAN', 'text') }).check(
  z.overwrite(withoutSpaces),
  z.superRefine((iban, ctx) => {
    if (/^\d{20}$/.test(iban)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'This looks like a 20-digit Russian account number, not an IBAN: send it as "accountNumber" with the bank\'s 9-digit BIC in "bic".',
      });
    } else if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'IBAN must start with a two-letter country code and two check digits, e.g. DE89 3704 0044 0532 0130 00.',
      });
    } else if (!ibanChecksumValid(iban)) {
      ctx.addIssue({ code: 'custom', message: "The IBAN's check digits do not match: look for a typo." });
    }
  }),
);

const accountNumberSchema = z
  .string({ error: typeMessage('Account number', 'text') })
  .check(
    z.overwrite(withoutSpaces),
    z.regex(/^\d{20}$/, { error: 'Account number must have exactly 20 digits.' }),
  );

const RU_BIC = /^\d{9}$/;
const SWIFT_BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

const bicSchema = z.string({ error: typeMessage('BIC', 'text') }).check(
  z.overwrite(withoutSpaces),
  z.refine((s) => RU_BIC.test(s) || SWIFT_BIC.test(s), {
    error: 'BIC must be a 9-digit Russian BIC (БИК) or an 8- or 11-character SWIFT code.',
  }),
);

/**
 * Bank transfer to either an IBAN (checked with mod 97) or a domestic Russian 20-digit account
 * number, which has no IBAN and needs the bank's 9-digit BIC (БИК) to be routed. Exactly one of
 * `iban` / `accountNumber`. The Russian account's control key is not checked: a false rejection
 * would stop a valid application, while a typo is caught by the bank as a failed payment.
 */
const bankTransferSchema = meta(
  strictObject('Payout', {
    method: z.literal('bank_transfer'),
    accountHolder: text('Account holder', 200),
    iban: z.optional(ibanSchema),
    accountNumber: z.optional(accountNumberSchema),
    bic: z.optional(bicSchema),
  }).check(
    z.superRefine(
      (p, ctx) => {
        const hasIban = at(p, 'iban') !== undefined;
        const hasAccount = at(p, 'accountNumber') !== undefined;
        const bic = at(p, 'bic');
        if (!hasIban && !hasAccount) {
          ctx.addIssue({
            code: 'custom',
            path: ['iban'],
            message:
              'Give the account to pay into: an IBAN in "iban", or a 20-digit Russian account number in "accountNumber" with the bank\'s BIC in "bic".',
          });
        }
        if (hasIban && hasAccount) {
          ctx.addIssue({
            code: 'custom',
            path: ['accountNumber'],
            message: 'Give either "iban" or "accountNumber", not both.',
          });
        }
        if (hasAccount && !hasIban) {
          if (bic === undefined) {
            ctx.addIssue({
              code: 'custom',
              path: ['bic'],
              message: 'A 20-digit account number needs the bank\'s 9-digit BIC (БИК) in "bic".',
            });
          } else if (typeof bic === 'string' && SWIFT_BIC.test(withoutSpaces(bic))) {
            ctx.addIssue({
              code: 'custom',
              path: ['bic'],
              message:
                'With a Russian account number, "bic" must be the bank\'s 9-digit BIC (БИК), not a SWIFT code.',
            });
          }
        }
      },
      { when: isObject },
    ),
  ),
  { id: 'BankTransferPayout' },
);

const cashDeskSchema = meta(strictObject('Payout', { method: z.literal('cash_desk') }), {
  id: 'CashDeskPayout',
});

const inKindSchema = meta(
  strictObject('Payout', {
    method: z.literal('in_kind'),
    deliveryAddress: z.optional(text('Delivery address', 500)),
  }),
  { id: 'InKindPayout' },
);

export const payoutMethods = ['bank_transfer', 'cash_desk', 'in_kind'] as const;
export type PayoutMethod = (typeof payoutMethods)[number];

const payoutTypeMessage = typeMessage('Payout', 'an object');

export const payoutSchema = meta(
  z.discriminatedUnion('method', [bankTransferSchema, cashDeskSchema, inKindSchema], {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? 'Choose how the aid is given: "method" must be bank_transfer, cash_desk or in_kind.'
        : payoutTypeMessage(issue),
  }),
  { id: 'Payout' },
);

export type Payout = z.infer<typeof payoutSchema>;

// --- the application --------------------------------------------------------------------------

const categoriesSchema = z
  .array(catalogueCodeSchema('Recipient category'), {
    error: typeMessage('Categories', 'a list of category codes'),
  })
  .check(
    z.minLength(1, { error: 'Choose at least one recipient category.' }),
    z.superRefine(
      (categories, ctx) => {
        categories.forEach((c, i) => {
          if (categories.indexOf(c) !== i) {
            ctx.addIssue({
              code: 'custom',
              path: [i],
              message: `Category "${c}" is listed more than once: list each category once.`,
            });
          }
        });
      },
      { when: (payload) => Array.isArray(payload.value) },
    ),
  );

const requestedAmountSchema = moneySchema.check(
  z.refine((m) => m.minor > 0, {
    error: 'Requested amount must be more than zero.',
    path: ['minor'],
    when: (payload) => typeof at(payload.value, 'minor') === 'number',
  }),
);

export const aidApplicationSchema = meta(
  strictObject('Application', {
    applicant: applicantSchema,
    categories: categoriesSchema,
    household: householdSchema,
    // A code of the catalogue, which grows without a release: its shape is checked here, its
    // existence against the stored catalogue (aidApplicationSchemaAt's `catalogue`).
    aidType: catalogueCodeSchema('Aid type'),
    requestedAmount: requestedAmountSchema,
    reason: text('Reason', 4000),
    payout: payoutSchema,
  }).check(
    z.superRefine(
      (app, ctx) => {
        const incomeCurrency = at(app, 'household', 'monthlyIncome', 'currency');
        const requestedCurrency = at(app, 'requestedAmount', 'currency');
        if (
          typeof incomeCurrency === 'string' &&
          typeof requestedCurrency === 'string' &&
          incomeCurrency !== requestedCurrency
        ) {
          ctx.addIssue({
            code: 'custom',
            path: ['requestedAmount', 'currency'],
            message: `Requested amount must be in the same currency as the household income (${incomeCurrency}).`,
          });
        }
      },
      { when: isObject },
    ),
  ),
  {
    id: 'AidApplication',
    description: 'An application for social aid (POST /v1/aid-applications).',
  },
);

export type AidApplication = z.infer<typeof aidApplicationSchema>;
/** The body as sent (before defaults such as preferredLanguage are applied). */
export type AidApplicationInput = z.input<typeof aidApplicationSchema>;

export interface ApplicationContext {
  /** The office's currency: amounts in another currency are refused at the door. */
  currency?: string;
  /** The aid types and categories on offer (the stored catalogue); the release's seed when absent. */
  catalogue?: CatalogueCodes;
}

const seedCodes = codesOf(seedCatalogue);

/**
 * The full submission check: the static schema plus the checks that need today's date (birth
 * date not in the future) and the office's policy (currency). `today` is a YYYY-MM-DD date or an
 * instant (taken as its UTC date).
 */
export function aidApplicationSchemaAt(today: IsoDate | Date, context: ApplicationContext = {}) {
  const todayDate = today instanceof Date ? toIsoDate(today) : today;
  const codes = context.catalogue ?? seedCodes;
  let schemasByDay = schemasByCatalogue.get(codes);
  if (!schemasByDay) {
    schemasByDay = new Map();
    schemasByCatalogue.set(codes, schemasByDay);
  }
  const key = `${todayDate}|${context.currency ?? ''}`;
  let schema = schemasByDay.get(key);
  if (!schema) {
    // zod compiles a schema on its first parse; keep the few in use (one per day and currency) warm.
    if (schemasByDay.size >= 8) schemasByDay.clear();
    schema = buildSchemaAt(todayDate, context.currency, codes);
    schemasByDay.set(key, schema);
  }
  return schema;
}

/** Keyed by the catalogue's codes object: a reloaded catalogue is a new object, its schemas new ones. */
const schemasByCatalogue = new WeakMap<CatalogueCodes, Map<string, ReturnType<typeof buildSchemaAt>>>();

function unknownCode(label: string, code: string, known: readonly string[]): string {
  return `Unknown ${label} "${code}". Use one of: ${known.join(', ')}.`;
}

function buildSchemaAt(todayDate: IsoDate, currency: string | undefined, codes: CatalogueCodes) {
  const aidTypes = new Set(codes.aidTypes);
  const categories = new Set(codes.categories);
  return aidApplicationSchema.check(
    z.superRefine(
      (app, ctx) => {
        const birthDate = at(app, 'applicant', 'birthDate');
        if (typeof birthDate === 'string' && birthDate > todayDate) {
          ctx.addIssue({
            code: 'custom',
            path: ['applicant', 'birthDate'],
            message: 'Birth date cannot be in the future: check the year.',
          });
        }
        const aidType = at(app, 'aidType');
        if (typeof aidType === 'string' && !aidTypes.has(aidType)) {
          ctx.addIssue({
            code: 'custom',
            path: ['aidType'],
            message: unknownCode('aid type', aidType, codes.aidTypes),
          });
        }
        const claimed = at(app, 'categories');
        if (Array.isArray(claimed)) {
          claimed.forEach((c, i) => {
            if (typeof c === 'string' && !categories.has(c)) {
              ctx.addIssue({
                code: 'custom',
                path: ['categories', i],
                message: unknownCode('recipient category', c, codes.categories),
              });
            }
          });
        }
        if (currency === undefined) return;
        for (const path of [['household', 'monthlyIncome'], ['requestedAmount']]) {
          const given = at(app, ...path, 'currency');
          if (typeof given === 'string' && /^[A-Z]{3}$/.test(given) && given !== currency) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'currency'],
              message: `This office pays and assesses income in ${currency}: give the amount in ${currency}.`,
            });
          }
        }
      },
      { when: isObject },
    ),
  );
}
