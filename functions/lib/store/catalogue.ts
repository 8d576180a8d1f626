import { aidKinds } from '../../../domain/catalogue.js';
import {
  type AidTypeEntry,
  type AidTypeFacts,
  type Catalogue,
  type CatalogueCodes,
  type CatalogueFacts,
  type CatalogueKind,
  type CategoryEntry,
  codesOf,
  type FundingSourceEntry,
  mergeCatalogue,
  seedCatalogueFacts,
} from '../../../domain/catalogue-entries.js';
import type { RuleSet } from '../../../domain/eligibility.js';
import { tableName } from '../clients.js';
import { queryPartition, ruleSetInForce } from './reads.js';

/**
 * Catalogue and rule-set reads with a short per-container cache. Intake validates every
 * application against the catalogue and pins the rule set in force; reading them per request would
 * add three queries to the path whose latency matters most (issue 7). An administrator's change
 * reaches every container within `cacheMs`; the container that made it sees it at once.
 */
export const cacheMs = 60_000;

interface Cached<T> {
  readonly until: number;
  readonly value: Promise<T>;
}

/** One value per key (table name first, so tests with fresh tables never see each other's). */
class ShortCache<T> {
  private readonly entries = new Map<string, Cached<T>>();

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    // Concurrent requests of a cold container share one load; a failed load is not kept.
    const value = load();
    this.entries.set(key, { until: now + cacheMs, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    if (this.entries.size > 256) this.entries.delete(this.entries.keys().next().value ?? '');
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** What administrators stored, kind by kind, names included. */
export type StoredCatalogue = { readonly [K in CatalogueKind]: readonly Catalogue[K][number][] };

export interface LoadedCatalogue {
  /**
   * The catalogue in force without its names: the release's codes and aid-type defaults extended
   * and overridden by the stored entries. The names are GET /v1/catalogue's alone
   * (use-cases/catalogue-view.ts merges `stored` over the named seed), so no other handler bundles
   * the four-language seed.
   */
  readonly catalogue: CatalogueFacts;
  /** The same object for as long as the catalogue is cached (intake keys its compiled schema by it). */
  readonly codes: CatalogueCodes;
  readonly stored: StoredCatalogue;
}

type StoredItem = Record<string, unknown>;

const isName = (v: unknown): boolean =>
  typeof v === 'object' &&
  v !== null &&
  ['en', 'uk', 'ru', 'zh'].every((l) => typeof (v as Record<string, unknown>)[l] === 'string');

/** A stored item as an entry, or undefined when it is not one (a malformed item is not offered). */
function entryOf(kind: CatalogueKind, item: StoredItem): Catalogue[CatalogueKind][number] | undefined {
  const code = item.code;
  if (typeof code !== 'string' || !isName(item.name)) return undefined;
  const name = item.name as CategoryEntry['name'];
  if (kind !== 'aidTypes') return { code, name } satisfies CategoryEntry | FundingSourceEntry;
  // Seeded and written aid types keep their kind of aid in `kind` (catalogue.ts AidType).
  const aidKind = item.kind;
  if (!(aidKinds as readonly unknown[]).includes(aidKind)) return undefined;
  const sources = Array.isArray(item.defaultFundingSources)
    ? item.defaultFundingSources.filter((s): s is string => typeof s === 'string')
    : [];
  return {
    code,
    name,
    kind: aidKind as AidTypeEntry['kind'],
    defaultFundingSources: sources,
  } satisfies AidTypeEntry;
}

async function loadCatalogue(): Promise<LoadedCatalogue> {
  const stored = async (kind: CatalogueKind) =>
    (await queryPartition<StoredItem>(`CATALOGUE#${kind}`))
      .map((i) => entryOf(kind, i))
      .filter((e) => e !== undefined);
  const [recipientCategories, aidTypes, fundingSources] = await Promise.all([
    stored('recipientCategories'),
    stored('aidTypes') as Promise<AidTypeEntry[]>,
    stored('fundingSources'),
  ]);
  const entries: StoredCatalogue = { recipientCategories, aidTypes, fundingSources };
  const catalogue = mergeCatalogue(seedCatalogueFacts(), entries);
  return { catalogue, codes: codesOf(catalogue), stored: entries };
}

const catalogues = new ShortCache<LoadedCatalogue>();

/** The catalogue in force: the release's seed extended by the stored entries. */
export function currentCatalogue(): Promise<LoadedCatalogue> {
  return catalogues.get(tableName(), loadCatalogue);
}

export async function aidTypeEntry(code: string): Promise<AidTypeFacts | undefined> {
  return (await currentCatalogue()).catalogue.aidTypes.find((t) => t.code === code);
}

/** Where an aid type's money usually comes from, first choice first (none for an unknown type). */
export async function defaultFundingSourcesOf(aidType: string): Promise<readonly string[]> {
  return (await aidTypeEntry(aidType))?.defaultFundingSources ?? [];
}

export async function fundingSourceExists(code: string): Promise<boolean> {
  return (await currentCatalogue()).catalogue.fundingSources.some((s) => s.code === code);
}

const ruleSets = new ShortCache<RuleSet | undefined>();

/**
 * The rule set in force for an aid type on a date: the latest effectiveFrom ≤ date, newest
 * version. Cached briefly like the catalogue (a new version takes effect on a date, never
 * mid-minute).
 */
export function cachedRuleSetInForce(aidType: string, asOfDate: string): Promise<RuleSet | undefined> {
  return ruleSets.get(`${tableName()}|${aidType}|${asOfDate}`, () => ruleSetInForce(aidType, asOfDate));
}

/** After a write in this container: the next read sees it (other containers within `cacheMs`). */
export function forgetCachedCatalogue(): void {
  catalogues.clear();
  ruleSets.clear();
}
