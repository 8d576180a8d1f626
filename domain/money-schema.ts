import * as z from 'zod/mini';
import { meta, strictObject, typeMessage } from './schema-helpers.js';

// Apart from money.ts, whose arithmetic and formatting the web app's start page uses without zod
// (docs/performance.md §17).

export const currencySchema = z.string({ error: typeMessage('Currency', 'text') }).check(
  z.regex(/^[A-Z]{3}$/, {
    error: 'Currency must be a three-letter ISO 4217 code in capital letters, such as "RUB".',
  }),
);

export const moneySchema = meta(
  strictObject('Amount', {
    currency: currencySchema,
    minor: z.number({ error: typeMessage('Amount in minor units', 'a number') }).check(
      z.int({
        error:
          'Amount must be a whole number of minor units (kopecks or cents): 5 000.00 RUB is written as 500000.',
      }),
      z.gte(0, { error: 'Amount must not be negative.' }),
      z.lte(Number.MAX_SAFE_INTEGER, { error: 'Amount is too large.' }),
    ),
  }),
  {
    id: 'Money',
    description: 'An amount in integer minor units (kopecks, cents) of an ISO 4217 currency.',
    examples: [{ currency: 'RUB', minor: 500000 }],
  },
);
