import {
  type AidKind,
  aidTypeCodes,
  aidTypeDefaults,
  categoryCodes,
  fundingSourceCodes,
  type LocalizedText,
} from './catalogue.js';

/**
 * The catalogue as data an administrator changes through the API (PUT /v1/catalogue/{kind}/{code})
 * and everyone reads (GET /v1/catalogue). The release's seed (catalogue.ts, named in
 * catalogue-seed.ts) is its base; the stored entries extend it and, code for code, replace it.
 * What a written entry must look like is catalogue-entry-schemas.ts.
 */

/** The kinds an administrator may change, as path segments, and the catalogue's key for each. */
export const catalogueKindPaths = {
  'recipient-categories': 'recipientCategories',
  'aid-types': 'aidTypes',
  'funding-sources': 'fundingSources',
} as const;
export type CatalogueKindPath = keyof typeof catalogueKindPaths;
export type CatalogueKind = (typeof catalogueKindPaths)[CatalogueKindPath];

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

/** An aid type without its names: what intake, approval and the funds go by. */
export type AidTypeFacts = Omit<AidTypeEntry, 'name'>;

/**
 * The catalogue without its names: all any handler but GET /v1/catalogue needs, so that they do not
 * carry the four-language seed (issue 7). A `Catalogue` is one too.
 */
export interface CatalogueFacts {
  readonly recipientCategories: readonly { readonly code: string }[];
  readonly aidTypes: readonly AidTypeFacts[];
  readonly fundingSources: readonly { readonly code: string }[];
}

/** The release's seed without its names (catalogue-seed.ts has them), in seed order. */
export function seedCatalogueFacts(): CatalogueFacts {
  return {
    recipientCategories: categoryCodes.map((code) => ({ code })),
    aidTypes: aidTypeCodes.map((code) => ({ code, ...aidTypeDefaults[code] })),
    fundingSources: fundingSourceCodes.map((code) => ({ code })),
  };
}

type StoredEntries<C extends CatalogueFacts> = { readonly [K in CatalogueKind]: readonly C[K][number][] };

/**
 * The seed, extended and overridden code for code by the stored entries (seed order first, then
 * entries added later in code order). A table nobody seeded still offers the release's catalogue.
 */
export function mergeCatalogue(seed: Catalogue, stored: StoredEntries<Catalogue>): Catalogue;
export function mergeCatalogue(seed: CatalogueFacts, stored: StoredEntries<CatalogueFacts>): CatalogueFacts;
export function mergeCatalogue(seed: CatalogueFacts, stored: StoredEntries<CatalogueFacts>): CatalogueFacts {
  function merge<T extends { readonly code: string }>(base: readonly T[], over: readonly T[]): T[] {
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

export function codesOf(catalogue: CatalogueFacts): CatalogueCodes {
  return {
    aidTypes: catalogue.aidTypes.map((t) => t.code),
    categories: catalogue.recipientCategories.map((c) => c.code),
  };
}
