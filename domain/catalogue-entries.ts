import * as z from 'zod/mini';
import {
  type AidKind,
  aidKinds,
  aidTypes,
  fundingSources,
  type LocalizedText,
  localizedTextSchema,
  recipientCategories,
} from './catalogue.js';
import { codeEnum, meta, strictObject } from './schema-helpers.js';

/**
 * The catalogue as data an administrator changes through the API (PUT /v1/catalogue/{kind}/{code})
 * and everyone reads (GET /v1/catalogue). The lists in catalogue.ts are the release's seed; the
 * stored entries extend it and, code for code, replace it.
 */

/** The kinds an administrator may change, as path segments, and the catalogue's key for each. */
export const catalogueKindPaths = {
  'recipient-categories': 'recipientCategories',
  'aid-types': 'aidTypes',
  'funding-sources': 'fundingSources',
} as const;
export type CatalogueKindPath = keyof typeof catalogueKindPaths;
export type CatalogueKind = (typeof catalogueKindPaths)[CatalogueKindPath];
export const catalogueKinds = Object.values(catalogueKindPaths) as readonly CatalogueKind[];

const CODE = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * The shape of a catalogue code (snake_case, as DOMAIN.md's codes). Whether the code exists is a
 * question for the stored catalogue, not for the schema: codes are added without a release.
 */
export function catalogueCodeSchema(label: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${label} is required.` : `${label} must be a code (text).`,
    })
    .check(
      z.regex(CODE, {
        error: `${label} must be a code in lower case with underscores, e.g. "food_set" (at most 64 characters).`,
      }),
    );
}

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

export interface CategoryEntry {
  readonly code: string;
  readonly name: LocalizedText;
}
export interface FundingSourceEntry {
  readonly code: string;
  readonly name: LocalizedText;
}
export interface AidTypeEntry {
  readonly code: string;
  readonly name: LocalizedText;
  readonly kind: AidKind;
  readonly defaultFundingSources: readonly string[];
}

/** GET /v1/catalogue: what an applicant may choose and where money comes from. */
export interface Catalogue {
  readonly recipientCategories: readonly CategoryEntry[];
  readonly aidTypes: readonly AidTypeEntry[];
  readonly fundingSources: readonly FundingSourceEntry[];
}

/** The release's seed as a catalogue. */
export const seedCatalogue: Catalogue = {
  recipientCategories: recipientCategories.map(({ code, name }) => ({ code, name })),
  aidTypes: aidTypes.map(({ code, name, kind, defaultFundingSources }) => ({
    code,
    name,
    kind,
    defaultFundingSources,
  })),
  fundingSources: fundingSources.map(({ code, name }) => ({ code, name })),
};

/**
 * The seed, extended and overridden code for code by the stored entries (seed order first, then
 * entries added later in code order). A table nobody seeded still offers the release's catalogue.
 */
export function mergeCatalogue(
  seed: Catalogue,
  stored: { [K in CatalogueKind]: readonly Catalogue[K][number][] },
): Catalogue {
  function merge<T extends { code: string }>(base: readonly T[], over: readonly T[]): T[] {
    const byCode = new Map(over.map((e) => [e.code, e]));
    const merged = base.map((e) => byCode.get(e.code) ?? e);
    const known = new Set(base.map((e) => e.code));
    const added = over.filter((e) => !known.has(e.code)).sort((a, b) => a.code.localeCompare(b.code));
    return [...merged, ...added];
  }
  return {
    recipientCategories: merge(seed.recipientCategories, stored.recipientCategories),
    aidTypes: merge(seed.aidTypes, stored.aidTypes),
    fundingSources: merge(seed.fundingSources, stored.fundingSources),
  };
}

/** The codes an application may use, for the intake's check (aid-application.ts). */
export interface CatalogueCodes {
  readonly aidTypes: readonly string[];
  readonly categories: readonly string[];
}

export function codesOf(catalogue: Catalogue): CatalogueCodes {
  return {
    aidTypes: catalogue.aidTypes.map((t) => t.code),
    categories: catalogue.recipientCategories.map((c) => c.code),
  };
}
