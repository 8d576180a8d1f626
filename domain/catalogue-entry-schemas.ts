import * as z from 'zod/mini';
import { aidKinds } from './catalogue.js';
import { catalogueCodeSchema } from './catalogue-code-schema.js';
import type { CatalogueKind } from './catalogue-entries.js';
import { localizedTextSchema } from './localized-text-schema.js';
import { codeEnum, meta, strictObject } from './schema-helpers.js';

/**
 * The body of PUT /v1/catalogue/{kind}/{code}, per kind. Apart from catalogue-entries.ts, which
 * every handler that reads the catalogue imports: only the write route and the OpenAPI document
 * need these schemas (issue 7).
 */

export const categoryEntrySchema = meta(
  strictObject('Recipient category', {
    name: localizedTextSchema,
  }),
  { id: 'RecipientCategoryEntry', description: 'A recipient category, named in en, uk, ru and zh.' },
);

export const fundingSourceEntrySchema = meta(
  strictObject('Funding source', {
    name: localizedTextSchema,
  }),
  { id: 'FundingSourceEntry', description: 'A funding source, named in en, uk, ru and zh.' },
);

export const aidTypeEntrySchema = meta(
  strictObject('Aid type', {
    name: localizedTextSchema,
    kind: codeEnum('Aid kind', aidKinds),
    /** First choice first; each must be a funding source of the catalogue. */
    defaultFundingSources: z._default(
      z
        .array(catalogueCodeSchema('Funding source'), {
          error: 'Default funding sources must be a list of codes.',
        })
        .check(z.maxLength(10, { error: 'List at most 10 default funding sources.' })),
      [],
    ),
  }),
  {
    id: 'AidTypeEntry',
    description: 'An aid type: its names, its kind and the funding sources it is usually paid from.',
  },
);

export const catalogueEntrySchemas = {
  recipientCategories: categoryEntrySchema,
  aidTypes: aidTypeEntrySchema,
  fundingSources: fundingSourceEntrySchema,
} as const satisfies Record<CatalogueKind, z.ZodMiniType>;
