import * as z from 'zod/mini';
import { applicantSchema } from './applicant.js';
import { aidTypeCodes, categoryCodes } from './catalogue.js';
import { catalogueCodeSchema } from './catalogue-code-schema.js';
import type { CatalogueCodes } from './catalogue-entries.js';
import { type IsoDate, toIsoDate } from './dates.js';
import { lacksDeliveryAddress } from './delivery-address.js';
import { moneySchema } from './money-schema.js';
import { payoutSchema } from './payout.js';
import { at, isObject, meta, strictObject, text, typeMessage, wholeNumber } from './schema-helpers.js';

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
        // In-kind aid is brought to the door: to the delivery address, else to the postal address.
        // With neither, it has nowhere to go.
        if (lacksDeliveryAddress(at(app, 'payout'), at(app, 'applicant', 'address'))) {
          ctx.addIssue({
            code: 'custom',
            path: ['payout', 'deliveryAddress'],
            message:
              'In-kind aid is delivered, and the applicant gave no postal address: give the address to deliver to in "deliveryAddress".',
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

// The release's codes, in seed order (not codesOf(seed): a module-level call stays in every bundle).
const seedCodes: CatalogueCodes = { aidTypes: aidTypeCodes, categories: categoryCodes };

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
