import * as z from 'zod/mini';
import { at, isObject, meta, strictObject, text, typeMessage } from './schema-helpers.js';

/**
 * How aid reaches the applicant (`payout` of an application, and the corrected details of a
 * re-issued payment in a task decision). Its own module so that the task handlers, which check a
 * decision, do not bundle the application's schema (issue 7).
 */

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
