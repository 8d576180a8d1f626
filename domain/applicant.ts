import * as z from 'zod/mini';
import { languages } from './catalogue.js';
import { isoDateSchema } from './dates.js';
import { at, codeEnum, isObject, meta, strictObject, text, typeMessage } from './schema-helpers.js';

/**
 * The person who applies for aid or writes an appeal (`applicant` of both bodies). Its own module
 * so that the appeal handlers do not bundle the aid application's schema (issue 7).
 */

export const languageSchema = meta(codeEnum('Language', languages), { id: 'Language' });

const CONTROL_CHARACTERS = /\p{Cc}/u;

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

/**
 * zod's "practical email validation" (`z.regexes.email`), copied: reading it through `z.regexes`
 * puts all of zod's regexes (6.5 KB) into the bundle. One change: the last label may also be an
 * internationalised one in its ASCII form (`xn--p1ai` is .рф), because Chromium's email input
 * hands over `ivan@почта.рф` as `ivan@xn--80a1acny.xn--p1ai`. test/domain/applicant.test.ts
 * keeps the rest of the copy in step with zod's.
 */
export const EMAIL =
  // biome-ignore lint/complexity/noUselessEscapeInRegex: zod's source as it is (the OpenAPI document shows it)
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+(?:[A-Za-z]{2,}|xn--[A-Za-z0-9\-]*[A-Za-z0-9])$/;

const NON_ASCII = /[^\p{ASCII}]/u;
/** Only letters, digits, hyphens and dots: the URL parser would drop a path or a port silently. */
const HOST_NAME_CHARACTERS = /^[\p{L}\p{M}\p{N}.-]+$/u;

/**
 * The domain of an address written in its own script (`почта.рф`, as a client other than Chromium
 * may send it) in the ASCII form Chromium sends and SES needs, so that one mailbox is stored one
 * way whichever browser sent it. The part before @ is left as it is: EMAIL still refuses
 * non-ASCII there, as mail providers do. A domain that is no host name at all is left for EMAIL to refuse.
 */
function withAsciiDomain(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  if (at < 0 || !NON_ASCII.test(domain) || !HOST_NAME_CHARACTERS.test(domain)) return address;
  try {
    return `${address.slice(0, at + 1)}${new URL(`http://${domain}`).hostname}`;
  } catch {
    return address;
  }
}

const emailSchema = meta(
  z.string({ error: typeMessage('Email', 'text') }).check(
    z.trim(),
    z.overwrite(withAsciiDomain),
    z.maxLength(254, { error: 'Email must be at most 254 characters long.' }),
    z.regex(EMAIL, {
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
